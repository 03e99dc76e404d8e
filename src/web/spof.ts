/**
 * A single-point-of-failure analysis in the playground, as `msasim spof` makes it
 * (cli/commands/spof.ts) without a disk: the plan of report/spof-plan.ts (the first variant, its
 * own faults left out, the failure a third into the measured time for a third of it), a
 * baseline run, then one run per shared component (every component with "all") failing with
 * the same seed, under the CLI's guards → report/spof.ts's analysis → spof.json, spof.csv,
 * spof.txt and spof.html, the CLI's bytes for the same scenario, mode and choice of components
 * (`--variant`, `--at`, `--for`, `--seed` and `--duration` are not offered), in the toolbar's
 * report language (the request's `lang`, as `--lang`). Runs in a worker.
 */
import { CommandBudget, guardedRun } from '../cli/run-guard.ts';
import type { VegaAssets } from '../report/html/layout.ts';
import { t } from '../report/i18n/t.ts';
import { planSpof, spofAnalysis, spofFiles } from '../report/spof-plan.ts';
import type { SpofOutcome, SpofRequest } from './protocol.ts';
import { guardLimitsOf, loadRequest } from './run-scenario.ts';

/** Runs the analysis; `onRun(done, of)` after every run. */
export async function runSpof(
  s: SpofRequest,
  assets: VegaAssets,
  onRun: (done: number, of: number) => void,
): Promise<SpofOutcome> {
  const loaded = await loadRequest(s.request);
  if ('issues' in loaded) return { kind: 'invalid', issues: loaded.issues };
  const { data: replayed } = loaded;
  try {
    const plan = planSpof({
      name: loaded.loaded.name,
      variants: loaded.loaded.variants,
      variant: undefined,
      durationMs: undefined,
      atMs: undefined,
      forMs: undefined,
      seed: undefined,
    });
    if ('usage' in plan)
      return { kind: 'problem', message: s.request.lang === 'ko' ? plan.usageKo : plan.usage };
    const limits = guardLimitsOf();
    const budget = new CommandBudget(limits.maxWall);
    const about = {
      name: loaded.loaded.name,
      description: loaded.loaded.description,
      file: s.request.file,
    };
    const lang = s.request.lang ?? 'en';
    const hint = t(lang, 'spof.hint.web');
    const made = await spofAnalysis(
      plan,
      { about, mode: s.mode, all: s.all, hint, lang },
      replayed,
      (sc, options, words) => guardedRun(sc, options, limits, budget, words),
      onRun,
    );
    if ('stopped' in made)
      return {
        kind: 'stopped',
        message: (lang === 'ko' ? made.stoppedKo : undefined) ?? made.stopped,
      };
    if ('nothing' in made) return { kind: 'nothing', text: made.nothing };
    const { data, text, runs } = made;
    return { kind: 'done', files: [...spofFiles(data, text, assets, lang)], text, runs };
  } finally {
    replayed.close();
  }
}
