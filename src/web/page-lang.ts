/**
 * The language of the playground page: its own words (ui-words.ts, applied by ui-lang.ts), its
 * lessons (lesson-lang.ts) and the report it builds (as `msasim run --lang`). English or Korean,
 * first set from the browser's language (navigator.language: "ko-KR" → Korean), then by the
 * toolbar's language select, which switches all three together.
 */
import { isLang, type Lang, langOfLocale } from '../report/i18n/lang.ts';

const select = () => document.getElementById('page-lang') as HTMLSelectElement | null;

/** Sets the choice from the browser's language (navigator.language, "ko-KR" → Korean). */
export function initPageLang(): void {
  const s = select();
  if (s !== null) s.value = langOfLocale(navigator.language);
}

/** The language chosen (English when the toolbar has no choice). */
export function pageLang(): Lang {
  const v = select()?.value;
  return isLang(v) ? v : 'en';
}
