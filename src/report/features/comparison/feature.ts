/**
 * The comparison of the variants (and, without variants, the key metrics of a replicated run):
 * compare.csv, compare.json and differences.csv with several variants, the console's comparison
 * table, and the page's first section — the key metrics side by side with the differences in
 * words, or the key metrics of the one variant with their confidence intervals. The console's
 * table of key metrics over the replications is table.ts's (it gathers every feature's).
 */
import { part, type ReportFeature } from '../../feature.ts';
import { compareCsv, compareJson } from './compare.ts';
import { differencesCsv, formatComparison } from './comparison-report.ts';
import { comparisonSection, keyMetricsSection } from './comparison-section.ts';

export const comparisonFeature: ReportFeature = {
  id: 'comparison',
  parts: [
    part('files', 200, (a) =>
      a.variants.length > 1
        ? [
            ['compare.csv', compareCsv(a.results)],
            ['compare.json', compareJson(a.results)],
            ['differences.csv', differencesCsv(a)],
          ]
        : [],
    ),
    part('console', 90, (a, lang) =>
      a.variants.length > 1 ? formatComparison(a.results, lang) : '',
    ),
    part('page', 0, (data, lang) =>
      data.variants.length > 1 ? [comparisonSection(data, lang)] : keyMetricsSection(data, lang),
    ),
  ],
};
