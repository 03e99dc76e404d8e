/**
 * A scenario's text run as `msasim run --replications n` runs it, for the tests that read what
 * the report reads: every variant n times with the replication seeds (the same seeds in every
 * variant: common random numbers), the first replication of each variant its run.
 */
import type { RunSummary } from '../metrics/summary.ts';
import { parseScenario } from '../model/language.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import type { ScenarioResults } from '../report/results.ts';

/** The results of scenario `text` (named `file`) with `n` replications per variant. */
export async function replicate(text: string, file: string, n = 1): Promise<ScenarioResults> {
  const loaded = parseScenario(text, file);
  const out: ScenarioResults = {
    name: loaded.name,
    description: loaded.description,
    file,
    runs: [],
    replications: [],
  };
  for (const v of loaded.variants) {
    const mine: RunSummary[] = [];
    for (let r = 1; r <= n; r++) {
      const result = await runScenario(v, { seed: replicationSeed(v.seed, r) });
      if (r === 1) out.runs.push(result);
      mine.push(result.summary);
    }
    out.replications?.push(mine);
  }
  return out;
}
