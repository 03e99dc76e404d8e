/**
 * ReportData: everything the HTML report shows, as one JSON document (results.json in the
 * report directory), so `msasim report <dir>` can rebuild index.html without running the
 * simulation again. Built from ScenarioResults by a pure function; numbers rounded as in the
 * other outputs.
 */
import type { LatencyQuantile } from '../metrics/histogram.ts';
import type { SeriesPoint } from '../metrics/series.ts';
import type { StationPoint } from '../metrics/station-stats.ts';
import type { RunSummary } from '../metrics/summary.ts';
import { type Analysis, analysisOf } from './analyse.ts';
import type { MetricEstimate, VariantComparison } from './estimates.ts';
import { type FaultTimeline, faultTimeline, type Propagation } from './propagation.ts';
import { OUTPUT_FORMAT_VERSION, type ScenarioResults } from './results.ts';
import { roundDeep } from './round.ts';
import type { SloResult } from './slo.ts';

/** One variant (or the scenario itself when it has none). */
export interface VariantReport {
  /** The variant's name; null for a scenario without variants. */
  variant: string | null;
  description: string;
  /**
   * The first replication's full summary (seed = the scenario's seed); its `sessions` feed the
   * sessions section (absent in results.json written before sessions: read it as null).
   */
  summary: RunSummary;
  /** The first replication's per-second series: entry endpoint ('overall' for all) / component id → points. */
  series: {
    requests: Record<string, SeriesPoint[]>;
    components: Record<string, StationPoint[]>;
  };
  /** The first replication's latency distributions: entry endpoint ('overall') → quantiles. */
  distributions: Record<string, LatencyQuantile[]>;
  /** Key metrics over every replication, with 95 % confidence intervals (null bounds when 1). */
  estimates: MetricEstimate[];
  /** The scenario's SLO bounds evaluated over the replications (empty without SLOs). */
  slos: SloResult[];
  /** The fault timeline (windows to shade in time charts); empty without faults. */
  faults: FaultTimeline[];
  /** How the faults propagated (first replication); null without faults. */
  propagation: Propagation | null;
}

/** The whole report of a scenario run. */
export interface ReportData {
  format: number;
  scenario: { name: string; description: string; file: string; lesson: string | null };
  /** Replications per variant. */
  replications: number;
  /** The seed of each replication (the same for every variant: common random numbers). */
  seeds: (number | string)[];
  variants: VariantReport[];
  /** Each variant after the first against the first (empty without variants). */
  comparisons: VariantComparison[];
}

/** The report data of `results` (a view of their analysis), rounded for output. */
export function buildReportData(input: ScenarioResults | Analysis): ReportData {
  const { results, variants, comparisons } = analysisOf(input);
  const first = variants[0]?.replications ?? [];
  const data: ReportData = {
    format: OUTPUT_FORMAT_VERSION,
    scenario: {
      name: results.name,
      description: results.description,
      file: results.file,
      lesson: results.lesson ?? null,
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
      },
      distributions: Object.fromEntries(r.distributions),
      estimates,
      slos,
      faults: r.summary.scenario.faults.map(faultTimeline),
      propagation,
    })),
    comparisons,
  };
  return roundDeep(data) as ReportData;
}

/** results.json: the report data as text. */
export function reportDataJson(input: ScenarioResults | Analysis): string {
  return `${JSON.stringify(buildReportData(input))}\n`;
}
