/**
 * Runs the e2e tests share, made once per test run: `msasim run scenarios/<file> --out <dir>`
 * for every shipped scenario (the goldens in cli.e2e.test.ts and the browser test read them)
 * and a few named commands (`sharedRun`). Each is made in-process (test-support/cli.ts) by
 * whichever test worker asks first, and saved in the folder of the test run
 * (`inject('sharedRunsDir')`, made by global-setup.ts): `<key>/out/` holds the report,
 * `<key>/result.json` the exit code and output, written last (renamed into place), so a file
 * that exists is complete.
 *
 * Claims are folders (`mkdir` fails for all but one worker). A worker waiting for a run
 * another worker is making runs an unclaimed shipped scenario meanwhile (slowest first), so two
 * workers share the work and neither sits idle. A run that throws still writes its result
 * (exit code -1, the error on stderr): nobody waits forever.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { listScenarioFiles } from '../cli/commands/list.ts';
import { type CliResult, msasimInProcess } from './cli.ts';

/** A finished shared run: the command's result, its report folder and its wall time. */
export interface SharedRun extends CliResult {
  /** The command, with `<out>` for the report folder. */
  args: string[];
  /** The folder the command wrote its report to. */
  out: string;
  wallMs: number;
}

/** The placeholder for the report folder in a shared command. */
export const OUT = '<out>';

/**
 * The slowest shipped scenarios (about two fifths of the CPU time of all the shipped runs),
 * started first so that no worker is left alone with a long run at the end. Only a scheduling
 * hint.
 */
const SLOW_FIRST = [
  'data-reference/join-vs-batch-cache.yaml',
  'sessions/five-strategies.yaml',
  'sessions/stateless-vs-redis-sessions-at-scale.yaml',
  'caches/local-vs-replicated-vs-distributed.yaml',
  'sessions/gateway-token-validation.yaml',
];

const POLL_MS = 50;

/** Every shipped scenario file (relative to scenarios/), sorted. */
export const SHIPPED: string[] = await listScenarioFiles();

/** The key of a shipped scenario's run: its path with `/` as `~`. */
function shippedKey(file: string): string {
  return `run~${file.replaceAll('/', '~')}`;
}

/** The command of a shipped scenario's run, as the goldens were made. */
function shippedArgs(file: string): string[] {
  return ['run', join('scenarios', file), '--out', OUT];
}

function folder(key: string): string {
  const dir = inject('sharedRunsDir');
  if (dir === undefined)
    throw new Error('shared runs need the e2e project (vitest.config.ts) and its global setup');
  return join(dir, key);
}

/** Keys this process knows to be claimed (by itself or another worker). */
const claimed = new Set<string>();

/** Makes the run of `key` if no worker has claimed it; true when this call made it. */
async function claimAndRun(key: string, args: string[]): Promise<boolean> {
  if (claimed.has(key)) return false;
  claimed.add(key);
  const dir = folder(key);
  try {
    await mkdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  const out = join(dir, 'out');
  const t0 = performance.now();
  let result: CliResult;
  try {
    result = await msasimInProcess(args.map((a) => (a === OUT ? out : a)));
  } catch (e) {
    result = { code: -1, stdout: '', stderr: `the shared run threw: ${(e as Error).stack}` };
  }
  const run: SharedRun = { ...result, args, out, wallMs: performance.now() - t0 };
  await writeFile(join(dir, 'result.json.tmp'), JSON.stringify(run));
  await rename(join(dir, 'result.json.tmp'), join(dir, 'result.json'));
  return true;
}

/** The saved run of `key`, or undefined while it is not finished. */
async function finished(key: string): Promise<SharedRun | undefined> {
  try {
    return JSON.parse(await readFile(join(folder(key), 'result.json'), 'utf8')) as SharedRun;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Makes one unclaimed shipped run (slowest first); false when every one is claimed. */
async function helpWithShipped(): Promise<boolean> {
  const order = [...SLOW_FIRST, ...SHIPPED.filter((f) => !SLOW_FIRST.includes(f))];
  for (const file of order) if (await claimAndRun(shippedKey(file), shippedArgs(file))) return true;
  return false;
}

/** Waits for the run of `key` (making it, or helping with other shipped runs meanwhile). */
async function awaitRun(key: string, args: string[]): Promise<SharedRun> {
  await claimAndRun(key, args);
  for (;;) {
    const run = await finished(key);
    if (run !== undefined) return run;
    if (!(await helpWithShipped())) await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** `msasim run scenarios/<file> --out <dir>` of a shipped scenario, made once per test run. */
export function shippedRun(file: string): Promise<SharedRun> {
  if (!SHIPPED.includes(file)) throw new Error(`${file} is not a shipped scenario`);
  return awaitRun(shippedKey(file), shippedArgs(file));
}

/** The runs of every shipped scenario, in SHIPPED's order (made here or by other workers). */
export async function allShippedRuns(): Promise<SharedRun[]> {
  while (await helpWithShipped());
  const runs: SharedRun[] = [];
  for (const file of SHIPPED) runs.push(await shippedRun(file));
  return runs;
}

/**
 * The command `args` (`OUT` standing for its report folder), made once per test run under the
 * name `key`; every test asking for `key` must pass the same `args`.
 */
export async function sharedRun(key: string, args: string[]): Promise<SharedRun> {
  const run = await awaitRun(`named~${key}`, args);
  if (JSON.stringify(run.args) !== JSON.stringify(args))
    throw new Error(
      `shared run ${key}: asked with ${args.join(' ')}, made with ${run.args.join(' ')}`,
    );
  return run;
}

/**
 * `compare 01-shared-db.yaml --replications 3`: the replications test checks its console and
 * files, the browser test draws its page (confidence intervals on every key metric).
 */
export const REPLICATED_COMPARE = {
  key: 'compare-shared-db-3-replications',
  args: ['compare', 'scenarios/01-shared-db.yaml', '--replications', '3', '--out', OUT],
};

/**
 * `run ko/join-vs-n-plus-1.yaml --lang ko`: the Korean golden and page checks (cli/lang.e2e.test.ts)
 * and the browser test of the Korean page (report/html/hangul.browser.test.ts).
 */
export const KOREAN_LANG_RUN = {
  key: 'run-ko-lang-ko',
  args: ['run', 'scenarios/ko/join-vs-n-plus-1.yaml', '--out', OUT, '--lang', 'ko'],
};
