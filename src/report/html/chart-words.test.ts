/**
 * The words msasim writes into its charts, in Korean (chart-words.ts): a field the builder names
 * is translated everywhere the spec refers to its values and a name the user wrote is not, even
 * when it is a glossary term; a tooltip's untitled field gets its term as title; English specs
 * are the same objects. Then whole pages of shipped scenarios (sessions, messaging, sagas,
 * transactions, faults and their propagation, the comparison): their Korean charts show no
 * English word msasim wrote, and draw the same number of marks, in the same colours and order,
 * as the English ones, without a problem. And a scenario whose service, endpoint, database and
 * variants are named like glossary terms ("lost", "fault", "why", "expired"…): its Korean
 * charts show each name as often as its English charts do.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawChart, pageCharts } from '../../test-support/chart-render.ts';
import { englishChartWords, shownChartStrings, userNames } from '../../test-support/chart-words.ts';
import { shippedReportData } from '../../test-support/report-data.ts';
import { tempFolder } from '../../test-support/temp-folder.ts';
import type { Json } from '../../test-support/vega.ts';
import { chartTitlesIn, valuesIn } from './chart-words.ts';
import type { VegaAssets } from './layout.ts';
import { buildReportHtml } from './page.ts';

const NO_LIBRARIES: VegaAssets = { vega: '', vegaLite: '', vegaEmbed: '' };

/** A spec with the word "lost" as a part (msasim's) and as a variant's name (the user's). */
const lossSpec = () => ({
  data: { values: [{ variant: 'lost', part: 'lost', count: 1, panel: 'lost' }] },
  transform: [{ filter: "datum.part === 'lost' || datum.variant === 'lost'" }],
  layer: [
    {
      transform: [{ filter: { field: 'part', equal: 'lost' } }],
      encoding: {
        y: { field: 'variant', type: 'nominal', sort: ['lost'] },
        color: { field: 'part', type: 'nominal', sort: ['lost'], scale: { domain: ['lost'] } },
        tooltip: [
          { field: 'part', type: 'nominal' },
          { field: 'count', title: 'count' },
        ],
      },
    },
  ],
});

describe('valuesIn', () => {
  it('translates the values of the fields it is given everywhere, and nothing else', () => {
    const spec = valuesIn('ko', ['part'], lossSpec()) as Json;
    expect(spec.data.values).toEqual([{ variant: 'lost', part: '유실', count: 1, panel: 'lost' }]);
    expect(spec.transform[0].filter).toBe("datum.part === '유실' || datum.variant === 'lost'");
    const layer = spec.layer[0];
    expect(layer.transform[0].filter).toEqual({ field: 'part', equal: '유실' });
    expect(layer.encoding.y.sort).toEqual(['lost']);
    expect(layer.encoding.color).toMatchObject({ sort: ['유실'], scale: { domain: ['유실'] } });
  });

  it('gives an English spec back as it is (the same object)', () => {
    const spec = lossSpec();
    expect(valuesIn('en', ['part'], spec)).toBe(spec);
    expect(chartTitlesIn(spec, 'en')).toBe(spec);
  });
});

describe('chartTitlesIn', () => {
  it('titles a tooltip field without one with its term; a title given stays the term of it', () => {
    const spec = chartTitlesIn(lossSpec(), 'ko') as Json;
    expect(spec.layer[0].encoding.tooltip).toEqual([
      { field: 'part', type: 'nominal' },
      { field: 'count', title: '개수' },
    ]);
    const named = chartTitlesIn({ tooltip: { field: 'variant' } }, 'ko') as Json;
    expect(named.tooltip).toEqual({ field: 'variant', title: '변형' });
  });

  it('keeps a name the user wrote inside a title made by a pattern, even a glossary term', () => {
    // the instances chart of one component, a service called "lost" (before: "…: 유실")
    const subtitle = 'instances serving at the end of each second: lost; grey: the warm-up';
    const spec = chartTitlesIn({ title: { text: 'Instances over time', subtitle } }, 'ko') as Json;
    expect(spec.title.subtitle).toBe('초마다 그 끝에 서비스 중인 인스턴스 수: lost. 회색: 워밍업');
  });
});

/** Shipped scenarios whose pages hold every kind of chart word, with a duration that keeps their faults. */
const PAGES: [file: string, durationMs: number][] = [
  ['spof/redis-session-store-outage.yaml', 40_000],
  ['messaging/delivery-semantics.yaml', 70_000],
  ['transactions/compensation.yaml', 30_000],
  ['transactions/pessimistic-vs-optimistic.yaml', 30_000],
];

describe('a Korean page’s charts', () => {
  it.each(PAGES)(
    '%s: no English word of msasim’s, the same marks as in English',
    async (file, ms) => {
      const data = await shippedReportData(file, ms);
      const [en, ko] = (['en', 'ko'] as const).map((lang) =>
        buildReportHtml(data, NO_LIBRARIES, undefined, lang),
      );
      expect(englishChartWords(ko, userNames(JSON.stringify(data)))).toEqual([]);
      const [enCharts, koCharts] = [en, ko].map(pageCharts);
      expect(koCharts.map((c) => c.id)).toEqual(enCharts.map((c) => c.id));
      for (const [i, { id, spec }] of koCharts.entries()) {
        const [drawnEn, drawnKo] = await Promise.all([
          drawChart(enCharts[i].spec),
          drawChart(spec),
        ]);
        expect(drawnKo.problems, id).toEqual([]);
        expect(drawnKo.marks, id).toBe(drawnEn.marks);
        // the same colour for each mark and legend entry, in the same order
        expect(drawnKo.colours, id).toEqual(drawnEn.colours);
        expect(drawnEn.colours.length, id).toBeGreaterThan(0);
        expect(drawnKo.marks, id).toBeGreaterThan(0);
      }
    },
  );
});

/** The autoscaling scenario's names, each renamed to a word of the glossary. */
const GLOSSARY_NAMES: [written: RegExp, name: string][] = [
  [/\bapi\b/g, 'lost'],
  [/\borders-db\b/g, 'why'],
  [/\borders\b/g, 'fault'],
  [/\bfixed\b/g, 'expired'],
  [/\bautoscale-slow-boot\b/g, 'unknown'],
  [/\bautoscale-fast-boot\b/g, 'revoked'],
];

describe('the names a user wrote', () => {
  const folder = tempFolder('msasim-glossary-names-');
  it('stay as written in a Korean page’s charts when they are glossary terms', async () => {
    let text = await readFile(
      new URL('../../../scenarios/resilience/autoscaling-boot-time.yaml', import.meta.url),
      'utf8',
    );
    for (const [written, name] of GLOSSARY_NAMES) text = text.replace(written, name);
    const file = join(folder.path, 'names.yaml');
    await writeFile(file, text);
    const data = await shippedReportData(file, 150_000);
    const [en, ko] = (['en', 'ko'] as const).map((lang) =>
      pageCharts(buildReportHtml(data, NO_LIBRARIES, undefined, lang)),
    );
    // every name as often in each Korean chart as in the English one (a word of its own)
    const uses = (spec: unknown, name: string) =>
      shownChartStrings(spec).filter((s) => new RegExp(`(?<![\\w-])${name}(?![\\w-])`).test(s))
        .length;
    for (const [i, { id, spec }] of ko.entries())
      for (const [, name] of GLOSSARY_NAMES)
        expect(uses(spec, name), `${id}: ${name}`).toBe(uses(en[i].spec, name));
    // and the instances chart (one component scaled) says which
    expect(JSON.stringify(ko)).toContain('서비스 중인 인스턴스 수: lost.');
  });
});
