/**
 * The brokers' producers in the report: brokers.csv (one row per variant × broker: what its
 * producers published, failed, retried, buffered) and the console's broker table.
 */

import type { BrokerSummary, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { runItems, summariesCsv } from '../../csv.ts';
import type { Lang } from '../../i18n/lang.ts';
import { countColumns, num, type TextColumn, tableOf } from '../../text-table.ts';

/** brokers.csv: one row per variant × broker: every figure of its summary (`id` as `broker`). */
export function brokersCsv({ results }: Analysis): string {
  return summariesCsv(
    runItems(results.runs, (s) => s.brokers),
    { id: 'broker' },
  );
}

type B = BrokerSummary;

/** The columns of the console's broker table. */
const BROKER_TABLE: TextColumn<B>[] = [
  ['broker', (b) => b.id],
  ['when down', (b) => b.onUnavailable],
  ['published/s', (b) => num(b.publishedPerSec)],
  ...countColumns<B>('failed', 'retries'),
  ['blocked s', (b) => num(b.blockedMsTotal / 1000, 1)],
  ['max buffered', (b) => String(b.maxBuffered)],
  ['buffered at end', (b) => String(b.bufferedAtEnd)],
];

/** The console table of a run's brokers ('' without brokers), after a blank line. */
export function brokerTable(s: RunSummary, lang: Lang = 'en'): string {
  return s.brokers.length === 0 ? '' : `\n\n${tableOf(BROKER_TABLE, s.brokers, lang)}`;
}
