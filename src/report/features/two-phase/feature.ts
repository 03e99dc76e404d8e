/**
 * Two-phase commits (present when some variant has a twoPhaseCommit step): two-phase.csv (one
 * row per variant × step: every figure of its summary), two-phase-participants.csv (one row per
 * variant × step × participant: what it prepared, refused, and how long it held its lock,
 * blocked in doubt included), the console section ■ two-phase commits, the page's section of
 * charts (charts.ts) and the key metrics (also in the console's replication table). First
 * replication of each variant.
 */
import type { RunResult } from '../../../metrics/summary.ts';
import type { ParticipantSummary, TwoPhaseSummary } from '../../../metrics/two-phase-stats.ts';
import { csvOf } from '../../csv.ts';
import { file } from '../../feature.ts';
import { itemFeature } from '../../item-feature.ts';
import { warmUpLegend } from '../../item-table.ts';
import { lowerIsBetter as m } from '../../key-metrics.ts';
import { round } from '../../round.ts';
import { countColumns, msFigures as ms, num, type TextColumn } from '../../text-table.ts';
import { LOCK_WAIT_MS, LOCK_WAITS } from '../transactions/transaction-table.ts';
import { twoPhaseCharts } from './charts.ts';

type T = TwoPhaseSummary;
type Participant = [transaction: string, p: ParticipantSummary];

/** two-phase-participants.csv: one row per variant × step × participant. */
function participantsCsv(steps: [RunResult, T][]): string {
  const items = steps.flatMap(([run, t]) =>
    t.participants.map((p): [RunResult, Participant] => [run, [t.id, p]]),
  );
  return csvOf<Participant>(
    [
      ['transaction', ([id]) => id],
      ['participant', ([, p]) => `${p.service}/${p.endpoint}`],
      ['prepared', ([, p]) => p.prepared],
      ['votedNo', ([, p]) => p.votedNo],
      ['blocked', ([, p]) => p.blocked],
      ['lockHoldMeanMs', ([, p]) => round(p.lockHoldMeanMs)],
      ['lockHoldMaxMs', ([, p]) => round(p.lockHoldMaxMs)],
    ],
    items,
  );
}

const ENDED: TextColumn<T>[] = [
  ...countColumns<T>('started', 'committed', 'aborted', 'votedNo', 'timeouts', 'inDoubt'),
  ['blocked', (x) => String(x.blocked)],
  ['msg/tx', (x) => num(x.messagesPerTransaction, 1)],
];

const LOCKS: TextColumn<T>[] = [
  LOCK_WAITS,
  LOCK_WAIT_MS,
  ['hold ms mean/p99/max', (x) => ms(x.lockHoldMeanMs, x.lockHoldP99Ms, x.lockHoldMaxMs)],
  ['blocked ms max', (x) => num(x.blockedTimeMaxMs, 0)],
  ['commit ms mean/p99', (x) => ms(x.durationMeanMs, x.durationP99Ms)],
];

const LEGEND = warmUpLegend(
  'inDoubt: transactions whose coordinator crashed before deciding (aborted when it came back)',
  'blocked: participant locks held in doubt meanwhile',
  'hold: a participant row lock, from prepare to the decision reaching it',
  'msg/tx: prepares, votes, decisions and acknowledgements per transaction decided',
);

export const twoPhaseFeature = itemFeature<T>({
  id: 'two-phase',
  of: 'twoPhaseCommits',
  kind: 'transaction',
  what: 'two-phase commits',
  order: { csv: 145, console: 45 },
  tables: [ENDED, LOCKS],
  legend: LEGEND,
  page: { order: 85, nav: '2PC', charts: twoPhaseCharts },
  more: (items) => [
    file(146, 'two-phase-participants.csv', (a) => participantsCsv(items(a.results))),
  ],
  // Each step's: aborted transactions are failed business operations, blocked participants and
  // long lock holds are the coupling 2PC brings. The hold is missing in a run with no lock held.
  metrics: [
    m('aborted', 'aborted 2PC transactions', 'count', (x) => x.aborted),
    m('blocked', 'participants blocked in doubt', 'count', (x) => x.blocked),
    m('lockHoldMeanMs', 'mean 2PC lock hold', 'ms', (x) =>
      x.started > 0 ? x.lockHoldMeanMs : null,
    ),
    // what the lessons quote: the coordinator's doubt, the queue on hot rows, the longest
    // hold and the messages a decision costs
    m('inDoubt', '2PC transactions in doubt', 'count', (x) => x.inDoubt),
    m('lockWaits', '2PC lock waits', 'count', (x) => x.lockWaits),
    m('lockHoldMaxMs', 'max 2PC lock hold', 'ms', (x) => (x.started > 0 ? x.lockHoldMaxMs : null)),
    m('messagesPerTransaction', 'messages per 2PC transaction', 'count', (x) =>
      x.committed + x.aborted > 0 ? x.messagesPerTransaction : null,
    ),
  ],
});
