/**
 * Tests of web/challenge.ts, a challenge's attempt checked in the playground's worker: its
 * verdict is what `msasim challenge <name> <attempt> --lang <l>` prints on stdout for the same
 * attempt text, byte for byte (the base attempt, which misses the goal, and the solution, which
 * passes, in English and in Korean; an attempt that breaks a constraint, with its places); the
 * brief and the starting attempt are the CLI's; a broken attempt gives its located problems,
 * not a crash; a runaway guard stops a check with the CLI's words.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { playgroundChallenges } from '../cli/commands/challenge.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { sourceMsasim } from '../test-support/source-cli.ts';
import { tempFolder } from '../test-support/temp-folder.ts';
import {
  challengeBrief,
  checkAttempt,
  type ShippedChallenge,
  shortChallengeName,
} from './challenge.ts';
import { challengeMatches } from './challenge-search.ts';
import type { ChallengeRequest } from './protocol.ts';

/** The shipped challenge with the shortest runs (30 s simulated, one variant). */
const NAME = '07-hot-shard';

const folder = tempFolder('msasim-webchal-');
let shipped: ShippedChallenge[];
let hot: ShippedChallenge;

beforeAll(async () => {
  shipped = await playgroundChallenges();
  const found = shipped.find((c) => c.name === NAME);
  if (found === undefined) throw new Error(`no shipped ${NAME}`);
  hot = found;
});

/** The page's check request of attempt `text`, kept at `file`. */
const requestOf = (text: string, file: string, lang: Lang): ChallengeRequest => ({
  challengeFile: hot.file,
  challengeText: hot.text,
  baseFile: hot.base.file,
  baseText: hot.base.text,
  text,
  file,
  lang,
});

/** The CLI's verdict on attempt `text` written at `name` in the temporary folder. */
async function cliVerdict(text: string, name: string, lang: Lang) {
  const file = join(folder.path, name);
  await writeFile(file, text);
  const cli = await sourceMsasim(['challenge', NAME, file, '--lang', lang]);
  return { file, cli };
}

describe('a challenge checked in the playground', () => {
  it('carries every shipped challenge with its base scenario and solution', () => {
    expect(shipped.map((c) => c.name)).toHaveLength(12);
    for (const c of shipped) {
      expect(c.file).toBe(`scenarios/challenges/${c.name}.challenge.yaml`);
      expect(c.base.text).toMatch(/^version: 1$/m);
      expect(c.solution?.text).toMatch(/^version: 1$/m);
      expect(c.attemptFile).toBe(`${shortChallengeName(c.name)}.attempt.yaml`);
      for (const lang of ['en', 'ko'] as const) {
        const { file: _, ...words } = challengeBrief(c, lang);
        expect(c.words[lang]).toEqual(words);
      }
    }
    expect(hot.words.ko.title).not.toBe(hot.words.en.title);
  });

  for (const lang of ['en', 'ko'] as const) {
    it(`gives the CLI's verdict on the starting attempt (fails) and the solution (passes), ${lang}`, async () => {
      const start = challengeBrief(hot, lang).attempt;
      const base = await cliVerdict(start, `base-${lang}.attempt.yaml`, lang);
      const web = await checkAttempt(requestOf(start, base.file, lang));
      expect(base.cli.code).toBe(3);
      expect(web).toMatchObject({ kind: 'verdict', pass: false, text: base.cli.out });
      expect(base.cli.out).toContain(lang === 'ko' ? '실패' : 'FAIL');
      // worded in the other language too, for a page whose language changes
      const other = lang === 'ko' ? 'en' : 'ko';
      const otherCli = await sourceMsasim(['challenge', NAME, base.file, '--lang', other]);
      expect(web.kind === 'verdict' && web.texts[other]).toBe(otherCli.out);

      const solution = hot.solution?.text ?? '';
      const solved = await cliVerdict(solution, `solution-${lang}.yaml`, lang);
      const webSolved = await checkAttempt(requestOf(solution, solved.file, lang));
      expect(solved.cli.code).toBe(0);
      expect(webSolved).toMatchObject({ kind: 'verdict', pass: true, text: solved.cli.out });
      expect(webSolved.kind === 'verdict' && webSolved.score).toBeGreaterThan(0);
    });
  }

  it("gives the CLI's verdict on an attempt that breaks a constraint, with its places", async () => {
    const text = hot.base.text.replace(/^duration: 30s$/m, 'duration: 31s');
    expect(text).not.toBe(hot.base.text);
    const { file, cli } = await cliVerdict(text, 'broken.attempt.yaml', 'en');
    const web = await checkAttempt(requestOf(text, file, 'en'));
    expect(web).toMatchObject({ kind: 'verdict', pass: false, score: 0, text: cli.out });
    expect(cli.out).toMatch(/✗ duration: "30s" → "31s" {2}\(.*broken\.attempt\.yaml:\d+:\d+\)/);
  });

  it('answers the gallery’s search by name, title and brief, in either language', () => {
    const found = (q: string) => shipped.filter((c) => challengeMatches(c, q)).map((c) => c.name);
    expect(found('')).toHaveLength(12);
    expect(found('hot-shard')).toEqual([NAME]);
    expect(found(hot.words.ko.title)).toEqual([NAME]);
    expect(found(`HOT ${hot.words.en.title.split(' ')[0]}`)).toContain(NAME);
    expect(found('no-such-challenge')).toEqual([]);
  });

  it('is a function of the attempt text: the same text, the same verdict', async () => {
    const start = challengeBrief(hot, 'en').attempt;
    const a = await checkAttempt(requestOf(start, 'hot-shard.attempt.yaml', 'en'));
    const b = await checkAttempt(requestOf(start, 'hot-shard.attempt.yaml', 'en'));
    expect(a).toEqual(b);
  });

  it("shows the CLI's brief and starting attempt, in English and in Korean", async () => {
    for (const lang of ['en', 'ko'] as const) {
      const out = join(folder.path, `start-${lang}.attempt.yaml`);
      const cli = await sourceMsasim(['challenge', 'hot-shard', '--out', out, '--lang', lang]);
      expect(cli.code).toBe(0);
      const page = challengeBrief(hot, lang);
      expect(cli.out.startsWith(page.brief)).toBe(true);
      expect(page.attempt).toBe(await readFile(out, 'utf8'));
      expect(page.file).toBe('hot-shard.attempt.yaml');
    }
    expect(challengeBrief(hot, 'ko').brief).toMatch(/[가-힣]/);
  });

  it('gives a broken attempt its located problems, not a crash', async () => {
    const bad = hot.base.text.replace(/^duration: 30s$/m, 'duration: [30s');
    const web = await checkAttempt(requestOf(bad, 'hot-shard.attempt.yaml', 'en'));
    expect(web.kind).toBe('invalid');
    if (web.kind !== 'invalid') return;
    expect(web.issues.length).toBeGreaterThan(0);
    const line = hot.base.text.split('\n').indexOf('duration: 30s') + 1;
    expect(web.issues[0]).toMatchObject({ file: 'hot-shard.attempt.yaml', severity: 'error' });
    expect(web.issues.some((i) => i.line >= line)).toBe(true);

    const unknown = hot.base.text.replace(/^duration: 30s$/m, 'duraton: 30s');
    const typo = await checkAttempt(requestOf(unknown, 'hot-shard.attempt.yaml', 'ko'));
    expect(typo.kind).toBe('invalid');
    if (typo.kind === 'invalid')
      expect(typo.issues).toContainEqual(
        expect.objectContaining({ line, col: 1, code: 'unknown-key' }),
      );
  });

  it('stops a runaway check with the guard’s words, in the page’s language', async () => {
    const start = challengeBrief(hot, 'ko').attempt;
    const web = await checkAttempt(requestOf(start, 'hot-shard.attempt.yaml', 'ko'), () => {}, {
      maxEvents: 1000,
    });
    expect(web.kind).toBe('stopped');
    if (web.kind === 'stopped') expect(web.message).toMatch(/[가-힣]/);
  });
});
