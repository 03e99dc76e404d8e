/**
 * ReportData: everything the HTML report shows, as one JSON document (results.json in the
 * report directory), so `msasim report <dir>` can rebuild index.html without running the
 * simulation again: the types (the page's sections read them; report-data.ts builds it).
 */
import type { LatencyQuantile } from '../metrics/histogram.ts';
import type { KindFigures } from '../metrics/kind-figures.ts';
import type { SeriesPoint } from '../metrics/series.ts';
import type { StationPoint } from '../metrics/station-stats.ts';
import type { RunSummary } from '../metrics/summary.ts';
import type { RequestTrace } from '../metrics/traces.ts';
import type { LessonLang, LessonRefs } from '../scenario/lesson-types.ts';
import type { PartDescription } from './features/descriptions/part-description.ts';
import type { FaultTimeline, Propagation } from './features/faults/propagation.ts';
import type { VariantSensitivity } from './features/sensitivity/what-if.ts';
import type { SloResult } from './features/slos/slo.ts';
import type { Highlights } from './highlights.ts';
import type { MetricEstimate, VariantComparison } from './key-metrics.ts';
import type { LessonTranslations, RunNotes } from './results.ts';

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
    /** Seconds per point when the run was long (metrics/resolution.ts); absent: 1. */
    resolutionS?: number;
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
  /**
   * The request traces of the replication traced (the first unless `--trace-replication` chose
   * another, or all), slowest first (absent when none was traced).
   */
  traces?: RequestTrace[];
  /** The first replication's figures of two-phase commits, pending states and event stores. */
  figures?: KindFigures;
}

/** The whole report of a scenario run. */
export interface ReportData {
  format: number;
  scenario: {
    name: string;
    description: string;
    file: string;
    lesson: string | null;
    /** The lesson's figures and claims (scenario/lesson.ts); absent when it has none. */
    lessonRefs?: LessonRefs;
    /** The language of `lesson`; absent without a lesson (or before translations: English). */
    lessonLang?: LessonLang;
    /** The lesson's translations (`x.ko.md`), their figures resolved; absent without any. */
    lessonTranslations?: LessonTranslations;
    /** The scenario's `lang:`; absent when it has none (the page then detects Hangul). */
    lang?: string;
    /** The `description:` of its parts (features/descriptions/); absent when none has one. */
    descriptions?: PartDescription[];
  };
  /** Replications per variant. */
  replications: number;
  /** The seed of each replication (the same for every variant: common random numbers). */
  seeds: (number | string)[];
  variants: VariantReport[];
  /** Each variant after the first against the first (empty without variants). */
  comparisons: VariantComparison[];
  /** The what-if near saturation (`run --sensitivity`); absent when it did not run. */
  sensitivity?: VariantSensitivity[];
  /** The key metrics shown first (absent in results.json written before highlights). */
  highlights?: Highlights;
  /** How replications and warm-up were chosen (--precision, --warmup auto); absent: as given. */
  notes?: RunNotes;
}
