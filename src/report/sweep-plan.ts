/**
 * The planning half of `msasim sweep` and `msasim merge` (pure; the commands read, run on the
 * worker pool, save and print): whether the grid of --param values can be swept, the overrides
 * of each grid point, the check of every point before anything runs (problems of all points at
 * once; a --duration not longer than a warm-up), the plan with the fingerprint of what decides
 * the results (sweep-plan.json) and how two plans differ, the runs of a point (variant ×
 * replication), the text of a finished point (points/<index>.json) and the SweepData assembled
 * from them, and the account printed at the end. The grid itself and the files are sweep.ts's;
 * the folder on disk is cli/sweep-store.ts's.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { ScenarioIssue } from '../scenario/issues.ts';
import type { LoadedScenario, ScenarioOverride } from '../scenario/load.ts';
import type { Lang } from './i18n/lang.ts';
import { OUTPUT_FORMAT_VERSION } from './results.ts';
import { gridSize, gridValues, type SweepData, type SweepParam, type SweepPoint } from './sweep.ts';
import { timeWords } from './time-words.ts';

/** Most points of a sweep's grid. */
export const MAX_GRID_POINTS = 100_000;

/** Why the --param values cannot be swept (a usage error's text, in `lang`), or undefined. */
export function gridProblem(params: readonly SweepParam[], lang: Lang = 'en'): string | undefined {
  const ko = lang === 'ko';
  if (params.length === 0)
    return ko
      ? '스윕에는 --param services.orders.instances=2,4,8처럼 --param path=value,value,…가 하나 이상 필요합니다.'
      : 'a sweep needs at least one --param path=value,value,… such as --param services.orders.instances=2,4,8.';
  const n = gridSize(params);
  if (n > MAX_GRID_POINTS)
    return ko
      ? `--param 값의 격자가 점 ${n}개입니다. 최대 ${MAX_GRID_POINTS}개입니다 (점마다 읽고, 실행하고, 저장합니다): 값을 줄이거나 스윕을 나누세요.`
      : `the grid of the --param values has ${n} points; at most ${MAX_GRID_POINTS} (each is parsed, run and saved): sweep fewer values, or split the sweep.`;
  return undefined;
}

/** The overrides of grid point `index`, labelled as the user wrote them. */
export function overridesAt(params: readonly SweepParam[], index: number): ScenarioOverride[] {
  return Object.entries(gridValues(params, index)).map(([path, value]) => ({
    path,
    value,
    label: `--param ${path}=${value}`,
    pathLabel: `--param ${path}`,
  }));
}

/** The scenario parsed with a grid point's overrides, or its problems. */
export type ParseAt = (
  overrides: ScenarioOverride[],
) => { loaded: LoadedScenario } | { issues: ScenarioIssue[] };

/** The verdict on a grid: its first point's scenario (with every point's warnings), or why not. */
export type GridCheck =
  | { loaded: LoadedScenario }
  | { issues: ScenarioIssue[] }
  | { usage: string; usageKo: string };

/**
 * Parses the scenario at every grid point (`parseAt`), so that every problem is reported before
 * anything runs; `beforePoint(i, n)` is called before point i of n (the command's wall-time
 * budget). Returns the first point's scenario with the warnings of all points; or the problems
 * of every point, sorted and without repeats; or, with a --duration of `durationMs` not longer
 * than some warm-up, a usage error saying where.
 */
export function checkGrid(
  params: readonly SweepParam[],
  durationMs: number | undefined,
  parseAt: ParseAt,
  beforePoint: (i: number, n: number) => void = () => {},
): GridCheck {
  const problems: ScenarioIssue[] = [];
  const warnings: ScenarioIssue[] = [];
  const tooShort: TooShort[] = [];
  const n = gridSize(params);
  let runs = 0;
  let first: LoadedScenario | undefined;
  for (let i = 0; i < n; i++) {
    beforePoint(i, n);
    const overrides = overridesAt(params, i);
    const parsed = parseAt(overrides);
    if ('issues' in parsed) {
      problems.push(...parsed.issues);
      continue;
    }
    const loaded = parsed.loaded;
    first ??= loaded;
    warnings.push(...loaded.warnings);
    for (const v of loaded.variants) {
      runs++;
      if (durationMs !== undefined && v.warmupMs >= durationMs) {
        const where = overrides.map((o) => o.label).join(' ');
        tooShort.push({ where, variant: v.variant ?? undefined, warmupMs: v.warmupMs });
      }
    }
  }
  if (problems.length > 0) return { issues: sortedUnique(problems) };
  if (tooShort.length > 0)
    return {
      usage: durationTooShort(durationMs as number, tooShort, runs, 'en'),
      usageKo: durationTooShort(durationMs as number, tooShort, runs, 'ko'),
    };
  return { loaded: { ...(first as LoadedScenario), warnings: sortedUnique(warnings) } };
}

/** A grid point (its --param labels) and variant whose warm-up is not shorter than --duration. */
interface TooShort {
  where: string;
  variant: string | undefined;
  warmupMs: number;
}

/** The text of a --duration not longer than the warm-up: once, or at each point where it is. */
function durationTooShort(
  durationMs: number,
  tooShort: TooShort[],
  runs: number,
  lang: Lang,
): string {
  const ko = lang === 'ko';
  const head = ko
    ? `--duration ${timeWords(durationMs)}: 시나리오의 워밍업보다 길어야 합니다`
    : `--duration ${timeWords(durationMs)} is not longer than the scenario's warm-up`;
  if (tooShort.length === runs && tooShort.every((t) => t.warmupMs === tooShort[0].warmupMs))
    return ko
      ? `--duration ${timeWords(durationMs)}: 시나리오의 워밍업(${timeWords(tooShort[0].warmupMs)})보다 길어야 합니다.`
      : `${head} (${timeWords(tooShort[0].warmupMs)}).`;
  const where = tooShort.map((t) => {
    const variant = t.variant ? `, ${ko ? '변형' : 'variant'} ${t.variant}` : '';
    return `${t.where}${variant}: ${ko ? '워밍업' : 'warm-up'} ${timeWords(t.warmupMs)}`;
  });
  return ko
    ? `${head}. 해당하는 점 ${tooShort.length}개:\n  ${where.join('\n  ')}`
    : `${head} at ${tooShort.length} points:\n  ${where.join('\n  ')}`;
}

/** Issues in file order, each (place and message) once. */
function sortedUnique(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues
    .filter((i) => {
      const key = `${i.line}:${i.col}:${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.col - b.col);
}

/** What the runs of a sweep depend on: its variants and replications per point. */
export interface SweepShape {
  variants: readonly (string | null)[];
  replications: number;
}

/** The runs of one grid point: every variant × replication (1-based), variants slowest. */
export function pointRuns(shape: SweepShape): { variant: string | null; replication: number }[][] {
  return shape.variants.map((variant) =>
    Array.from({ length: shape.replications }, (_, r) => ({ variant, replication: r + 1 })),
  );
}

/** The number of runs of `points` grid points. */
export function runsOf(shape: SweepShape, points: number): number {
  return points * shape.variants.length * shape.replications;
}

/** What a sweep (or one shard of it) did, for its last line. */
export interface SweepTally {
  /** Points of the grid, and those of this shard. */
  points: number;
  mine: number;
  /** Points run now, and those already saved before (--resume). */
  ran: number;
  done: number;
  runs: number;
  workers: number;
  wallMs: number;
}

/** "ran 2 of 6 points (4 already done), 8 runs on 2 workers in 3.10 s wall" (or in Korean). */
export function sweepAccount(t: SweepTally, lang: Lang = 'en'): string {
  if (lang === 'ko') {
    const done = t.done > 0 ? ` (${t.done}개는 이미 끝남)` : '';
    if (t.mine === 0) return `점 ${t.points}개 중 이 샤드에 속하는 점이 없습니다`;
    if (t.ran === 0) return `점 ${t.mine}개가 모두 이미 끝났습니다`;
    return `점 ${t.mine}개 중 ${t.ran}개 실행${done}, 워커 ${t.workers}개로 실행 ${t.runs}회, 실제 시간 ${(t.wallMs / 1000).toFixed(2)}초`;
  }
  const before = t.done > 0 ? ` (${t.done} already done)` : '';
  if (t.mine === 0) return `no point of the ${t.points} falls to this shard`;
  if (t.ran === 0) return `all ${t.mine} points were already done`;
  const runs = `${t.runs} runs on ${t.workers} worker${t.workers === 1 ? '' : 's'}`;
  return `ran ${t.ran} of ${t.mine} points${before}, ${runs} in ${(t.wallMs / 1000).toFixed(2)} s wall`;
}

/** sweep-plan.json: what a sweep computes. Shards of one sweep write identical plans. */
export interface SweepPlan {
  format: number;
  /** SHA-256 of the fields that decide the results: scenario text, params, replications, seed, duration. */
  fingerprint: string;
  scenario: { name: string; description: string; file: string; sha256: string };
  params: SweepParam[];
  replications: number;
  /** --seed (null: the scenario's). */
  seed: number | string | null;
  /** --duration in ms (null: the scenario's). */
  durationMs: number | null;
  /** The scenario's variants (null for a scenario without variants). */
  variants: (string | null)[];
  /** The seed of each replication. */
  seeds: (number | string)[];
  /** Number of grid points. */
  points: number;
}

/** The plan of a sweep; `text` is the scenario file's text. */
export function createPlan(
  p: Omit<SweepPlan, 'format' | 'fingerprint' | 'scenario'> & {
    text: string;
    scenario: Omit<SweepPlan['scenario'], 'sha256'>;
  },
): SweepPlan {
  const sha256 = sha(p.text);
  const { text: _text, scenario, ...rest } = p;
  const decisive = {
    sha256,
    params: p.params,
    replications: p.replications,
    seed: p.seed,
    durationMs: p.durationMs,
  };
  return {
    format: OUTPUT_FORMAT_VERSION,
    fingerprint: sha(JSON.stringify(decisive)),
    scenario: { ...scenario, sha256 },
    ...rest,
  };
}

/**
 * In words (`lang`), what differs between two plans' decisive fields (empty when they match);
 * `names` say whose each plan is, e.g. ['saved', 'now'] (in Korean by default: 저장된 것, 지금).
 */
export function planDifferences(
  a: SweepPlan,
  b: SweepPlan,
  names?: [string, string],
  lang: Lang = 'en',
): string[] {
  const ko = lang === 'ko';
  const [x0, y0] = names ?? (ko ? ['저장된 것', '지금'] : ['saved', 'now']);
  const none = ko ? '없음' : 'none';
  const out: string[] = [];
  const both = (x: string, y: string) => `(${x0}: ${x}, ${y0}: ${y})`;
  if (a.scenario.sha256 !== b.scenario.sha256)
    out.push(ko ? '시나리오 파일의 내용' : "the scenario file's text");
  if (JSON.stringify(a.params) !== JSON.stringify(b.params))
    out.push(
      `${ko ? '매개변수' : 'the parameters'} ${both(showParams(a.params), showParams(b.params))}`,
    );
  if (a.replications !== b.replications)
    out.push(`--replications ${both(String(a.replications), String(b.replications))}`);
  if (a.seed !== b.seed) out.push(`--seed ${both(String(a.seed ?? none), String(b.seed ?? none))}`);
  if (a.durationMs !== b.durationMs)
    out.push(`--duration ${both(showMs(a.durationMs, none), showMs(b.durationMs, none))}`);
  if (out.length === 0 && a.fingerprint !== b.fingerprint)
    out.push(ko ? 'plan의 형식' : 'the plan format');
  return out;
}

function showParams(params: SweepParam[]): string {
  return params.map((p) => `${p.path}=${p.values.join(',')}`).join(' ');
}

function showMs(ms: number | null, none: string): string {
  return ms === null ? none : `${ms} ms`;
}

/** SHA-256 in hex (@noble/hashes: node:crypto's bytes, also in the playground's worker). */
function sha(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** sweep-plan.json's text. */
export function planText(plan: SweepPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** One finished grid point on disk: every variant of it, unrounded, tagged with its plan. */
export interface PointFile {
  format: number;
  plan: string;
  index: number;
  points: SweepPoint[];
}

/** The text of points/<index>.json. */
export function pointText(plan: SweepPlan, index: number, points: SweepPoint[]): string {
  const file: PointFile = { format: OUTPUT_FORMAT_VERSION, plan: plan.fingerprint, index, points };
  return `${JSON.stringify(file)}\n`;
}

/** The SweepData of a plan from the texts of all its point files (in grid order). */
export function assembleSweep(plan: SweepPlan, pointTexts: readonly string[]): SweepData {
  return {
    format: OUTPUT_FORMAT_VERSION,
    scenario: {
      name: plan.scenario.name,
      description: plan.scenario.description,
      file: plan.scenario.file,
    },
    params: plan.params,
    replications: plan.replications,
    seeds: plan.seeds,
    points: pointTexts.flatMap((t) => (JSON.parse(t) as PointFile).points),
  };
}

/** "1, 5, 9–12": whole numbers (sorted), runs of three or more as ranges. */
export function formatIndexes(indexes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    if (j - i >= 2) parts.push(`${indexes[i]}–${indexes[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(indexes[k]));
    i = j + 1;
  }
  return parts.join(', ');
}
