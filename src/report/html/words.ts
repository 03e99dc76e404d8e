/**
 * Catalogue sentences (i18n/) in the page's markup: `tHtml` fills a sentence's placeholders with
 * markup (a variant's chip, a `<code>`) or text, escaped by construction (html/template.ts), so
 * a sentence in any language keeps its word order around the markup it holds.
 */
import type { Lang } from '../i18n/lang.ts';
import { CATALOGUES, type MessageKey } from '../i18n/t.ts';
import { type Html, type HtmlValue, joinHtml } from './template.ts';

/**
 * Sentence `key` in `lang` with each `{name}` replaced by `values[name]`: markup as it is, text
 * and numbers escaped. A placeholder without a value is a bug and throws.
 */
export function tHtml(lang: Lang, key: MessageKey, values: Record<string, HtmlValue>): Html {
  const pieces = CATALOGUES[lang][key].split(/\{(\w+)\}/);
  return joinHtml(
    pieces.map((piece, i) => {
      if (i % 2 === 0) return piece;
      const v = values[piece];
      if (v === undefined) throw new Error(`message ${key}: no value for {${piece}}`);
      return v;
    }),
  );
}
