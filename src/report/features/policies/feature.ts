/**
 * Resilience policies of call steps (present when some call step has one): policies.csv, each
 * variant's table in the console, and the page's section.
 */
import type { ReportFeature } from '../../feature.ts';
import { policiesCsv, policiesSection, policyTable } from './policies.ts';

export const policiesFeature: ReportFeature = {
  id: 'policies',
  present: (runs) => runs.some((s) => s.callPolicies.length > 0),
  parts: [
    { to: 'files', order: 100, build: (a) => [['policies.csv', policiesCsv(a)]] },
    { to: 'run-table', order: 40, build: policyTable },
    { to: 'page', order: 60, build: policiesSection },
  ],
};
