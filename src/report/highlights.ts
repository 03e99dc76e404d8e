/**
 * The highlights of a run: the few key metrics its report shows first (the console's first
 * section, the page's first screen). A scenario declares them (`highlights:`, resolved by
 * scenario/highlights.ts into `scope|id|metric` keys of the key metrics); without a declaration
 * the report picks them by the default rule below. Also the warm-up check of each highlight's
 * per-second series by MSER-5 (stats/mser.ts).
 *
 * Default rule (a scenario without `highlights:`):
 *   - with variants: every key metric that every variant has is scored by its largest paired
 *     difference from the baseline relative to the spread of that difference,
 *     max over variants of |mean(d)| / sd(d) (d: the per-replication differences); a metric
 *     whose differences do not vary (one replication, or every replication alike) is scored by
 *     its relative difference |mean(d)| / |baseline mean| instead and ranked after those with a
 *     spread when both exist. The 4 highest scores are shown, at most 2 per item, never a
 *     metric that is 0 in every variant, and never the figures of a component some variant
 *     does not use (no load in any replication): they compare using it with not using it — a
 *     variant that moves work onto a database of its own reads "worse" for loading it — and
 *     the move shows on the components it relieves and on the endpoints.
 *   - without variants: the overall p99, throughput and error rate.
 */
import type { RunResult } from '../metrics/summary.ts';
import type { HighlightDef } from '../scenario/types.ts';
import { mser5 } from '../stats/index.ts';
import type { KeyMetric, MetricEstimate, VariantComparison } from './key-metrics.ts';

/** A highlight as the views show it. */
export interface Highlight {
  /** The `scope|id|metric` key of its key metric (it may be missing from some variant). */
  key: string;
  /** How it is named: "p99", "web/page p99", "billing messages lost". */
  name: string;
}

/** The highlights of a run and where they come from. */
export interface Highlights {
  /** 'scenario': declared by `highlights:`; 'default': picked by the default rule. */
  source: 'scenario' | 'default';
  items: Highlight[];
  /** Highlights whose per-second series says the declared warm-up is too short (MSER-5). */
  warmup: WarmupWarning[];
}

/** A declared warm-up shorter than MSER-5's truncation point of a highlight's series. */
export interface WarmupWarning {
  variant: string;
  highlight: string;
  /** The declared warm-up, s. */
  warmupS: number;
  /** MSER-5's truncation point, s. */
  suggestedS: number;
}

/** How many highlights the default rule picks, and how many of one item at most. */
export const DEFAULT_HIGHLIGHTS = 4;
const PER_ITEM = 2;

/** The default highlights of a scenario with one variant: the overall p99, throughput, error rate. */
const ONE_VARIANT: readonly [key: string, label: string][] = [
  ['overall||p99Ms', 'p99'],
  ['overall||throughputPerSec', 'throughput'],
  ['overall||errorRate', 'error rate'],
];

/** The name of a key metric in a highlight: its label after its item, if any. */
export const highlightName = (k: Pick<KeyMetric, 'id' | 'label'>) =>
  k.id === '' ? k.label : `${k.id} ${k.label}`;

/**
 * The key of a declared highlight among the variants' estimates: its own; the overall one for an
 * endpoint of a run with one entry endpoint (whose figures are the overall ones); the scope's
 * only item for `id: null`. Null when no variant has it.
 */
export function highlightKey(
  def: HighlightDef,
  estimates: readonly (readonly Pick<MetricEstimate, 'key'>[])[],
): string {
  const all = new Set(estimates.flatMap((es) => es.map((e) => e.key)));
  if (def.id !== null) {
    const own = `${def.scope}|${def.id}|${def.metric}`;
    if (!all.has(own) && def.scope === 'endpoint') return `overall||${def.metric}`;
    return own;
  }
  const prefix = `${def.scope}|`;
  const suffix = `|${def.metric}`;
  const found = [...all].filter((k) => k.startsWith(prefix) && k.endsWith(suffix));
  return found[0] ?? `${def.scope}||${def.metric}`;
}

/** The declared highlights as keys and names. */
function declared(
  defs: readonly HighlightDef[],
  estimates: readonly (readonly MetricEstimate[])[],
): Highlight[] {
  return defs.map((d) => {
    const key = highlightKey(d, estimates);
    const id = key.split('|')[1];
    return { key, name: highlightName({ id, label: d.label }) };
  });
}

/** The score of a key metric's differences from the baseline: [has a spread, score]. */
function score(key: string, comparisons: readonly VariantComparison[]): [number, number] {
  let withSpread = 0;
  let relative = 0;
  for (const c of comparisons) {
    const m = c.metrics.find((x) => x.key === key);
    if (m === undefined) continue;
    const { diff } = m.difference;
    const d = Math.abs(diff.mean);
    if (diff.n >= 2 && diff.sd > 0) withSpread = Math.max(withSpread, d / diff.sd);
    const base = Math.abs(m.baseline.mean);
    relative = Math.max(relative, base > 0 ? d / base : d > 0 ? 1 : 0);
  }
  return [withSpread, relative];
}

/** The default highlights (see the rule in the header). */
export function defaultHighlights(
  estimates: readonly (readonly MetricEstimate[])[],
  comparisons: readonly VariantComparison[],
): Highlight[] {
  const first = estimates[0] ?? [];
  if (estimates.length < 2) {
    // all three, even when one was not measured (a p99 with no request answered): the views
    // say "not measured" rather than leave it out without a word
    return ONE_VARIANT.map(([key, label]) => {
      const e = first.find((x) => x.key === key);
      return { key, name: highlightName(e ?? { id: '', label }) };
    });
  }
  // components some variant does not use: no load in any of its replications
  const unused = new Set(
    estimates.flatMap((es) =>
      es
        .filter((x) => x.scope === 'component' && x.metric === 'arrivalsPerSec')
        .filter((x) => x.values.every((v) => v === 0))
        .map((x) => x.id),
    ),
  );
  const everywhere = first.filter(
    (e) =>
      !(e.scope === 'component' && unused.has(e.id)) &&
      estimates.every((es) => es.some((x) => x.key === e.key)) &&
      estimates.some((es) => es.some((x) => x.key === e.key && x.estimate.mean !== 0)),
  );
  const scored = everywhere
    .map((e, order) => ({ e, order, s: score(e.key, comparisons) }))
    .filter(({ s }) => s[0] > 0 || s[1] > 0)
    .sort((a, b) => b.s[0] - a.s[0] || b.s[1] - a.s[1] || a.order - b.order);
  const perItem = new Map<string, number>();
  const out: Highlight[] = [];
  for (const { e } of scored) {
    const item = `${e.scope}|${e.id}`;
    const n = perItem.get(item) ?? 0;
    if (n >= PER_ITEM) continue;
    perItem.set(item, n + 1);
    out.push({ key: e.key, name: highlightName(e) });
    if (out.length === DEFAULT_HIGHLIGHTS) break;
  }
  return out;
}

/**
 * The per-second series of a highlight in a run (from second 0, warm-up included), or null when
 * its metric has none: the latency percentiles, throughput and errors of an entry endpoint or
 * of all, a component's utilisation and load, one value per second. A second without a
 * finished request has no latency (NaN).
 */
export function highlightSeries(run: RunResult, key: string): number[] | null {
  const [scope, id, metric] = key.split('|');
  if (scope === 'overall' || scope === 'endpoint') {
    const points = run.series.requests.get(scope === 'overall' ? 'overall' : id);
    if (points === undefined) return null;
    const finished = (p: (typeof points)[number]) => p.ok + p.failed + p.rejected + p.timedOut;
    switch (metric) {
      case 'p50Ms':
      case 'p90Ms':
      case 'p99Ms':
      case 'meanMs':
        return points.map((p) => (p.ok > 0 ? p[metric] : Number.NaN));
      case 'throughputPerSec':
        return points.map((p) => p.ok);
      case 'errorRate':
      case 'availability':
        return points.map((p) =>
          finished(p) > 0 ? (finished(p) - p.ok) / finished(p) : Number.NaN,
        );
      default:
        return null;
    }
  }
  if (scope === 'component') {
    const points = run.series.components.get(id);
    if (points === undefined) return null;
    if (metric === 'utilisation') return points.map((p) => p.utilisation);
    if (metric === 'arrivalsPerSec') return points.map((p) => p.arrivals);
  }
  return null;
}

/** How much later than the declared warm-up MSER-5's point must be to warn, s. */
const WARMUP_SLACK_S = 5;
/** How far the mean of the seconds MSER-5 would add to the warm-up must be from the rest's. */
const WARMUP_BIAS = 0.1;

/**
 * A highlight's series in `run` up to its first designed transient: the first fault and the
 * first change of an open workload's rate (which MSER-5 would take for the warm-up's).
 */
function steadyPart(run: RunResult, key: string): number[] | null {
  const xs = highlightSeries(run, key);
  if (xs === null) return null;
  const { faults, loadChangesMs } = run.summary.scenario;
  const starts = [
    ...faults.flatMap((f) => f.windows.map((w) => w.startMs)),
    ...(loadChangesMs ?? []), // absent in results.json written before
  ];
  const cut = starts.length === 0 ? xs.length : Math.floor(Math.min(...starts) / 1000);
  return xs.slice(0, cut);
}

const meanOf = (xs: readonly number[]) => {
  const ok = xs.filter(Number.isFinite);
  return ok.length === 0 ? Number.NaN : ok.reduce((a, b) => a + b, 0) / ok.length;
};

/**
 * MSER-5's truncation point, s, of a highlight's series in `run` before its first designed
 * transient (steadyPart); null without a series or with too short a one. Seconds without data
 * (no finished request) are left out.
 */
export function mserSeconds(run: RunResult, key: string): number | null {
  const xs = steadyPart(run, key);
  if (xs === null) return null;
  const r = mser5(xs.filter(Number.isFinite));
  return r === null ? null : r.truncation;
}

/**
 * The highlights whose series in the first replication of a variant says the declared warm-up
 * is clearly too short: MSER-5's truncation point is more than 5 s beyond it, and the seconds
 * between them differ from the rest by more than 10 % of the rest's mean (a noisy series whose
 * MSER-5 point moves a little is no bias worth a warning).
 */
function warmupWarnings(
  runs: readonly RunResult[],
  names: readonly string[],
  items: readonly Highlight[],
): WarmupWarning[] {
  const out: WarmupWarning[] = [];
  runs.forEach((run, v) => {
    const warmupS = run.summary.scenario.warmupMs / 1000;
    for (const h of items) {
      const suggestedS = mserSeconds(run, h.key);
      if (suggestedS === null || suggestedS <= warmupS + WARMUP_SLACK_S) continue;
      const xs = steadyPart(run, h.key) ?? [];
      const early = meanOf(xs.slice(Math.ceil(warmupS), suggestedS));
      const rest = meanOf(xs.slice(suggestedS));
      if (!(Math.abs(early - rest) > WARMUP_BIAS * Math.abs(rest))) continue;
      out.push({ variant: names[v], highlight: h.name, warmupS, suggestedS });
    }
  });
  return out;
}

/** The highlights of a run: the declared ones (`defs`), else the default rule's. */
export function highlightsOf(
  defs: readonly HighlightDef[] | undefined,
  runs: readonly RunResult[],
  names: readonly string[],
  estimates: readonly (readonly MetricEstimate[])[],
  comparisons: readonly VariantComparison[],
): Highlights {
  const source = defs !== undefined && defs.length > 0 ? 'scenario' : 'default';
  const items =
    source === 'scenario'
      ? declared(defs as HighlightDef[], estimates)
      : defaultHighlights(estimates, comparisons);
  return { source, items, warmup: warmupWarnings(runs, names, items) };
}
