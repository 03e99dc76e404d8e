/**
 * `--replications` end to end: compare prints the estimates with their confidence intervals
 * and the paired differences in words; the files carry the bounds; the built binary given the
 * same command writes the same bytes (the in-process run is shared with the browser test:
 * test-support/shipped-runs.ts).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msasimSpawned } from '../test-support/cli.ts';
import { OUT, REPLICATED_COMPARE, sharedRun } from '../test-support/shipped-runs.ts';

describe('msasim compare --replications', () => {
  it('prints means ± CI and significant differences, and is deterministic', async () => {
    const first = await sharedRun(REPLICATED_COMPARE.key, REPLICATED_COMPARE.args);
    expect(first.code, first.stderr).toBe(0);
    const out = join(await mkdtemp(join(tmpdir(), 'msasim-rep-')), 'report');
    const second = await msasimSpawned(REPLICATED_COMPARE.args.map((a) => (a === OUT ? out : a)));
    expect(second.code, second.stderr).toBe(0);
    const text = first.stdout;
    expect(second.stdout).toBe(text);
    expect(text).toContain('■ 3 replications: mean ± half-width of the 95 % confidence interval');
    expect(text).toMatch(/\np99 +[\d.]+ ± [\d.]+ +[\d.]+ ± [\d.]+\n/);
    expect(text).toMatch(/• shared-db: p99 [+−][\d.]+ % vs db-per-service, 95 % CI \[/);
    const summary = JSON.parse(await readFile(join(first.out, 'summary.json'), 'utf8'));
    expect(summary.replications).toBe(3);
    expect(summary.seeds).toEqual([1, '1/2', '1/3']);
    for (const f of ['summary.json', 'estimates.csv', 'differences.csv', 'results.json'])
      expect(await readFile(join(out, f), 'utf8'), f).toBe(
        await readFile(join(first.out, f), 'utf8'),
      );
  });
});
