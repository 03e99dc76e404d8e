/**
 * The console sections of sagas, local transactions and third-party readers (printed by
 * `msasim run` when some variant has them): one row per variant × item, first replication, in
 * tables within 120 columns, each with a short legend; for readers, the first and the worst
 * anomaly of each reader in words below the table, since *the* bad read is what a workshop
 * needs to see. The key metrics with confidence intervals are in the replications section.
 */

import type { ReaderSummary } from '../../../metrics/reader-stats.ts';
import type { SagaSummary } from '../../../metrics/saga-stats.ts';
import type { TransactionSummary } from '../../../metrics/transaction-stats.ts';
import { recordWords } from '../../i18n/ko-records.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t, term } from '../../i18n/t.ts';
import { formatItems, itemTable, namedItems, titleOf, warmUpLegend } from '../../item-table.ts';
import type { ScenarioResults } from '../../results.ts';
import {
  countColumns,
  joinWrapped,
  msFigures as ms,
  num,
  pct,
  type TextColumn,
  wrapWords,
} from '../../text-table.ts';
import { readerRuns, sagaRuns, transactionRuns } from './transaction-figures.ts';

const id = (x: { id: string }) => x.id;

/** The sections' names: in titles, and of the item column when there are several. */
const SAGAS = { what: 'sagas', kind: 'saga', idOf: id };
const TRANSACTIONS = { what: 'transactions', kind: 'transaction', idOf: id };

type S = SagaSummary;

/** How sagas ended: completed, compensated, inconsistent, operator alerts by cause. */
const SAGA_ENDED: TextColumn<S>[] = [
  ['mode', (x) => x.mode],
  ...countColumns<S>('started', 'completed', 'compensated', 'inconsistent'),
  ['alerts (comp/undo)', (x) => `${x.alerts} (${x.compensationFailures}/${x.uncompensable})`],
];

/** What sagas cost: failed actions, messages, completion time, inconsistency window. */
const SAGA_COST: TextColumn<S>[] = [
  ['failed actions', (x) => String(x.actionFailures)],
  ['msg/saga', (x) => num(x.messagesPerSaga, 2)],
  [
    'msg ok/comp',
    (x) => `${num(x.messagesPerCompletedSaga, 2)}/${num(x.messagesPerCompensatedSaga, 2)}`,
  ],
  [
    'KB/saga (comp)',
    (x) => `${num(x.bytesPerSaga / 1024, 1)} (${num(x.bytesPerCompensatedSaga / 1024, 1)})`,
  ],
  ['done ms mean/p99', (x) => ms(x.completionMeanMs, x.completionP99Ms)],
  ['window ms mean/p99/max', (x) => ms(x.windowMeanMs, x.windowP99Ms, x.windowMaxMs)],
];

/** What the sagas' tables say, below them. */
const SAGA_LEGEND = warmUpLegend(
  'compensated: every action done was undone',
  'inconsistent: a compensation failed, or an action that cannot be undone had run',
  'alerts: operator alerts (comp: compensations that failed / undo: actions that could not be undone)',
  'msg/saga: calls and replies, or events, per saga that ended (ok/comp: completed / rolled back)',
  'KB/saga: bytes of those messages per saga that ended (comp: per saga rolled back)',
  'done: start to completed or compensated',
  'window: first action done to consistent again',
);

/**
 * The sagas, one row per variant × saga (first replication), in two tables: how they ended
 * (completed, compensated, inconsistent, operator alerts by cause), then what they cost
 * (failed actions, messages, completion time, inconsistency window). Empty without sagas.
 */
export const formatSagas = (results: ScenarioResults, lang: Lang = 'en'): string =>
  formatItems(results, sagaRuns(results.runs), SAGAS, [SAGA_ENDED, SAGA_COST], SAGA_LEGEND, lang);

type T = TransactionSummary;

/** How transactions ended: committed, failed, version conflicts. */
const TRANSACTION_ENDED: TextColumn<T>[] = [
  ['locking', (x) => x.locking],
  ['keys', (x) => x.keys],
  ...countColumns<T>('started', 'committed', 'failed', 'conflicts'),
  ['conflict rate', (x) => pct(x.conflictRate)],
];

/** The figures of row-lock waits, as local transactions and two-phase commits count them. */
type LockWaits = { lockWaits: number; lockWaitMeanMs: number; lockWaitP99Ms: number };

/** How many waited for a row lock, and how long (two-phase/feature.ts shows them too). */
export const LOCK_WAITS: TextColumn<LockWaits> = ['lock waits', (x) => String(x.lockWaits)];
export const LOCK_WAIT_MS: TextColumn<LockWaits> = [
  'wait ms mean/p99',
  (x) => ms(x.lockWaitMeanMs, x.lockWaitP99Ms),
];

/** What transactions waited for and redid. */
const TRANSACTION_WAITS: TextColumn<T>[] = [
  LOCK_WAITS,
  ['timeouts', (x) => String(x.lockTimeouts)],
  LOCK_WAIT_MS,
  ...countColumns<T>('retries'),
  ['comps', (x) => String(x.compensations)],
  ['time ms mean/p99', (x) => ms(x.durationMeanMs, x.durationP99Ms)],
];

/** What the transaction steps' tables say, below them. */
const TRANSACTION_LEGEND = warmUpLegend(
  'conflicts: version changed before commit (optimistic), per transaction started',
  'lock waits: transactions that found the row locked (pessimistic); timeouts: gave up waiting',
  'comps: compensation runs after a conflict',
  'time: start to commit, retries included',
);

/**
 * The transaction steps, one row per variant × step (first replication), in two tables: how
 * they ended (committed, failed, version conflicts), then what they waited for and redid (lock
 * waits and timeouts, retries, compensations, lock wait and transaction time). Empty without
 * transaction steps.
 */
export const formatTransactions = (results: ScenarioResults, lang: Lang = 'en'): string =>
  formatItems(
    results,
    transactionRuns(results.runs),
    TRANSACTIONS,
    [TRANSACTION_ENDED, TRANSACTION_WAITS],
    TRANSACTION_LEGEND,
    lang,
  );

/** The first and worst anomaly of a reader, wrapped under a line naming the reader. */
function examplesText(name: string, x: ReaderSummary, several: boolean, lang: Lang): string {
  const who = several ? `${name} · ${x.id}` : name;
  if (x.example === null) return t(lang, 'readers.none', { who, reads: x.reads });
  const lines = [t(lang, 'readers.some', { who, n: x.anomalies, reads: x.reads })];
  const [first, worstLabel] = [t(lang, 'readers.first'), t(lang, 'readers.worst')];
  const indent = ' '.repeat(9);
  lines.push(wrapWords(recordWords(lang, x.example), `  ${first}: `.padEnd(9), indent));
  const worst = x.worstExample;
  if (worst === null || worst === x.example) lines.push(`  ${t(lang, 'readers.sameWorst')}`);
  else lines.push(wrapWords(recordWords(lang, worst), `  ${worstLabel}: `.padEnd(9), indent));
  return lines.join('\n');
}

type R = ReaderSummary;

/** What readers read, their anomalies and how stale the data was. */
const READER_TABLE: TextColumn<R>[] = [
  ['kind', (x) => x.kind],
  ['target', (x) => x.target],
  ['cutoff', (x) => (x.cutoffMs > 0 ? `${num(x.cutoffMs / 1000, 1)} s` : '–')],
  ...countColumns<R>('reads', 'anomalies'),
  ['rate', (x) => `${num(x.anomalyRate * 100, 2)}%`],
  ['staleness ms mean/p99/max', (x) => ms(x.stalenessMeanMs, x.stalenessP99Ms, x.stalenessMaxMs)],
];

/**
 * The third-party readers, one row per variant × reader (first replication): what they read,
 * the anomalies (cross-service dirty reads of a saga, stale reads of a read model) and how
 * stale the data was; then, for each, the first and the worst (stalest) anomaly in words,
 * wrapped within 120 columns. Empty without readers.
 */
export function formatReaders(results: ScenarioResults, lang: Lang = 'en'): string {
  const items = namedItems(results, readerRuns(results.runs), id);
  if (items.rows.length === 0) return '';
  const table = itemTable(items, 'reader', id, READER_TABLE, lang);
  const examples = items.rows.map(({ name, x }) => examplesText(name, x, items.several, lang));
  const kinds = new Set(items.rows.map(({ x }) => x.kind));
  const legend = warmUpLegend(
    ...(kinds.has('saga')
      ? [
          'kind saga: reads a saga’s entities; an anomaly is a dirty read (some of its changes without the others)',
        ]
      : []),
    ...(kinds.has('consumer')
      ? [
          'kind consumer: reads a consumer group’s read model; an anomaly is a stale read (an update still pending)',
        ]
      : []),
    'cutoff: data younger than this is not read',
    'staleness: how long the data read had been partly applied or behind (consistent reads count 0)',
  );
  const shown = legend.map((line) => term(lang, line));
  return `${titleOf(term(lang, 'readers'), items)}\n${table}\n${joinWrapped(shown)}\n\n${examples.join('\n')}`;
}
