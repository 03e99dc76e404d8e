/**
 * Distributions and key-access patterns as written in a scenario (a number, a duration, or
 * `{ dist: …, … }`) turned into the specs the engine draws from (engine/distributions.ts,
 * engine/key-distributions.ts). Assumes the values passed the schema and reference checks.
 */
// from the modules themselves, not engine/index.ts: the language loads no simulator
import { type DistributionSpec, lognormalFromMeanP99 } from '../engine/distributions.ts';
import type { KeyDistributionSpec } from '../engine/key-distributions.ts';
import type * as S from './schema.ts';
import { parseDurationMs } from './units.ts';

type Dist<V> = V | ({ dist: string } & Record<string, unknown>);
type Duration = number | string;
type Z<T> = import('zod').output<T>;

/** A duration distribution in ms. */
export function durationDist(value: Dist<Duration>): DistributionSpec {
  return toSpec(value, parseDurationMs);
}

/** A count distribution (unitless). */
export function countDist(value: Dist<number>): DistributionSpec {
  return toSpec(value, (v) => v);
}

function toSpec<V>(value: Dist<V>, unit: (v: V) => number): DistributionSpec {
  if (typeof value !== 'object' || value === null)
    return { kind: 'constant', value: unit(value as V) };
  const d = value as Record<string, unknown> & { dist: string };
  const u = (key: string) => unit(d[key] as V);
  switch (d.dist) {
    case 'constant':
      return { kind: 'constant', value: u('value') };
    case 'uniform':
      return { kind: 'uniform', min: u('min'), max: u('max') };
    case 'exponential':
      return { kind: 'exponential', mean: u('mean') };
    case 'normal':
      return { kind: 'normal', mean: u('mean'), sd: u('sd') };
    case 'lognormal': {
      if (d.median !== undefined)
        return { kind: 'lognormal', mu: Math.log(u('median')), sigma: d.sigma as number };
      const p = lognormalFromMeanP99(u('mean'), u('p99'));
      if (p === undefined)
        throw new Error('lognormal mean/p99 passed validation but has no solution');
      return { kind: 'lognormal', ...p };
    }
    case 'gamma':
      return { kind: 'gamma', shape: d.shape as number, scale: u('mean') / (d.shape as number) };
    case 'erlang':
      return { kind: 'gamma', shape: d.k as number, scale: u('mean') / (d.k as number) };
    case 'pareto':
      return { kind: 'pareto', shape: d.shape as number, scale: u('scale') };
    case 'empirical': {
      const values = (d.values as V[]).map(unit);
      return {
        kind: 'empirical',
        values,
        weights: (d.weights as number[] | undefined) ?? values.map(() => 1),
      };
    }
    default:
      throw new Error(`unknown distribution ${d.dist}`);
  }
}

/** A key access pattern as a KeyDistributionSpec. */
export function keyAccess(a: Z<typeof S.KeyAccess>): KeyDistributionSpec {
  const kind = typeof a === 'string' ? a : a.dist;
  switch (kind) {
    case 'zipf':
      return { kind: 'zipf', s: (a as { s: number }).s };
    case 'hot-set': {
      const h = a as { keys: number; accesses: number };
      return { kind: 'hot-set', keyFraction: h.keys, accessFraction: h.accesses };
    }
    case 'sequential':
      return { kind: 'sequential' };
    default:
      return { kind: 'uniform' };
  }
}
