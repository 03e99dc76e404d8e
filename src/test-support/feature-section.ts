/**
 * The tests every item feature's page section passes (sessions, messaging, transactions: a
 * section of tables and charts about the items a run's summary lists). `itIsAnItemSection`
 * runs them all from one description of the feature: where the section goes on the page, its
 * title, tables and charts; that it is absent without such items, also in a results.json
 * written before the feature; its key metrics over the replications with their changes (each
 * item's under its heading, their differences in the comparison); every scenario string
 * escaped; every chart compiling cleanly. The `it…` functions below it are its parts. A
 * feature's own test file keeps what only that feature shows (its cards, its charts' data).
 */
import { expect, it } from 'vitest';
import type { PageSection } from '../report/html/layout.ts';
import { buildReportHtml } from '../report/html/page.ts';
import type { ReportData } from '../report/report-data.ts';
import type { ScenarioResults } from '../report/results.ts';
import { dataOf, HOSTILE, NO_LIBRARIES, sectionIds } from './report-data.ts';
import { tinyResults } from './sessions.ts';
import { itCompilesEachChart, type Json } from './vega.ts';

/** A feature's page section builder. */
type Section = (data: ReportData) => PageSection[];

/** What `itIsAnItemSection` needs to know of a feature. */
export type ItemSection = {
  /** The section's id on the page and its title, and the feature's section builder. */
  id: string;
  title: string;
  section: Section;
  /** The items, as test names say them ("consumer groups"). */
  items: string;
  /**
   * The summary fields that hold the items: a results.json written before the feature has
   * none of them, and the section (and `rows`, the rows of one of its tables) must read that
   * as no items.
   */
  fields: string[];
  rows?: (data: ReportData) => unknown[];
  /** Two variants with replications (the section and its key metrics compared). */
  several: ReportData;
  /** One variant, one replication: nothing to estimate or compare. */
  single: ReportData;
  /**
   * The section's tables with `several`: what they show (`what`, in the test's name: "every
   * variant × group: …") and fragments of their markup each must hold (a row's cells, a
   * heading).
   */
  tables: { what: string; hold: string[] };
  /** The key metrics: see `itShowsKeyMetrics`. */
  keyMetrics: KeyMetricsShown;
  /**
   * What the comparison on the page says of the items' differences in `several` (each names
   * its item); and, when the variants have two items, their key metrics: see `itHeadsEachItem`.
   */
  compared?: RegExp[];
  eachItem?: EachItem;
  /**
   * The tiny results with HOSTILE in every scenario string of the feature's items
   * (`escaped` names them in the test's name); the test puts it in a variant's name too.
   */
  hostile: ScenarioResults;
  escaped: string;
  /**
   * The section's chart builders, in the section's order: with `several`, the section has
   * each of their charts; each must compile `several` and `single` cleanly.
   */
  charts: Record<string, (data: ReportData) => unknown>;
};

/** Every test of `ItemSection` on feature `f` (see this file's header). */
export function itIsAnItemSection(f: ItemSection): void {
  itPlacesSection(f.id, f.section, f.items, f.several);
  it(`is titled ${f.title} and has its charts`, () => {
    const [section] = f.section(f.several);
    expect(section.title).toBe(f.title);
    expect(section.charts?.map((c) => (c.spec as Json).title.text)).toEqual(
      Object.values(f.charts).map((build) => (build(f.several) as Json).title.text),
    );
  });
  it(`tables ${f.tables.what}`, () => {
    const html = String(f.section(f.several)[0].html ?? '');
    for (const fragment of f.tables.hold) expect(html).toContain(fragment);
  });
  it(`reads results.json written before ${f.items} as none`, async () => {
    const data = dataOf(await tinyResults());
    for (const v of data.variants) for (const field of f.fields) delete v.summary[field];
    expect(f.section(data)).toEqual([]);
    expect(f.rows?.(data) ?? []).toEqual([]);
    expect(() => buildReportHtml(data, NO_LIBRARIES)).not.toThrow();
  });
  itShowsKeyMetrics(f.section, { ...f.keyMetrics, several: f.several, single: f.single });
  if (f.eachItem) itHeadsEachItem(f.section, f.eachItem);
  if (f.compared)
    it('puts the item differences in the comparison with the item named', () => {
      const page = buildReportHtml(f.several, NO_LIBRARIES);
      for (const sentence of f.compared ?? []) expect(page).toMatch(sentence);
    });
  itEscapes(f.section, f.hostile, f.escaped);
  itCompilesEachChart(f.charts, [f.several, f.single]);
}

/**
 * Two tests of where a feature's page section goes: with the tiny results (no `items`) the
 * section builder gives nothing and the page has no section `id`; with `present` data the
 * section comes right after the summary and before the latency charts.
 */
function itPlacesSection(id: string, section: Section, items: string, present: ReportData): void {
  it(`is absent without ${items}, and the page has no ${id} section`, async () => {
    const absent = dataOf(await tinyResults());
    expect(section(absent)).toEqual([]);
    expect(buildReportHtml(absent, NO_LIBRARIES)).not.toContain(`<section id="${id}">`);
  });

  it(`comes after the summary and before the charts when there are ${items}`, () => {
    const ids = sectionIds(buildReportHtml(present, NO_LIBRARIES));
    expect(ids.indexOf(id)).toBe(ids.indexOf('summary') + 1);
    expect(ids.indexOf('latency')).toBe(ids.indexOf(id) + 1);
  });
}

/**
 * The key metrics a feature section shows: the items' kind in the test's name (`what`), each
 * metric of `shown` has a row, each of `better` a row that says better (in the second variant),
 * under `tables` headings (one per kind of item; 1 by default).
 */
export type KeyMetricsShown = {
  what: string;
  better: string[];
  shown?: string[];
  tables?: number;
};

/** Text for a RegExp that matches `text` literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The test of a feature section's key metrics: with `several` variants and replications the
 * section has its tables of key metrics over the replications (each under its heading) with
 * the rows of `KeyMetricsShown`; with `single` (one variant, one replication) there is nothing
 * to estimate or compare, so no such table.
 */
function itShowsKeyMetrics(
  section: Section,
  opts: KeyMetricsShown & { several: ReportData; single: ReportData },
): void {
  it(`shows the ${opts.what} key metrics over the replications with their change`, () => {
    const html = String(section(opts.several)[0].html ?? '');
    const headings = html.match(/<h([34])>Key metrics over the replications<\/h\1>/g);
    expect(headings).toHaveLength(opts.tables ?? 1);
    for (const label of opts.shown ?? [])
      expect(html).toMatch(new RegExp(`<td class="label">${literal(label)}</td>`));
    for (const label of opts.better)
      expect(html).toMatch(new RegExp(`<td class="label">${literal(label)}</td>.*badge better`));
    expect(String(section(opts.single)[0].html)).not.toContain('Key metrics over the replications');
  });
}

/**
 * The test that a section escapes the scenario strings of its items (`hostile`, whose strings
 * `escaped` names) and of the variants (the first variant is renamed to a payload here): the
 * section and the whole page show the payload as text, never as a tag.
 */
function itEscapes(section: Section, hostile: ScenarioResults, escaped: string): void {
  it(`escapes ${escaped} and the variants`, () => {
    const results = structuredClone(hostile);
    results.runs[0].summary.scenario.variant = `${HOSTILE}0`;
    const data = dataOf(results);
    const html = String(section(data)[0].html ?? '');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(buildReportHtml(data, NO_LIBRARIES)).not.toMatch(/<script>alert/);
  });
}

/**
 * Two items of each variant (`data`): the section heads their key metrics by `items`, and the
 * second item's metric `label` says better.
 */
export type EachItem = { data: ReportData; items: [string, string]; label: string };

/**
 * The test that a section heads the key metrics of each item when the variants have several:
 * the section of `data` has a heading for each of `items`, and after the last one a row of
 * metric `label` that says better.
 */
function itHeadsEachItem(section: Section, { data, items, label }: EachItem): void {
  it('heads the key metrics of each item when there are several', () => {
    const html = String(section(data)[0].html ?? '');
    expect(html).toContain(`<h4>${items[0]}</h4>`);
    expect(html).toMatch(
      new RegExp(`<h4>${literal(items[1])}</h4>.*${literal(label)}.*badge better`, 's'),
    );
  });
}
