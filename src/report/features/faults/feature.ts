/**
 * Faults and how they propagated (present when the scenario has faults): the analysis
 * (propagation.ts, run once per variant by analyse) in propagation.csv, the console's blast
 * radius and the page's timeline and tables. The topology marks the struck and degraded
 * components (features/topology).
 */
import type { ReportFeature } from '../../feature.ts';
import { formatPropagation, propagationCsv, propagationSection } from './propagation-report.ts';

export const faultsFeature: ReportFeature = {
  id: 'faults',
  present: (runs) => runs.some((s) => (s.scenario.faults ?? []).length > 0),
  parts: [
    { to: 'files', order: 70, build: (a) => [['propagation.csv', propagationCsv(a)]] },
    { to: 'console', order: 60, build: formatPropagation },
    { to: 'page', order: 50, build: propagationSection },
  ],
};
