/**
 * The readable summary printed by `msasim run`, a view of the analysis: per variant a block
 * headed by its name and statistics window, with the run tables of the features present
 * (endpoints, components, brokers, policies, caches, refreshed tables, failure causes); then
 * the features' sections (sessions, messaging, sagas, transactions, readers, propagation,
 * SLOs), the key metrics over the replications (here: every feature's) and, with variants, the
 * side-by-side comparison (also printed alone by `msasim compare`). Plain text, deterministic.
 */
import type { RunSummary } from '../metrics/summary.ts';
import { CONFIDENCE_LEVEL } from '../stats/index.ts';
import { type Analysis, analysisOf } from './analyse.ts';
import { type PartFor, part, type ReportFeature } from './feature.ts';
import { keyMetricSources, partsFor, REPORT_FEATURES } from './features/registry.ts';
import { formatHighlights } from './highlights-text.ts';
import type { KeyMetric, MetricDifference, MetricEstimate } from './key-metrics.ts';
import type { ScenarioResults } from './results.ts';
import { formatTable, num } from './text-table.ts';

export { formatComparison } from './features/comparison/comparison-report.ts';
export { formatTable, num } from './text-table.ts';

/** A variant's block: its title line, then the run tables of the features present. */
function runBlock(s: RunSummary, tables: readonly PartFor<'run-table'>[]): string {
  const title =
    s.scenario.variant === null
      ? s.scenario.name
      : `${s.scenario.name} · variant ${s.scenario.variant}`;
  const window = `${num(s.windowMs / 1000, 1)} s measured after ${num(s.scenario.warmupMs / 1000, 1)} s warm-up, seed ${s.scenario.seed}`;
  const stop =
    s.run.stopReason === 'until' || s.run.stopReason === 'empty'
      ? ''
      : `  (stopped early: ${s.run.stopReason})`;
  return `■ ${title}  (${window})${stop}${tables.map((t) => t.build(s)).join('')}`;
}

/**
 * The console summary of a scenario run (its results, or their analysis), with the parts of
 * `features` (by default every report feature).
 */
export function formatSummary(
  input: ScenarioResults | Analysis,
  features: readonly ReportFeature[] = REPORT_FEATURES,
): string {
  const analysis = analysisOf(input, features);
  const runs = analysis.variants.map((v) => v.run.summary);
  const tables = partsFor('run-table', runs, [], features);
  const first = formatHighlights(analysis);
  const parts = [...(first === '' ? [] : [first]), ...runs.map((s) => runBlock(s, tables))];
  const replications = part('console', 80, (a) => formatReplications(a, features));
  for (const section of partsFor('console', runs, [replications], features)) {
    const text = section.build(analysis);
    if (text !== '') parts.push(text);
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * The keys of the key metrics the console's replication table shows: those each feature names
 * for it (the overall headline figures, the sessions', every consumer group's, saga's,
 * transaction step's and reader's …), item by item in order of first appearance.
 */
function consoleKeys(runs: readonly RunSummary[], features: readonly ReportFeature[]): string[] {
  return keyMetricSources(features).flatMap(({ scope, console: shown, values }) => {
    if (shown === undefined) return [];
    const ids = new Set(runs.flatMap((s) => values(s).map((v) => v.id)));
    return [...ids].flatMap((id) => shown.map((metric) => `${scope}|${id}|${metric}`));
  });
}

/** How a key metric is named in the console: its label, after its item if it has one. */
const consoleLabel = (e: KeyMetric) => (e.id === '' ? e.label : `${e.id} ${e.label}`);

/** A difference sentence with the item named after the variant ("store: billing lost …"). */
function consoleSentence(variant: string, m: MetricDifference): string {
  const prefix = `${variant}: `;
  if (m.id === '' || !m.sentence.startsWith(prefix)) return m.sentence;
  return `${prefix}${m.id} ${m.sentence.slice(prefix.length)}`;
}

/**
 * With several replications: the key metrics the features show in the console (the overall
 * headline figures, and those of sessions, consumer groups, sagas, transaction steps and
 * readers) of each variant as mean ± half-width of the 95 % confidence interval, and (with
 * variants) each difference from the first variant in words, significant or not. Empty with
 * one replication.
 */
export function formatReplications(
  input: ScenarioResults | Analysis,
  features: readonly ReportFeature[] = REPORT_FEATURES,
): string {
  const analysis = analysisOf(input, features);
  const n = analysis.variants[0].replications.length;
  if (n < 2) return '';
  const names = analysis.variants.map((v) => v.name);
  const byVariant = analysis.variants.map(
    (v) => new Map(v.estimates.map((e) => [e.key, e] as [string, MetricEstimate])),
  );
  const keys = consoleKeys(
    analysis.variants.map((v) => v.run.summary),
    features,
  );
  const rows: string[][] = [];
  for (const key of keys) {
    const first = byVariant.find((m) => m.has(key))?.get(key);
    if (first === undefined) continue;
    rows.push([
      consoleLabel(first),
      ...byVariant.map((m) => {
        const e = m.get(key)?.estimate;
        if (e === undefined) return '–';
        const scale = first.unit === 'ratio' ? 100 : first.unit === 'bytes' ? 1 / 1024 : 1;
        const d = first.unit === 'ms' ? 2 : 1;
        const unit = first.unit === 'ratio' ? ' %' : first.unit === 'bytes' ? ' KB' : '';
        return `${num(e.mean * scale, d)} ± ${num((e.halfWidth ?? 0) * scale, d)}${unit}`;
      }),
    ]);
  }
  const level = `${Math.round(CONFIDENCE_LEVEL * 100)} %`;
  const table = formatTable(['metric', ...names], rows);
  let text = `■ ${n} replications: mean ± half-width of the ${level} confidence interval (all entry endpoints)\n${table}`;
  const sentences = analysis.comparisons.flatMap((c) => {
    const shown = c.metrics.filter((m) => keys.includes(m.key));
    const ns = shown.filter((m) => !m.difference.significant);
    const rest =
      ns.length === 0
        ? []
        : [`  ○ ${c.variant}: not significant: ${ns.map((m) => consoleLabel(m)).join(', ')}`];
    return [
      ...shown
        .filter((m) => m.difference.significant)
        .map((m) => `  • ${consoleSentence(c.variant, m)}`),
      ...rest,
    ];
  });
  if (sentences.length > 0)
    text += `\n\n■ differences (paired over replications with common random numbers; ○ = not significant: the 95 % interval of the difference includes 0)\n${sentences.join('\n')}`;
  return text;
}
