/**
 * Service-level objectives (present when the scenario declares some): the verdicts of every
 * variant, judged over the replications by the analysis (slo.ts), in slos.csv, the console
 * and the page. `msasim run --check` reads the same verdicts.
 */
import type { ReportFeature } from '../../feature.ts';
import { formatSlos, slosCsv, slosSection } from './slos-report.ts';

export const slosFeature: ReportFeature = {
  id: 'slos',
  present: (runs) => runs.some((s) => (s.scenario.slos ?? []).length > 0),
  parts: [
    { to: 'files', order: 80, build: (a) => [['slos.csv', slosCsv(a)]] },
    { to: 'console', order: 70, build: formatSlos },
    { to: 'page', order: 40, build: slosSection },
  ],
};
