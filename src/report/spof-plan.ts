/**
 * The plan of `msasim spof` (the command loads, guards and writes): which variant, with which
 * duration and seed, the fault window (by default the middle third of the measured time, in
 * whole seconds), the scenario with its own faults left out (each run has exactly one failure,
 * the one under study), one crash fault per component to fail, the order of the runs that the
 * CLI and the playground share (`spofAnalysis`, running each through the caller's guarded run)
 * and the files of the analysis (spof.json, spof.csv, spof.txt, spof.html). The impact
 * analysis is spof.ts's.
 */
import type { RunResult } from '../metrics/summary.ts';
import type { Bilingual } from '../scenario/issues.ts';
import type { FaultDef, FaultWindow, Scenario } from '../scenario/types.ts';
import type { VegaAssets } from './html/layout.ts';
import type { Lang } from './i18n/lang.ts';
import { t } from './i18n/t.ts';
import { OUTPUT_FORMAT_VERSION } from './results.ts';
import {
  formatSpof,
  type SpofCandidate,
  type SpofData,
  spofCandidates,
  spofCsv,
  spofData,
} from './spof.ts';
import { spofPage } from './spof-page.ts';
import { formatTable } from './text-table.ts';
import { timeWords } from './time-words.ts';

/** What the plan is made from: the scenario's variants and the command-line values. */
export interface SpofPlanInput {
  /** The scenario's name (for messages). */
  name: string;
  variants: readonly Scenario[];
  /** --variant (default: the first). */
  variant?: string;
  /** --duration, ms. */
  durationMs?: number;
  /** --at and --for, ms. */
  atMs?: number;
  forMs?: number;
  /** --seed (default: the scenario's). */
  seed?: number | string;
}

/** What every run of the analysis shares. */
export interface SpofPlan {
  /** The variant with the duration applied and without its own faults. */
  scenario: Scenario;
  /** How many faults of the scenario's own were left out. */
  ownFaults: number;
  /** When each component is down. */
  window: FaultWindow;
  seed: number | string;
}

/** Seconds rounded to whole ones, at least one: the default window's edges. */
const wholeSeconds = (ms: number) => Math.max(1000, Math.round(ms / 1000) * 1000);

/**
 * The plan of an analysis, or why the command line cannot give one (a usage error's text, in
 * English and in Korean).
 */
export function planSpof(input: SpofPlanInput): SpofPlan | { usage: string; usageKo: string } {
  let scenario = input.variants[0];
  if (input.variant !== undefined) {
    const found = input.variants.find((v) => v.variant === input.variant);
    if (found === undefined) {
      const names = input.variants.map((v) => v.variant).filter((v) => v !== undefined);
      return names.length === 0
        ? {
            usage: `--variant ${input.variant}: ${input.name} has no variants.`,
            usageKo: `--variant ${input.variant}: ${input.name}에는 변형이 없습니다.`,
          }
        : {
            usage: `--variant ${input.variant}: no such variant; ${input.name} has ${names.join(', ')}.`,
            usageKo: `--variant ${input.variant}: 그런 변형이 없습니다. ${input.name}의 변형: ${names.join(', ')}.`,
          };
    }
    scenario = found;
  }
  if (input.durationMs !== undefined) scenario = { ...scenario, durationMs: input.durationMs };
  const ownFaults = scenario.faults.length;
  scenario = { ...scenario, faults: [] };
  const measured = scenario.durationMs - scenario.warmupMs;
  if (measured <= 0) {
    const duration = timeWords(input.durationMs ?? scenario.durationMs);
    const warmup = timeWords(scenario.warmupMs);
    return {
      usage: `--duration ${duration} is not longer than the warm-up (${warmup}).`,
      usageKo: `--duration ${duration}: 워밍업(${warmup})보다 길어야 합니다.`,
    };
  }
  const startMs = input.atMs ?? wholeSeconds(scenario.warmupMs + measured / 3);
  const endMs = Math.min(
    scenario.durationMs,
    startMs + (input.forMs ?? wholeSeconds(measured / 3)),
  );
  if (startMs < scenario.warmupMs || startMs >= scenario.durationMs) {
    const [at, warmup, end] = [startMs, scenario.warmupMs, scenario.durationMs].map(timeWords);
    return {
      usage: `--at ${at} must fall after the warm-up (${warmup}) and before the end (${end}).`,
      usageKo: `--at ${at}: 워밍업(${warmup}) 뒤, 끝(${end}) 전이어야 합니다.`,
    };
  }
  return { scenario, ownFaults, window: { startMs, endMs }, seed: input.seed ?? scenario.seed };
}

/** The crash fault that fails component `id` over `window`. */
export function crashOf(id: string, mode: 'refuse' | 'hang', window: FaultWindow): FaultDef {
  // a crash strikes every instance of the component; the other fault fields do not apply
  const inert = { add: null, factor: 1, rate: 0, remaining: 1, pause: null, interval: null };
  const what = { kind: 'crash', component: id, instances: null, link: null, mode } as const;
  return {
    id: `spof-${id}`,
    description: `msasim spof: ${id} down`,
    ...what,
    windows: [window],
    ...inert,
  };
}

/** The plan's scenario failing component `id` (crashed in `mode` over the window), and only it. */
export function failing(plan: SpofPlan, id: string, mode: 'refuse' | 'hang'): Scenario {
  return { ...plan.scenario, faults: [crashOf(id, mode, plan.window)] };
}

/** How a run of the analysis names itself in the guards' messages (cli/run-guard.ts). */
function spofRunWords(s: Scenario): SpofRunWords {
  const failing = s.faults[0]?.component;
  const what =
    failing === undefined
      ? { en: 'the baseline run', ko: '기준 실행' }
      : { en: `the run failing ${failing}`, ko: `${failing}에 장애를 낸 실행` };
  return {
    what,
    who: {
      en: `a spof run of "${s.name}" (${what.en})`,
      ko: `"${s.name}"의 spof 실행 (${what.ko})`,
    },
    tail: { en: 'Nothing was written.', ko: '아무것도 쓰지 않았습니다.' },
  };
}

/**
 * A run's names in the guards' messages, in both languages: cli/run-guard.ts
 * `GuardedRunWords`.
 */
export interface SpofRunWords {
  what: Bilingual;
  who: Bilingual;
  tail: Bilingual;
}

/**
 * Runs a scenario of the analysis under the caller's guards (cli/run-guard.ts `guardedRun` with
 * its limits and budget) with `options` (`D`: the replayed data of a workload, the model's):
 * its result, or the message of the guard that stopped it (and its Korean, when the runner words
 * one: the CLI does).
 */
export type SpofGuardedRun<D> = (
  s: Scenario,
  options: { data: D | undefined; trace: null; seed: number | string },
  words: SpofRunWords,
) => Promise<RunResult | { stopped: string; stoppedKo?: string }>;

/** How an analysis ends: the matrix and its text, nothing to fail, or a guard's message. */
export type SpofAnalysis =
  | { data: SpofData; text: string; runs: number }
  | { nothing: string }
  | { stopped: string; stoppedKo?: string };

/**
 * The analysis after its plan, shared by `msasim spof` and the playground: the baseline run,
 * the candidates it shows (every component with `all`), each failing in turn, then the matrix
 * and the text printed. Every run has the plan's seed, the data its variant replays
 * (`replayed`: cli/workload-files.ts) and no traces (spof reports the impact matrix only); a
 * guard that stops one ends the analysis with its message. `onRun(done, of)` after each run
 * once the candidates are known. `hint` ends the words said when no component is shared.
 */
export async function spofAnalysis<D>(
  plan: SpofPlan,
  o: {
    about: SpofData['scenario'];
    mode: 'refuse' | 'hang';
    all?: boolean;
    hint: string;
    /** The language of the text printed (default English). */
    lang?: Lang;
  },
  replayed: { of(variant: string | null | undefined): D | null },
  guarded: SpofGuardedRun<D>,
  onRun: (done: number, of: number) => void = () => {},
): Promise<SpofAnalysis> {
  const run = (s: Scenario) =>
    guarded(
      s,
      { data: replayed.of(s.variant) ?? undefined, trace: null, seed: plan.seed },
      spofRunWords(s),
    );
  const baseline = await run(plan.scenario);
  if ('stopped' in baseline) return baseline;
  const candidates = spofCandidates(baseline.summary, o.all);
  if (candidates.length === 0)
    return { nothing: t(o.lang ?? 'en', 'spof.nothing', { name: o.about.name, hint: o.hint }) };
  const of = candidates.length + 1;
  onRun(1, of);
  const runs: { candidate: SpofCandidate; series: RunResult['series']['requests'] }[] = [];
  for (const c of candidates) {
    const r = await run(failing(plan, c.id, o.mode));
    if ('stopped' in r) return r;
    runs.push({ candidate: c, series: r.series.requests });
    onRun(runs.length + 1, of);
  }
  const data = spofData({
    format: OUTPUT_FORMAT_VERSION,
    scenario: o.about,
    variant: plan.scenario.variant ?? null,
    seed: plan.seed,
    mode: o.mode,
    window: plan.window,
    baseline: { series: baseline.series.requests },
    runs,
    resolutionS: baseline.series.resolutionS,
  });
  return { data, text: spofText(data, plan.ownFaults, o.lang), runs: runs.length + 1 };
}

/** What `msasim spof` prints: the matrix (formatSpof), and a note when own faults were left out. */
export function spofText(data: SpofData, ownFaults: number, lang: Lang = 'en'): string {
  const note =
    ownFaults === 0
      ? ''
      : `${t(lang, ownFaults === 1 ? 'spof.ownFault.one' : 'spof.ownFault.many', { n: ownFaults })}\n`;
  return formatSpof(data, formatTable, lang) + note;
}

/** The files of an analysis: spof.json, spof.csv, spof.txt (what was printed) and spof.html. */
export function spofFiles(
  data: SpofData,
  text: string,
  assets: VegaAssets,
  lang: Lang = 'en',
): Map<string, string> {
  return new Map([
    ['spof.json', `${JSON.stringify(data, null, 2)}\n`],
    ['spof.csv', spofCsv(data)],
    ['spof.txt', text],
    ['spof.html', spofPage(data, text, assets, lang)],
  ]);
}
