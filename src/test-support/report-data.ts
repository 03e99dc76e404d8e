/**
 * Test helpers for the HTML report: the ReportData of a shipped scenario, run through the real
 * pipeline (load, run every variant, replications, results.json) with a shorter duration,
 * read back from its JSON text as `msasim report` would; and a copy with hostile strings in
 * every place a scenario's text reaches the page; the data of any results and the ids of a
 * page's sections (the tests every item feature's section passes: feature-section.ts).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runVariants } from '../cli/run-variants.ts';
import { type ReportData, reportDataJson } from '../report/report-data.ts';
import type { ScenarioResults } from '../report/results.ts';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const cache = new Map<string, Promise<ReportData>>();

/**
 * The report data of `scenarios/<file>` (or of `file`, an absolute path) run for `durationMs` with `replications` per variant
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
        resolve(SCENARIOS, file),
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

/** The vega libraries left out of a page built in a test. */
export const NO_LIBRARIES = { vega: '', vegaLite: '', vegaEmbed: '' };
