/**
 * results.json: the ReportData of a run (report-data-types.ts) — a view of its analysis, with
 * the first replication's series and distributions — built by a pure function, numbers rounded
 * as in the other outputs (the key metrics' figures less: FIGURE_DECIMALS). index.html is built
 * from this text, so `msasim report <dir>` can rebuild the page without running the simulation
 * again.
 */
import { type Analysis, analysisOf } from './analyse.ts';
import { faultTimeline } from './features/faults/propagation.ts';
import type { ReportData } from './report-data-types.ts';
import { OUTPUT_FORMAT_VERSION, type ScenarioResults } from './results.ts';
import { roundDeep } from './round.ts';

export type { ReportData, VariantReport } from './report-data-types.ts';

/**
 * Decimals of the figures the page prints as the console does (the key metrics' estimates and
 * the comparisons), more than the other outputs' 4: a page built from 4-decimal figures rounds
 * twice and may print what the console does not ("± 18.4 %" from 0.1835, the console's 0.18349
 * "± 18.3 %").
 */
const FIGURE_DECIMALS = 9;

/** The report data of `results` (a view of their analysis), rounded for output. */
export function buildReportData(input: ScenarioResults | Analysis): ReportData {
  const { results, variants, comparisons, highlights } = analysisOf(input);
  const first = variants[0]?.replications ?? [];
  const data: ReportData = {
    format: OUTPUT_FORMAT_VERSION,
    scenario: {
      name: results.name,
      description: results.description,
      file: results.file,
      lesson: results.lesson ?? null,
      ...(results.lessonRefs === undefined ? {} : { lessonRefs: results.lessonRefs }),
      ...(results.lessonLang === undefined ? {} : { lessonLang: results.lessonLang }),
      ...(results.lessonTranslations === undefined
        ? {}
        : { lessonTranslations: results.lessonTranslations }),
      ...(results.lang === undefined ? {} : { lang: results.lang }),
      ...(results.descriptions?.length ? { descriptions: results.descriptions } : {}),
    },
    replications: first.length,
    seeds: first.map((s) => s.scenario.seed),
    variants: variants.map(({ run: r, estimates, slos, propagation }) => ({
      variant: r.summary.scenario.variant,
      description: r.summary.scenario.description,
      summary: r.summary,
      series: {
        requests: Object.fromEntries(r.series.requests),
        components: Object.fromEntries(r.series.components),
        ...(r.series.resolutionS === undefined ? {} : { resolutionS: r.series.resolutionS }),
      },
      distributions: Object.fromEntries(r.distributions),
      estimates,
      slos,
      faults: r.summary.scenario.faults.map(faultTimeline),
      propagation,
      ...(r.traces === undefined ? {} : { traces: r.traces }),
      ...(r.figures === undefined ? {} : { figures: r.figures }),
    })),
    comparisons,
    ...(results.sensitivity === undefined ? {} : { sensitivity: results.sensitivity }),
    highlights,
    ...(results.notes === undefined ? {} : { notes: results.notes }),
  };
  const out = roundDeep(data) as ReportData;
  out.variants.forEach((v, i) => {
    v.estimates = roundDeep(data.variants[i].estimates, FIGURE_DECIMALS) as typeof v.estimates;
  });
  out.comparisons = roundDeep(comparisons, FIGURE_DECIMALS) as typeof out.comparisons;
  return out;
}

/** results.json: the report data as text. */
export function reportDataJson(input: ScenarioResults | Analysis): string {
  return `${JSON.stringify(buildReportData(input))}\n`;
}
