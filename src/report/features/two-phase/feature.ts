/**
 * Two-phase commits (present when some variant has a twoPhaseCommit step): two-phase.csv,
 * two-phase-participants.csv, the console section ■ two-phase commits and the key metrics
 * (also in the console's replication table).
 */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import {
  formatTwoPhase,
  participantsCsv,
  TWO_PHASE_METRICS,
  twoPhaseCsv,
  twoPhaseOf,
} from './two-phase.ts';

export const twoPhaseFeature: ReportFeature = {
  id: 'two-phase',
  present: someRunHas(twoPhaseOf),
  keyMetrics: [TWO_PHASE_METRICS],
  parts: [
    file(145, 'two-phase.csv', (a) => twoPhaseCsv(a.results)),
    file(146, 'two-phase-participants.csv', (a) => participantsCsv(a.results)),
    part('console', 45, (a) => formatTwoPhase(a.results)),
  ],
};
