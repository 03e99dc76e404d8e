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
import { sentenceIn } from './difference-words.ts';
import { type PartFor, part, type ReportFeature } from './feature.ts';
import { keyMetricSources, partsFor, REPORT_FEATURES } from './features/registry.ts';
import { formatHighlights } from './highlights-text.ts';
import type { Lang } from './i18n/lang.ts';
import { t, term } from './i18n/t.ts';
import type { KeyMetric, MetricDifference, MetricEstimate } from './key-metrics.ts';
import type { ScenarioResults } from './results.ts';
import { formatTable, num } from './text-table.ts';

export { formatComparison } from './features/comparison/comparison-report.ts';
export { formatTable, num } from './text-table.ts';

/** A variant's block: its title line, then the run tables of the features present. */
function runBlock(s: RunSummary, tables: readonly PartFor<'run-table'>[], lang: Lang): string {
  const title =
    s.scenario.variant === null
      ? s.scenario.name
      : t(lang, 'console.variantTitle', { scenario: s.scenario.name, variant: s.scenario.variant });
  const window = t(lang, 'console.window', {
    measured: num(s.windowMs / 1000, 1),
    warmup: num(s.scenario.warmupMs / 1000, 1),
    seed: s.scenario.seed,
  });
  const stop =
    s.run.stopReason === 'until' || s.run.stopReason === 'empty'
      ? ''
      : t(lang, 'console.stopped', { reason: s.run.stopReason });
  return `■ ${title}  (${window})${stop}${tables.map((p) => p.build(s, lang)).join('')}`;
}

/**
 * A console view of a scenario run: given its results or their analysis, the parts of
 * `features` (by default every report feature) and `lang`, it draws from the analysis.
 */
export type ConsoleView = (
  input: ScenarioResults | Analysis,
  features?: readonly ReportFeature[],
  lang?: Lang,
) => string;

/** The ConsoleView that draws `view` from the analysis (made here when given results). */
const consoleView =
  (
    view: (analysis: Analysis, features: readonly ReportFeature[], lang: Lang) => string,
  ): ConsoleView =>
  (input, features = REPORT_FEATURES, lang = 'en') =>
    view(analysisOf(input, features), features, lang);

/** The console summary of a scenario run, with the parts of the features, in `lang`. */
export const formatSummary: ConsoleView = consoleView((analysis, features, lang) => {
  const runs = analysis.variants.map((v) => v.run.summary);
  const tables = partsFor('run-table', runs, [], features);
  const first = formatHighlights(analysis, lang);
  const parts = [...(first === '' ? [] : [first]), ...runs.map((s) => runBlock(s, tables, lang))];
  const replications = part('console', 80, (a) => formatReplications(a, features, lang));
  for (const section of partsFor('console', runs, [replications], features)) {
    const text = section.build(analysis, lang);
    if (text !== '') parts.push(text);
  }
  return `${parts.join('\n\n')}\n`;
});

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
const consoleLabel = (e: KeyMetric, lang: Lang) =>
  e.id === '' ? term(lang, e.label) : `${e.id} ${term(lang, e.label)}`;

/** A difference sentence with the item named after the variant ("store: billing lost …"). */
function consoleSentence(
  variant: string,
  baseline: string,
  m: MetricDifference,
  lang: Lang,
): string {
  const sentence = sentenceIn(lang, m, variant, baseline);
  const prefix = `${variant}: `;
  if (m.id === '' || !sentence.startsWith(prefix)) return sentence;
  return `${prefix}${m.id} ${sentence.slice(prefix.length)}`;
}

/**
 * With several replications: the key metrics the features show in the console (the overall
 * headline figures, and those of sessions, consumer groups, sagas, transaction steps and
 * readers) of each variant as mean ± half-width of the 95 % confidence interval, and (with
 * variants) each difference from the first variant in words, significant or not. Empty with
 * one replication.
 */
export const formatReplications: ConsoleView = consoleView((analysis, features, lang) => {
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
      consoleLabel(first, lang),
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
  const table = formatTable([t(lang, 'console.metric'), ...names], rows);
  let text = `${t(lang, 'console.replications', { n, level })}\n${table}`;
  const sentences = analysis.comparisons.flatMap((c) => {
    const shown = c.metrics.filter((m) => keys.includes(m.key));
    const ns = shown.filter((m) => !m.difference.significant);
    const rest =
      ns.length === 0
        ? []
        : [
            t(lang, 'console.notSignificant', {
              variant: c.variant,
              labels: ns.map((m) => consoleLabel(m, lang)).join(', '),
            }),
          ];
    return [
      ...shown
        .filter((m) => m.difference.significant)
        .map((m) => `  • ${consoleSentence(c.variant, c.baseline, m, lang)}`),
      ...rest,
    ];
  });
  if (sentences.length > 0)
    text += `\n\n${t(lang, 'console.differences', { level })}\n${sentences.join('\n')}`;
  return text;
});
