/**
 * Resilience policies of call steps (present when some call step has one): policies.csv, each
 * variant's table in the console, and the page's section.
 */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import { policiesCsv, policiesSection, policyTable } from './policies.ts';

export const policiesFeature: ReportFeature = {
  id: 'policies',
  present: someRunHas((s) => s.callPolicies),
  parts: [
    file(100, 'policies.csv', policiesCsv),
    part('run-table', 40, policyTable),
    part('page', 60, policiesSection),
  ],
};
