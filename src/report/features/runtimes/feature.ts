/**
 * Runtime effects (present when some service has `runtime:`): runtimes.csv (one row per
 * variant × service: every figure of its summary), the console section ■ runtime effects: the
 * event loop's messages and their mean cost, the noisy-neighbour episodes and the share of
 * instance-time spent noisy, the sleeps the timers ran and their mean shift; the page's section
 * "Runtime effects". First replication
 * of each variant; no key metrics (the latencies they move are the endpoints' own).
 */
import type { RuntimeSummary } from '../../../metrics/runtime-stats.ts';
import { itemFeature } from '../../item-feature.ts';
import { warmUpLegendJoined } from '../../item-table.ts';
import { num, pct, type TextColumn } from '../../text-table.ts';

type R = RuntimeSummary;

const off = (on: boolean, text: string) => (on ? text : 'off');

const COLUMNS: TextColumn<R>[] = [
  ['messages', (x) => off(x.eventLoop, String(x.messages))],
  ['ms/message', (x) => off(x.eventLoop, num(x.messageMeanMs, 3))],
  ['noisy episodes', (x) => off(x.noisyNeighbour, String(x.episodes))],
  ['time noisy', (x) => off(x.noisyNeighbour, pct(x.noisyShare))],
  ['sleeps', (x) => off(x.timerGranularity, String(x.timers))],
  ['timer shift ms', (x) => off(x.timerGranularity, num(x.timerShiftMeanMs, 3))],
];

const LEGEND = warmUpLegendJoined(
  'off: the effect is not asked for',
  'messages: requests and answers charged on the event loop (one CPU per instance)',
  'time noisy: share of instance-time a noisy neighbour slowed the CPU work',
  'timer shift: mean (fired − asked) of a sleep; negative: early (rounded down to the tick)',
);

export const runtimesFeature = itemFeature<R>({
  id: 'runtimes',
  kind: 'service',
  what: 'runtime effects',
  order: { csv: 76, console: 59 },
  tables: [COLUMNS],
  legend: LEGEND,
  // the page's section: the console's columns, one row per variant × service
  page: {
    order: 53,
    nav: 'Runtime',
    columns: COLUMNS,
  },
});
