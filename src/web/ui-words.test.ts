/**
 * Tests of ui-words.ts, the playground's own words: both languages hold every key with the same
 * placeholders, the Korean is Korean (not the English left in), every key index.html names
 * exists (with the page's English as the catalogue's), and every key of the catalogue is used
 * by the page or its scripts, so the catalogue cannot drift from the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_ATTRIBUTES } from './ui-lang.ts';
import { isUiKey, UI_EN, UI_KO, UI_WORDS, type UiKey, ui } from './ui-words.ts';

const WEB = import.meta.dirname;
const HTML = readFileSync(join(WEB, 'index.html'), 'utf8');
/** The page's scripts (not the tests). */
const SCRIPTS = readdirSync(WEB)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'ui-words.ts')
  .map((f) => readFileSync(join(WEB, f), 'utf8'))
  .join('\n');

/** Keys whose Korean is a name as written (a metric's, with a placeholder; SLO). */
const NAMES: readonly UiKey[] = ['hl.p99', 'hl.slos'];

const KEYS = Object.keys(UI_EN) as UiKey[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Each `data-ui*` attribute of index.html: its key and the English the page carries there. */
function pageKeys(): { attribute: string; key: string; english: string | undefined }[] {
  const found: { attribute: string; key: string; english: string | undefined }[] = [];
  for (const m of HTML.matchAll(/<[a-z][a-z0-9]*\b([^>]*)>([^<]*)/g)) {
    const [, attrs, text] = m;
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
    for (const [attribute, target] of UI_ATTRIBUTES) {
      const key = attr(attribute);
      if (key === undefined) continue;
      found.push({ attribute, key, english: target === 'text' ? text : attr(target) });
    }
  }
  return found;
}

describe('the playground’s words', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(UI_KO).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect(UI_EN[key].trim(), key).not.toBe('');
      expect(UI_KO[key].trim(), key).not.toBe('');
      expect(placeholders(UI_KO[key]), key).toEqual(placeholders(UI_EN[key]));
    }
  });

  it('says each in Korean, not in the English left in (names apart)', () => {
    for (const key of KEYS) {
      if (NAMES.includes(key)) continue;
      expect(UI_KO[key], key).not.toBe(UI_EN[key]);
      expect(UI_KO[key], key).toMatch(/[가-힣]/);
      // no run of three English words: option names, paths and units stay, sentences do not
      const prose = UI_KO[key].replace(/--?[\w-]+|\{\w+\}|msasim \w+|[\w.]+=[\w,.…]+/g, ' ');
      expect(prose, key).not.toMatch(/[A-Za-z]+[\s,;:]+[A-Za-z]+[\s,;:]+[A-Za-z]+/);
    }
  });

  it('fills placeholders and refuses a missing value', () => {
    expect(ui('ko', 'hl.met', { met: 2, n: 3 })).toBe('3개 중 2개 충족');
    expect(ui('en', 'hl.met', { met: 2, n: 3 })).toBe('2 of 3 met');
    expect(() => ui('en', 'hl.met', { met: 2 })).toThrow(/no value for \{n\}/);
    expect(UI_WORDS.ko.run).toBe('▶ 실행');
  });

  it('knows every key index.html names, with the page’s English as its own', () => {
    const keys = pageKeys();
    expect(keys.length).toBeGreaterThan(25);
    for (const { attribute, key, english } of keys) {
      expect(isUiKey(key), `${attribute}="${key}"`).toBe(true);
      if (!isUiKey(key)) continue;
      // the page's words carry no value to fill in
      expect(placeholders(UI_EN[key]), key).toEqual([]);
      expect(english, `${attribute}="${key}"`).toBe(UI_EN[key]);
    }
  });

  it('uses every key of the catalogue in the page or its scripts', () => {
    const named = new Set(pageKeys().map((k) => k.key));
    const unused = KEYS.filter((key) => !named.has(key) && !SCRIPTS.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
