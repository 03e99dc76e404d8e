/**
 * SweepData: the results of `msasim sweep` — a grid of parameter values (each a `set:` path of
 * the scenario, as in variants) × the scenario's variants × replications — as one JSON
 * document (sweep.json), from which sweep.csv and sweep.html are built. Points are in grid
 * order (the first parameter varies slowest), so the same sweep gives the same bytes however
 * its points were scheduled, sharded or resumed.
 */
import type { MetricEstimate } from './key-metrics.ts';

/** A swept parameter: a dotted `set:` path and the values it takes, in the order given. */
export interface SweepParam {
  path: string;
  values: (number | string | boolean)[];
}

/** One point of the grid for one variant. */
export interface SweepPoint {
  /** Position in the grid (0-based, first parameter slowest). */
  index: number;
  /** Parameter path → the value at this point. */
  values: Record<string, number | string | boolean>;
  /** The variant (null for a scenario without variants). */
  variant: string | null;
  /** Key metrics over the replications, with 95 % confidence intervals (null bounds when 1). */
  estimates: MetricEstimate[];
}

/** The whole sweep. */
export interface SweepData {
  format: number;
  scenario: { name: string; description: string; file: string };
  params: SweepParam[];
  replications: number;
  /** The seed of each replication (common random numbers across points and variants). */
  seeds: (number | string)[];
  points: SweepPoint[];
}
