/**
 * What a third-party reader saw over the statistics window (issue 7, observed consistency):
 * its reads, the anomalous ones — cross-service dirty reads of a saga's entities (some of its
 * changes without the others), stale reads of a read model (updates still pending) — how old
 * the data it read was, and one minimal example of an anomaly, so a workshop can show *the*
 * bad read and not just a rate.
 */
import { type Counts, counters, countsOf, fieldsOf, type TimesOf, timesOf } from './counters.ts';

/** What the model counts for a reader over the statistics window. */
const READER_COUNTERS = {
  reads: 'reads made',
  anomalies: 'dirty reads (saga) or stale reads (consumer)',
} as const;

/** What the model measures of each read, ms. */
const READER_TIMES = {
  staleness: 'stale reads: how long the oldest pending update had waited; fresh reads count 0',
} as const;

export class ReaderStats extends counters(READER_COUNTERS, READER_TIMES) {
  /** The first anomaly of the window, and the worst (the stalest), in words (null: none). */
  example: string | null = null;
  worst: string | null = null;
  #worstMs = -1;

  constructor(
    readonly id: string,
    /** 'saga' (cross-service reads) or 'consumer' (a read model). */
    readonly kind: string,
    readonly target: string,
    readonly cutoffMs: number,
  ) {
    super();
  }

  /** An anomalous read whose data was `ageMs` old, described (only if kept) by `describe`. */
  anomaly(ageMs: number, describe: () => string): void {
    this.anomalies++;
    if (this.example === null) this.example = describe();
    if (ageMs > this.#worstMs) {
      this.#worstMs = ageMs;
      this.worst = describe();
    }
  }

  override reset(): void {
    super.reset();
    this.example = null;
    this.worst = null;
    this.#worstMs = -1;
  }
}

/** A reader over the statistics window, ready for JSON: its counts, then figures derived from them. */
export interface ReaderSummary
  extends Counts<typeof READER_COUNTERS>,
    TimesOf<'staleness', 'meanMs' | 'p99Ms' | 'maxMs'> {
  id: string;
  kind: string;
  target: string;
  cutoffMs: number;
  anomalyRate: number;
  /** The first anomaly of the window, and the worst one, in words (null: none). */
  example: string | null;
  worstExample: string | null;
}

export function summarizeReader(s: ReaderStats): ReaderSummary {
  return {
    ...fieldsOf(s, ['id', 'kind', 'target', 'cutoffMs']),
    ...countsOf(s, READER_COUNTERS),
    anomalyRate: s.reads > 0 ? s.anomalies / s.reads : 0,
    example: s.example,
    worstExample: s.worst,
    ...timesOf('staleness', s.staleness, ['meanMs', 'p99Ms', 'maxMs']),
  };
}
