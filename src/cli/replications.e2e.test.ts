/**
 * `--replications` end to end through the built CLI: compare prints the estimates with their
 * confidence intervals and the paired differences in words; the files carry the bounds; the
 * same command gives the same bytes.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'msasim');
const run = promisify(execFile);

describe('msasim compare --replications (built CLI)', () => {
  it('prints means ± CI and significant differences, and is deterministic', async () => {
    const outs = [
      await mkdtemp(join(tmpdir(), 'msasim-rep-')),
      await mkdtemp(join(tmpdir(), 'msasim-rep-')),
    ];
    const args = (out: string) => [
      bin,
      'compare',
      'scenarios/01-shared-db.yaml',
      '--replications',
      '3',
      '--out',
      out,
    ];
    const first = await run('node', args(outs[0]), { cwd: root });
    await run('node', args(outs[1]), { cwd: root });
    const text = first.stdout;
    expect(text).toContain('■ 3 replications: mean ± half-width of the 95 % confidence interval');
    expect(text).toMatch(/\np99 +[\d.]+ ± [\d.]+ +[\d.]+ ± [\d.]+\n/);
    expect(text).toMatch(/• shared-db: p99 [+−][\d.]+ % vs db-per-service, 95 % CI \[/);
    const summary = JSON.parse(await readFile(join(outs[0], 'summary.json'), 'utf8'));
    expect(summary.replications).toBe(3);
    expect(summary.seeds).toEqual([1, '1/2', '1/3']);
    for (const f of ['summary.json', 'estimates.csv', 'differences.csv', 'results.json'])
      expect(await readFile(join(outs[1], f), 'utf8'), f).toBe(
        await readFile(join(outs[0], f), 'utf8'),
      );
  }, 60_000);
});
