/**
 * The estimate of a highlight card's row: text widths as Chromium draws them in DejaVu Sans Bold
 * (measured on the shipped reports), and which rows put the name on a line of its own at which
 * card widths (275 px: four cards to a 1,366 px screen; 380 px: three).
 */
import { describe, expect, it } from 'vitest';
import { textEm } from '../../html/text-em.ts';
import { stackClass } from './card-fit.ts';

/** The width below which the row's name goes on a line of its own (0: never). */
const stackBelow = (name: string, values: string[]) =>
  Number(stackClass(name, values).replace('hl-s', '') || 0);

describe('textEm', () => {
  it('measures figures and names as Chromium draws them', () => {
    // the widths (em) Chromium gives these texts in a card (getBoundingClientRect)
    const measured: [string, number][] = [
      ['5.09 ms ± 0.03 ms', 10.44],
      ['30,810 ms ± 6,955 ms', 12.528],
      ['361 ms ± <0.256 ms', 11.594],
      ['batch-cache-uniform', 11.679],
      ['freeze-small-backlog', 11.767],
      ['reference-token', 9.048],
      ['sticky', 3.326],
    ];
    for (const [text, em] of measured) expect(textEm(text), text).toBeCloseTo(em, 1);
    // Hangul is one em a syllable
    expect(textEm('엔플')).toBe(2);
  });
});

describe('stackClass', () => {
  const headline = ['5.09 ms ± 0.03 ms', '361 ms ± <0.256 ms', '7.18 ms ± 0.02 ms'];

  it('keeps short names beside their values in every card', () => {
    expect(stackClass('join', headline)).toBe('');
    expect(stackClass('sticky', ['1,102 ± 29.8', '0 ± 0'])).toBe('');
  });

  it('puts a long name on its own line in a narrow card, not in a wider one', () => {
    const w = stackBelow('batch-cache-uniform', headline);
    expect(w).toBeGreaterThan(275);
    expect(w).toBeLessThanOrEqual(380);
    // the longer the values, the wider a card must be for the same name
    expect(stackBelow('freeze-small-backlog', ['2,891 ms ± 24.0 ms'])).toBeGreaterThan(
      stackBelow('freeze-small-backlog', ['16.7 % ± 0.4 %']),
    );
  });

  it('puts a name too long for any card on its own line, where it may break', () => {
    expect(stackClass('x'.repeat(80), ['5.09 ms ± 0.03 ms'])).toBe('hl-wrap');
    expect(stackClass('x'.repeat(30), ['5.09 ms ± 0.03 ms'])).toMatch(/^hl-s\d+$/);
  });
});
