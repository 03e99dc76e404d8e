/**
 * The charts of the issue-18 kinds on small runs through the CLI's pipeline (results.json's
 * data): two-phase commits (lock hold time; the participants blocked in doubt as the exact
 * step line of a coordinator crash), pending states (time pending; what reads saw), event
 * stores (replay length by history, with and without snapshots). Every chart compiles with
 * vega-lite without a warning, draws no smoothed line, breaks at gaps, and a scenario without
 * these kinds has none of their sections.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVariants } from '../../cli/run-variants.ts';
import { crashFault, pendingYaml, twoPhaseYaml } from '../../test-support/kind-scenarios.ts';
import { NO_LIBRARIES } from '../../test-support/report-data.ts';
import { apiGetYaml } from '../../test-support/scenario-api-get.ts';
import { tempFolder } from '../../test-support/temp-folder.ts';
import { compileWarnings, type Json } from '../../test-support/vega.ts';
import type { ReportFeature } from '../feature.ts';
import { replayByHistoryChart } from '../features/event-stores/charts.ts';
import { eventStoresFeature } from '../features/event-stores/feature.ts';
import { pendingFeature } from '../features/pending/feature.ts';
import { twoPhaseFeature } from '../features/two-phase/feature.ts';
import type { Lang } from '../i18n/lang.ts';
import { reportDataJson } from '../report-data.ts';
import type { ReportData } from '../report-data-types.ts';
import type { PageSection } from './layout.ts';
import { buildReportHtml } from './page.ts';

/** The page section of `feature`, as its page part builds it (nothing without its kind). */
const sectionOf =
  (feature: ReportFeature) =>
  (data: ReportData, lang: Lang = 'en'): PageSection[] =>
    feature.parts.flatMap((p) => (p.to === 'page' ? p.build(data, lang) : []));
const twoPhaseSection = sectionOf(twoPhaseFeature);
const pendingSection = sectionOf(pendingFeature);
const eventStoresSection = sectionOf(eventStoresFeature);

const tmp = tempFolder('msasim-kind-charts-');

async function dataOf(yaml: string): Promise<ReportData> {
  const file = join(tmp.path, `${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, yaml);
  const silent = { out: () => {}, err: () => {} };
  const { results } = await runVariants(
    file,
    { quiet: true, out: join(tmp.path, 'out'), maxEvents: 2e9, maxWall: 600_000 },
    silent,
  );
  return JSON.parse(reportDataJson(results)) as ReportData;
}

// model/two-phase.test.ts's crash between prepare and commit, c voting yes
const TWO_PHASE = twoPhaseYaml({ faults: crashFault('coordinator-down', 'front', '10050ms') });

// model/pending.test.ts's orders and reads
const PENDING = pendingYaml();

const EVENTS = `version: 1
name: events
seed: 1
duration: 10500ms
workloads:
  commands: { users: 1, thinkTime: { dist: constant, value: 750ms }, target: ledger/deposit }
services:
  ledger:
    endpoints:
      deposit: { steps: [{ eventStore: { name: ledger, db: event-db, op: append, entities: 1, history: 0, snapshotEvery: 0 } }] }
databases:
  event-db: { queryTime: 1ms, rowTime: 1ms }
variants:
  no-snapshots: {}
  snapshots:
    set:
      services.ledger.endpoints.deposit.steps[0]: { eventStore: { name: ledger, db: event-db, op: append, entities: 1, history: 0, snapshotEvery: 3 } }
`;

const PLAIN = apiGetYaml({ name: 'plain', duration: '2s', rate: '10/s' });

/** Every unit view of a spec. */
const views = (spec: Json): Json[] =>
  spec === null || typeof spec !== 'object'
    ? []
    : [
        ...(spec.mark === undefined ? [] : [spec]),
        ...['layer', 'vconcat', 'hconcat'].flatMap((k) => (spec[k] ?? []).flatMap(views)),
      ];

function expectHonest(spec: Json): void {
  expect(compileWarnings(spec)).toEqual([]);
  for (const v of views(spec)) {
    const mark = typeof v.mark === 'string' ? { type: v.mark } : v.mark;
    if (mark.type !== 'line') continue;
    expect(['linear', 'step-after']).toContain(mark.interpolate);
    if (mark.interpolate === 'step-after') expect(mark.invalid).toMatch(/^break-paths/);
  }
}

describe('charts of two-phase commits, pending states and event stores', () => {
  it('two-phase: lock hold time, and the exact level of participants blocked in doubt', async () => {
    const data = await dataOf(TWO_PHASE);
    const [section] = twoPhaseSection(data);
    expect(section.id).toBe('two-phase');
    const [hold, blocked] = (section.charts ?? []).map((c) => c.spec as Json);
    for (const s of [hold, blocked]) expectHonest(s);
    expect(hold.data.values.length).toBeGreaterThan(0);
    // a and b prepared when the coordinator crashed at 10.05 s; aborted when it was back at 15.05 s
    const series = 'two-phase';
    expect(blocked.data.values).toEqual([
      { series, second: 0, blocked: 0 },
      { series, second: 10.05, blocked: 2 },
      // c votes yes at 10.1 s: heard by nobody, it is blocked too
      { series, second: 10.1, blocked: 3 },
      { series, second: 15.05, blocked: 0 },
      // the last level held to the end of the run
      { series, second: 30, blocked: 0 },
    ]);
    expect(buildReportHtml(data, NO_LIBRARIES)).toContain('<section id="two-phase">');
  });

  it('pending: time pending, and the share of reads that saw the order pending', async () => {
    const data = await dataOf(PENDING);
    const [section] = pendingSection(data);
    const [times, shares] = (section.charts ?? []).map((c) => c.spec as Json);
    for (const s of [times, shares]) expectHonest(s);
    // every order pending 2,050 ms: each quantile there (a histogram's precision)
    for (const r of times.data.values) expect(r.ms).toBeCloseTo(2050, -1);
    // 14 of the 22 reads that found an order saw it pending (pending.test.ts)
    expect(shares.data.values).toEqual([
      { series: 'pending', figure: 'saw it pending', value: 63.6364 },
      { series: 'pending', figure: 'saw it cancelled', value: 0 },
    ]);
    // in Korean: the intro, and the bars' names (the legend's words)
    const [ko] = pendingSection(data, 'ko');
    expect(String(ko.html)).toContain('엔터티가 얼마나 오래 보류 상태였는지');
    const koShares = (ko.charts ?? [])[1].spec as Json;
    expect(koShares.data.values.map((r: { figure: string }) => r.figure)).toEqual([
      '보류 상태를 봄',
      '취소 상태를 봄',
    ]);
  });

  it('event stores: replay length by history, bounded by snapshots; gaps kept', async () => {
    const data = await dataOf(EVENTS);
    const [section] = eventStoresSection(data);
    const [byHistory, effect] = (section.charts ?? []).map((c) => c.spec as Json);
    for (const s of [byHistory, effect]) expectHonest(s);
    type Row = { series: string; history: number; replayed: number | null };
    const rows = byHistory.data.values as Row[];
    const of = (series: string) => rows.filter((r) => r.series === series);
    // without snapshots a rebuild replays the whole history (the last row holds the last bucket)
    const none = of('no-snapshots');
    for (const r of none.slice(0, -1)) expect(r.replayed).toBe(r.history);
    expect(none.length).toBeGreaterThan(10);
    // with a snapshot every 3 events: the snapshot and at most 2 events after it
    const snap = of('snapshots');
    expect(snap.length).toBe(none.length);
    expect(Math.max(...snap.map((r) => r.replayed ?? 0))).toBe(3);
    const mean = (series: string, figure: string) =>
      (effect.data.values as { series: string; figure: string; value: number }[]).find(
        (v) => v.series === series && v.figure === figure,
      )?.value;
    expect(mean('snapshots', 'replayed, most')).toBe(3);
    expect(mean('no-snapshots', 'replayed, most')).toBe(12);

    // a history bucket without rebuilds is a gap (null), not a line across it
    const gap = replayByHistoryChart([
      {
        series: 's',
        colour: '#000',
        item: {
          id: 'x',
          snapshotEvery: 0,
          byHistory: [
            { from: 0, width: 2, rebuilds: 1, meanReplay: 1, maxReplay: 1 },
            { from: 6, width: 2, rebuilds: 1, meanReplay: 7, maxReplay: 7 },
          ],
        },
      },
    ]) as Json;
    expect(gap.data.values).toEqual([
      { series: 's', history: 0, replayed: 1 },
      { series: 's', history: 2, replayed: null },
      { series: 's', history: 6, replayed: 7 },
      { series: 's', history: 8, replayed: 7 },
    ]);
    expectHonest(gap);
  });

  it('none of the sections without their kinds', async () => {
    const data = await dataOf(PLAIN);
    expect(pendingSection(data)).toEqual([]);
    expect(twoPhaseSection(data)).toEqual([]);
    expect(eventStoresSection(data)).toEqual([]);
  });
});
