/**
 * Checking a workshop challenge's attempt in the playground, as `msasim challenge <name>
 * <attempt>` does it (cli/commands/challenge.ts) without a disk: the challenge and its base
 * scenario are read from their texts (the page's assets), the attempt from the editor's text;
 * the constraints are judged first, then, when none is broken, every variant runs with the
 * challenge's replications under the CLI's runaway guards (cli/run-guard.ts: the same budgets
 * and messages) and the verdict is worded by the challenge's own formatVerdict (challenge/
 * format.ts), so its text is the CLI's stdout for the same attempt text, byte for byte. A
 * function of the texts: same attempt, same verdict. Runs in the page's Web Worker; imports
 * nothing of the DOM, so Node tests run it too.
 */

import { judgeAttempt } from '../challenge/check.ts';
import { formatBrief, formatVerdict, startingAttempt } from '../challenge/format.ts';
import {
  type Attempt,
  bindChallenge,
  type Challenge,
  parseAttempt,
  parseChallenge,
} from '../challenge/load.ts';
import { runAttempt } from '../challenge/run.ts';
import { challengeTexts } from '../challenge/translation.ts';
import {
  CHECK_EVERY,
  CommandBudget,
  guardError,
  NOTHING_WRITTEN,
  RunGuard,
  runOf,
  stoppedBy,
} from '../cli/run-guard.ts';
import type { Analysis } from '../report/analyse.ts';
import { LANGS, type Lang } from '../report/i18n/lang.ts';
import { t } from '../report/i18n/t.ts';
import { ScenarioError } from '../scenario/issues.ts';
import type { ChallengeOutcome, ChallengeRequest, RunProgress } from './protocol.ts';
import { guardLimitsOf, type PlaygroundLimits, ProgressThrottle } from './run-scenario.ts';

/** A shipped challenge as the page carries it (scripts/build-web.mjs writes the list). */
export interface ShippedChallenge {
  /** Its name as `msasim challenge --list` shows it: `07-hot-shard`. */
  name: string;
  /** `scenarios/challenges/<name>.challenge.yaml` and its text. */
  file: string;
  text: string;
  /** The base scenario (the challenge's `scenario:`). */
  base: { file: string; text: string };
  /** The challenge's `solution:`, when it has one (for the teacher). */
  solution: { file: string; text: string } | null;
  /** The file the page keeps the attempt under (the CLI's default `--out`). */
  attemptFile: string;
  /**
   * By language: the title, the brief (the CLI's) and the starting attempt (the text `msasim
   * challenge <name>` writes), made when the page is built, so the page itself parses nothing.
   */
  words: Record<Lang, ChallengeWords>;
}

/** A challenge's words in one language. */
export interface ChallengeWords {
  title: string;
  brief: string;
  attempt: string;
}

/** The challenge of `request` checked against its base scenario. @throws ScenarioError. */
export function loadChallengeText(
  request: Pick<ChallengeRequest, 'challengeFile' | 'challengeText' | 'baseFile' | 'baseText'>,
): {
  challenge: Challenge;
  base: Attempt;
} {
  const challenge = parseChallenge(request.challengeText, request.challengeFile);
  return { challenge, base: bindChallenge(challenge, request.baseText, request.baseFile) };
}

/** The name a header's command gives a shipped challenge: `hot-shard` for `07-hot-shard`. */
export const shortChallengeName = (name: string): string => name.replace(/^\d+-/, '');

/** The file the page keeps an attempt at `name` under (the CLI's default `--out`). */
export const attemptFileOf = (c: Challenge): string => `${c.def.name}.attempt.yaml`;

/** A challenge's files as the page carries them. */
export type ChallengeFiles = Pick<ShippedChallenge, 'name' | 'file' | 'text' | 'base'>;

/**
 * The words of a shipped challenge in `lang` (the CLI's brief and starting attempt) and the file
 * its attempt is kept under. @throws ScenarioError.
 */
export function challengeBrief(
  shipped: ChallengeFiles,
  lang: Lang,
): ChallengeWords & { file: string } {
  const { challenge } = loadChallengeText({
    challengeFile: shipped.file,
    challengeText: shipped.text,
    baseFile: shipped.base.file,
    baseText: shipped.base.text,
  });
  return {
    brief: formatBrief(challenge, lang),
    attempt: startingAttempt(challenge, shortChallengeName(shipped.name), shipped.base.text, lang),
    file: attemptFileOf(challenge),
    title: challengeTexts(challenge.def, lang).title,
  };
}

/**
 * Checks the attempt of `request` as the CLI does: its problems at their place when it does not
 * parse; else the verdict (a broken constraint stops before anything runs). `onProgress` is
 * called at the engine's checkpoints (at most ten times a second).
 */
export async function checkAttempt(
  request: ChallengeRequest,
  onProgress: (p: RunProgress) => void = () => {},
  limits: PlaygroundLimits = {},
): Promise<ChallengeOutcome> {
  const lang = request.lang ?? 'en';
  let challenge: Challenge;
  let base: Attempt;
  let attempt: Attempt;
  try {
    ({ challenge, base } = loadChallengeText(request));
    attempt = parseAttempt(challenge, request.text, request.file);
  } catch (e) {
    if (e instanceof ScenarioError) return { kind: 'invalid', issues: e.issues };
    throw e;
  }
  let verdict = judgeAttempt(challenge, base.raw, attempt, null);
  if (verdict.violations.length === 0) {
    const ran = await runGuarded(challenge, attempt, request.file, lang, onProgress, limits);
    if (ran.kind === 'stopped') return ran;
    verdict = judgeAttempt(challenge, base.raw, attempt, ran.analysis);
  }
  const done = verdict;
  const worded = (l: Lang) => {
    const texts = challengeTexts(challenge.def, l);
    const head = t(l, 'ch.v.head', { name: challenge.def.name, title: texts.title });
    return `${head}\n${formatVerdict(done, request.file, l, texts.asks)}`;
  };
  const texts = Object.fromEntries(LANGS.map((l) => [l, worded(l)])) as Record<Lang, string>;
  return {
    kind: 'verdict',
    text: texts[lang],
    texts,
    pass: verdict.pass,
    score: verdict.score,
    warnings: attempt.loaded.warnings,
  };
}

/** Runs the attempt (challenge/run.ts) under the CLI's guards; a guard's stop in `lang`. */
async function runGuarded(
  c: Challenge,
  attempt: Attempt,
  file: string,
  lang: Lang,
  onProgress: (p: RunProgress) => void,
  limits: PlaygroundLimits,
): Promise<{ kind: 'ran'; analysis: Analysis } | { kind: 'stopped'; message: string }> {
  const guardLimits = guardLimitsOf(limits);
  const budget = new CommandBudget(guardLimits.maxWall);
  const variants = attempt.loaded.variants;
  let guard: RunGuard | undefined;
  const progress = new ProgressThrottle();
  try {
    const analysis = await runAttempt(c, attempt, file, {
      options: (scenario) => {
        budget.checkBefore({ en: `the run of ${file}`, ko: `${file} 실행` });
        const g = new RunGuard(guardLimits, budget);
        guard = g;
        const index = variants.indexOf(scenario);
        const variant = scenario.variant ?? scenario.name;
        return {
          maxEvents: guardLimits.maxEvents,
          checkEvery: CHECK_EVERY,
          onCheckpoint: (sim, probe) => {
            if (progress.due()) {
              const { durationMs } = scenario;
              onProgress({ variant, index, of: variants.length, simMs: sim.now, durationMs });
            }
            return g.check(sim, probe);
          },
        };
      },
      after: (scenario, result) => {
        const text = stoppedBy(result.summary, guardLimits.maxEvents, guard as RunGuard);
        if (text !== undefined) throw guardError(runOf(scenario), text, NOTHING_WRITTEN);
      },
    });
    return { kind: 'ran', analysis };
  } catch (e) {
    if ((e as Error)?.name !== 'RunGuardError') throw e;
    const ko = (e as Error & { ko?: string }).ko;
    return {
      kind: 'stopped',
      message: lang === 'ko' && ko !== undefined ? ko : (e as Error).message,
    };
  }
}
