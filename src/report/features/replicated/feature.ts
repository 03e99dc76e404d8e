/**
 * Replicated data (present when some variant has an `updateCopy` or `readCopy` step):
 * replicated.csv (one row per variant × replicated data: every figure of its summary), the
 * console section ■ replicated data, the page's section of one table, and the key metrics
 * (also in the console's replication table): the updates the merge lost, their share, and the
 * share of reads that saw a value other than the truth. First replication of each variant.
 */
import type { ReplicatedSummary } from '../../../metrics/replicated-stats.ts';
import { type DataColumn, figureColumns, figureColumnsIfAny } from '../../html/data-table.ts';
import { formatNumber, formatPercent } from '../../html/format.ts';
import { itemFeature } from '../../item-feature.ts';
import { warmUpLegend } from '../../item-table.ts';
import { lowerIsBetter as m } from '../../key-metrics.ts';
import { countColumns, countColumnsIfAny, num, pct, type TextColumn } from '../../text-table.ts';
import { replicatedCharts, replicatedSeriesRows } from './over-time.ts';

type R = ReplicatedSummary;

/** The merge, or a dash for a single copy (nothing to merge: the CSV keeps the declared one). */
const merge = (x: R) => (x.copies > 1 ? x.merge : '–');

/**
 * The figures only some summaries have (absent, so 0, in the others), by column header: a lossy
 * or reconciling pipeline's, and the states that reached a copy whose service was down.
 */
const SOMETIMES = [
  ['dropped', 'dropped'],
  ['repaired', 'repaired'],
  ['unsynced', 'unsynced'],
  ['copy down', 'copyDown'],
] as const;
const sometimes = (x: R, k: (typeof SOMETIMES)[number][1]) => x[k] ?? 0;

const COLUMNS: TextColumn<R>[] = [
  ['merge', merge],
  ...countColumns<R>('copies', 'updates', 'lost'),
  ['lost share', (x) => pct(x.lostShare)],
  ...countColumns<R>('syncs'),
  // only under faults on the sync links
  ...countColumnsIfAny<R>('held', 'retried'),
  // only with lossy delivery, a reconciliation or a down copy
  ...SOMETIMES.map(([h, k]): TextColumn<R> => [h, (x) => String(sometimes(x, k)), 'nonzero']),
  ...countColumns<R>('reads'),
  ['diverged', (x) => pct(x.divergentShare)],
  ['mean |diff|', (x) => num(x.meanDivergence, 2)],
];

const LEGEND = warmUpLegend(
  'merge: – for a single copy (nothing to merge)',
  'lost: updates the final state of their key does not include (overwritten by a concurrent write)',
  'held: copy states a partition of their link held until it healed',
  'retried: sendings of copy states an error-rate fault on their link failed, each sent again (a state can fail many times)',
  'dropped: copy states a partition or an error-rate fault of their link lost (lossy delivery)',
  'repaired: keys a reconciliation changed on the copy it reached',
  'unsynced: keys on which some copy still differed at the end from the state the copies converge to (the messages on their way counted as arrived)',
  'copy down: copy states that reached a copy whose service had no instance up, held until one was (durable delivery, or a freeze) or dropped (also counted there)',
  'diverged: share of reads whose value differed from the truth (every change made anywhere so far)',
  'mean |diff|: mean distance of a read value from the truth, over every read',
);

export const replicatedFeature = itemFeature<R>({
  id: 'replicated',
  kind: 'data',
  what: 'replicated data',
  order: { csv: 148.5, console: 47.5 },
  tables: [COLUMNS],
  legend: LEGEND,
  page: {
    order: 87.5,
    nav: 'Replicated',
    columns: [
      ['merge', merge],
      ...figureColumns<R>('copies', 'updates', 'lost'),
      ['lost share', (x) => formatPercent(x.lostShare)],
      ...figureColumnsIfAny<R>('held', 'retried'),
      ...SOMETIMES.map(
        ([h, k]): DataColumn<R> => [h, (x) => formatNumber(sometimes(x, k)), 'nonzero'],
      ),
      ...figureColumns<R>('reads'),
      ['diverged', (x) => formatPercent(x.divergentShare)],
      ['mean |diff|', (x) => formatNumber(x.meanDivergence, 2)],
    ],
    charts: replicatedCharts,
  },
  // each replicated data's: the updates the merge lost (lww: a concurrent write overwrote them;
  // a CRDT: none), their share, and the reads that saw a value other than the truth
  metrics: [
    m('lost', 'updates lost', 'count', (x) => (x.updates > 0 ? x.lost : null)),
    m('lostShare', 'share of updates lost', 'ratio', (x) => (x.updates > 0 ? x.lostShare : null)),
    m('divergentShare', 'reads that diverged', 'ratio', (x) =>
      x.reads > 0 ? x.divergentShare : null,
    ),
    // a lossy or reconciling pipeline's: the keys whose copies still disagree at the end
    m('unsynced', 'keys left unsynced', 'count', (x) => x.unsynced ?? null),
  ],
  // the diverged reads second by second (over-time.ts)
  series: replicatedSeriesRows,
});
