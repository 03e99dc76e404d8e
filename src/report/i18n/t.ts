/**
 * The message layer: `t(lang, key, values)` is the catalogue's sentence for `key` in `lang`
 * with its `{name}` placeholders filled. Every sentence that holds a number or a name is one
 * whole template per language (Korean puts the verb last and the particles after the nouns), never
 * English fragments glued together. The catalogues (en.ts, ko.ts) hold the same keys (the type
 * says so, and i18n.test.ts checks the placeholders too). Pure and browser-safe.
 */
import { EN, type MessageKey } from './en.ts';
import { KO } from './ko.ts';
import { KO_TERM_PATTERNS, KO_TERMS } from './ko-terms.ts';
import { KO_CELL_WORDS } from './ko-terms-sections.ts';
import type { Lang } from './lang.ts';

export type { MessageKey } from './en.ts';
export type { Lang } from './lang.ts';

/** The catalogue of each language. */
export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = {
  en: EN,
  ko: KO,
};

/** The `{name}` placeholders of a template, in order of appearance. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/**
 * The sentence `key` in `lang` with each `{name}` replaced by `values[name]` (numbers as they are
 * given: format them first). A placeholder without a value is a bug and throws.
 */
export function t(
  lang: Lang,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const template = CATALOGUES[lang][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`message ${key}: no value for {${name}}`);
    return String(v);
  });
}

/**
 * A term of the report in `lang`: the words a feature declares once in English (a key metric's
 * label, a chart's axis) looked up in the language's glossary, or the English words when the
 * glossary has none (a term is never lost, only left untranslated).
 */
export function term(lang: Lang, english: string): string {
  if (lang === 'en') return english;
  const exact = KO_TERMS[english];
  if (exact !== undefined) return exact;
  for (const [pattern, words, names = []] of KO_TERM_PATTERNS) {
    const m = pattern.exec(english);
    if (m === null) continue;
    const part = (x: string | undefined, i: number) =>
      x === undefined ? '' : names.includes(i) ? x : term(lang, x);
    return words(...m.slice(1).map(part));
  }
  return english;
}

/**
 * A table cell of an item section in `lang`: a word standing for a missing figure ("off",
 * "never"; ko-terms-sections.ts) translated, any other cell (a figure, a name) as it is.
 */
export function cellWord(lang: Lang, cell: string): string {
  return lang === 'en' ? cell : (KO_CELL_WORDS[cell] ?? cell);
}
