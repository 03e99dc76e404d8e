/**
 * Fuzzing the whole front half and a short run with hostile documents (test-support/
 * fuzz-scenarios.ts mutates the shipped scenarios): every document must end in a located,
 * worded ScenarioError, or be valid and run briefly to its end or to a guard — never an
 * internal error (any other exception), a hang (a per-case time budget), or a message without
 * a place. MSASIM_FUZZ_RUNS raises the count (and MSASIM_FUZZ_SEED changes the cases) for long
 * runs; the default keeps this file to a few seconds. The cases are judged in SHARDS tests (every
 * SHARDS-th case each), each with its own time budget on a loaded machine; a last test checks
 * that every case was judged and that enough of them ran.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_EVERY, RunGuard, wallNow } from '../cli/run-guard.ts';
import { prepareWorkloadData, type ScenarioData } from '../cli/workload-files.ts';
import { parseScenario } from '../model/language.ts';
import { runScenario } from '../model/run.ts';
import { type FuzzCase, fuzzCases } from '../test-support/fuzz-scenarios.ts';
import { isIssueCode, ScenarioError } from './issues.ts';

const RUNS = Number(process.env.MSASIM_FUZZ_RUNS ?? 600);
const SEED = process.env.MSASIM_FUZZ_SEED ?? 'msasim-fuzz-1';
const ROOT = join(import.meta.dirname, '..', '..', 'scenarios');
/** Wall time a case may take to be parsed, ms (a hang fails long before the test's timeout). */
const PARSE_BUDGET_MS = 5_000;
/** Simulated time of the short run of a valid case, ms. */
const RUN_MS = 2_000;

/** Words that betray a message built from a value nobody looked at. */
const SLOPPY = /\bundefined\b|\bNaN\b|\[object Object\]/;
/** The same, for documents that use the word NaN themselves (as a name in a list, say). */
const SLOPPY_BUT_NAN = /\bundefined\b|\[object Object\]/;

/** How a case ended: refused, ran to its end (or its event budget), or stopped by a guard. */
type Outcome = 'refused' | 'ran' | 'guarded';

/** What went wrong with a case (undefined when it behaved), and how it ended. */
async function judge(c: FuzzCase): Promise<{ problem?: string; outcome?: Outcome }> {
  const verdict = await problemOf(c);
  return typeof verdict === 'string' ? { problem: verdict } : verdict;
}

async function problemOf(c: FuzzCase): Promise<string | { outcome: Outcome }> {
  const t0 = performance.now();
  let variants: ReturnType<typeof parseScenario>['variants'];
  let loaded: ReturnType<typeof parseScenario>;
  try {
    const overrides =
      c.override === undefined
        ? []
        : [{ ...c.override, label: `--param ${c.override.path}=${String(c.override.value)}` }];
    loaded = parseScenario(c.text, 'fuzz.yaml', { overrides });
    variants = loaded.variants;
  } catch (e) {
    if (!(e instanceof ScenarioError)) return `internal error while parsing: ${String(e)}`;
    for (const i of e.issues) {
      if (!(i.line >= 1 && i.col >= 1) || i.file !== 'fuzz.yaml' || !Array.isArray(i.path))
        return `issue without a place: ${JSON.stringify(i).slice(0, 300)}`;
      if (i.message.length === 0) return 'issue without a message';
      if (!isIssueCode(i.code)) return `issue with a code outside ISSUE_CODES: ${i.code}`;
      // the user's own text is quoted in messages; what is left is the message's own words
      // (an override's label is the user's own text too, which may say NaN)
      const words = `${i.message} ${i.hint ?? ''}`
        .replace(/^in --param [^:]*: /, '')
        .replace(/"(?:[^"\\]|\\.)*"/g, '""');
      const sloppy = c.text.includes('NaN') ? SLOPPY_BUT_NAN : SLOPPY;
      if (sloppy.test(words)) return `sloppy message: ${i.message} / ${i.hint}`;
    }
    return performance.now() - t0 > PARSE_BUDGET_MS
      ? 'parsing took too long'
      : { outcome: 'refused' };
  }
  if (performance.now() - t0 > PARSE_BUDGET_MS) return 'parsing took too long';
  // the data files a workload replays, beside the shipped scenario the case was made from
  let data: ScenarioData;
  try {
    data = await prepareWorkloadData({ ...loaded, file: join(ROOT, c.source) });
  } catch (e) {
    if (!(e instanceof ScenarioError)) return `internal error while reading data: ${String(e)}`;
    const unplaced = e.issues.find((i) => !(i.line >= 1 && i.col >= 1) || !isIssueCode(i.code));
    return unplaced === undefined
      ? { outcome: 'refused' }
      : `data issue without a place: ${JSON.stringify(unplaced).slice(0, 300)}`;
  }
  let outcome: Outcome = 'ran';
  for (const v of variants.slice(0, 2)) {
    const durationMs = Math.min(v.durationMs, RUN_MS);
    const scenario = { ...v, durationMs, warmupMs: v.warmupMs < durationMs ? v.warmupMs : 0 };
    const guard = new RunGuard(
      { maxEvents: 400_000, maxWall: 10_000, maxQueue: 100_000, maxPending: 500_000 },
      { deadline: wallNow() + 10_000, maxWallMs: 10_000 },
    );
    try {
      const result = await runScenario(scenario, {
        data: data.of(v.variant) ?? undefined,
        maxEvents: 400_000,
        checkEvery: CHECK_EVERY / 16,
        onCheckpoint: guard.check,
      });
      const stop = result.summary.run.stopReason;
      if (stop === 'stopped' && guard.reason?.reason.includes('wall-time'))
        return `the run hung: ${guard.reason.reason}`;
      if (stop === 'stopped') outcome = 'guarded';
    } catch (e) {
      data.close();
      // a replayed row that went bad during the run is the user's problem, located
      if (e instanceof ScenarioError) return { outcome: 'refused' };
      return `internal error while running variant ${v.variant ?? '(base)'}: ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ')}`;
    }
  }
  data.close();
  return { outcome };
}

/** The cases are judged in this many tests, each with its own time budget (a loaded machine). */
const SHARDS = 4;

describe('hostile documents (fuzz)', () => {
  const cases = [...fuzzCases(ROOT, SEED, RUNS)];
  const failures: string[] = [];
  const outcomes: Record<Outcome, number> = { refused: 0, ran: 0, guarded: 0 };
  let judged = 0;

  it.each(Array.from({ length: SHARDS }, (_, i) => i))(
    `shard %i of ${SHARDS} of ${RUNS} mutated scenarios: each ends in a located error, or a short run, without a crash`,
    async (shard) => {
      const mine: string[] = [];
      for (const [i, c] of cases.entries()) {
        if (i % SHARDS !== shard) continue;
        const verdict = await judge(c);
        judged++;
        if (verdict.problem !== undefined)
          mine.push(`${c.source} [${c.mutations.join('; ')}]: ${verdict.problem}`);
        if (verdict.outcome !== undefined) outcomes[verdict.outcome]++;
      }
      failures.push(...mine);
      expect(mine).toEqual([]);
    },
    Math.max(120_000, (RUNS / SHARDS) * 100),
  );

  it(`judged all ${RUNS} documents, and enough of them were valid to run`, () => {
    if (process.env.MSASIM_FUZZ_RUNS !== undefined)
      console.log(`fuzz ${SEED}: ${RUNS} documents`, outcomes, `${failures.length} failures`);
    expect(cases).toHaveLength(RUNS);
    expect(judged).toBe(RUNS);
    // the mutations must leave some documents valid, or the runs would test nothing
    expect(outcomes.ran + outcomes.guarded).toBeGreaterThan(RUNS / 20);
  });
});
