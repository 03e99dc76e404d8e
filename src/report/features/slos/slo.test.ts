/**
 * SLO evaluation: the value of each bound from the summaries of the replications, the verdict
 * on the mean, the verdict with confidence, and the words; and `run --check`'s exit code.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../metrics/summary.ts';
import type { SloDef } from '../../../scenario/types.ts';
import { evaluateSlos, sloLine } from './slo.ts';

/** A summary with one endpoint: `ok` of 1000 succeeded, p99 `p99`, and a database at `util`. */
function summary(ok: number, p99: number, util: number): RunSummary {
  const group = {
    finished: 1000,
    outcomes: { ok, rejected: 0, timedOut: 1000 - ok, failed: 0 },
    errorRate: (1000 - ok) / 1000,
    throughputPerSec: ok / 10,
    latency: {
      count: ok,
      meanMs: p99 / 3,
      p50Ms: p99 / 4,
      p90Ms: p99 / 2,
      p99Ms: p99,
      p999Ms: p99 * 1.5,
      maxMs: p99 * 2,
    },
  };
  return {
    overall: group,
    endpoints: [{ endpoint: 'shop/buy', ...group }],
    components: [{ id: 'db', utilisation: util }],
  } as unknown as RunSummary;
}

const bound = (over: Partial<SloDef>): SloDef => ({
  name: 'x',
  description: '',
  scope: 'endpoint',
  id: 'shop/buy',
  metric: 'p99Ms',
  bound: 'max',
  threshold: 100,
  text: 'p99 ≤ 100ms',
  ...over,
});

describe('SLO evaluation', () => {
  it('judges each bound on the mean over replications, and with confidence', () => {
    const reps = [summary(999, 80, 0.5), summary(998, 90, 0.6), summary(1000, 85, 0.55)];
    const [p99, avail, util] = evaluateSlos(
      [
        bound({}),
        bound({
          metric: 'availability',
          bound: 'min',
          threshold: 0.999,
          text: 'availability ≥ 99.9%',
        }),
        bound({
          scope: 'component',
          id: 'db',
          metric: 'utilisation',
          threshold: 0.5,
          text: 'utilisation ≤ 50%',
        }),
      ],
      reps,
    );
    expect(p99.values).toEqual([80, 90, 85]);
    expect(p99.pass).toBe(true);
    // mean 85, sd 5, t(0.975, 2) = 4.303: half-width 12.4 → [72.6, 97.4], all below 100
    expect(p99.passWithConfidence).toBe(true);
    expect(avail.estimate.mean).toBeCloseTo(0.999, 12);
    expect(avail.pass).toBe(true); // 0.999 ≥ 0.999
    expect(avail.passWithConfidence).toBeNull(); // the interval straddles the bound
    expect(util.pass).toBe(false);
    expect(sloLine(util)).toMatch(/^✗ x \(db\): utilisation ≤ 50% — 55\.00 %, 95 % CI \[/);
    expect(sloLine(p99)).toMatch(
      /^✓ x \(shop\/buy\): p99 ≤ 100ms — 85\.00 ms, 95 % CI \[72\.\d\d ms, 97\.\d\d ms\]$/,
    );
  });

  it('fails a bound nothing measured', () => {
    const [r] = evaluateSlos([bound({ id: 'shop/none' })], [summary(1000, 10, 0.1)]);
    expect(r.pass).toBe(false);
    expect(sloLine(r)).toContain('not measured');
  });
});

describe('msasim run --check', () => {
  const run = promisify(execFile);
  const root = join(import.meta.dirname, '..', '..', '..', '..');
  it('exits 3 when an SLO is missed (the report is still written)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'check-'));
    const r = await run(
      'node',
      [join(root, 'bin', 'msasim'), 'run', 'scenarios/01-shared-db.yaml', '--check', '--out', out],
      { cwd: root },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('✗ --check: 4 of 6 SLO bounds missed (exit 3)');
  }, 30_000);
});
