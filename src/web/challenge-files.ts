/**
 * The files of the page that belong to a workshop challenge, and the decisions about them that
 * challenge-panel.ts makes (pure, so they are tested without a browser): the attempt, kept
 * under the CLI's default `--out` (`hot-shard.attempt.yaml`), which starts as the starting
 * attempt in the page's language; and the reference solution, opened as its own file under the
 * name the CLI finds it by (`scenarios/challenges/07-hot-shard.solution.yaml`, the challenge's
 * `solution:` beside it), which starts as the shipped text. The solution is offered only once
 * the attempt has passed a Check (no spoiler for the students); a challenge without one offers
 * nothing. An attempt still exactly the starting attempt of the page's old language is
 * "unedited" and follows a change of language; any other text is the user's and stays. Imports
 * only types of challenge.ts, which the page must not load (see challenge-search.ts).
 */
import type { Lang } from '../report/i18n/lang.ts';
import type { ShippedChallenge } from './challenge.ts';

/** What a file of the page is to a challenge. */
export type ChallengeRole = 'attempt' | 'solution';

/** The challenge whose attempt or reference solution is kept at `file`, and which of the two. */
export function challengeFileOf(
  challenges: readonly ShippedChallenge[],
  file: string,
): { challenge: ShippedChallenge; role: ChallengeRole } | undefined {
  for (const challenge of challenges) {
    if (challenge.attemptFile === file) return { challenge, role: 'attempt' };
    if (challenge.solution?.file === file) return { challenge, role: 'solution' };
  }
  return undefined;
}

/** The text the file of `role` starts as, in `lang`: the starting attempt, or the solution. */
export function startingText(c: ShippedChallenge, role: ChallengeRole, lang: Lang): string {
  return role === 'attempt' ? c.words[lang].attempt : (c.solution?.text ?? '');
}

/** Whether `text` is the starting attempt of `c` in `lang` (the user has not edited it). */
export function isUneditedIn(c: ShippedChallenge, text: string, lang: Lang): boolean {
  return c.words[lang].attempt === text;
}

/** Whether `text` is what the file of `role` starts as in some language (so: not an edit). */
export function isStartingText(c: ShippedChallenge, role: ChallengeRole, text: string): boolean {
  if (role === 'solution') return c.solution?.text === text;
  return Object.keys(c.words).some((lang) => isUneditedIn(c, text, lang as Lang));
}

/**
 * The text an attempt becomes when the page's language changes from `from` to `to`: the
 * starting attempt in `to` when `text` is still exactly the one in `from`; undefined (leave it)
 * when the user has edited it, or when nothing would change.
 */
export function attemptInNewLang(
  c: ShippedChallenge,
  text: string,
  from: Lang,
  to: Lang,
): string | undefined {
  if (!isUneditedIn(c, text, from)) return undefined;
  const next = c.words[to].attempt;
  return next === text ? undefined : next;
}

/**
 * The reference solution the page offers to compare with (its file), or undefined: only on the
 * attempt (not on the solution itself), only once the attempt of this challenge has passed a
 * Check, and only when the challenge has a solution.
 */
export function offeredSolution(
  c: ShippedChallenge,
  role: ChallengeRole,
  passed: boolean,
): string | undefined {
  return role === 'attempt' && passed ? c.solution?.file : undefined;
}
