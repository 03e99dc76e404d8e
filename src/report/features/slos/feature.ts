/**
 * Service-level objectives (present when the scenario declares some): the verdicts of every
 * variant, judged over the replications by the analysis (slo.ts), in slos.csv, the console
 * and the page. `msasim run --check` reads the same verdicts.
 */
import { file, part, type ReportFeature, someRunHas } from '../../feature.ts';
import { formatSlos, slosCsv, slosSection } from './slos-report.ts';

export const slosFeature: ReportFeature = {
  id: 'slos',
  present: someRunHas((s) => s.scenario.slos),
  parts: [
    part('page', 40, slosSection),
    part('console', 70, formatSlos),
    file(80, 'slos.csv', slosCsv),
  ],
};
