/**
 * The entry endpoints of a run in every output: endpoints.csv (one row per variant × entry
 * endpoint and an `overall` row), their rows of timeseries.csv, the console's endpoint table
 * and the most frequent failure causes, and the Endpoints table of the page's Summary section.
 */

import type { RequestGroupSummary, RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { type Column, csvOf, tidyRows } from '../../csv.ts';
import { td } from '../../html/data-table.ts';
import { formatMs, formatNumber, formatPercent, formatRate } from '../../html/format.ts';
import { itemKeys, summaryTable } from '../../html/summary-table.ts';
import { type Html, html } from '../../html/template.ts';
import { causeWords } from '../../i18n/ko-causes.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t, term } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import { round } from '../../round.ts';
import { num, pct, type TextColumn, tableOf } from '../../text-table.ts';

type NamedGroup = [name: string, group: RequestGroupSummary];

/**
 * A latency figure of a group, NaN when no request was answered: the summary writes 0 for an
 * empty histogram, which tables would show as the fastest answer of all. NaN prints as '–'
 * (text-table `num`, html `formatMs`) and is an empty CSV or JSON cell (round.ts).
 */
export function answeredMs(
  g: RequestGroupSummary,
  key: 'meanMs' | 'p50Ms' | 'p90Ms' | 'p99Ms' | 'p999Ms' | 'maxMs',
): number {
  return g.latency.count > 0 ? g.latency[key] : Number.NaN;
}

const ENDPOINT_COLUMNS: Column<NamedGroup>[] = [
  ['endpoint', ([n]) => n],
  ['arrivals', ([, g]) => g.arrivals],
  ['ok', ([, g]) => g.outcomes.ok],
  ['rejected', ([, g]) => g.outcomes.rejected],
  ['timedOut', ([, g]) => g.outcomes.timedOut],
  ['failed', ([, g]) => g.outcomes.failed],
  ['inFlight', ([, g]) => g.inFlight],
  ['throughputPerSec', ([, g]) => round(g.throughputPerSec)],
  ['errorRate', ([, g]) => round(g.errorRate)],
  ['meanMs', ([, g]) => round(answeredMs(g, 'meanMs'))],
  ['p50Ms', ([, g]) => round(answeredMs(g, 'p50Ms'))],
  ['p90Ms', ([, g]) => round(answeredMs(g, 'p90Ms'))],
  ['p99Ms', ([, g]) => round(answeredMs(g, 'p99Ms'))],
  ['p999Ms', ([, g]) => round(answeredMs(g, 'p999Ms'))],
  ['maxMs', ([, g]) => round(answeredMs(g, 'maxMs'))],
  ['callsPerRequest', ([, g]) => round(g.perRequest.callsMean)],
  ['queriesPerRequest', ([, g]) => round(g.perRequest.queriesMean)],
  ['rowsPerRequest', ([, g]) => round(g.perRequest.rowsMean)],
  ['bytesPerRequest', ([, g]) => round(g.perRequest.bytesMean)],
];

/** endpoints.csv: one row per variant × entry endpoint (and an `overall` row). */
export function endpointsCsv({ variants }: Analysis): string {
  const items = variants.flatMap(({ run: r }) => [
    ...r.summary.endpoints.map((e): [RunResult, NamedGroup] => [r, [e.endpoint, e]]),
    [r, ['overall', r.summary.overall]] as [RunResult, NamedGroup],
  ]);
  return csvOf(ENDPOINT_COLUMNS, items);
}

/** The per-second figures of an endpoint written to timeseries.csv. */
const REQUEST_METRICS = [
  'arrivals',
  'ok',
  'rejected',
  'timedOut',
  'failed',
  'meanMs',
  'p50Ms',
  'p90Ms',
  'p99Ms',
  'maxMs',
  'inFlight',
] as const;

/** The timeseries.csv rows of a run's entry endpoints and of everything (scope `overall`). */
export const requestSeriesRows = (r: RunResult): unknown[][] =>
  tidyRows(
    r,
    r.series.requests,
    (id) => (id === 'overall' ? 'overall' : 'endpoint'),
    REQUEST_METRICS,
  );

/** The columns of the console's endpoint table. */
const ENDPOINT_TABLE: TextColumn<NamedGroup>[] = [
  ['endpoint', ([name]) => name],
  ['requests', ([, g]) => String(g.arrivals)],
  ['ok/s', ([, g]) => num(g.throughputPerSec)],
  ['errors', ([, g]) => pct(g.errorRate)],
  ['p50 ms', ([, g]) => num(answeredMs(g, 'p50Ms'), 2)],
  ['p90 ms', ([, g]) => num(answeredMs(g, 'p90Ms'), 2)],
  ['p99 ms', ([, g]) => num(answeredMs(g, 'p99Ms'), 2)],
  ['p99.9 ms', ([, g]) => num(answeredMs(g, 'p999Ms'), 2)],
  ['max ms', ([, g]) => num(answeredMs(g, 'maxMs'), 2)],
  ['calls/req', ([, g]) => num(g.perRequest.callsMean, 1)],
  ['queries/req', ([, g]) => num(g.perRequest.queriesMean, 1)],
  ['rows/req', ([, g]) => num(g.perRequest.rowsMean, 1)],
];

/** The console table of a run's entry endpoints (and `overall` when there are several). */
export function endpointTable(s: RunSummary, lang: Lang = 'en'): string {
  const groups: NamedGroup[] = s.endpoints.map((e) => [e.endpoint, e]);
  if (s.endpoints.length > 1) groups.push([term(lang, 'overall'), s.overall]);
  return tableOf(ENDPOINT_TABLE, groups, lang);
}

/** The five most frequent failure causes of a run (in `lang`), under "failures:" ('' without failures). */
export function causesText(s: RunSummary, lang: Lang = 'en'): string {
  if (s.overall.causes.length === 0) return '';
  const lines = s.overall.causes
    .slice(0, 5)
    .map((c) => `  ${c.count}× ${causeWords(lang, c.cause)}`);
  return `\n${t(lang, 'req.failures')}\n${lines.join('\n')}`;
}

/**
 * Why every request or call timed out, in words: the model cannot tell the two apart (an
 * overloaded service answers nobody in time, too).
 */
export const TIMEOUT_CAUSES =
  'either the timeout is shorter than any answer can be (a number without a unit is milliseconds: `timeout: 0.2` is 0.2 ms) or what it waits for is too overloaded to answer in time';

/**
 * A warning for each entry endpoint whose every finished request timed out (none succeeded),
 * and for each call step (inner ones too) whose every call timed out: a timeout shorter than the
 * calls it guards can ever answer, often a unitless `timeout: 0.2` (0.2 ms). '' when there is none.
 */
export function timeoutWarnings(s: RunSummary, lang: Lang = 'en'): string {
  const causes = t(lang, 'req.timeoutCauses');
  const lines = s.endpoints
    .filter((e) => e.finished > 0 && e.outcomes.timedOut === e.finished)
    .map((e) => `⚠ ${t(lang, 'req.allTimedOut', { endpoint: e.endpoint, n: e.finished, causes })}`);
  for (const c of s.callsAllTimedOut ?? [])
    lines.push(
      `⚠ ${t(lang, 'req.callsTimedOut', { step: c.step, from: c.from, to: c.to, n: c.calls, causes })}`,
    );
  return lines.length === 0 ? '' : `\n${lines.join('\n')}`;
}

/** The page's Endpoints table: requests, successful per second, errors, latency percentiles. */
export function endpointsSummaryTable(data: ReportData, lang: Lang = 'en'): Html {
  const keys = itemKeys(data, (v) => v.summary.endpoints.map((e) => e.endpoint));
  const several = keys.length > 1;
  const all = t(lang, 'slo.allEndpoints');
  if (several) keys.push(all);
  const table = summaryTable(
    data,
    'endpoint',
    ['requests', 'ok/s', 'errors', 'error rate', 'p50', 'p90', 'p99', 'p99.9'],
    keys,
    (v, key) => {
      const g =
        key === all && several
          ? v.summary.overall
          : v.summary.endpoints.find((e) => e.endpoint === key);
      if (!g) return null;
      const errors = g.outcomes.rejected + g.outcomes.timedOut + g.outcomes.failed;
      return [
        td(formatNumber(g.arrivals)),
        td(formatRate(g.throughputPerSec)),
        td(formatNumber(errors)),
        td(formatPercent(g.errorRate)),
        td(formatMs(answeredMs(g, 'p50Ms'))),
        td(formatMs(answeredMs(g, 'p90Ms'))),
        td(formatMs(answeredMs(g, 'p99Ms'))),
        td(formatMs(answeredMs(g, 'p999Ms'))),
      ];
    },
    lang,
  );
  return html`<h3>${term(lang, 'Endpoints')}</h3>${table}`;
}
