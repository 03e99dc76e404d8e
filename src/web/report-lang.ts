/**
 * The language of the report page the playground builds (the toolbar's "report" choice, as
 * `msasim run --lang`): English or Korean, first set from the browser's language.
 */
import { isLang, type Lang, langOfLocale } from '../report/i18n/lang.ts';

const select = () => document.getElementById('report-lang') as HTMLSelectElement | null;

/** Sets the choice from the browser's language (navigator.language, "ko-KR" → Korean). */
export function initReportLang(): void {
  const s = select();
  if (s !== null) s.value = langOfLocale(navigator.language);
}

/** The language chosen (English when the toolbar has no choice). */
export function reportLang(): Lang {
  const v = select()?.value;
  return isLang(v) ? v : 'en';
}
