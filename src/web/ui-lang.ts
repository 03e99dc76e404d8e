/**
 * Applies a language to the playground's page: each element that names a key of the
 * catalogue (ui-words.ts) in a `data-ui*` attribute gets that key's words in the language —
 * `data-ui` its text, `data-ui-title` its tooltip, `data-ui-placeholder` its placeholder,
 * `data-ui-aria-label` its aria-label — and `<html lang>` says the language. index.html
 * carries the keys (and the English words, for a page read without scripts); elements the
 * panels make carry keys the same way when their words hold no value. Pure over the small part
 * of the DOM it touches, so it is tested without a browser (ui-lang.test.ts).
 */
import type { Lang } from '../report/i18n/lang.ts';
import { isUiKey, type UiKey, ui } from './ui-words.ts';

/** What the function touches of an element. */
export interface UiElement {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  textContent: string | null;
}

/** What the function touches of the document. */
export interface UiDocument {
  documentElement: { lang: string };
  querySelectorAll(selector: string): Iterable<UiElement>;
}

/** Each `data-ui*` attribute and where its words go (`text`: the element's text). */
export const UI_ATTRIBUTES = [
  ['data-ui', 'text'],
  ['data-ui-title', 'title'],
  ['data-ui-placeholder', 'placeholder'],
  ['data-ui-aria-label', 'aria-label'],
] as const;

/**
 * Words the page in `lang`; returns the keys it did not know (a bug: the unit test checks
 * index.html's keys, the browser test that none is left over on the page).
 */
export function applyUiLang(doc: UiDocument, lang: Lang): string[] {
  doc.documentElement.lang = lang;
  const unknown: string[] = [];
  for (const [attribute, target] of UI_ATTRIBUTES)
    for (const e of doc.querySelectorAll(`[${attribute}]`)) {
      const key = e.getAttribute(attribute) ?? '';
      if (!isUiKey(key)) {
        unknown.push(key);
        continue;
      }
      const words = ui(lang, key);
      if (target === 'text') e.textContent = words;
      else e.setAttribute(target, words);
    }
  return unknown;
}

/**
 * Gives an element the panels make the words `key` in `lang` and names the key on it, so a
 * change of language rewords it with the page (applyUiLang). Returns the element.
 */
export function worded<E extends UiElement>(e: E, key: UiKey, lang: Lang): E {
  e.setAttribute('data-ui', key);
  e.textContent = ui(lang, key);
  return e;
}
