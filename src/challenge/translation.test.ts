/**
 * A challenge's texts in Korean (translation.ts): the translation replaces the title,
 * description, hints, questions and goal descriptions in the brief and the verdict with
 * `--lang ko` and nothing in English; a translation that does not match the challenge (a hint
 * or a question too few or too many, a description or a goal's description missing, a goal
 * that is not there) is a located error in both languages, with a did-you-mean for a goal's
 * misspelt name. Every shipped challenge carries a complete Korean translation, and its Korean
 * brief holds no English sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../scenario/format.ts';
import { ScenarioError, type ScenarioIssue, toDotPath } from '../scenario/issues.ts';
import { challengeIssues, TINY_BASE, TINY_CHALLENGE_KO } from '../test-support/challenges.ts';
import { expectNoEnglishSentence } from '../test-support/english-run.ts';
import { expectParts } from '../test-support/expect-parts.ts';
import { judgeAttempt } from './check.ts';
import { formatBrief, formatVerdict } from './format.ts';
import { bindChallenge, parseAttempt, parseChallenge } from './load.ts';
import { runAttempt } from './run.ts';
import { challengeTexts } from './translation.ts';

const HANGUL = /\p{Script=Hangul}/u;

/** The problems of a challenge text, in English and in Korean. */
function both(text: string): { en: string; ko: string } {
  const issues = challengeIssues(text);
  expect(issues.length, 'expected problems').toBeGreaterThan(0);
  return { en: formatIssues(issues), ko: formatIssues(issues, 'ko') };
}

describe('a translated challenge', () => {
  const c = parseChallenge(TINY_CHALLENGE_KO, 'tiny.challenge.yaml');

  it('has no problem, and its English brief is as before', () => {
    expect(challengeIssues(TINY_CHALLENGE_KO)).toEqual([]);
    const en = formatBrief(c);
    expectParts(en, [
      'Serve fast with few threads',
      'One server is too busy to be fast.',
      '— keep some headroom',
      '1. How busy will the server be?',
      '• More threads help\n  • up to a point.',
    ]);
    expect(en).not.toMatch(HANGUL);
  });

  it('shows its Korean texts in the Korean brief', () => {
    const ko = formatBrief(c, 'ko');
    expectParts(ko, [
      '챌린지 tiny-challenge (실험 4): 적은 스레드로 빠르게 응답하기',
      '서버 하나가 너무 바빠서 빠르지 않습니다.',
      'not-too-busy: server utilisation ≤ 70% — 여유를 남겨 두세요',
      '1. 서버는 얼마나 바쁠까요?',
      '힌트:\n  • 스레드를 늘리면 도움이 됩니다\n  • 어느 정도까지는.',
    ]);
    for (const english of ['Serve fast', 'too busy', 'headroom', 'How busy', 'More threads'])
      expect(ko).not.toContain(english);
  });

  it('asks its questions in Korean in the Korean verdict', async () => {
    const base = bindChallenge(c, TINY_BASE, 'tiny.yaml');
    const attempt = parseAttempt(c, TINY_BASE, 'attempt.yaml');
    const v = judgeAttempt(c, base.raw, attempt, await runAttempt(c, attempt, 'attempt.yaml'));
    const ko = formatVerdict(v, 'attempt.yaml', 'ko', challengeTexts(c.def, 'ko').asks);
    expect(ko).toContain('  1. 서버는 얼마나 바쁠까요?\n     server utilisation: ');
    expect(formatVerdict(v, 'attempt.yaml')).toContain('  1. How busy will the server be?');
  });
});

describe('a translation that does not match its challenge', () => {
  for (const { problem, text, en, ko } of [
    {
      problem: 'a hint too few',
      text: TINY_CHALLENGE_KO.replace(
        'hints: [스레드를 늘리면 도움이 됩니다, 어느 정도까지는.]',
        'hints: [스레드를 늘리면 도움이 됩니다]',
      ),
      en: [
        /c\.challenge\.yaml:21:5 {2}translations\.ko\.hints/,
        'the ko translation has 1 hints, the challenge 2: one hint per hint, in the same order',
        "translate the challenge's hints from number 2 on",
      ],
      ko: ['ko 번역의 힌트은(는) 1개인데 챌린지는 2개입니다', '2번째부터 번역하세요'],
    },
    {
      problem: 'a question too many, pointed at',
      text: TINY_CHALLENGE_KO.replace(
        'questions: [서버는 얼마나 바쁠까요?]',
        'questions: [서버는 얼마나 바쁠까요?, 얼마나 빠를까요?]',
      ),
      en: [
        /c\.challenge\.yaml:22:\d+ {2}translations\.ko\.questions\[1\]/,
        'the ko translation has 2 questions, the challenge 1',
        'remove this question and those after it',
      ],
      ko: ['ko 번역의 질문은(는) 2개인데 챌린지는 1개입니다'],
    },
    {
      problem: 'a goal misspelt, with a did-you-mean, and the goal it meant missing',
      text: TINY_CHALLENGE_KO.replace('      not-too-busy: 여유', '      not-too-bussy: 여유'),
      en: [
        /c\.challenge\.yaml:24:7 {2}translations\.ko\.goals\.not-too-bussy/,
        'the challenge has no goal "not-too-bussy"',
        'did you mean "not-too-busy"?',
        'the ko translation has no description of the goal "not-too-busy"',
      ],
      ko: ['챌린지에 목표 "not-too-bussy"이(가) 없습니다', '혹시 "not-too-busy"인가요?'],
    },
    {
      problem: 'a goal that has no description to translate',
      text: TINY_CHALLENGE_KO.replace(
        '      not-too-busy: 여유를 남겨 두세요\n',
        '      not-too-busy: 여유를 남겨 두세요\n      fast: 빠르게\n',
      ),
      en: [/translations\.ko\.goals\.fast/, 'the goal "fast" has no description to translate'],
      ko: ['목표 "fast"에는 번역할 설명(description)이 없습니다'],
    },
    {
      problem: 'the description missing',
      text: TINY_CHALLENGE_KO.replace(
        '    description: 서버 하나가 너무 바빠서 빠르지 않습니다.\n',
        '',
      ),
      en: [/c\.challenge\.yaml:18:3 {2}translations\.ko/, 'the ko translation has no description'],
      ko: ['ko 번역에 설명(description)이(가) 없습니다'],
    },
    {
      problem: 'the hints left out altogether',
      text: TINY_CHALLENGE_KO.replace(
        '    hints: [스레드를 늘리면 도움이 됩니다, 어느 정도까지는.]\n',
        '',
      ),
      en: ['the ko translation has no hints (the challenge has 2)'],
      ko: ['ko 번역에 힌트 목록(hints)이(가) 없습니다'],
    },
    {
      problem: 'a language msasim does not have, with a did-you-mean',
      text: TINY_CHALLENGE_KO.replace('  ko:\n', '  kr:\n'),
      en: [/translations\.kr/, 'did you mean "ko"?'],
      ko: ['혹시 "ko"인가요?'],
    },
  ])
    it(`${problem} is a located error, in English and Korean`, () => {
      const got = both(text);
      expectParts(got.en, en);
      expectParts(got.ko, ko);
      expect(got.en).not.toMatch(/번역에|챌린지에/);
    });
});

const DIR = join(import.meta.dirname, '..', '..', 'scenarios', 'challenges');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.challenge.yaml'))
  .sort();
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

describe('the shipped challenges in Korean', () => {
  it('are all there', () => expect(FILES).toHaveLength(12));

  for (const file of FILES)
    it(`${file}: every text has its Korean translation, and the Korean brief holds no English sentence`, () => {
      const c = parseChallenge(read(file), file);
      expect(c.def.translations?.ko, `${file} has no translations.ko`).toBeDefined();
      const en = challengeTexts(c.def);
      const ko = challengeTexts(c.def, 'ko');
      // one Korean text for every English one (parseChallenge refuses a count that differs)
      expect(ko.hints).toHaveLength(en.hints.length);
      expect(ko.asks).toHaveLength(en.asks.length);
      expect(Object.keys(ko.goals)).toEqual(Object.keys(en.goals));
      for (const text of [
        ko.title,
        ko.description,
        ...ko.hints,
        ...ko.asks,
        ...Object.values(ko.goals),
      ])
        expect(text, `${file}: "${text}" is not Korean`).toMatch(HANGUL);
      const brief = formatBrief(c, 'ko');
      expectParts(brief, [ko.title, ...ko.hints, ...ko.asks]);
      for (const text of [en.title, ...en.hints, ...en.asks]) expect(brief).not.toContain(text);
      // the goals' metric names (key metrics as highlights: names them) stay as written
      const metrics = c.metricGoals.map((g) => g.metric);
      expectNoEnglishSentence(metrics.reduce((b, m) => b.replaceAll(m, ' '), brief));
    });

  it('a hint added without its translation is refused, at the translation', () => {
    const text = read(FILES[0]).replace('hints:\n', 'hints:\n  - A hint added in English only.\n');
    const issues = challengeIssuesOf(text, FILES[0]);
    expect(issues.map((i) => [i.code, toDotPath(i.path)])).toEqual([
      ['translation-count', 'translations.ko.hints'],
    ]);
    expect(issues[0].message).toContain('has 3 hints, the challenge 4');
  });
});

/** The problems of challenge text `text` on its own. */
function challengeIssuesOf(text: string, file: string): ScenarioIssue[] {
  try {
    parseChallenge(text, file);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}
