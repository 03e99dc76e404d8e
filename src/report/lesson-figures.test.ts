/**
 * A lesson's figures and claims against a run's key metrics: a figure's text in each format,
 * with and without replications; a claim on the means (factor, constant, equality), worded with
 * its intervals; a missing figure said plainly; the Markdown filled in (figures bold, claims
 * blocks made lists, a moved `{{…}}` left alone) and escaped by the renderer; the same in Korean,
 * a translation filled with its original's claims listed at its end.
 */
import { describe, expect, it } from 'vitest';
import type { LessonClaim, LessonRef, LessonRefs } from '../scenario/lesson-types.ts';
import { renderMarkdown } from './html/markdown.ts';
import {
  checkClaim,
  claimWords,
  type EstimateLike,
  figureText,
  fillLesson,
  lessonWithReferences,
  type VariantEstimates,
} from './lesson-figures.ts';

const est = (mean: number, halfWidth: number | null = null): EstimateLike['estimate'] => ({
  n: halfWidth === null ? 1 : 5,
  mean,
  sd: 0,
  halfWidth,
  lo: halfWidth === null ? null : mean - halfWidth,
  hi: halfWidth === null ? null : mean + halfWidth,
});
const p99 = (mean: number, hw: number | null = null): EstimateLike => ({
  key: 'overall||p99Ms',
  unit: 'ms',
  estimate: est(mean, hw),
});
const ref = (variant: string): LessonRef => ({
  text: `${variant}: p99`,
  variant,
  def: { text: 'p99', scope: 'overall', id: '', metric: 'p99Ms', label: 'p99' },
});
const run = (a: EstimateLike, b: EstimateLike): VariantEstimates[] => [
  { variant: 'a', estimates: [a] },
  { variant: 'b', estimates: [b] },
];
const claim = (op: LessonClaim['op'], factor = 1): LessonClaim => ({
  text: `a: p99 ${op} ${factor === 1 ? '' : `${factor}× `}b: p99`,
  line: 3,
  left: { ref: ref('a'), factor: 1, constant: 0 },
  op,
  right: { ref: ref('b'), factor, constant: 0 },
});

describe('figureText', () => {
  it('shows the mean, ± the half-width with replications, or the interval', () => {
    expect(figureText(p99(12.34))).toBe('12.3 ms');
    expect(figureText(p99(12.34, 0.4))).toBe('12.3 ms ± 0.40 ms');
    expect(figureText(p99(12.34, 0.4), 'mean')).toBe('12.3 ms');
    expect(figureText(p99(12.34, 0.4), 'interval')).toBe('[11.9 ms, 12.7 ms]');
    expect(figureText(null)).toBe('not measured in this run');
  });
});

describe('checkClaim', () => {
  it('compares the means, with a factor', () => {
    expect(checkClaim(claim('<'), run(p99(5), p99(10))).holds).toBe(true);
    expect(checkClaim(claim('>'), run(p99(5), p99(10))).holds).toBe(false);
    expect(checkClaim(claim('>=', 2), run(p99(20), p99(10))).holds).toBe(true);
    expect(checkClaim(claim('='), run(p99(10), p99(10))).holds).toBe(true);
    expect(checkClaim(claim('!='), run(p99(10), p99(10))).holds).toBe(false);
  });

  it('words the intervals with replications, and a failure with its values', () => {
    const apart = checkClaim(claim('<'), run(p99(5, 1), p99(10, 1)));
    expect(claimWords(apart)).toBe(
      '✓ a: p99 < b: p99 (5.00 ms ± 1.00 ms < 10.0 ms ± 1.00 ms; the 95 % intervals do not overlap)',
    );
    const close = checkClaim(claim('<'), run(p99(9.5, 1), p99(10, 1)));
    expect(claimWords(close)).toMatch(/on the means only: the 95 % intervals overlap\)$/);
    const wrong = checkClaim(claim('>', 2), run(p99(5), p99(10)));
    expect(claimWords(wrong)).toBe('✗ a: p99 > 2× b: p99 (does not hold: 5.00 ms vs 2 × 10.0 ms)');
  });

  it('≈: the interval holds the other side, or within 5 % without one', () => {
    const near = (a: EstimateLike, value: number) =>
      checkClaim(
        { ...claim('~'), text: 'a: p99 ≈ x', right: { ref: null, factor: 1, constant: value } },
        run(a, p99(1)),
      ).holds;
    expect(near(p99(5, 0.2), 5.15)).toBe(true);
    expect(near(p99(5, 0.2), 5.3)).toBe(false);
    expect(near(p99(5), 5.2)).toBe(true);
    expect(near(p99(5), 5.5)).toBe(false);
  });

  it('shows a constant in the unit of the other side', () => {
    const c: LessonClaim = {
      ...claim('<'),
      text: 'a: p99 < 20',
      right: { ref: null, factor: 1, constant: 20 },
    };
    expect(claimWords(checkClaim(c, run(p99(5), p99(10))))).toBe(
      '✓ a: p99 < 20 (5.00 ms < 20.0 ms)',
    );
  });

  it('says when the run does not measure a side', () => {
    const c = checkClaim(claim('<'), [{ variant: 'a', estimates: [p99(5)] }]);
    expect(c.holds).toBeNull();
    expect(claimWords(c)).toMatch(/^\? .*not measured in this run/);
  });
});

describe('fillLesson', () => {
  const lesson = 'A {{a: p99}} and *{{b: p99}}*.\n\n```claims\na: p99 < b: p99\n```\nend';
  const refs: LessonRefs = {
    file: 'x.md',
    figures: [
      { source: 'a: p99', line: 1, col: 3, ref: ref('a'), format: 'value' },
      { source: 'b: p99', line: 1, col: 19, ref: ref('b'), format: 'value' },
    ],
    claims: [{ ...claim('<'), line: 4 }],
    claimBlocks: [{ start: 3, end: 5 }],
  };

  it('fills the figures in and makes each claims block a checked list', () => {
    expect(fillLesson(lesson, refs, run(p99(5), p99(10)))).toBe(
      'A **5.00 ms** and ***10.0 ms***.\n\n\nChecked claims (from this run):\n\n- ✓ a: p99 < b: p99 (5.00 ms < 10.0 ms)\n\nend',
    );
  });

  it('leaves a figure whose braces are no longer where results.json says', () => {
    const moved = { ...refs, figures: [{ ...refs.figures[0], col: 4 }], claimBlocks: [] };
    expect(fillLesson('A {{a: p99}}', moved, run(p99(5), p99(10)))).toBe('A {{a: p99}}');
  });

  it('leaves lines that are no longer a claims block', () => {
    const moved = { ...refs, figures: [] };
    expect(fillLesson('one\ntwo\nthree\nfour\nfive', moved, run(p99(5), p99(10)))).toBe(
      'one\ntwo\nthree\nfour\nfive',
    );
  });

  it('is escaped by the Markdown renderer, names and all', () => {
    const hostile: LessonRefs = {
      ...refs,
      claims: [{ ...claim('<'), text: '<img src=x onerror=alert(1)>', line: 4 }],
    };
    const out = renderMarkdown(fillLesson(lesson, hostile, run(p99(5), p99(10)))).toString();
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('in Korean', () => {
  it('words a figure the run lacks and a claim’s verdict in the lesson’s language', () => {
    expect(figureText(null, 'value', 'ko')).toBe('이 실행에서 측정하지 않음');
    const apart = checkClaim(claim('<'), run(p99(5, 1), p99(10, 1)), 'ko');
    expect(claimWords(apart, 'ko')).toBe(
      '✓ a: p99 < b: p99 (5.00 ms ± 1.00 ms < 10.0 ms ± 1.00 ms; 95 % 신뢰 구간이 겹치지 않음)',
    );
    const wrong = checkClaim(claim('>', 2), run(p99(5), p99(10)), 'ko');
    expect(claimWords(wrong, 'ko')).toBe(
      '✗ a: p99 > 2× b: p99 (성립하지 않음: 5.00 ms 대 2 × 10.0 ms)',
    );
    const lacking = checkClaim(claim('<'), [{ variant: 'a', estimates: [p99(5)] }], 'ko');
    expect(claimWords(lacking, 'ko')).toBe(
      '? a: p99 < b: p99 (이 실행에서 측정하지 않음: 5.00 ms < 측정하지 않음)',
    );
  });

  it('fills a translation and lists the original’s claims at its end, under a heading', () => {
    const refs: LessonRefs = {
      file: 'x.ko.md',
      figures: [{ source: 'a: p99', line: 1, col: 4, ref: ref('a'), format: 'value' }],
      claims: [],
      claimBlocks: [],
    };
    const shared = [{ ...claim('<'), line: 9 }];
    expect(
      fillLesson('가는 {{a: p99}}.\n\n', refs, run(p99(5), p99(10)), {
        lang: 'ko',
        sharedClaims: shared,
      }),
    ).toBe(
      '가는 **5.00 ms**.\n\n## 주장\n\n이 실행으로 확인한 주장:\n\n- ✓ a: p99 < b: p99 (5.00 ms < 10.0 ms)\n',
    );
    // no claims to share: the translation as written, figures filled in
    expect(
      fillLesson('가는 {{a: p99}}.', refs, run(p99(5), p99(10)), { lang: 'ko', sharedClaims: [] }),
    ).toBe('가는 **5.00 ms**.');
  });
});

describe('lessonWithReferences', () => {
  it('shows each figure as its reference in code, outside fenced code only', () => {
    expect(
      lessonWithReferences('A {{ sticky: sessions lost }}.\n```yaml\nx: {{y}}\n```\n{{p99}}'),
    ).toBe('A `sticky: sessions lost`.\n```yaml\nx: {{y}}\n```\n`p99`');
  });
});
