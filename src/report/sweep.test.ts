/**
 * The pure half of a sweep: grid order (first parameter slowest), shard selection, and the
 * files built from SweepData (rounding, tidy CSV with booleans and empty bounds, the table).
 */
import { describe, expect, it } from 'vitest';
import { keyEstimate } from '../test-support/key-estimates.ts';
import {
  formatSweepTable,
  gridSize,
  gridValues,
  type SweepData,
  shardPoints,
  shardsOf,
  sweepCsv,
  sweepJson,
} from './sweep.ts';

const params = [
  { path: 'services.orders.instances', values: [1, 2] },
  { path: 'workloads.w.rate', values: ['100/s', '200/s', '300/s'] },
  { path: 'caches.c.enabled', values: [true, false] },
];

describe('the grid', () => {
  it('has one point per combination of values', () => {
    expect(gridSize(params)).toBe(12);
    expect(gridSize([params[0]])).toBe(2);
  });

  it('varies the first parameter slowest and the last fastest', () => {
    const all = Array.from({ length: gridSize(params) }, (_, i) =>
      Object.values(gridValues(params, i)).join(' '),
    );
    expect(all).toEqual([
      '1 100/s true',
      '1 100/s false',
      '1 200/s true',
      '1 200/s false',
      '1 300/s true',
      '1 300/s false',
      '2 100/s true',
      '2 100/s false',
      '2 200/s true',
      '2 200/s false',
      '2 300/s true',
      '2 300/s false',
    ]);
  });

  it('keys the values by path in parameter order', () => {
    expect(Object.keys(gridValues(params, 5))).toEqual(params.map((p) => p.path));
  });
});

describe('shards', () => {
  it('take every n-th point, starting at their own index', () => {
    expect(shardPoints(10, { index: 1, count: 3 })).toEqual([0, 3, 6, 9]);
    expect(shardPoints(10, { index: 3, count: 3 })).toEqual([2, 5, 8]);
    expect(shardPoints(4)).toEqual([0, 1, 2, 3]);
  });

  it('together cover the grid exactly once', () => {
    const all = [1, 2, 3, 4].flatMap((index) => shardPoints(11, { index, count: 4 }));
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i));
  });

  it('give more shards than points nothing to do', () => {
    expect(shardPoints(2, { index: 3, count: 5 })).toEqual([]);
  });

  it('are named for the points they run', () => {
    expect(shardsOf([2, 5, 6], 4)).toEqual([2, 3]);
  });
});

const est = (metric: string, values: number[], scope: 'overall' | 'component' = 'overall') =>
  keyEstimate(`${scope}|${scope === 'overall' ? '' : 'db'}|${metric}`, values);

function sweepOf(replicated: boolean): SweepData {
  const v = (x: number) => (replicated ? [x, x + 0.123456] : [x]);
  return {
    format: 1,
    scenario: { name: 'tiny', description: 'd', file: 'tiny.yaml' },
    params: [
      { path: 'a', values: [1, 2] },
      { path: 'b', values: [true] },
    ],
    replications: replicated ? 2 : 1,
    seeds: replicated ? [1, '1/2'] : [1],
    points: [1, 2].map((a, i) => ({
      index: i,
      values: { a, b: true },
      variant: null,
      estimates: [
        est('p50Ms', v(a * 1.000049)),
        est('errorRate', v(0)),
        est('utilisation', v(0.5), 'component'),
      ],
    })),
  };
}

describe('sweep files', () => {
  it('write sweep.csv tidy, with booleans as words and empty bounds for one replication', () => {
    expect(sweepCsv(sweepOf(false))).toMatchInlineSnapshot(`
      "index,a,b,variant,scope,id,metric,n,mean,sd,lo,hi
      0,1,true,,overall,,p50Ms,1,1,0,,
      0,1,true,,overall,,errorRate,1,0,0,,
      0,1,true,,component,db,utilisation,1,0.5,0,,
      1,2,true,,overall,,p50Ms,1,2.0001,0,,
      1,2,true,,overall,,errorRate,1,0,0,,
      1,2,true,,component,db,utilisation,1,0.5,0,,
      "
    `);
  });

  it('round sweep.json to 4 decimals and keep null bounds', () => {
    const json = JSON.parse(sweepJson(sweepOf(false)));
    expect(json.points[1].estimates[0].estimate).toEqual({
      n: 1,
      mean: 2.0001,
      sd: 0,
      halfWidth: null,
      lo: null,
      hi: null,
    });
  });

  it('print a table with ± half-widths when replicated', () => {
    expect(formatSweepTable(sweepOf(true))).toMatchInlineSnapshot(`
      "a  b         p50 ms  p99 ms  ok/s     errors %
      1  true  1.06 ±0.78       —     —  6.17 ±78.43
      2  true  2.06 ±0.78       —     —  6.17 ±78.43
      "
    `);
  });

  it('print the column titles in Korean with --lang ko, the paths, variants and figures as they are', () => {
    const data = sweepOf(true);
    const ko = formatSweepTable(
      { ...data, points: data.points.map((p) => ({ ...p, variant: 'v1' })) },
      'ko',
    );
    const [head, ...rows] = ko.trimEnd().split('\n');
    expect(head.split(/\s{2,}/)).toEqual([
      'a',
      'b',
      '변형',
      'p50 ms',
      'p99 ms',
      '성공/s',
      '오류 %',
    ]);
    expect(rows[0]).toContain('v1');
    expect(rows[0]).toContain('1.06 ±0.78');
    expect(formatSweepTable(data, 'en')).toBe(formatSweepTable(data));
  });
});
