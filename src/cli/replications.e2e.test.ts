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
import { msasimInProcess, msasimSpawned } from '../test-support/cli.ts';
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

describe('msasim run --precision and --warmup auto', () => {
  it('adds replications up to the cap and says plainly that the precision was not reached', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'msasim-prec-')), 'report');
    const r = await msasimInProcess([
      'run',
      'scenarios/validation/mm1.yaml',
      '--duration',
      '20s',
      '--precision',
      '0.1%',
      '--max-replications',
      '3',
      '--wide', // the sentence on one line
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const said =
      /--precision 0\.1 % NOT reached: stopped at the cap of 3 replications \(--max-replications\); furthest: mm1: [^\n]+ ±\d+\.\d %\./;
    expect(r.stderr).toMatch(said);
    expect(r.stdout).toMatch(said); // in the highlights, first
    expect(r.stdout.indexOf('NOT reached')).toBeLessThan(r.stdout.indexOf('■ mm1 '));
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.seeds).toEqual([1, '1/2', '1/3']);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('NOT reached');
  });

  it('stops as soon as every highlight is within the target', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'msasim-prec-')), 'report');
    const r = await msasimInProcess(
      ['run', 'scenarios/validation/mm1.yaml', '--duration', '20s', '--precision', '50%'].concat([
        '--out',
        out,
      ]),
    );
    expect(r.code, r.stderr).toBe(0);
    // mm1 declares replications: 5, at least as many as --precision needs: it stops there
    expect(r.stderr).toContain(
      "--precision 50 %: every highlight's 95 % half-width is within 50 % of its mean after 5 replications.",
    );
  });

  it('--warmup auto runs a pilot and says the warm-up it chose', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'msasim-warm-')), 'report');
    const r = await msasimInProcess(
      ['run', 'scenarios/validation/mmc.yaml', '--duration', '30s', '--replications', '1'].concat([
        '--warmup',
        'auto',
        '--out',
        out,
      ]),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/--warmup auto: MSER-5 on the highlights' series: warm-up \d+ s/);
    expect(r.stdout).toMatch(/--warmup auto: warm-up \d+ s \(MSER-5/);
  });
});
