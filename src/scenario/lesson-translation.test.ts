/**
 * Translations of a lesson (lesson-translation.ts): the language of `x.md` from the scenario's
 * `lang:`, the translation's file name, and a translation parsed against its original through
 * the real parser — its figures resolved, a figure that does not resolve located in the
 * translation's file, a claims block refused at its fence (whatever it holds), and a figure set
 * unlike the original's warned about at the figure (or at 1:1 for one left out).
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../model/language.ts';
import { shopDoc } from '../test-support/shop.ts';
import { parseLesson } from './lesson.ts';
import {
  figureSources,
  lessonLangOf,
  parseTranslation,
  translationFileOf,
  translationLangs,
} from './lesson-translation.ts';

const SCENARIO = {
  ...shopDoc('web', 'page', '2ms'),
  variants: { slow: { set: { duration: '30s' } }, fast: {} },
};
const scope = () => {
  const loaded = parseScenario(stringify(SCENARIO), 'shop.yaml');
  if (loaded.lessonScope === undefined) throw new Error('no lesson scope');
  return loaded.lessonScope();
};
const ORIGINAL = [
  '# Shop',
  'Slow: {{slow: p50}}; fast: {{fast: p50 | mean}}.',
  '',
  '```claims',
  'slow: p50 > fast: p50',
  '```',
].join('\n');
const original = () => parseLesson(ORIGINAL, 'lessons/shop.md', scope()).refs;
const translate = (text: string) =>
  parseTranslation(text, 'lessons/shop.ko.md', scope(), original());
const where = (issues: ReturnType<typeof translate>['issues']) =>
  issues.map((i) => `${i.severity} ${i.file}:${i.line}:${i.col} ${i.code}: ${i.message}`);

describe('the language of a lesson and the names of its translations', () => {
  it('x.md is Korean for lang: ko (any region), English otherwise', () => {
    expect(lessonLangOf('ko')).toBe('ko');
    expect(lessonLangOf('ko-KR')).toBe('ko');
    expect(lessonLangOf('KO')).toBe('ko');
    expect(lessonLangOf(undefined)).toBe('en');
    expect(lessonLangOf('en-GB')).toBe('en');
    expect(lessonLangOf('kok')).toBe('en'); // Konkani is not Korean
    expect(translationLangs('en')).toEqual(['ko']);
    expect(translationLangs('ko')).toEqual(['en']);
  });

  it('x.<lang>.md beside x.md', () => {
    expect(translationFileOf('scenarios/spof/kafka-outage.md', 'ko')).toBe(
      'scenarios/spof/kafka-outage.ko.md',
    );
    expect(translationFileOf('scenarios/ko/join-vs-n-plus-1.md', 'en')).toBe(
      'scenarios/ko/join-vs-n-plus-1.en.md',
    );
  });
});

describe('a translation against its original', () => {
  it('resolves its own figures, at its own lines, and has no claims', () => {
    const { refs, issues } = translate(
      '# 상점\n\n빠른 쪽: {{fast: p50 | mean}}, 느린 쪽: {{slow: p50}}.\n',
    );
    expect(issues).toEqual([]);
    expect(refs.file).toBe('lessons/shop.ko.md');
    expect(refs.figures.map((f) => [f.line, f.col, f.source])).toEqual([
      [3, 7, 'fast: p50 | mean'],
      [3, 35, 'slow: p50'],
    ]);
    expect(refs.claims).toEqual([]);
    expect(refs.claimBlocks).toEqual([]);
    expect(figureSources(original())).toEqual(['slow: p50', 'fast: p50 | mean']);
  });

  it('locates a figure that does not resolve in the translation, with its did-you-mean', () => {
    const { issues } = translate('{{slow: p50}} {{fast: p50 | mean}} {{slwo: p50}}');
    expect(where(issues)).toEqual([
      'error lessons/shop.ko.md:1:38 unknown-lesson-variant: the scenario has no variant "slwo"',
    ]);
    expect(issues[0].hint).toContain('did you mean "slow"?');
  });

  it('refuses a claims block at its fence, even a copy of the original’s', () => {
    const text = '{{slow: p50}} {{fast: p50 | mean}}\n\n```claims\nslow: p50 > fast: p50\n```\n';
    const { issues } = translate(text);
    expect(where(issues)).toEqual([
      'error lessons/shop.ko.md:3:1 translation-has-claims: a translation shares the claims of shop.md: it has no ```claims block of its own',
    ]);
    // a broken claim inside says nothing more: the block itself is the problem
    expect(
      where(translate('{{slow: p50}} {{fast: p50 | mean}}\n```claims\nnot a claim\n```').issues),
    ).toHaveLength(1);
  });

  it('warns about a figure the original does not quote, and one it leaves out', () => {
    const { issues } = translate('느린 쪽: {{slow: p50}}, {{slow: p99}}, 다시 {{slow: p99}}.');
    expect(where(issues)).toEqual([
      'warning lessons/shop.ko.md:1:24 translation-figure-extra: {{slow: p99}} is not a figure of shop.md',
      'warning lessons/shop.ko.md:1:1 translation-figure-missing: shop.md quotes {{fast: p50 | mean}}, this translation does not',
    ]);
  });
});
