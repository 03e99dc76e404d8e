/**
 * Pending states in the report: pending.csv (one row per variant × pending state: every figure
 * of its summary), the console section ■ pending states, and the key metrics. First
 * replication of each variant.
 */
import type { PendingSummary } from '../../../metrics/pending-stats.ts';
import type { RunResult, RunSummary } from '../../../metrics/summary.ts';
import { runItems, summariesCsv } from '../../csv.ts';
import { formatItems } from '../../item-table.ts';
import { keyMetricSource, lowerIsBetter as m } from '../../key-metrics.ts';
import type { ScenarioResults } from '../../results.ts';
import { countColumns, num, pct, type TextColumn } from '../../text-table.ts';

/** The pending states of a summary ([] for a run without any). */
export const pendingOf = (s: RunSummary): PendingSummary[] => s.pendingStates ?? [];

const pendingRuns = (runs: readonly RunResult[]) => runItems(runs, pendingOf);

/** pending.csv: one row per variant × pending state (first replication). */
export function pendingCsv(results: ScenarioResults): string {
  return summariesCsv(pendingRuns(results.runs), { id: 'state' });
}

type P = PendingSummary;

const ms = (...xs: number[]) => xs.map((x) => num(x, 1)).join('/');

const COLUMNS: TextColumn<P>[] = [
  ...countColumns<P>('created', 'confirmed', 'cancelled', 'timedOut', 'reads'),
  ['saw pending', (x) => pct(x.pendingShare)],
  ['saw cancelled', (x) => String(x.cancelledReads)],
  ['pending ms mean/p99/max', (x) => ms(x.pendingTimeMeanMs, x.pendingTimeP99Ms, x.pendingMaxMs)],
];

const LEGEND = [
  'counts after the warm-up',
  'timedOut: cancelled because the confirmation did not come in time',
  'saw pending: share of reads that found the entity still pending',
  'pending: created to confirmed or cancelled',
];

/** ■ pending states: one row per variant × pending state ('' without any). */
export const formatPending = (results: ScenarioResults): string =>
  formatItems(
    results,
    pendingRuns(results.runs),
    { what: 'pending states', kind: 'state', idOf: (x) => x.id },
    [COLUMNS],
    LEGEND,
  );

/**
 * Each pending state's: the share of reads that saw it pending (users told "payment being
 * confirmed"), the time pending, and the cancellations. Missing when nothing was read or resolved.
 */
export const PENDING_METRICS = keyMetricSource<P>(
  'pendingStates',
  (s) => pendingOf(s).map((x) => [x.id, x]),
  [
    m('pendingShare', 'reads that saw pending', 'ratio', (x) =>
      x.reads > 0 ? x.pendingShare : null,
    ),
    m('pendingTimeMeanMs', 'mean time pending', 'ms', (x) =>
      x.confirmed + x.cancelled > 0 ? x.pendingTimeMeanMs : null,
    ),
    m('cancelled', 'cancelled', 'count', (x) => x.cancelled),
  ],
  true,
);
