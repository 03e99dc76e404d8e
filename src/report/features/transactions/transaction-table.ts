/**
 * The console sections of sagas, local transactions and third-party readers (printed by
 * `msasim run` when some variant has them): one row per variant × item, first replication, in
 * tables within 120 columns, each with a short legend; for readers, the first and the worst
 * anomaly of each reader in words below the table, since *the* bad read is what a workshop
 * needs to see. The key metrics with confidence intervals are in the replications section.
 */
import type { ReaderSummary } from '../../../metrics/reader-stats.ts';
import type { SagaSummary } from '../../../metrics/saga-stats.ts';
import type { RunResult } from '../../../metrics/summary.ts';
import type { TransactionSummary } from '../../../metrics/transaction-stats.ts';
import { type ScenarioResults, variantNames } from '../../results.ts';
import { formatTable, joinWrapped, num, pct, wrapWords } from '../../text-table.ts';
import { readerRuns, sagaRuns, transactionRuns } from './transaction-figures.ts';

/** The rows of a section: each item with the name of its variant. */
interface NamedItems<T> {
  rows: { name: string; x: T }[];
  /** Whether the items have several ids (then each row names its item in a column). */
  several: boolean;
  /** The ids, in order of first appearance. */
  ids: string[];
}

function namedItems<T extends { id: string }>(
  results: ScenarioResults,
  items: [RunResult, T][],
): NamedItems<T> {
  const names = variantNames(results);
  const rows = items.map(([r, x]) => ({ name: names[results.runs.indexOf(r)], x }));
  const ids = [...new Set(rows.map(({ x }) => x.id))];
  return { rows, several: ids.length > 1, ids };
}

/** A section's title: `■ <kind>`, with the item's id when every row has the same. */
const titleOf = (kind: string, { several, ids }: NamedItems<unknown>) =>
  `■ ${kind}${several ? '' : `: ${ids[0]}`}`;

/** The first cells of a row: the variant, and its item when there are several. */
const headOf =
  ({ several }: NamedItems<unknown>) =>
  (name: string, id: string) =>
    several ? [name, id] : [name];

/** ms with one decimal, joined by "/": "95.7/264.7". */
const msList = (...xs: number[]) => xs.map((x) => num(x, 1)).join('/');

/**
 * The sagas, one row per variant × saga (first replication), in two tables: how they ended
 * (completed, compensated, inconsistent, operator alerts by cause), then what they cost
 * (failed actions, messages, completion time, inconsistency window). Empty without sagas.
 */
export function formatSagas(results: ScenarioResults): string {
  const items = namedItems<SagaSummary>(results, sagaRuns(results.runs));
  if (items.rows.length === 0) return '';
  const head = headOf(items);
  const ended = items.rows.map(({ name, x }) => [
    ...head(name, x.id),
    x.mode,
    String(x.started),
    String(x.completed),
    String(x.compensated),
    String(x.inconsistent),
    `${x.alerts} (${x.compensationFailures}/${x.uncompensable})`,
  ]);
  const cost = items.rows.map(({ name, x }) => [
    ...head(name, x.id),
    String(x.actionFailures),
    num(x.messagesPerSaga, 2),
    msList(x.completionMeanMs, x.completionP99Ms),
    msList(x.windowMeanMs, x.windowP99Ms, x.windowMaxMs),
  ]);
  const endedTable = formatTable(
    [
      ...head('variant', 'saga'),
      'mode',
      'started',
      'completed',
      'compensated',
      'inconsistent',
      'alerts (comp/undo)',
    ],
    ended,
  );
  const costTable = formatTable(
    [
      ...head('variant', 'saga'),
      'failed actions',
      'msg/saga',
      'done ms mean/p99',
      'window ms mean/p99/max',
    ],
    cost,
  );
  const legend = [
    'counts after the warm-up',
    'compensated: every action done was undone',
    'inconsistent: a compensation failed, or an action that cannot be undone had run',
    'alerts: operator alerts (comp: compensations that failed / undo: actions that could not be undone)',
    'msg/saga: calls and replies, or events, per saga that ended',
    'done: start to completed or compensated',
    'window: first action done to consistent again',
  ];
  return `${titleOf('sagas', items)}\n${endedTable}\n\n${costTable}\n${joinWrapped(legend)}`;
}

/**
 * The transaction steps, one row per variant × step (first replication), in two tables: how
 * they ended (committed, failed, version conflicts), then what they waited for and redid (lock
 * waits and timeouts, retries, compensations, lock wait and transaction time). Empty without
 * transaction steps.
 */
export function formatTransactions(results: ScenarioResults): string {
  const items = namedItems<TransactionSummary>(results, transactionRuns(results.runs));
  if (items.rows.length === 0) return '';
  const head = headOf(items);
  const ended = items.rows.map(({ name, x }) => [
    ...head(name, x.id),
    x.locking,
    x.keys,
    String(x.started),
    String(x.committed),
    String(x.failed),
    String(x.conflicts),
    pct(x.conflictRate),
  ]);
  const waits = items.rows.map(({ name, x }) => [
    ...head(name, x.id),
    String(x.lockWaits),
    String(x.lockTimeouts),
    msList(x.lockWaitMeanMs, x.lockWaitP99Ms),
    String(x.retries),
    String(x.compensations),
    msList(x.durationMeanMs, x.durationP99Ms),
  ]);
  const endedTable = formatTable(
    [
      ...head('variant', 'transaction'),
      'locking',
      'keys',
      'started',
      'committed',
      'failed',
      'conflicts',
      'conflict rate',
    ],
    ended,
  );
  const waitTable = formatTable(
    [
      ...head('variant', 'transaction'),
      'lock waits',
      'timeouts',
      'wait ms mean/p99',
      'retries',
      'comps',
      'time ms mean/p99',
    ],
    waits,
  );
  const legend = [
    'counts after the warm-up',
    'conflicts: version changed before commit (optimistic), per transaction started',
    'lock waits: transactions that found the row locked (pessimistic); timeouts: gave up waiting',
    'comps: compensation runs after a conflict',
    'time: start to commit, retries included',
  ];
  return `${titleOf('transactions', items)}\n${endedTable}\n\n${waitTable}\n${joinWrapped(legend)}`;
}

/** The first and worst anomaly of a reader, wrapped under a line naming the reader. */
function examplesText(name: string, x: ReaderSummary, several: boolean): string {
  const who = several ? `${name} · ${x.id}` : name;
  if (x.example === null) return `${who}: no anomaly in ${x.reads} reads`;
  const lines = [`${who}: ${x.anomalies} of ${x.reads} reads anomalous`];
  lines.push(wrapWords(x.example, '  first: ', '         '));
  const worst = x.worstExample;
  if (worst === null || worst === x.example) lines.push('  worst: the first (no read was staler)');
  else lines.push(wrapWords(worst, '  worst: ', '         '));
  return lines.join('\n');
}

/**
 * The third-party readers, one row per variant × reader (first replication): what they read,
 * the anomalies (cross-service dirty reads of a saga, stale reads of a read model) and how
 * stale the data was; then, for each, the first and the worst (stalest) anomaly in words,
 * wrapped within 120 columns. Empty without readers.
 */
export function formatReaders(results: ScenarioResults): string {
  const items = namedItems<ReaderSummary>(results, readerRuns(results.runs));
  if (items.rows.length === 0) return '';
  const head = headOf(items);
  const rows = items.rows.map(({ name, x }) => [
    ...head(name, x.id),
    x.kind,
    x.target,
    x.cutoffMs > 0 ? `${num(x.cutoffMs / 1000, 1)} s` : '–',
    String(x.reads),
    String(x.anomalies),
    `${num(x.anomalyRate * 100, 2)}%`,
    msList(x.stalenessMeanMs, x.stalenessP99Ms, x.stalenessMaxMs),
  ]);
  const table = formatTable(
    [
      ...head('variant', 'reader'),
      'kind',
      'target',
      'cutoff',
      'reads',
      'anomalies',
      'rate',
      'staleness ms mean/p99/max',
    ],
    rows,
  );
  const examples = items.rows.map(({ name, x }) => examplesText(name, x, items.several));
  const kinds = new Set(items.rows.map(({ x }) => x.kind));
  const legend = [
    'counts after the warm-up',
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
  ];
  return `${titleOf('readers', items)}\n${table}\n${joinWrapped(legend)}\n\n${examples.join('\n')}`;
}
