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
import { tableHtml, td } from '../../html/data-table.ts';
import { formatMs, formatNumber, formatPercent, formatQuantity } from '../../html/format.ts';
import { keyMetricsBlock, variantChip } from '../../html/key-metrics-table.ts';
import type { PageChart, PageSection } from '../../html/layout.ts';
import { type Html, html, joinHtml } from '../../html/template.ts';
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

/** What a reader's anomalies are, by its kind. */
const anomalyWord = (r: ReaderSummary) =>
  r.kind === 'saga' ? 'dirty reads' : r.kind === 'consumer' ? 'stale reads' : 'anomalies';

/** The reader, what it reads and its cut-off, in words (plain text). */
function readerLine(r: ReaderSummary): string {
  const cutoff = r.cutoffMs > 0 ? `, cut-off ${formatMs(r.cutoffMs)}` : '';
  const what = r.kind === 'consumer' ? `the read model of ${r.target}` : `saga ${r.target}`;
  return `${r.id} reading ${what}${cutoff}`;
}

/** One anomaly in words, highlighted under its label. */
const anomalyQuote = (label: string, text: string): Html =>
  html`<div class="anomaly"><span class="anomaly-label">${label}</span><blockquote>${text}</blockquote></div>`;

/**
 * A reader's card: the variant and the reader, how many reads were anomalous, then its first
 * and its worst (stalest) anomaly in words; a green card when it saw none.
 */
function readerCard(row: ItemRow<ReaderSummary>): Html {
  const r = row.x;
  const head = html`<h4>${variantChip(row.name, row.index)} <span class="anomaly-reader">${readerLine(r)}</span></h4>`;
  if (r.example === null)
    return html`<div class="anomaly-card clean">${head}<p>No ${anomalyWord(r)} in ${count(r.reads)} reads.</p></div>`;
  const summary = html`<p><strong>${count(r.anomalies)}</strong> of ${count(r.reads)} reads (${finePercent(r.anomalyRate)}) were ${anomalyWord(r)}; the stalest data read was ${formatMs(r.stalenessMaxMs)} old.</p>`;
  const worst =
    r.worstExample === null || r.worstExample === r.example
      ? html`<p class="anomaly-same">The first anomaly was also the worst: no later read saw older data.</p>`
      : anomalyQuote('The worst (stalest data)', r.worstExample);
  return html`<div class="anomaly-card">${head}${summary}${anomalyQuote('The first', r.example)}${worst}</div>`;
}

/** Every reader's reads, anomalies and staleness. */
function readersTable(rows: ItemRow<ReaderSummary>[]): Html {
  const body = rows.map((row) => {
    const r = row.x;
    return html`<tr>${labelCell(row, `${r.id} ← ${r.target}`)}${[
      r.kind,
      r.cutoffMs > 0 ? formatMs(r.cutoffMs) : '–',
      count(r.reads),
      count(r.anomalies),
      finePercent(r.anomalyRate),
      `${formatMs(r.stalenessMeanMs)} / ${formatMs(r.stalenessP99Ms)} / ${formatMs(r.stalenessMaxMs)}`,
    ].map(td)}</tr>`;
  });
  return tableHtml(
    [
      ['variant', 'reader ← what it reads'],
      'kind',
      'cut-off',
      'reads',
      ['anomalies', 'dirty or stale reads'],
      ['anomaly', 'rate'],
      ['staleness', 'mean / p99 / max'],
    ],
    body,
  );
}

/** Every saga's outcomes, alerts, messages and times. */
function sagasTable(rows: ItemRow<SagaSummary>[]): Html {
  const body = rows.map((row) => {
    const s = row.x;
    return html`<tr>${labelCell(row, `${s.id} · ${s.mode}`)}${[
      count(s.started),
      count(s.completed),
      count(s.compensated),
      count(s.inconsistent),
      `${count(s.alerts)} (${count(s.compensationFailures)} / ${count(s.uncompensable)})`,
      count(s.actionFailures),
      formatQuantity(s.messagesPerSaga),
      msPair(s.completionMeanMs, s.completionP99Ms),
      `${formatMs(s.windowMeanMs)} / ${formatMs(s.windowP99Ms)} / ${formatMs(s.windowMaxMs)}`,
    ].map(td)}</tr>`;
  });
  return tableHtml(
    [
      ['variant', 'saga · mode'],
      'started',
      'completed',
      'compensated',
      'inconsistent',
      ['operator alerts', '(failed undo / not undoable)'],
      ['failed', 'actions'],
      ['messages', 'per saga'],
      ['completion', 'mean / p99'],
      ['inconsistency window', 'mean / p99 / max'],
    ],
    body,
  );
}

/** Every transaction step's outcomes, lock waits, conflicts and times. */
function transactionsTable(rows: ItemRow<TransactionSummary>[]): Html {
  const body = rows.map((row) => {
    const t = row.x;
    return html`<tr>${labelCell(row, `${t.id} · ${t.locking}`)}${[
      t.keys,
      count(t.started),
      count(t.committed),
      count(t.failed),
      `${count(t.lockWaits)} / ${count(t.lockTimeouts)}`,
      msPair(t.lockWaitMeanMs, t.lockWaitP99Ms),
      `${count(t.conflicts)} (${formatPercent(t.conflictRate)})`,
      count(t.retries),
      count(t.compensations),
      msPair(t.durationMeanMs, t.durationP99Ms),
    ].map(td)}</tr>`;
  });
  return tableHtml(
    [
      ['variant', 'step · locking'],
      ['rows of', 'key space'],
      'started',
      'committed',
      'failed',
      ['lock waits', '/ timeouts'],
      ['lock wait', 'mean / p99'],
      ['conflicts', '(per transaction)'],
      'retries',
      'compensations',
      ['transaction time', 'mean / p99'],
    ],
    body,
  );
}

/**
 * The key metrics of `source`'s items among `rows` over the replications (with variants or
 * replications), one table per item, headed by its id when there are several.
 */
const estimatesHtml = (
  data: ReportData,
  source: KeyMetricSource,
  rows: ItemRow<{ id: string }>[],
) =>
  keyMetricsBlock(
    data,
    source.scope,
    [...new Set(rows.map((r) => r.x.id))],
    source.metrics.map((d) => d.metric),
    'h4',
  );

const INTRO = joinHtml([
  html`<p class="intro">How work that spans several services or rows held together, after the warm-up (first replication). `,
  html`A saga runs one local transaction per service and undoes the ones done when a later one fails (compensation); when an undo fails, or an action cannot be undone, the data stays inconsistent and an operator is alerted. `,
  html`A local transaction locks its row (pessimistic) or checks its version at commit (optimistic). `,
  html`A third-party reader reads the data meanwhile, and may see it partly applied (a dirty read across services) or behind (a stale read of a read model).</p>`,
]);

/** The section on transactions and consistency (only when some variant has any of them). */
export function transactionSection(data: ReportData): PageSection[] {
  const readers = readerRows(data);
  const sagas = sagaRows(data);
  const transactions = transactionRows(data);
  if (readers.length + sagas.length + transactions.length === 0) return [];
  const parts: Html[] = [INTRO];
  const charts: PageChart[] = [];
  if (readers.length > 0) {
    parts.push(
      html`<h3>What the readers saw</h3>`,
      html`<div class="anomaly-cards">${joinHtml(readers.map(readerCard), '\n')}</div>`,
      readersTable(readers),
      estimatesHtml(data, READER_METRICS, readers),
    );
    charts.push({
      spec: readerAnomalyChart(data),
      caption:
        'Staleness counts consistent reads as 0, so a p99 of 0 means fewer than 1 % of reads were anomalous; the max is the worst read.',
    });
  }
  if (sagas.length > 0) {
    parts.push(html`<h3>Sagas</h3>`, sagasTable(sagas), estimatesHtml(data, SAGA_METRICS, sagas));
    charts.push({ spec: sagaOutcomeChart(data) });
  }
  if (transactions.length > 0) {
    parts.push(
      html`<h3>Local transactions</h3>`,
      transactionsTable(transactions),
      estimatesHtml(data, TRANSACTION_METRICS, transactions),
    );
    charts.push({
      spec: transactionChart(data),
      caption:
        'Pessimistic locks make transactions wait (and hold threads meanwhile); optimistic checks let them run and redo the work on a conflict.',
    });
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
