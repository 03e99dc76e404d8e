/**
 * The report's number formats in words that the page lays out: a figure is never split over
 * two lines (unbrokenFigures).
 */
import { describe, expect, it } from 'vitest';
import { unbrokenFigures } from './format.ts';

const NBSP = '\u00a0';
const shown = (s: string) => s.replaceAll(NBSP, '~');

describe('unbrokenFigures', () => {
  it('keeps a number with its unit and an interval on one line', () => {
    expect(shown(unbrokenFigures('+41.0 % vs join, 95 % CI [+40.8 %, +41.2 %] — worse'))).toBe(
      '+41.0~% vs join, 95~% CI [+40.8~%,~+41.2~%] — worse',
    );
    expect(shown(unbrokenFigures('+3.1 ms vs a, 95 % CI [+2.0 ms, +4.2 ms]'))).toBe(
      '+3.1~ms vs a, 95~% CI [+2.0~ms,~+4.2~ms]',
    );
    expect(shown(unbrokenFigures('+0.2 pp vs crud, 95 % CI [+0.216 pp, +0.221 pp]'))).toBe(
      '+0.2~pp vs crud, 95~% CI [+0.216~pp,~+0.221~pp]',
    );
    expect(shown(unbrokenFigures('÷4.9 vs join, 95 % CI [÷4.91, ÷4.90] — better'))).toBe(
      '÷4.9 vs join, 95~% CI [÷4.91,~÷4.90] — better',
    );
    expect(shown(unbrokenFigures('8.39 MB ± 122 KB'))).toBe('8.39~MB ± 122~KB');
  });

  it('leaves words that only start like a unit, and Korean sentences, to break as usual', () => {
    expect(shown(unbrokenFigures('2 services and 3 ms'))).toBe('2 services and 3~ms');
    expect(
      shown(unbrokenFigures('join 대비 +41.0 %, 95 % 신뢰 구간 [+40.8 %, +41.2 %] — 악화')),
    ).toBe('join 대비 +41.0~%, 95~% 신뢰 구간 [+40.8~%,~+41.2~%] — 악화');
  });
});
