/**
 * The report section on transactions and consistency (present only when some variant has
 * sagas, transaction steps or third-party readers): first what each reader saw — its first and
 * its worst anomaly in words, highlighted, since *the* bad read is what a workshop needs to
 * see — then tables of every variant × reader, saga and transaction step, their key metrics
 * over the replications, and the charts of transaction-charts.ts. Figures are the first
 * replication's; every scenario string is escaped.
 */

import type { ReaderSummary } from '../../../metrics/reader-stats.ts';
import type { SagaSummary } from '../../../metrics/saga-stats.ts';
import type { TransactionSummary } from '../../../metrics/transaction-stats.ts';
import { type DataColumn, dataTable, type Header } from '../../html/data-table.ts';
import { formatMs, formatNumber, formatPercent, formatQuantity } from '../../html/format.ts';
import { keyMetricsBlock, variantChip } from '../../html/key-metrics-table.ts';
import type { PageChart, PageSection } from '../../html/layout.ts';
import { type Html, html, joinHtml } from '../../html/template.ts';
import { tHtml } from '../../html/words.ts';
import { recordWords } from '../../i18n/ko-records.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t, term } from '../../i18n/t.ts';
import type { KeyMetricSource } from '../../key-metrics.ts';
import type { ReportData } from '../../report-data-types.ts';
import {
  type ItemRow,
  readerAnomalyChart,
  readerRows,
  sagaOutcomeChart,
  sagaRows,
  transactionChart,
  transactionRows,
} from './transaction-charts.ts';
import { READER_METRICS, SAGA_METRICS, TRANSACTION_METRICS } from './transaction-metrics.ts';

/** The first cell of a row: the variant with its colour, `sub` (the item …) below. */
const labelCell = ({ name, index }: ItemRow<unknown>, sub: string): Html =>
  html`<td class="label">${variantChip(name, index)}<span class="sub">${sub}</span></td>`;

const count = (x: number) => formatNumber(x);
const msPair = (a: number, b: number) => `${formatMs(a)} / ${formatMs(b)}`;

/** A rate with two decimals, so a handful of anomalies in thousands of reads is not 0.0 %. */
const finePercent = (x: number) => `${formatNumber(x * 100, 2)} %`;

/** What a reader's anomalies are, by its kind, in `lang`. */
const anomalyWord = (r: ReaderSummary, lang: Lang) =>
  term(
    lang,
    r.kind === 'saga' ? 'dirty reads' : r.kind === 'consumer' ? 'stale reads' : 'anomalies',
  );

/** The reader, what it reads and its cut-off, in words (plain text). */
function readerLine(r: ReaderSummary, lang: Lang): string {
  const values = { id: r.id, target: r.target, cutoff: formatMs(r.cutoffMs) };
  const key = r.kind === 'consumer' ? 'card.consumer' : 'card.saga';
  return t(lang, r.cutoffMs > 0 ? `${key}.cutoff` : key, values);
}

/** One anomaly in words, highlighted under its label. */
const anomalyQuote = (label: string, text: string): Html =>
  html`<div class="anomaly"><span class="anomaly-label">${label}</span><blockquote>${text}</blockquote></div>`;

/**
 * A reader's card: the variant and the reader, how many reads were anomalous, then its first
 * and its worst (stalest) anomaly in words; a green card when it saw none.
 */
function readerCard(row: ItemRow<ReaderSummary>, lang: Lang): Html {
  const r = row.x;
  const head = html`<h4>${variantChip(row.name, row.index)} <span class="anomaly-reader">${readerLine(r, lang)}</span></h4>`;
  const what = anomalyWord(r, lang);
  if (r.example === null)
    return html`<div class="anomaly-card clean">${head}<p>${t(lang, 'card.clean', { what, reads: count(r.reads) })}</p></div>`;
  const summary = html`<p>${tHtml(lang, 'card.summary', {
    n: html`<strong>${count(r.anomalies)}</strong>`,
    reads: count(r.reads),
    rate: finePercent(r.anomalyRate),
    what,
    age: formatMs(r.stalenessMaxMs),
  })}</p>`;
  const worst =
    r.worstExample === null || r.worstExample === r.example
      ? html`<p class="anomaly-same">${t(lang, 'card.same')}</p>`
      : anomalyQuote(t(lang, 'card.worst'), recordWords(lang, r.worstExample));
  return html`<div class="anomaly-card">${head}${summary}${anomalyQuote(t(lang, 'card.first'), recordWords(lang, r.example))}${worst}</div>`;
}

/** The first column: the variant with its colour, `sub` of its item below. */
const first = <T>(head: Header, sub: (x: T) => string): [Header, (row: ItemRow<T>) => Html] => [
  head,
  (row) => labelCell(row, sub(row.x)),
];

/**
 * The first columns: the reader and what it reads, the saga and its mode, the step and its
 * locking.
 */
const READER = first<ReaderSummary>(
  ['variant', 'reader ← what it reads'],
  (r) => `${r.id} ← ${r.target}`,
);
const SAGA = first<SagaSummary>(['variant', 'saga · mode'], (x) => `${x.id} · ${x.mode}`);
const TRANSACTION = first<TransactionSummary>(
  ['variant', 'step · locking'],
  (x) => `${x.id} · ${x.locking}`,
);

/** Every reader's reads, anomalies and staleness. */
const READERS: DataColumn<ItemRow<ReaderSummary>>[] = [
  ['kind', ({ x }) => x.kind],
  ['cut-off', ({ x }) => (x.cutoffMs > 0 ? formatMs(x.cutoffMs) : '–')],
  ['reads', ({ x }) => count(x.reads)],
  [['anomalies', 'dirty or stale reads'], ({ x }) => count(x.anomalies)],
  [['anomaly', 'rate'], ({ x }) => finePercent(x.anomalyRate)],
  [
    ['staleness', 'mean / p99 / max'],
    ({ x }) =>
      `${formatMs(x.stalenessMeanMs)} / ${formatMs(x.stalenessP99Ms)} / ${formatMs(x.stalenessMaxMs)}`,
  ],
];

/** Every saga's outcomes, alerts, messages and times. */
const SAGAS: DataColumn<ItemRow<SagaSummary>>[] = [
  ['started', ({ x }) => count(x.started)],
  ['completed', ({ x }) => count(x.completed)],
  ['compensated', ({ x }) => count(x.compensated)],
  ['inconsistent', ({ x }) => count(x.inconsistent)],
  [
    ['operator alerts', '(failed undo / not undoable)'],
    ({ x }) => `${count(x.alerts)} (${count(x.compensationFailures)} / ${count(x.uncompensable)})`,
  ],
  [['failed', 'actions'], ({ x }) => count(x.actionFailures)],
  [['messages', 'per saga'], ({ x }) => formatQuantity(x.messagesPerSaga)],
  [['completion', 'mean / p99'], ({ x }) => msPair(x.completionMeanMs, x.completionP99Ms)],
  [
    ['inconsistency window', 'mean / p99 / max'],
    ({ x }) =>
      `${formatMs(x.windowMeanMs)} / ${formatMs(x.windowP99Ms)} / ${formatMs(x.windowMaxMs)}`,
  ],
];

/** Every transaction step's outcomes, lock waits, conflicts and times. */
const TRANSACTIONS: DataColumn<ItemRow<TransactionSummary>>[] = [
  [['rows of', 'key space'], ({ x }) => x.keys],
  ['started', ({ x }) => count(x.started)],
  ['committed', ({ x }) => count(x.committed)],
  ['failed', ({ x }) => count(x.failed)],
  [['lock waits', '/ timeouts'], ({ x }) => `${count(x.lockWaits)} / ${count(x.lockTimeouts)}`],
  [['lock wait', 'mean / p99'], ({ x }) => msPair(x.lockWaitMeanMs, x.lockWaitP99Ms)],
  [
    ['conflicts', '(per transaction)'],
    ({ x }) => `${count(x.conflicts)} (${formatPercent(x.conflictRate)})`,
  ],
  ['retries', ({ x }) => count(x.retries)],
  ['compensations', ({ x }) => count(x.compensations)],
  [['transaction time', 'mean / p99'], ({ x }) => msPair(x.durationMeanMs, x.durationP99Ms)],
];

/**
 * The key metrics of `source`'s items among `rows` over the replications (with variants or
 * replications), one table per item, headed by its id when there are several.
 */
const estimatesHtml = (
  data: ReportData,
  source: KeyMetricSource,
  rows: ItemRow<{ id: string }>[],
  lang: Lang,
) =>
  keyMetricsBlock(
    data,
    source.scope,
    [...new Set(rows.map((r) => r.x.id))],
    source.metrics.map((d) => d.metric),
    'h4',
    lang,
  );

/**
 * The table of every variant × item of one kind (`rows`: the `head` column, then `columns`) and
 * its items' key metrics.
 */
const kindTables = <T extends { id: string }>(
  data: ReportData,
  rows: ItemRow<T>[],
  head: ReturnType<typeof first<T>>,
  columns: readonly DataColumn<ItemRow<T>>[],
  metrics: KeyMetricSource,
  lang: Lang,
): Html[] => [dataTable(head, columns, rows, lang), estimatesHtml(data, metrics, rows, lang)];

/** The section on transactions and consistency (only when some variant has any of them). */
export function transactionSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  const readers = readerRows(data);
  const sagas = sagaRows(data);
  const transactions = transactionRows(data);
  if (readers.length + sagas.length + transactions.length === 0) return [];
  const parts: Html[] = [html`<p class="intro">${t(lang, 'tx.intro')}</p>`];
  const charts: PageChart[] = [];
  if (readers.length > 0) {
    parts.push(
      html`<h3>${t(lang, 'tx.readers')}</h3>`,
      html`<div class="anomaly-cards">${joinHtml(
        readers.map((r) => readerCard(r, lang)),
        '\n',
      )}</div>`,
      ...kindTables(data, readers, READER, READERS, READER_METRICS, lang),
    );
    charts.push({ spec: readerAnomalyChart(data, lang), caption: t(lang, 'tx.readersCaption') });
  }
  if (sagas.length > 0) {
    parts.push(
      html`<h3>${t(lang, 'tx.sagas')}</h3>`,
      ...kindTables(data, sagas, SAGA, SAGAS, SAGA_METRICS, lang),
    );
    charts.push({ spec: sagaOutcomeChart(data, lang) });
  }
  if (transactions.length > 0) {
    parts.push(
      html`<h3>${t(lang, 'tx.local')}</h3>`,
      ...kindTables(data, transactions, TRANSACTION, TRANSACTIONS, TRANSACTION_METRICS, lang),
    );
    charts.push({ spec: transactionChart(data, lang), caption: t(lang, 'tx.localCaption') });
  }
  return [
    {
      id: 'consistency',
      title: 'Transactions and consistency',
      nav: 'Consistency',
      html: joinHtml(parts, '\n'),
      charts,
    },
  ];
}
