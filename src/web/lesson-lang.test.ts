/**
 * The playground's lesson language (lesson-lang.ts) and the worker's report with a translation
 * (run-scenario.ts): the browser's language picks the lesson the gallery shows; a run keeps the
 * shipped translation resolved in results.json, as the CLI does, and builds the page in the
 * language asked (the translation, the original's claims checked in it).
 */
import { describe, expect, it } from 'vitest';
import { TINY_YAML } from '../test-support/scenarios.ts';
import {
  langOfLocale,
  lessonInLang,
  lessonLanguages,
  lessonSearchText,
  lessonTitle,
  paneLesson,
} from './lesson-lang.ts';
import { runRequest } from './run-scenario.ts';

const ASSETS = { vega: '/*vega*/', vegaLite: '/*vega-lite*/', vegaEmbed: '/*vega-embed*/' };
const LESSON = 'Typical: {{p50 | mean}}.\n\n```claims\np50 < 1000\n```\n';
const KO = '보통: {{p50 | mean}}.\n';

describe('the lesson in the reader’s language', () => {
  it('is Korean for a Korean browser, English otherwise', () => {
    expect(langOfLocale('ko-KR')).toBe('ko');
    expect(langOfLocale('ko')).toBe('ko');
    expect(langOfLocale('en-US')).toBe('en');
    expect(langOfLocale('kok-IN')).toBe('en');
    expect(langOfLocale(undefined)).toBe('en');
  });

  it('shows the translation into it when there is one, else the lesson', () => {
    const s = { file: 'scenarios/x.yaml', text: '', lesson: LESSON, translations: { ko: KO } };
    expect(lessonInLang(s, 'ko')).toBe(KO);
    expect(lessonInLang(s, 'en')).toBe(LESSON);
    expect(lessonInLang({ ...s, translations: undefined }, 'ko')).toBe(LESSON);
    expect(lessonInLang({ ...s, lesson: null }, 'ko')).toBeNull();
    expect(lessonInLang(undefined, 'ko')).toBeNull();
  });

  it('titles a gallery entry with the lesson’s heading in the reader’s language', () => {
    const s = {
      file: 'scenarios/x.yaml',
      text: '',
      lesson: 'Intro\n\n# The `join` vs **N+1**\n\n## More\n',
      translations: { ko: '# 조인 대 N+1\n' },
    };
    expect(lessonTitle(s, 'en')).toBe('The join vs N+1');
    expect(lessonTitle(s, 'ko')).toBe('조인 대 N+1');
    expect(
      lessonTitle({ ...s, lesson: 'no heading\n## Sub\n', translations: {} }, 'ko'),
    ).toBeNull();
    expect(lessonTitle(undefined, 'en')).toBeNull();
  });

  it('searches the lesson in every language, and hands a run its translations', () => {
    const s = { file: 'scenarios/x.yaml', text: '', lesson: LESSON, translations: { ko: KO } };
    expect(lessonSearchText(s)).toBe(`${LESSON}\n${KO}`);
    expect(lessonLanguages(s, 'ko')).toEqual({ lessonTranslations: { ko: KO }, lang: 'ko' });
    expect(lessonLanguages(undefined, 'en')).toEqual({ lang: 'en' });
  });
});

describe('a run in the playground with a translated lesson', () => {
  const request = (lang?: 'en' | 'ko') => ({
    text: TINY_YAML,
    file: 'tiny.yaml',
    lesson: LESSON,
    lessonTranslations: { ko: KO },
    ...(lang === undefined ? {} : { lang }),
  });
  const files = async (lang?: 'en' | 'ko') => {
    const outcome = await runRequest(request(lang), ASSETS, () => {});
    if (outcome.kind !== 'done') throw new Error(outcome.kind);
    return new Map(outcome.files);
  };

  it('keeps the translation resolved in results.json and builds the page in the language asked', async () => {
    const en = await files('en');
    const results = JSON.parse(en.get('results.json') ?? '');
    expect(results.scenario.lessonLang).toBe('en');
    expect(results.scenario.lessonTranslations.ko).toMatchObject({
      lesson: KO,
      lessonRefs: { file: 'tiny.ko.md', claims: [], figures: [{ source: 'p50 | mean' }] },
    });
    expect(en.get('index.html')).toMatch(/Typical: <strong>[\d.]+ ms<\/strong>/);
    const ko = await files('ko');
    expect(ko.get('results.json')).toBe(en.get('results.json'));
    const page = ko.get('index.html') ?? '';
    expect(page).toMatch(/보통: <strong>[\d.]+ ms<\/strong>/);
    expect(page).toContain('이 실행으로 확인한 주장:');
    expect(page).toMatch(/✓ p50 &lt; 1000 \([\d.]+ ms &lt; 1,?000 ms\)/);
    // the lesson pane: the references before the run, this run's values after it, in the
    // reader's language (the figures were references forever; only the report had values)
    const shipped = {
      file: 'tiny.yaml',
      text: TINY_YAML,
      lesson: LESSON,
      translations: { ko: KO },
    };
    expect(paneLesson(shipped, 'ko')).toBe('보통: `p50 | mean`.\n');
    const filled = paneLesson(shipped, 'ko', en.get('results.json'));
    expect(filled).toMatch(/^보통: \*\*[\d.]+ ms\*\*\./);
    expect(filled).toContain('이 실행으로 확인한 주장:');
    expect(paneLesson(shipped, 'en', en.get('results.json'))).toMatch(
      /^Typical: \*\*[\d.]+ ms\*\*/,
    );
    // no language asked: the lesson's own, as the CLI without --lang
    expect((await files()).get('index.html')).toBe(en.get('index.html'));
  });
});
