/**
 * The lesson a page shows (lesson-for.ts): the original in its own language by default, the
 * translation into the page's language when results.json has one (its figures filled from the
 * run, the original's claims checked and listed at its end in that language), the original with
 * a note in the page's language when it has none, and a Korean scenario's English translation.
 * The section marks a lesson not in the page's language with its own `lang`.
 */
import { describe, expect, it } from 'vitest';
import type { LessonRefs } from '../../../scenario/lesson-types.ts';
import type { ReportData } from '../../report-data-types.ts';
import { lessonSection } from './feature.ts';
import { lessonFor } from './lesson-for.ts';

const def = { text: 'p99', scope: 'overall', id: '', metric: 'p99Ms', label: 'p99' };
const ref = (variant: string) => ({ text: `${variant}: p99`, variant, def });
const figure = (variant: string, line: number, col: number) => ({
  source: `${variant}: p99`,
  line,
  col,
  ref: ref(variant),
  format: 'value' as const,
});
const ORIGINAL = 'Fast: {{a: p99}}.\n\n```claims\na: p99 < b: p99\n```\n';
const originalRefs: LessonRefs = {
  file: 'x.md',
  figures: [figure('a', 1, 7)],
  claims: [
    {
      text: 'a: p99 < b: p99',
      line: 4,
      left: { ref: ref('a'), factor: 1, constant: 0 },
      op: '<',
      right: { ref: ref('b'), factor: 1, constant: 0 },
    },
  ],
  claimBlocks: [{ start: 3, end: 5 }],
};
const KO = '빠른 쪽: {{a: p99}}.\n';
const koRefs: LessonRefs = {
  file: 'x.ko.md',
  figures: [figure('a', 1, 7)],
  claims: [],
  claimBlocks: [],
};
const p99 = (mean: number) => ({
  key: 'overall||p99Ms',
  unit: 'ms',
  estimate: { n: 1, mean, sd: 0, halfWidth: null, lo: null, hi: null },
});

/** The report data of a run of variants a (p99 5 ms) and b (10 ms) with the lesson given. */
function data(scenario: Partial<ReportData['scenario']>): ReportData {
  return {
    scenario: { name: 'x', description: '', file: 'x.yaml', lesson: null, ...scenario },
    variants: [
      { variant: 'a', estimates: [p99(5)] },
      { variant: 'b', estimates: [p99(10)] },
    ],
  } as unknown as ReportData;
}
const withKo = data({
  lesson: ORIGINAL,
  lessonRefs: originalRefs,
  lessonLang: 'en',
  lessonTranslations: { ko: { lesson: KO, lessonRefs: koRefs } },
});
const sectionHtml = (d: ReportData, lang?: 'en' | 'ko') =>
  lessonSection(d, lang)[0]?.html?.toString() ?? '';

describe('lessonFor', () => {
  it('is the original in its own language without a page language, or in it', () => {
    expect(lessonFor(withKo)).toMatchObject({ lang: 'en', text: ORIGINAL, refs: originalRefs });
    expect(lessonFor(withKo, 'en')).toEqual(lessonFor(withKo));
    expect(lessonFor(data({}), 'ko')).toBeNull();
  });

  it('is the translation into the page’s language, with the original’s claims', () => {
    expect(lessonFor(withKo, 'ko')).toEqual({
      lang: 'ko',
      text: KO,
      refs: koRefs,
      sharedClaims: originalRefs.claims,
    });
  });

  it('falls back to the original with a note in the page’s language', () => {
    const enOnly = data({ lesson: ORIGINAL, lessonRefs: originalRefs, lessonLang: 'en' });
    expect(lessonFor(enOnly, 'ko')).toMatchObject({
      lang: 'en',
      text: ORIGINAL,
      note: '이 교안은 아직 한국어 번역이 없어 원문(영어)으로 싣는다.',
    });
    // results.json written before translations has no lessonLang: its lesson is English
    const old = data({ lesson: ORIGINAL, lessonRefs: originalRefs });
    expect(lessonFor(old, 'ko')?.note).toContain('영어');
    const older = data({ lesson: '# 한국어 교안', lang: 'ko' });
    expect(lessonFor(older, 'en')?.note).toContain('shown in Korean');
    const koOnly = data({ lesson: '# 한국어 교안', lessonLang: 'ko' });
    expect(lessonFor(koOnly, 'en')?.note).toBe(
      'This lesson has no English translation yet: it is shown in Korean, its original language.',
    );
  });
});

describe('the lesson section in the page’s language', () => {
  it('shows the original by default, its claims checked in English', () => {
    const html = sectionHtml(withKo);
    expect(html).toContain('Fast: <strong>5.00 ms</strong>.');
    expect(html).toContain('✓ a: p99 &lt; b: p99 (5.00 ms &lt; 10.0 ms)');
    expect(html).toMatch(/^<div class="lesson">/);
  });

  it('shows the Korean translation on a Korean page, the shared claims at its end in Korean', () => {
    const html = sectionHtml(withKo, 'ko');
    expect(html).toContain('빠른 쪽: <strong>5.00 ms</strong>.');
    expect(html).toContain('이 실행으로 확인한 주장:');
    expect(html).toContain('✓ a: p99 &lt; b: p99 (5.00 ms &lt; 10.0 ms)');
    expect(html).not.toContain('Fast:');
    expect(html.indexOf('빠른 쪽')).toBeLessThan(html.indexOf('이 실행으로 확인한 주장'));
  });

  it('marks an untranslated lesson with its own language and the note', () => {
    const enOnly = data({ lesson: ORIGINAL, lessonRefs: originalRefs, lessonLang: 'en' });
    const html = sectionHtml(enOnly, 'ko');
    expect(html).toMatch(/^<div class="lesson" lang="en">/);
    expect(html).toContain('<em>이 교안은 아직 한국어 번역이 없어 원문(영어)으로 싣는다.</em>');
    expect(html).toContain('Checked claims (from this run):');
  });
});
