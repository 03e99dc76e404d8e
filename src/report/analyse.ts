/**
 * The analysis phase of the report (results → Analysis, pure): every figure that is more than a
 * field of a summary — key metrics over replications with confidence intervals, paired
 * differences between variants, SLO verdicts, fault propagation — is computed here once, and
 * every writer (files, console, results.json, compare, --check) reads it.
 */
import type { Analysis } from './analysis.ts';
import { compareEstimates, estimateMetrics } from './estimates.ts';
import type { ReportFeature } from './feature.ts';
import { propagationOf } from './features/faults/propagation.ts';
import { keyMetricSources, REPORT_FEATURES } from './features/registry.ts';
import { evaluateSlos } from './features/slos/slo.ts';
import { highlightsOf } from './highlights.ts';
import { replicationsOf, type ScenarioResults, variantNames } from './results.ts';

export type { Analysis, VariantAnalysis } from './analysis.ts';

/**
 * The analysis of `results`: per variant its estimates, SLO verdicts and propagation; the
 * comparisons. The key metrics are those of `features` (by default every report feature's).
 */
export function analyse(
  results: ScenarioResults,
  features: readonly ReportFeature[] = REPORT_FEATURES,
): Analysis {
  const reps = replicationsOf(results);
  const names = variantNames(results);
  const sources = keyMetricSources(features);
  const estimates = reps.map((r) => estimateMetrics(r, sources));
  const comparisons = compareEstimates(names, estimates);
  return {
    results,
    variants: results.runs.map((run, v) => ({
      name: names[v],
      run,
      replications: reps[v],
      estimates: estimates[v],
      slos: evaluateSlos(reps[v][0].scenario.slos, reps[v]),
      propagation: propagationOf(run),
    })),
    comparisons,
    highlights: highlightsOf(results.highlights, results.runs, names, estimates, comparisons),
  };
}

/** The summaries of the first replication of each variant of `a`. */
export const firstRuns = (a: Analysis) => a.variants.map((v) => v.run.summary);

/** `input` analysed (with the key metrics of `features`), unless it already is an analysis. */
export function analysisOf(
  input: ScenarioResults | Analysis,
  features: readonly ReportFeature[] = REPORT_FEATURES,
): Analysis {
  return 'variants' in input && 'comparisons' in input ? input : analyse(input, features);
}
