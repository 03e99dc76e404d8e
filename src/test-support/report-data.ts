/**
 * Test helpers for the HTML report: the ReportData of a shipped scenario, run through the real
 * pipeline (load, run every variant, replications, results.json) with a shorter duration,
 * read back from its JSON text as `msasim report` would; and a copy with hostile strings in
 * every place a scenario's text reaches the page; the data of any results, the ids of a page's
 * sections and the tests of where a feature's section goes.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runVariants } from '../cli/run-variants.ts';
import type { PageSection } from '../report/html/layout.ts';
import { buildReportHtml } from '../report/html/page.ts';
import { type ReportData, reportDataJson } from '../report/report-data.ts';
import type { ScenarioResults } from '../report/results.ts';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const cache = new Map<string, Promise<ReportData>>();

/**
 * The report data of `scenarios/<file>` run for `durationMs` with `replications` per variant
 * (memoized per arguments; treat the result as read-only, or clone it).
 */
export function shippedReportData(
  file: string,
  durationMs: number,
  replications = 1,
): Promise<ReportData> {
  const key = `${file}|${durationMs}|${replications}`;
  let data = cache.get(key);
  if (data === undefined) {
    data = (async () => {
      const silent = { out: () => {}, err: () => {} };
      const { results } = await runVariants(
        join(SCENARIOS, file),
        // every replication in this thread: worker threads would load the sources through tsx
        {
          duration: durationMs,
          replications,
          jobs: 1,
          maxEvents: 2e9,
          maxWall: 600_000,
          quiet: true,
        },
        silent,
      );
      return JSON.parse(reportDataJson(results)) as ReportData;
    })();
    cache.set(key, data);
  }
  return data;
}

/** A script tag: what an attacker would put in any scenario text. */
export const HOSTILE = '<script>alert(1)</script>';

/**
 * A deep copy of `data` with HOSTILE in the scenario's name, description, file and lesson, in
 * every variant's name and description, and appended to the first component's id (everywhere it
 * appears: components, links, series).
 */
export function withHostileStrings(data: ReportData): ReportData {
  const copy = structuredClone(data);
  copy.scenario = {
    name: HOSTILE,
    description: `desc ${HOSTILE}`,
    file: `scenarios/${HOSTILE}.yaml`,
    lesson: `# Lesson ${HOSTILE}\n\nText with <img src=x onerror=alert(1)> and ${HOSTILE}.\n`,
  };
  const first = copy.variants[0].summary.components[0].id;
  const renamed = `${first}${HOSTILE}`;
  copy.variants.forEach((v, i) => {
    if (v.variant !== null) v.variant = `${HOSTILE}${i}`;
    v.description = `variant ${HOSTILE}`;
    for (const c of v.summary.components) if (c.id === first) c.id = renamed;
    for (const l of v.summary.links) {
      if (l.from === first) l.from = renamed;
      if (l.to === first) l.to = renamed;
    }
    if (v.series.components[first]) {
      v.series.components[renamed] = v.series.components[first];
      delete v.series.components[first];
    }
  });
  copy.comparisons.forEach((c, i) => {
    c.variant = `${HOSTILE}${i + 1}`;
    c.baseline = `${HOSTILE}0`;
    for (const m of c.metrics) m.sentence = `${HOSTILE}: ${m.sentence}`;
  });
  return copy;
}

/**
 * The report data of `results`, read back from results.json as `msasim report` does (plain
 * JSON, typed any: a test may edit it as it likes).
 */
export const dataOf = (results: ScenarioResults) => JSON.parse(reportDataJson(results));

/** The ids of a page's sections, in order. */
export const sectionIds = (html: string): string[] =>
  [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);

/**
 * Two tests of where a feature's page section goes: with `absent` data (no `what`) the section
 * builder gives nothing and the page has no section `id`; with `present` data the section comes
 * right after the summary and before the latency charts.
 */
export function itPlacesSection(
  id: string,
  section: (data: ReportData) => PageSection[],
  opts: { absent: ReportData; present: ReportData; what: string },
): void {
  it(`is absent without ${opts.what}, and the page has no ${id} section`, () => {
    expect(section(opts.absent)).toEqual([]);
    expect(buildReportHtml(opts.absent, NO_LIBRARIES)).not.toContain(`<section id="${id}">`);
  });

  it(`comes after the summary and before the charts when there are ${opts.what}`, () => {
    const ids = sectionIds(buildReportHtml(opts.present, NO_LIBRARIES));
    expect(ids.indexOf(id)).toBe(ids.indexOf('summary') + 1);
    expect(ids.indexOf('latency')).toBe(ids.indexOf(id) + 1);
  });
}

/** The vega libraries left out of a page built in a test. */
export const NO_LIBRARIES = { vega: '', vegaLite: '', vegaEmbed: '' };

/** Text for a RegExp that matches `text` literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The test of a feature section's key metrics: with `several` variants and replications the
 * section has `tables` tables of key metrics over the replications (each under its heading), where each metric of
 * `shown` has a row and each of `better` a row that says better; with `single` (one variant,
 * one replication) there is nothing to estimate or compare, so no such table.
 */
export function itShowsKeyMetrics(
  what: string,
  section: (data: ReportData) => PageSection[],
  opts: {
    several: ReportData;
    single: ReportData;
    better: string[];
    shown?: string[];
    tables?: number;
  },
): void {
  it(`shows the ${what} key metrics over the replications with their change`, () => {
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
 * The test that a section heads the key metrics of each item when the variants have several:
 * `data`'s section has a heading for each of `items`, and after the last one a row of metric
 * `label` that says better.
 */
export function itHeadsEachItem(
  section: (data: ReportData) => PageSection[],
  data: () => ReportData,
  items: [string, string],
  label: string,
): void {
  it('heads the key metrics of each item when there are several', () => {
    const html = String(section(data())[0].html ?? '');
    expect(html).toContain(`<h4>${items[0]}</h4>`);
    expect(html).toMatch(
      new RegExp(`<h4>${literal(items[1])}</h4>.*${literal(label)}.*badge better`, 's'),
    );
  });
}
