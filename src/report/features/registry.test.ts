/**
 * The report features as modules: a feature defined in this file alone, added to the registry's
 * list, shows in every output at the places it names — its file among the run's files, its rows
 * in timeseries.csv, its table in each variant's console block, its console section, its
 * summary table and page section, its key metrics estimated, compared and printed over the
 * replications — and leaves no trace when the runs do not have it.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../metrics/summary.ts';
import { sectionIds } from '../../test-support/report-data.ts';
import * as ss from '../../test-support/sessions.ts';
import { analyse } from '../analyse.ts';
import { variantOf } from '../csv.ts';
import { file, part, type ReportFeature } from '../feature.ts';
import { buildReportHtml } from '../html/page.ts';
import { html } from '../html/template.ts';
import { keyMetricSource, lowerIsBetter } from '../key-metrics.ts';
import { buildOutputs } from '../outputs.ts';
import { buildReportData } from '../report-data.ts';
import type { ScenarioResults } from '../results.ts';
import { formatSummary } from '../table.ts';
import { REPORT_FEATURES } from './registry.ts';

/**
 * A toy capability: how many requests each run finished, told everywhere a feature can tell;
 * `on` says whether the runs have it (as a scenario has caches or not).
 */
const toy = (on: boolean): ReportFeature => ({
  id: 'toy',
  present: () => on,
  keyMetrics: [
    keyMetricSource<RunSummary>(
      'toy',
      (s) => (on ? [['finished', s]] : []),
      [
        lowerIsBetter(
          'finishedTwice',
          'twice the finished',
          'count',
          (s) => 2 * s.overall.finished,
        ),
      ],
      true,
    ),
  ],
  series: (run) =>
    on ? [[0, variantOf(run), 'toy', 'finished', 'count', run.summary.overall.finished]] : [],
  parts: [
    file(
      65,
      'toy.csv',
      (a) => `finished\n${a.variants.map((v) => v.run.summary.overall.finished).join('\n')}\n`,
    ),
    part('run-table', 15, (s) => `\n\ntoy table: ${s.overall.finished} finished`),
    part('console', 55, (a) => `■ toy section: ${a.variants.length} variants`),
    part('summary-table', 15, () => html`<h3>Toy</h3>`),
    part('page', 45, () => [{ id: 'toy', title: 'Toy' }]),
  ],
});

const assets = { vega: '', vegaLite: '', vegaEmbed: '' };

describe('a report feature registered from its own module', () => {
  it('shows in every output, at its places', async () => {
    const results: ScenarioResults = await ss.tinyResults(2);
    const features = [...REPORT_FEATURES, toy(true)];
    const analysis = analyse(results, features);
    const files = buildOutputs(analysis, features);
    const names = [...files.keys()];
    // after results.json (50) and before the features at 70 and later
    expect(names.indexOf('toy.csv')).toBe(names.indexOf('results.json') + 1);
    expect(files.get('toy.csv')).toMatch(/^finished\n\d+\n\d+\n$/);
    expect(files.get('timeseries.csv')).toMatch(/\n0,\w+,toy,finished,count,\d+\n/);
    expect(files.get('estimates.csv')).toMatch(/\n\w+,toy,finished,finishedTwice,2,/);
    expect(files.get('differences.csv')).toContain(',toy,finished,finishedTwice,');
    const text = formatSummary(analysis, features);
    // between the endpoint table (10) and the component table (20) of each variant
    expect(text).toMatch(/rows\/req\n[^■]*\n\ntoy table: \d+ finished\n\ncomponent/);
    expect(text).toContain('■ toy section: 2 variants');
    expect(text).toMatch(/finished twice the finished +[\d.]+ ± [\d.]+/);
    const page = buildReportHtml(buildReportData(analysis), assets, features);
    expect(sectionIds(page).slice(0, 7)).toEqual([
      'highlights',
      'comparison',
      'topology',
      'summary',
      'toy',
      'latency',
      'over-time',
    ]);
    expect(page).toMatch(/<h3>Endpoints<\/h3>.*<h3>Toy<\/h3>.*<h3>Components<\/h3>/s);
  });

  it('leaves no trace where the runs do not have it', async () => {
    const results = await ss.tinyResults();
    const without = [...REPORT_FEATURES, toy(false)];
    expect(buildOutputs(results, without)).toEqual(buildOutputs(results));
    expect(formatSummary(results, without)).toBe(formatSummary(results));
    const data = buildReportData(results);
    expect(buildReportHtml(data, assets, without)).toBe(buildReportHtml(data, assets));
  });
});
