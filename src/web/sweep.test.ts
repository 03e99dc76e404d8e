/**
 * Tests of sweep.ts in Node (the code the playground's worker runs for a sweep): the grid is
 * checked before anything runs (a malformed parameter, a path the scenario lacks), and the
 * points run and assemble into sweep.json and sweep.csv in grid order with the CLI's seeds.
 * (The Chromium test compares a sweep's files with `msasim sweep`'s, byte for byte.)
 */
import { describe, expect, it } from 'vitest';
import { TINY_YAML } from '../test-support/scenarios.ts';
import type { SweepRequest } from './protocol.ts';
import { planSweep, runSweepPoint, sweepFiles } from './sweep.ts';

const TEXT = TINY_YAML;
const ASSETS = { vega: '', vegaLite: '', vegaEmbed: '' };
const sweep = (params: string, replications = 2): SweepRequest => ({
  request: { text: TEXT, file: 'tiny.yaml', lesson: null },
  params,
  replications,
});

describe('a sweep in the playground', () => {
  it('refuses a malformed parameter and a path the scenario lacks before anything runs', async () => {
    expect(await planSweep(sweep('services.api.threads'))).toEqual({
      problem: expect.stringMatching(/^expected path=value,value/),
    });
    expect(await planSweep(sweep('# nothing\n'))).toEqual({
      problem: expect.stringMatching(/^no parameter/),
    });
    // in Korean to a Korean page
    const ko = {
      ...sweep('services.api.threads'),
      request: { ...sweep('').request, lang: 'ko' as const },
    };
    expect(await planSweep(ko)).toEqual({ problem: expect.stringMatching(/[가-힣]/) });
    expect(await planSweep({ ...ko, params: '# nothing\n' })).toEqual({
      problem: expect.stringMatching(/^매개변수가 없습니다/),
    });
    const lacking = await planSweep(sweep('services.apj.threads=2,4'));
    expect('issues' in lacking && lacking.issues[0].message).toMatch(/apj/);
  });

  it('runs every point and assembles the files in grid order, with the CLI’s seeds', async () => {
    const planned = await planSweep(
      sweep('services.api.threads=2,4\n\nworkloads.users.rate=100/s,150/s'),
    );
    if (!('plan' in planned)) throw new Error(JSON.stringify(planned));
    expect(planned.plan.points).toBe(4);
    expect(planned.plan.seeds).toEqual([1, '1/2']);
    let runs = 0;
    const texts: string[] = [];
    for (let i = 3; i >= 0; i--) {
      const point = await runSweepPoint(sweep(''), planned, i, () => runs++);
      if (!('text' in point)) throw new Error(point.stopped);
      texts[i] = point.text;
    }
    expect(runs).toBe(8);
    const { files, table } = sweepFiles(planned.plan, texts, ASSETS);
    expect(files.map(([n]) => n)).toEqual(['sweep.json', 'sweep.csv', 'sweep.html']);
    const json = JSON.parse(files[0][1]);
    expect(json.points.map((p: { values: object }) => p.values)).toEqual([
      { 'services.api.threads': 2, 'workloads.users.rate': '100/s' },
      { 'services.api.threads': 2, 'workloads.users.rate': '150/s' },
      { 'services.api.threads': 4, 'workloads.users.rate': '100/s' },
      { 'services.api.threads': 4, 'workloads.users.rate': '150/s' },
    ]);
    expect(table).toContain('services.api.threads');
    // in Korean: the same data files, the page's and the table's words translated
    const ko = sweepFiles(planned.plan, texts, ASSETS, 'ko');
    expect(ko.files[0][1]).toBe(files[0][1]);
    expect(ko.files[1][1]).toBe(files[1][1]);
    expect(ko.files[2][1]).toContain('<html lang="ko">');
    expect(ko.table).toContain('성공/s');
    expect(ko.table).not.toBe(table);
  });
});
