/**
 * A sweep in the playground, as `msasim sweep` computes it (cli/commands/sweep.ts) without a
 * disk: the parameters (one `path=v1,v2,…` per line, scenario/sweep-params.ts) → the scenario
 * checked at every grid point (report/sweep-plan.ts `checkGrid`, every problem before anything
 * runs) → the plan (`createPlan`: the same fingerprint and seeds) → each point's variants ×
 * replications run under the CLI's guards, the point's text made as the CLI saves it
 * (`pointText`) → the points assembled (`assembleSweep`) into sweep.json, sweep.csv and
 * sweep.html (report/sweep.ts, report/sweep-page.ts) with the table the CLI prints. So the files
 * are the CLI's bytes for the same scenario, parameters and replications (the CLI's `--seed`,
 * `--duration`, shards and resuming are not offered). Runs in the worker; no DOM.
 */

import {
  CHECK_EVERY,
  CommandBudget,
  guardMessage,
  NOTHING_WRITTEN,
  RunGuard,
  stoppedBy,
} from '../cli/run-guard.ts';
import type { RunSummary } from '../metrics/summary.ts';
import { parseScenario } from '../model/language.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import type { VegaAssets } from '../report/html/layout.ts';
import type { Lang } from '../report/i18n/lang.ts';
import {
  formatSweepTable,
  gridSize,
  gridValues,
  sweepCsv,
  sweepJson,
  sweepPointsOf,
} from '../report/sweep.ts';
import { sweepPage } from '../report/sweep-page.ts';
import {
  assembleSweep,
  checkGrid,
  createPlan,
  gridProblem,
  overridesAt,
  pointRuns,
  pointText,
  type SweepPlan,
} from '../report/sweep-plan.ts';
import { ScenarioError } from '../scenario/issues.ts';
import { parseSweepParam, SweepParamError, type SweepParamSpec } from '../scenario/sweep-params.ts';
import { preparePageData } from './data-files.ts';
import type { SweepPlanned, SweepRequest } from './protocol.ts';
import { guardLimitsOf } from './run-scenario.ts';

/** Parses the parameters' lines. @throws SweepParamError */
export function sweepParams(lines: string): SweepParamSpec[] {
  let params: SweepParamSpec[] = [];
  for (const line of lines.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    params = parseSweepParam(t, params);
  }
  if (params.length === 0)
    throw new SweepParamError(
      'no parameter: write one path=value,value,… per line, such as services.orders.threads=5,10,20.',
      '매개변수가 없습니다: 한 줄에 path=value,value,… 하나씩 쓰세요. 예: services.orders.threads=5,10,20.',
    );
  return params;
}

/** The sweep's plan after checking the scenario at every grid point (and its data files). */
export async function planSweep(s: SweepRequest): Promise<SweepPlanned> {
  let params: SweepParamSpec[];
  try {
    params = sweepParams(s.params);
  } catch (e) {
    // in the page's language where the problem has Korean words (as `msasim sweep --lang`)
    if (e instanceof SweepParamError)
      return { problem: (s.request.lang === 'ko' ? e.ko : undefined) ?? e.message };
    throw e;
  }
  const problem = gridProblem(params, s.request.lang);
  if (problem !== undefined) return { problem };
  const { text, file } = s.request;
  const verdict = checkGrid(params, undefined, (overrides) => {
    try {
      return { loaded: parseScenario(text, file, { overrides }) };
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      return { issues: e.issues };
    }
  });
  if ('issues' in verdict) return { issues: verdict.issues };
  if ('usage' in verdict) return { problem: verdict.usage };
  const { loaded } = verdict;
  try {
    (await preparePageData(loaded, s.request.files ?? {})).close();
  } catch (e) {
    if (e instanceof ScenarioError) return { issues: e.issues };
    throw e;
  }
  const base = loaded.variants[0].seed;
  const plan = createPlan({
    text,
    scenario: { name: loaded.name, description: loaded.description, file },
    params,
    replications: s.replications,
    seed: null,
    durationMs: null,
    variants: loaded.variants.map((v) => v.variant ?? null),
    seeds: Array.from({ length: s.replications }, (_, r) => replicationSeed(base, r + 1)),
    points: gridSize(params),
  });
  return { plan, params };
}

/**
 * Runs every variant × replication of grid point `index` and returns the point's text as the
 * CLI saves it, or the guard's message that stopped a run.
 */
export async function runSweepPoint(
  s: SweepRequest,
  planned: { plan: SweepPlan; params: SweepParamSpec[] },
  index: number,
  onRun: () => void,
): Promise<{ text: string } | { stopped: string }> {
  const { plan, params } = planned;
  const overrides = overridesAt(params, index);
  const loaded = parseScenario(s.request.text, s.request.file, { overrides });
  const data = await preparePageData(loaded, s.request.files ?? {});
  // the CLI's default budgets (a point's wall budget is the command's)
  const limits = guardLimitsOf();
  const budget = new CommandBudget(limits.maxWall);
  try {
    const summaries: RunSummary[][] = [];
    for (const variantRuns of pointRuns(plan)) {
      const mine: RunSummary[] = [];
      for (const { variant, replication } of variantRuns) {
        const scenario = loaded.variants.find((v) => (v.variant ?? null) === variant);
        if (scenario === undefined)
          throw new Error(`the sweep's scenario has no variant ${variant}`);
        const guard = new RunGuard(limits, budget);
        const result = await runScenario(scenario, {
          data: data.of(scenario.variant) ?? undefined,
          trace: null, // a sweep reports key metrics only
          seed: replicationSeed(plan.seed ?? scenario.seed, replication),
          maxEvents: limits.maxEvents,
          checkEvery: CHECK_EVERY,
          onCheckpoint: guard.check,
        });
        const stop = stoppedBy(result.summary, limits.maxEvents, guard);
        if (stop !== undefined) {
          const at = overrides.map((o) => o.label).join(' ');
          const { seed } = result.summary.scenario;
          return {
            // as `msasim sweep --lang` words the run a guard stopped
            stopped: guardMessage(
              {
                en: `a run at ${at}${variant ? `, variant ${variant}` : ''}, seed ${seed},`,
                ko: `${at}${variant ? `, 변형 ${variant}` : ''}, 시드 ${seed}의 실행`,
              },
              stop,
              NOTHING_WRITTEN,
              s.request.lang ?? 'en',
            ),
          };
        }
        mine.push(result.summary);
        onRun();
      }
      summaries.push(mine);
    }
    const points = sweepPointsOf(index, gridValues(params, index), summaries);
    return { text: pointText(plan, index, points) };
  } finally {
    data.close();
  }
}

/** The sweep's files (the CLI's order and bytes) and the table the CLI prints. */
export function sweepFiles(
  plan: SweepPlan,
  texts: readonly string[],
  assets: VegaAssets,
  /** The words of the page and the table (the toolbar's report language; default English). */
  lang: Lang = 'en',
): { files: [string, string][]; table: string } {
  const data = assembleSweep(plan, texts);
  return {
    files: [
      ['sweep.json', sweepJson(data)],
      ['sweep.csv', sweepCsv(data)],
      ['sweep.html', sweepPage(data, assets, lang)],
    ],
    table: formatSweepTable(data, lang),
  };
}
