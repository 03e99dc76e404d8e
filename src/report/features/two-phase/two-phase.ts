/**
 * Two-phase commits in the report: two-phase.csv (one row per variant × step: every figure of
 * its summary), two-phase-participants.csv (one row per variant × step × participant: what it
 * prepared, refused, and how long it held its lock, blocked in doubt included), the console
 * section ■ two-phase commits, and the key metrics. First replication of each variant.
 */
import type { RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { ParticipantSummary, TwoPhaseSummary } from '../../../metrics/two-phase-stats.ts';
import { csvOf, runItems, summariesCsv } from '../../csv.ts';
import { formatItems } from '../../item-table.ts';
import { keyMetricSource, lowerIsBetter as m } from '../../key-metrics.ts';
import type { ScenarioResults } from '../../results.ts';
import { countColumns, num, type TextColumn } from '../../text-table.ts';

/** The two-phase commit steps of a summary ([] for a run without any). */
export const twoPhaseOf = (s: RunSummary): TwoPhaseSummary[] => s.twoPhaseCommits ?? [];

const twoPhaseRuns = (runs: readonly RunResult[]) => runItems(runs, twoPhaseOf);

/** two-phase.csv: one row per variant × two-phase commit step (first replication). */
export function twoPhaseCsv(results: ScenarioResults): string {
  return summariesCsv(twoPhaseRuns(results.runs), { id: 'transaction' });
}

/** two-phase-participants.csv: one row per variant × step × participant (first replication). */
export function participantsCsv(results: ScenarioResults): string {
  const items = twoPhaseRuns(results.runs).flatMap(([run, t]) =>
    t.participants.map((p): [RunResult, [string, ParticipantSummary]] => [run, [t.id, p]]),
  );
  return csvOf<[string, ParticipantSummary]>(
    [
      ['transaction', ([id]) => id],
      ['participant', ([, p]) => `${p.service}/${p.endpoint}`],
      ['prepared', ([, p]) => p.prepared],
      ['votedNo', ([, p]) => p.votedNo],
      ['blocked', ([, p]) => p.blocked],
      ['lockHoldMeanMs', ([, p]) => Math.round(p.lockHoldMeanMs * 1e4) / 1e4],
      ['lockHoldMaxMs', ([, p]) => Math.round(p.lockHoldMaxMs * 1e4) / 1e4],
    ],
    items,
  );
}

type T = TwoPhaseSummary;

const ms = (...xs: number[]) => xs.map((x) => num(x, 1)).join('/');

const ENDED: TextColumn<T>[] = [
  ...countColumns<T>('started', 'committed', 'aborted', 'votedNo', 'timeouts', 'inDoubt'),
  ['blocked', (x) => String(x.blocked)],
  ['msg/tx', (x) => num(x.messagesPerTransaction, 1)],
];

const LOCKS: TextColumn<T>[] = [
  ['lock waits', (x) => String(x.lockWaits)],
  ['wait ms mean/p99', (x) => ms(x.lockWaitMeanMs, x.lockWaitP99Ms)],
  ['hold ms mean/p99/max', (x) => ms(x.lockHoldMeanMs, x.lockHoldP99Ms, x.lockHoldMaxMs)],
  ['blocked ms max', (x) => num(x.blockedTimeMaxMs, 0)],
  ['commit ms mean/p99', (x) => ms(x.durationMeanMs, x.durationP99Ms)],
];

const LEGEND = [
  'counts after the warm-up',
  'inDoubt: transactions whose coordinator crashed before deciding (aborted when it came back)',
  'blocked: participant locks held in doubt meanwhile',
  'hold: a participant row lock, from prepare to the decision reaching it',
  'msg/tx: prepares, votes, decisions and acknowledgements per transaction decided',
];

/** ■ two-phase commits: one row per variant × step, in two tables ('' without any). */
export const formatTwoPhase = (results: ScenarioResults): string =>
  formatItems(
    results,
    twoPhaseRuns(results.runs),
    { what: 'two-phase commits', kind: 'transaction', idOf: (x) => x.id },
    [ENDED, LOCKS],
    LEGEND,
  );

/**
 * Each step's: aborted transactions are failed business operations, blocked participants and
 * long lock holds are the coupling 2PC brings. The hold is missing in a run with no lock held.
 */
export const TWO_PHASE_METRICS = keyMetricSource<T>(
  'twoPhaseCommits',
  (s) => twoPhaseOf(s).map((x) => [x.id, x]),
  [
    m('aborted', 'aborted 2PC transactions', 'count', (x) => x.aborted),
    m('blocked', 'participants blocked in doubt', 'count', (x) => x.blocked),
    m('lockHoldMeanMs', 'mean 2PC lock hold', 'ms', (x) =>
      x.started > 0 ? x.lockHoldMeanMs : null,
    ),
  ],
  true,
);
