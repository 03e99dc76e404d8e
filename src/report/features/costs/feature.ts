/**
 * Costs (present when the scenario has `costs:`): costs.csv, the console section ■ costs and
 * the key metrics cost per hour and per million successful requests.
 */
import { file, part, type ReportFeature } from '../../feature.ts';
import { COST_METRICS, costsCsv, costsOf, formatCosts } from './costs.ts';

export const costsFeature: ReportFeature = {
  id: 'costs',
  present: (runs) => runs.some((s) => costsOf(s) !== null),
  keyMetrics: [COST_METRICS],
  parts: [
    file(149, 'costs.csv', (a) => costsCsv(a.results)),
    part('console', 48, (a, lang) => formatCosts(a.results, lang)),
  ],
};
