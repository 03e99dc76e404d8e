/**
 * A variant none of whose requests was answered (every one timed out) has no latency: its
 * percentiles are "not measured" in the key metrics (so no "p50 −100 % vs baseline — better"),
 * '–' in the console's endpoint and comparison tables, and empty cells in endpoints.csv and
 * compare.csv — not the 0 ms the summary keeps for an empty histogram, which read as the fastest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../metrics/summary.ts';
import { replicate } from '../../../test-support/replicate.ts';
import { compareVariants, estimateMetrics } from '../../estimates.ts';
import type { ScenarioResults } from '../../results.ts';
import { compareCsv, compareRow } from '../comparison/compare.ts';
import { endpointTable } from './endpoints.ts';

const TIMED_OUT = `
version: 1
name: timed-out
duration: 4s
warmup: 1s
workloads:
  visitors: { rate: 100/s, target: web/home, timeout: 50ms }
services:
  web:
    endpoints:
      home: { steps: [ { cpu: 1ms }, { sleep: 10ms } ] }
variants:
  answered: {}
  too-slow: { set: { "services.web.endpoints.home.steps[1].sleep": 100ms } }
`;

let results: ScenarioResults;
let replications: RunSummary[][];
let slow: RunSummary;

beforeAll(async () => {
  results = await replicate(TIMED_OUT, 'timed-out.yaml', 2);
  replications = results.replications ?? [];
  slow = replications[1][0];
});

describe('a variant whose every request timed out', () => {
  it('is the case under test: nothing answered, the summary says 0 ms', () => {
    expect(slow.overall.outcomes.ok).toBe(0);
    expect(slow.overall.latency).toMatchObject({ count: 0, p50Ms: 0, p99Ms: 0 });
  });

  it('has no latency key metric, so no difference calls it better', () => {
    const keys = estimateMetrics(replications[1]).map((e) => e.key);
    expect(keys).not.toContain('overall||p50Ms');
    expect(keys).not.toContain('overall||p99Ms');
    expect(keys).toContain('overall||errorRate');
    const [comparison] = compareVariants(['answered', 'too-slow'], replications);
    const latency = comparison.metrics.filter((m) => m.scope !== 'component' && m.unit === 'ms');
    expect(latency.map((m) => m.key)).toEqual([]);
    const errors = comparison.metrics.find((m) => m.key === 'overall||errorRate');
    expect(errors?.better).toBe(false);
  });

  it("shows '–' for its latency in the console and leaves the CSV cells empty", () => {
    const table = endpointTable(slow).split('\n');
    expect(table[0]).toMatch(/p50 ms +p90 ms +p99 ms +p99\.9 ms +max ms/);
    expect(table[2]).toMatch(/100\.0% +– +– +– +– +–/);
    expect(Number.isNaN(compareRow(slow).p50Ms)).toBe(true);
    const [, answered, tooSlow] = compareCsv(results).trimEnd().split('\n');
    expect(answered).toMatch(/^answered,,1\d\.?\d*,/);
    expect(tooSlow).toMatch(/^too-slow,,,,,0,1,/);
  });
});
