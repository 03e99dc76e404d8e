/**
 * Tests of challenge-files.ts, the decisions the challenge panel makes about a challenge's files:
 * which challenge (and which of its files) a page file is, what it starts as, when the
 * reference solution is offered (only on the attempt, only after a pass, never for a challenge
 * without one), and when an attempt is "unedited" and follows a change of the page's language.
 * On the shipped challenges as the page carries them (every one has a solution, and its
 * English and Korean starting attempts differ), plus one without a solution. That every
 * shipped solution passes its own check is challenge/shipped.test.ts (the CLI's judge) and, for
 * the page's checker, web/challenge.test.ts (byte for byte the CLI's verdict).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { playgroundChallenges } from '../cli/commands/challenge.ts';
import type { ShippedChallenge } from './challenge.ts';
import {
  attemptInNewLang,
  challengeFileOf,
  isStartingText,
  isUneditedIn,
  offeredSolution,
  startingText,
} from './challenge-files.ts';

let shipped: ShippedChallenge[];
let hot: ShippedChallenge;
/** 07-hot-shard as if it shipped no solution. */
let bare: ShippedChallenge;

beforeAll(async () => {
  shipped = await playgroundChallenges();
  const found = shipped.find((c) => c.name === '07-hot-shard');
  if (found === undefined) throw new Error('no shipped 07-hot-shard');
  hot = found;
  bare = { ...hot, name: 'no-solution', attemptFile: 'bare.attempt.yaml', solution: null };
});

describe("a challenge's files in the playground", () => {
  it('knows the attempt and the solution of every shipped challenge by their file names', () => {
    for (const c of shipped) {
      expect(challengeFileOf(shipped, c.attemptFile)).toEqual({ challenge: c, role: 'attempt' });
      // the solution under the name the CLI finds it by, beside the challenge
      expect(c.solution?.file).toBe(`scenarios/challenges/${c.name}.solution.yaml`);
      expect(challengeFileOf(shipped, c.solution?.file ?? '')).toEqual({
        challenge: c,
        role: 'solution',
      });
    }
    expect(challengeFileOf(shipped, hot.base.file)).toBeUndefined();
    expect(challengeFileOf(shipped, 'scenarios/shop.yaml')).toBeUndefined();
    expect(challengeFileOf([bare], bare.attemptFile)?.role).toBe('attempt');
  });

  it('starts the attempt as the starting attempt of the language, the solution as shipped', () => {
    expect(startingText(hot, 'attempt', 'en')).toBe(hot.words.en.attempt);
    expect(startingText(hot, 'attempt', 'ko')).toBe(hot.words.ko.attempt);
    expect(startingText(hot, 'solution', 'ko')).toBe(hot.solution?.text);
    expect(isStartingText(hot, 'solution', hot.solution?.text ?? '')).toBe(true);
    expect(isStartingText(hot, 'solution', `${hot.solution?.text}\n`)).toBe(false);
    expect(isStartingText(hot, 'attempt', hot.words.ko.attempt)).toBe(true);
    expect(isStartingText(hot, 'attempt', hot.words.en.attempt)).toBe(true);
    expect(isStartingText(hot, 'attempt', hot.solution?.text ?? '')).toBe(false);
  });

  it('offers the reference solution only on the attempt, only after a pass', () => {
    for (const c of shipped) {
      expect(offeredSolution(c, 'attempt', false)).toBeUndefined();
      expect(offeredSolution(c, 'attempt', true)).toBe(c.solution?.file);
      expect(offeredSolution(c, 'solution', true)).toBeUndefined();
    }
    // a challenge without a solution offers nothing, passed or not
    expect(offeredSolution(bare, 'attempt', true)).toBeUndefined();
    expect(offeredSolution(bare, 'attempt', false)).toBeUndefined();
  });

  it('calls an attempt unedited in a language only when it is exactly that starting attempt', () => {
    for (const c of shipped) expect(c.words.en.attempt).not.toBe(c.words.ko.attempt);
    expect(isUneditedIn(hot, hot.words.en.attempt, 'en')).toBe(true);
    expect(isUneditedIn(hot, hot.words.en.attempt, 'ko')).toBe(false);
    expect(isUneditedIn(hot, hot.words.ko.attempt, 'ko')).toBe(true);
    const edited = hot.words.en.attempt.replace(/^duration: 30s$/m, 'duration: 31s');
    expect(edited).not.toBe(hot.words.en.attempt);
    expect(isUneditedIn(hot, edited, 'en')).toBe(false);
    expect(isUneditedIn(hot, `${hot.words.en.attempt} `, 'en')).toBe(false);
  });

  it('turns an unedited attempt into the new language’s, and leaves an edited one', () => {
    const { en, ko } = hot.words;
    expect(attemptInNewLang(hot, en.attempt, 'en', 'ko')).toBe(ko.attempt);
    expect(attemptInNewLang(hot, ko.attempt, 'ko', 'en')).toBe(en.attempt);
    // an edit (even one character, even a trailing newline) is the user's: never touched
    const edited = en.attempt.replace(/^duration: 30s$/m, 'duration: 31s');
    expect(attemptInNewLang(hot, edited, 'en', 'ko')).toBeUndefined();
    expect(attemptInNewLang(hot, `${en.attempt}\n`, 'en', 'ko')).toBeUndefined();
    // only the old language's starting attempt follows; the same language changes nothing
    expect(attemptInNewLang(hot, ko.attempt, 'en', 'ko')).toBeUndefined();
    expect(attemptInNewLang(hot, en.attempt, 'en', 'en')).toBeUndefined();
  });
});
