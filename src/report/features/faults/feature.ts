/**
 * Faults and how they propagated (present when the scenario has faults): the analysis
 * (propagation.ts, run once per variant by analyse) in propagation.csv, the console's blast
 * radius and the page's timeline and tables. The topology marks the struck and degraded
 * components (features/topology).
 */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import { formatPropagation, propagationCsv, propagationSection } from './propagation-report.ts';

export const faultsFeature: ReportFeature = {
  id: 'faults',
  present: someRunHas((s) => s.scenario.faults),
  parts: [
    file(70, 'propagation.csv', propagationCsv),
    part('console', 60, formatPropagation),
    part('page', 50, propagationSection),
  ],
};
