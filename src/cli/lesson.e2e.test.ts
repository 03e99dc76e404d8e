/**
 * A lesson's figures and claims through the command line: `validate` reports a reference the
 * scenario does not measure at the lesson's line and column (exit 1); `run` fills the figures
 * into the page, lists the checked claims there, and warns on stderr when the run contradicts a
 * claim (the run still succeeds: a teacher sees the scenario disagreeing with its lesson).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { msasimInProcess as msasim } from '../test-support/cli.ts';

const SCENARIO = {
  version: 1,
  name: 'tiny',
  duration: '6s',
  warmup: '1s',
  workloads: { browse: { rate: '50/s', target: 'web/page' } },
  services: { web: { endpoints: { page: { steps: [{ cpu: '2ms' }] } } } },
  variants: { slow: { set: { 'services.web.endpoints.page.steps[0].cpu': '20ms' } }, fast: {} },
};

/** A folder holding tiny.yaml and tiny.md (the lesson). */
async function scenarioWith(lesson: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'msasim-lesson-'));
  await writeFile(join(dir, 'tiny.yaml'), stringify(SCENARIO));
  await writeFile(join(dir, 'tiny.md'), lesson);
  return dir;
}

describe('a lesson with figures and claims', () => {
  it('validate names a reference the scenario does not measure, in the lesson', async () => {
    const dir = await scenarioWith('# Tiny\n\nThe p50 is {{slwo: p50}}.\n');
    const r = await msasim(['validate', join(dir, 'tiny.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tiny.md:3:14');
    expect(r.stdout).toContain('did you mean "slow"?');
  });

  it('run fills the figures in, lists the claims and warns about the one that fails', async () => {
    const lesson = [
      '# Tiny',
      '',
      'Slow: {{slow: p50 | mean}}.',
      '',
      '```claims',
      'slow: p50 > 5× fast: p50',
      'slow: p50 < fast: p50   # false on purpose',
      '```',
    ].join('\n');
    const dir = await scenarioWith(lesson);
    const out = join(dir, 'out');
    const r = await msasim(['run', join(dir, 'tiny.yaml'), '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /tiny\.md:7: the lesson's claim is not borne out by this run: ✗ slow: p50 < fast: p50 \(does not hold: [\d.]+ ms vs [\d.]+ ms\)/,
    );
    expect(r.stderr).not.toContain('tiny.md:6');
    const page = await readFile(join(out, 'index.html'), 'utf8');
    expect(page).toMatch(/Slow: <strong>2\d\.\d ms<\/strong>\./);
    expect(page).toContain('Checked claims (from this run):');
    expect(page).toContain('✓ slow: p50 &gt; 5× fast: p50');
  });
});
