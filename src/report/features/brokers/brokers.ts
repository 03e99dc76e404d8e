/**
 * The brokers' producers in the report: brokers.csv (one row per variant × broker: what its
 * producers published, failed, retried, buffered) and the console's broker table.
 */
import type { BrokerSummary, RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { summariesCsv } from '../../csv.ts';
import { formatTable, num } from '../../text-table.ts';

/** brokers.csv: one row per variant × broker: every figure of its summary (`id` as `broker`). */
export function brokersCsv({ variants }: Analysis): string {
  return summariesCsv(
    variants.flatMap(({ run: r }) =>
      r.summary.brokers.map((b): [RunResult, BrokerSummary] => [r, b]),
    ),
    { id: 'broker' },
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
