/**
 * The notes above the highlight cards set the command-line options they name as code on one
 * line ("--warmup auto", never "--" over "warmup auto"), the rest escaped as text.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../i18n/t.ts';
import { optionsAsCode } from './highlights-section.ts';

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
