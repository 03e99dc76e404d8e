/**
 * The comparison of variants (rows, compare.csv, compare.json, the console table) on a tiny
 * two-variant scenario run through the real loader and model: two databases, constant rows
 * per query, no caches; cache figures are checked on summaries given made-up caches.
 */

import { describe, expect, it } from 'vitest';
import type { CacheSummary, RunResult } from '../../../metrics/summary.ts';
import { parseScenario } from '../../../model/language.ts';
import { runScenario } from '../../../model/run.ts';
import { fakeCache } from '../../../test-support/caches.ts';
import { buildOutputs } from '../../outputs.ts';
import type { ScenarioResults } from '../../results.ts';
import { formatComparison } from '../../table.ts';
import { compareCsv, compareJson, compareRows } from './compare.ts';

const TINY = `
version: 1
name: tiny
description: a web service reading from two databases
duration: 4s
warmup: 1s
workloads:
  visitors: { rate: 200/s, target: web/home }
services:
  web:
    threads: 20
    database: main-db
    endpoints:
      home:
        steps:
          - cpu: 0.2ms
          - query: { rows: 4 }
          - query: { db: audit-db, rows: 1 }
databases:
  main-db: { connections: 5, queryTime: 1ms, rowTime: 0.1ms }
  audit-db: { connections: 5, queryTime: 0.2ms }
variants:
  lean:
    description: four rows from main-db
  heavy:
    set: { "services.web.endpoints.home.steps[1].query.rows": 40 }
`;

const loaded = parseScenario(TINY, 'tiny.yaml');
const runs: RunResult[] = [];
for (const v of loaded.variants) runs.push(await runScenario(v, { seed: 1 }));
const results: ScenarioResults = {
  name: loaded.name,
  description: loaded.description,
  file: 'tiny.yaml',
  runs,
};

/** `results` with the first run's caches replaced by `caches`. */
function withCaches(caches: CacheSummary[]): ScenarioResults {
  const [first, ...rest] = runs;
  return { ...results, runs: [{ ...first, summary: { ...first.summary, caches } }, ...rest] };
}

describe('compareRows', () => {
  it('gives one row per variant, in the scenario order, with its description', () => {
    const rows = compareRows(results);
    expect(rows.map((r) => r.variant)).toEqual(['lean', 'heavy']);
    expect(rows[0].description).toBe('four rows from main-db');
    expect(rows[1].description).toBe('a web service reading from two databases');
  });

  it('takes latency, throughput and work per request from the overall figures', () => {
    const [row] = compareRows(results);
    const o = runs[0].summary.overall;
    expect(row.p50Ms).toBe(o.latency.p50Ms);
    expect(row.p99Ms).toBe(o.latency.p99Ms);
    expect(row.p999Ms).toBe(o.latency.p999Ms);
    expect(row.throughputPerSec).toBe(o.throughputPerSec);
    expect(row.errorRate).toBe(o.errorRate);
    expect(row.callsPerRequest).toBe(0);
    expect(row.bytesPerRequest).toBe(o.perRequest.bytesMean);
    expect(compareRows(results).map((r) => r.dbRowsPerRequest)).toEqual([5, 41]);
  });

  it('adds the load of every database and names the busiest', () => {
    for (const [i, row] of compareRows(results).entries()) {
      const s = runs[i].summary;
      const dbs = s.components.filter((c) => c.kind === 'database');
      expect(dbs.map((c) => c.id)).toEqual(['main-db', 'audit-db']);
      expect(row.dbQueriesPerSec).toBeCloseTo(dbs[0].arrivalsPerSec + dbs[1].arrivalsPerSec, 9);
      const rowsRead = dbs[0].rowsRead + dbs[1].rowsRead;
      expect(row.dbRowsPerSec).toBeCloseTo((rowsRead * 1000) / s.windowMs, 9);
      expect(row.busiestDatabase).toEqual({ id: 'main-db', utilisation: dbs[0].utilisation });
    }
  });

  it('leaves the cache figures null without caches', () => {
    for (const row of compareRows(results)) {
      expect(row.cacheHitRatio).toBeNull();
      expect(row.syncMessagesPerSec).toBeNull();
      expect(row.cacheMemoryPerInstanceBytes).toBeNull();
    }
  });

  it('weights the hit ratio by lookups and adds the memory of each cache per instance', () => {
    const caches = [
      fakeCache({
        id: 'a',
        lookups: 100,
        hits: 90,
        misses: 10,
        bytesPerStore: { mean: 1000, max: 1200 },
      }),
      fakeCache({
        id: 'b',
        lookups: 300,
        hits: 100,
        staleHits: 20,
        misses: 180,
        bytesPerStore: { mean: 3000, max: 3000 },
      }),
    ];
    const [row] = compareRows(withCaches(caches));
    expect(row.cacheHitRatio).toBeCloseTo((90 + 100 + 20) / 400, 12);
    expect(row.cacheMemoryPerInstanceBytes).toBe(4000);
  });

  it('has no hit ratio when the caches saw no lookup', () => {
    const [row] = compareRows(withCaches([fakeCache({})]));
    expect(row.cacheHitRatio).toBeNull();
    expect(row.cacheMemoryPerInstanceBytes).toBe(0);
  });

  it('adds up the sync messages per second of the replicated caches (none: null)', () => {
    const caches = [
      fakeCache({ id: 'a', type: 'replicated', syncMessagesPerSec: 4 }),
      fakeCache({ id: 'b', type: 'replicated', syncMessagesPerSec: 6 }),
    ];
    expect(compareRows(withCaches(caches))[0].syncMessagesPerSec).toBe(10);
    expect(compareRows(withCaches([fakeCache({ id: 'a' })]))[0].syncMessagesPerSec).toBeNull();
  });

  it('counts the memory of local and replicated caches per instance, not of distributed ones', () => {
    const caches = [
      fakeCache({ id: 'a', type: 'local', bytesPerStore: { mean: 100, max: 120 } }),
      fakeCache({ id: 'b', type: 'distributed', bytesPerStore: { mean: 5000, max: 5000 } }),
    ];
    expect(compareRows(withCaches(caches))[0].cacheMemoryPerInstanceBytes).toBe(100);
  });
});

describe('compare.csv and compare.json', () => {
  it('compare.csv has a header and one row per variant; a missing figure is an empty cell', () => {
    const lines = compareCsv(results).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'variant,description,p50Ms,p99Ms,p999Ms,throughputPerSec,errorRate,callsPerRequest,' +
        'dbRowsPerRequest,bytesPerRequest,dbQueriesPerSec,dbRowsPerSec,busiestDatabase,' +
        'busiestDatabaseUtilisation,cacheHitRatio,syncMessagesPerSec,cacheMemoryPerInstanceBytes',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^lean,four rows from main-db,/);
    expect(lines[1]).toMatch(/,main-db,[\d.]+,,,$/);
    for (const cell of lines[1].split(',').slice(2))
      expect(cell).toMatch(/^(|[a-z-]+|\d+(\.\d{1,4})?)$/);
  });

  it('compare.json holds the scenario and the rounded rows, the same bytes every time', () => {
    const text = compareJson(results);
    expect(compareJson(results)).toBe(text);
    const doc = JSON.parse(text);
    expect(doc.scenario).toEqual({
      name: 'tiny',
      description: 'a web service reading from two databases',
      file: 'tiny.yaml',
    });
    expect(doc.rows.map((r: { variant: string }) => r.variant)).toEqual(['lean', 'heavy']);
    expect(doc.rows[0].cacheHitRatio).toBeNull();
    expect(doc.rows[0].busiestDatabase.id).toBe('main-db');
    const decimals = String(doc.rows[0].p99Ms).split('.')[1] ?? '';
    expect(decimals.length).toBeLessThanOrEqual(4);
  });

  it('buildOutputs writes them only when the scenario has several variants', () => {
    const files = buildOutputs(results);
    expect(files.get('compare.csv')).toBe(compareCsv(results));
    expect(files.get('compare.json')).toBe(compareJson(results));
    const one = buildOutputs({ ...results, runs: runs.slice(0, 1) });
    expect(one.has('compare.csv')).toBe(false);
    expect(one.has('compare.json')).toBe(false);
  });
});

describe('formatComparison', () => {
  it('prints one line per variant under a header, and a legend', () => {
    const lines = formatComparison(results).split('\n');
    expect(lines[0]).toBe('■ comparison (all entry endpoints)');
    expect(lines[1]).toMatch(
      /^variant +ok\/s +errors +p50 ms +p99 ms +calls +rows +DB q\/s +busiest DB$/,
    );
    expect(lines[3]).toMatch(/^lean +[\d.]+ +0\.0% .* 5\.0 .* main-db [\d.]+%$/);
    expect(lines[4]).toMatch(/^heavy .* 41\.0 /);
    expect(lines[5]).toMatch(/^calls, rows: per request/);
  });

  it('adds the cache columns when there are caches, with – for a missing figure', () => {
    const lines = formatComparison(withCaches([fakeCache({})])).split('\n');
    expect(lines[1]).toMatch(/hit % +sync\/s +MB\/inst +busiest DB$/);
    expect(lines[3]).toMatch(/ – +– +0\.00 +main-db/);
    expect(lines[4]).toMatch(/ – +– +– +main-db/);
  });
});
