/**
 * Catalogue sentences (i18n/) in the page's markup: `tHtml` fills a sentence's placeholders with
 * markup (a variant's chip, a `<code>`) or text, escaped by construction (html/template.ts), so
 * a sentence in any language keeps its word order around the markup it holds.
 */
import type { Lang } from '../i18n/lang.ts';
import { CATALOGUES, type MessageKey } from '../i18n/t.ts';
import { type Html, type HtmlValue, html, joinHtml, rawHtml } from './template.ts';

/**
 * Sentence `key` in `lang` with each `{name}` replaced by `values[name]`: markup as it is, text
 * and numbers escaped. The sentence's own words are msasim's text, as the literal parts of an
 * `html` template are: put in as they are (an apostrophe stays one), and refused if one holds
 * a character that would be markup (`<`, `>`, `&`; i18n.test.ts checks no catalogue entry
 * does). A placeholder without a value is a bug and throws.
 */
export function tHtml(lang: Lang, key: MessageKey, values: Record<string, HtmlValue>): Html {
  const pieces = CATALOGUES[lang][key].split(/\{(\w+)\}/);
  return joinHtml(
    pieces.map((piece, i) => {
      if (i % 2 === 0) {
        if (/[<>&]/.test(piece)) throw new Error(`message ${key}: markup characters in its text`);
        return rawHtml(piece);
      }
      const v = values[piece];
      if (v === undefined) throw new Error(`message ${key}: no value for {${piece}}`);
      return v;
    }),
  );
}

/**
 * The seeds of a run's replications as the page shows them: each in code type, as the
 * `--seed` value it is (`1`, `1/2`, `1/3`: replication r of seed s runs with `s/r`), so that
 * `1/2` does not read as a half.
 */
export function seedsHtml(seeds: readonly (number | string)[]): Html {
  return joinHtml(
    seeds.map((s) => html`<code>${String(s)}</code>`),
    ', ',
  );
}
