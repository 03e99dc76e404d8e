/**
 * Which lesson a page shows: the one in the page's language. results.json keeps the lesson
 * (`x.md`, in its own language `lessonLang`) and its translations (`x.ko.md`…) all resolved, so
 * the language is a choice of the view: `msasim report` and the playground build the page in
 * either language from results.json alone. Without a translation into the page's language the
 * original is shown, with a note saying so. The claims are the original's in every language
 * (checked on the same run, worded in the lesson's language).
 */
import type { LessonClaim, LessonLang, LessonRefs } from '../../../scenario/lesson-types.ts';
import { fillLesson, type VariantEstimates } from '../../lesson-figures.ts';
import { LESSON_WORDS } from '../../lesson-words.ts';
import type { ReportData } from '../../report-data-types.ts';

/** The lesson a page in some language shows. */
export interface LessonView {
  /** The language it is written in. */
  lang: LessonLang;
  /** Its Markdown, figures not yet filled in. */
  text: string;
  /** Its figures (and, for the original, its claims); absent when results.json has none. */
  refs?: LessonRefs;
  /** A translation's claims: the original's (absent for the original itself). */
  sharedClaims?: LessonClaim[];
  /** The note when the page's language has no translation (in the page's language). */
  note?: string;
}

/**
 * The lesson of `results` for a page in `lang` (default: the lesson's own language), or null
 * when the scenario has none.
 */
export function lessonFor(
  results: Pick<ReportData, 'scenario'>,
  lang?: LessonLang,
): LessonView | null {
  const s = results.scenario;
  if (!s.lesson) return null;
  // results.json written before translations has no lessonLang: the scenario's `lang:` says it
  const original: LessonLang = s.lessonLang ?? (/^ko(-|$)/i.test(s.lang ?? '') ? 'ko' : 'en');
  const want = lang ?? original;
  const base: LessonView = {
    lang: original,
    text: s.lesson,
    ...(s.lessonRefs === undefined ? {} : { refs: s.lessonRefs }),
  };
  if (want === original) return base;
  const t = s.lessonTranslations?.[want];
  if (t === undefined) return { ...base, note: LESSON_WORDS[want].untranslated(original) };
  return {
    lang: want,
    text: t.lesson,
    refs: t.lessonRefs,
    sharedClaims: s.lessonRefs?.claims ?? [],
  };
}

/** The Markdown of `view` with its figures and claims from the run of `variants`. */
export function filledLesson(view: LessonView, variants: readonly VariantEstimates[]): string {
  const note = view.note === undefined ? '' : `*${view.note}*\n\n`;
  if (view.refs === undefined) return `${note}${view.text}`;
  const filled = fillLesson(view.text, view.refs, variants, {
    lang: view.lang,
    ...(view.sharedClaims === undefined ? {} : { sharedClaims: view.sharedClaims }),
  });
  return `${note}${filled}`;
}
