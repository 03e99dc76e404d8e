/**
 * The brokers' producers in the report: brokers.csv (one row per variant × broker: what its
 * producers published, failed, retried, buffered) and the console's broker table.
 */
import type { BrokerSummary, RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { type Column, csvOf } from '../../csv.ts';
import { round } from '../../round.ts';
import { formatTable, num } from '../../text-table.ts';

const BROKER_COLUMNS: Column<BrokerSummary>[] = [
  ['broker', (b) => b.id],
  ['onUnavailable', (b) => b.onUnavailable],
  ['published', (b) => b.published],
  ['publishedPerSec', (b) => round(b.publishedPerSec)],
  ['failed', (b) => b.failed],
  ['retries', (b) => b.retries],
  ['bufferFull', (b) => b.bufferFull],
  ['blockedMsTotal', (b) => round(b.blockedMsTotal)],
  ['maxBuffered', (b) => b.maxBuffered],
  ['bufferedAtEnd', (b) => b.bufferedAtEnd],
];

/** brokers.csv: one row per variant × broker: what its producers published, failed, buffered. */
export function brokersCsv({ variants }: Analysis): string {
  return csvOf(
    BROKER_COLUMNS,
    variants.flatMap(({ run: r }) =>
      r.summary.brokers.map((b): [RunResult, BrokerSummary] => [r, b]),
    ),
  );
}

/** The console table of a run's brokers ('' without brokers), after a blank line. */
export function brokerTable(s: RunSummary): string {
  if (s.brokers.length === 0) return '';
  const rows = s.brokers.map((b) => [
    b.id,
    b.onUnavailable,
    num(b.publishedPerSec),
    String(b.failed),
    String(b.retries),
    num(b.blockedMsTotal / 1000, 1),
    String(b.maxBuffered),
    String(b.bufferedAtEnd),
  ]);
  const header = [
    'broker',
    'when down',
    'published/s',
    'failed',
    'retries',
    'blocked s',
    'max buffered',
    'buffered at end',
  ];
  return `\n\n${formatTable(header, rows)}`;
}
