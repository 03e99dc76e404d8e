/**
 * The highlights of a run beside the editor: each variant's p99, throughput, error rate and SLO
 * verdicts from summary.json (over several replications: the mean ± the half-width of its 95 %
 * confidence interval, the run's `estimates`), with the previous run's values of the same scenario beside them
 * (what a what-if move or an edit changed), and the SLO verdict of the whole run for the header
 * (a challenge passes when every SLO holds). Built as DOM text, never markup.
 */
import type { Lang } from '../report/i18n/lang.ts';
import { el } from './assets.ts';
import { ui } from './ui-words.ts';

/** One variant's highlights. */
export interface Highlight {
  variant: string;
  p99: number;
  throughput: number;
  errors: number;
  slos: boolean[];
  /** Over several replications: the 95 % half-widths of p99, throughput and errors, and n. */
  ci?: { p99: number; throughput: number; errors: number; n: number };
}

/** An estimate over the replications in summary.json. */
interface Estimate {
  key: string;
  estimate: { n: number; mean: number; halfWidth: number | null };
}

/** What the highlights read of each run in summary.json. */
interface SummaryRun {
  scenario: { name: string; variant: string | null };
  overall: { latency: { p99Ms: number }; throughputPerSec: number; errorRate: number };
  slos?: { pass: boolean }[];
  estimates?: Estimate[];
}

/** The highlights of every variant in a summary.json text. */
export function highlightRows(summaryJson: string): Highlight[] {
  const summary = JSON.parse(summaryJson) as { runs: SummaryRun[] };
  return summary.runs.map((r) => {
    const row: Highlight = {
      variant: r.scenario.variant ?? r.scenario.name,
      p99: r.overall.latency.p99Ms,
      throughput: r.overall.throughputPerSec,
      errors: r.overall.errorRate,
      slos: (r.slos ?? []).map((x) => x.pass),
    };
    const of = (metric: string) =>
      r.estimates?.find((e) => e.key === `overall||${metric}`)?.estimate;
    const [p99, throughput, errors] = [of('p99Ms'), of('throughputPerSec'), of('errorRate')];
    if (p99 === undefined || throughput === undefined || errors === undefined || p99.n < 2)
      return row;
    return {
      ...row,
      p99: p99.mean,
      throughput: throughput.mean,
      errors: errors.mean,
      ci: {
        p99: p99.halfWidth ?? 0,
        throughput: throughput.halfWidth ?? 0,
        errors: errors.halfWidth ?? 0,
        n: p99.n,
      },
    };
  });
}

/** Three significant digits, whole numbers from 100 up, thousands grouped (the report's "1,046/s"). */
export function shortNumber(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : x.toPrecision(3);
}

/** The table's rows and the header's verdict (empty when no SLO is declared), worded in `lang`. */
export function highlightsTable(
  rows: readonly Highlight[],
  previous: readonly Highlight[],
  lang: Lang = 'en',
): { table: HTMLElement[]; verdict: HTMLElement[] } {
  if (rows.length === 0) return { table: [], verdict: [] };
  const cell = (
    r: Highlight,
    pick: (h: Highlight) => number,
    hw: (ci: NonNullable<Highlight['ci']>) => number,
    unit: string,
  ): string => {
    const before = previous.find((p) => p.variant === r.variant);
    const was =
      before === undefined
        ? ''
        : ui(lang, 'hl.was', { value: `${shortNumber(pick(before))}${unit}` });
    const ci = r.ci === undefined ? '' : ` ± ${shortNumber(hw(r.ci))}`;
    return `${shortNumber(pick(r))}${ci}${unit}${was}`;
  };
  const n = rows[0].ci?.n;
  const over = n === undefined ? '' : ui(lang, 'hl.over', { n });
  const head = el(
    'tr',
    {},
    [
      ui(lang, 'hl.variant'),
      ui(lang, 'hl.p99', { over }),
      ui(lang, 'hl.throughput'),
      ui(lang, 'hl.errors'),
      ui(lang, 'hl.slos'),
    ].map((h) => el('th', {}, [h])),
  );
  const body = rows.map((r) => {
    const met = r.slos.filter(Boolean).length;
    return el('tr', {}, [
      el('td', {}, [r.variant]),
      el('td', {}, [
        cell(
          r,
          (h) => h.p99,
          (c) => c.p99,
          ' ms',
        ),
      ]),
      el('td', {}, [
        cell(
          r,
          (h) => h.throughput,
          (c) => c.throughput,
          '/s',
        ),
      ]),
      el('td', {}, [
        cell(
          r,
          (h) => h.errors * 100,
          (c) => c.errors * 100,
          ' %',
        ),
      ]),
      el('td', { className: met === r.slos.length ? 'pass' : 'fail' }, [
        r.slos.length === 0 ? '–' : ui(lang, 'hl.met', { met, n: r.slos.length }),
      ]),
    ]);
  });
  const verdicts = rows.flatMap((r) => r.slos);
  const missed = verdicts.filter((p) => !p).length;
  const verdict =
    verdicts.length === 0
      ? []
      : [
          el('span', { className: missed === 0 ? 'pass' : 'fail' }, [
            missed === 0
              ? ui(lang, 'hl.allMet', { n: verdicts.length })
              : ui(lang, 'hl.missed', { missed, n: verdicts.length }),
          ]),
        ];
  return { table: [head, ...body], verdict };
}
