/**
 * The notes above the highlight cards set the command-line options they name as code on one
 * line ("--warmup auto", never "--" over "warmup auto"), the rest escaped as text.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../../stats/index.ts';
import { t } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import { highlightsSection, optionsAsCode } from './highlights-section.ts';

describe('optionsAsCode', () => {
  it('sets each option with its value as code, the words around it as text', () => {
    const warning = t('en', 'hl.warmup', {
      variant: 'a<b',
      highlight: 'p99',
      suggested: 45,
      warmup: 10,
    });
    const out = optionsAsCode(warning).toString();
    expect(out).toContain('or run with <code class="option">--warmup auto</code>');
    expect(out).toContain('a&lt;b');
    expect(out).not.toContain('a<b');
    expect(optionsAsCode('use --replications 10 or --trace, not x--y').toString()).toBe(
      'use <code class="option">--replications 10</code> or <code class="option">--trace</code>, not x--y',
    );
    // Korean: the option before its particle
    expect(optionsAsCode(t('ko', 'hl.warmupAuto.page', { s: 12 })).toString()).toMatch(
      /^<code class="option">--warmup auto<\/code>: /,
    );
  });
});

describe('highlightsSection', () => {
  const p50 = (mean: number) => ({
    key: 'overall||p50Ms',
    scope: 'overall',
    id: '',
    metric: 'p50Ms',
    label: 'p50',
    unit: 'ms' as const,
    lowerIsBetter: true,
    values: [mean - 0.1, mean, mean + 0.1],
    estimate: estimate([mean - 0.1, mean, mean + 0.1]),
  });
  const data = (variants: { variant: string; mean: number }[]) =>
    ({
      scenario: { name: 'shop' },
      replications: 3,
      variants: variants.map((v) => ({ variant: v.variant, estimates: [p50(v.mean)] })),
      comparisons: [],
      highlights: {
        source: 'scenario',
        items: [{ key: 'overall||p50Ms', name: 'p50' }],
        warmup: [],
      },
    }) as unknown as ReportData;

  it('draws a bar per variant beside the others, none for a run of one variant', () => {
    const two = highlightsSection(
      data([
        { variant: 'a', mean: 4 },
        { variant: 'b', mean: 8 },
      ]),
    );
    expect(two[0].html?.toString().match(/class="hl-fill"/g)).toHaveLength(2);
    const one = highlightsSection(data([{ variant: 'mm1', mean: 3.46 }]))[0].html?.toString();
    expect(one).toContain('3.46 ms ± 0.25 ms');
    expect(one).not.toContain('hl-bar');
  });
});
