/**
 * The built CLI's new commands and flags end to end: `calibrate` (a fit printed, exit 0; a
 * located error, exit 1), `run --sensitivity` (the section, sensitivity.csv and the page
 * section) and the hint a hot run prints without it.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msasimInProcess } from '../test-support/cli.ts';

describe('msasim calibrate', () => {
  it('prints the fits of a CSV column, and a located error for a bad cell (exit 1)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-cal-'));
    const rows = ['id,ms'];
    let s = 5;
    for (let i = 0; i < 400; i++) {
      s = (s * 16807) % 2147483647;
      rows.push(`${i},${(-4 * Math.log(s / 2147483647)).toFixed(3)}`);
    }
    await writeFile(join(dir, 'd.csv'), `${rows.join('\n')}\n`);
    const ok = await msasimInProcess(['calibrate', join(dir, 'd.csv'), '--column', 'ms']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^400 durations from .*d\.csv, column ms\n/);
    expect(ok.stdout).toContain('best: { dist: exponential, mean: ');
    await writeFile(join(dir, 'bad.csv'), 'ms\n1\nfast\n');
    const bad = await msasimInProcess(['calibrate', join(dir, 'bad.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv:3:1: "fast" is not a duration/);
    const usage = await msasimInProcess(['calibrate', join(dir, 'd.csv'), '--unit', 'hours']);
    expect(usage.code).toBe(2);
  });
});

describe('msasim run --sensitivity', () => {
  it('reports the what-if of a hot component; without the flag, a hint', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-sens-'));
    const text = (await readFile('scenarios/validation/mm1.yaml', 'utf8'))
      .replace('rate: 800/s', 'rate: 860/s')
      .replace('duration: 200s', 'duration: 60s')
      .replace('replications: 5', 'replications: 1');
    await writeFile(join(dir, 'hot.yaml'), text);
    const plain = await msasimInProcess(['run', join(dir, 'hot.yaml'), '--out', join(dir, 'a')]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toMatch(/^hint: server runs at ρ 0\.8\d \(≥ 0\.8\).*--sensitivity/m);
    const r = await msasimInProcess([
      'run',
      join(dir, 'hot.yaml'),
      '--sensitivity',
      '--wide', // the sentence on one line
      '--out',
      join(dir, 'b'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /■ sensitivity near saturation\nat ρ 0\.8\d \(server\), ±5 % service time moves p99 of server\/serve by −\d+ %\/\+\d+ %: treat these figures as fragile\./,
    );
    expect(await readFile(join(dir, 'b', 'sensitivity.csv'), 'utf8')).toMatch(
      /^variant,metric,of,base,faster,slower,step\nmm1,p99 ms,server\/serve,/,
    );
    expect(await readFile(join(dir, 'b', 'index.html'), 'utf8')).toContain('id="sensitivity"');
    // the base run's files are the same with and without the what-if
    for (const f of ['endpoints.csv', 'components.csv'])
      expect(await readFile(join(dir, 'b', f), 'utf8')).toBe(
        await readFile(join(dir, 'a', f), 'utf8'),
      );
  });
});
