/**
 * The analysis of a scenario run: what every report writer shows, computed once by `analyse`
 * (analyse.ts) from the results — per variant the key metrics estimated over the replications,
 * the SLO verdicts and the fault propagation; the paired comparisons of the variants with the
 * first. The files, the console summary, results.json (and so the HTML page), `compare` and
 * `run --check` are views of it. Types only, so that every writer can import them.
 */
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import type { Propagation } from './features/faults/propagation.ts';
import type { SloResult } from './features/slos/slo.ts';
import type { Highlights } from './highlights.ts';
import type { MetricEstimate, VariantComparison } from './key-metrics.ts';
import type { ScenarioResults } from './results.ts';

/** One variant (or the scenario itself when it has none), analysed. */
export interface VariantAnalysis {
  /** The variant's name as comparisons use it (the scenario's name when it has none). */
  name: string;
  /** The first replication (run with the scenario's seed): summary, series, distributions. */
  run: RunResult;
  /** The summary of every replication, in replication order (the first is `run.summary`). */
  replications: RunSummary[];
  /** The key metrics over the replications, unrounded. */
  estimates: MetricEstimate[];
  /** The scenario's SLO bounds judged over the replications (empty without SLOs). */
  slos: SloResult[];
  /** How the faults propagated in the first replication (null without faults). */
  propagation: Propagation | null;
}

/** Everything the writers show about a scenario run, unrounded (writers round). */
export interface Analysis {
  results: ScenarioResults;
  /** In scenario order. */
  variants: VariantAnalysis[];
  /** Each variant after the first against the first (empty without variants). */
  comparisons: VariantComparison[];
  /** The key metrics shown first: the scenario's highlights, or the default rule's. */
  highlights: Highlights;
}
