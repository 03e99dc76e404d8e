/**
 * The words msasim adds to a lesson on the page, in the lesson's language: the checked claims'
 * heading and verdicts, a figure the run does not measure, the note when the page's language
 * has no translation of the lesson. The claims themselves (`a: p99 < b: p99`) are
 * language-neutral and shown as written. Kept beside the lesson code rather than in the page's
 * catalogue so that a lesson reads the same in the CLI's and the playground's pages; one entry
 * per language of LESSON_LANGS (the type checker holds the two equal).
 */
import type { LessonLang } from '../scenario/lesson-types.ts';

export interface LessonWords {
  /** The paragraph before the list of checked claims. */
  checkedClaims: string;
  /** A figure whose key metric the run does not measure. */
  figureNotMeasured: string;
  /** A claim's side the run does not measure. */
  sideNotMeasured: string;
  /** Before a claim's values when one side is not measured. */
  claimNotMeasured: string;
  /** Before a claim's values when it does not hold. */
  doesNotHold: string;
  /** Between the two values of a claim that does not hold. */
  versus: string;
  /** After the values of a claim that holds on the means, its intervals overlapping. */
  intervalsOverlap: string;
  /** After the values of a claim that holds, its intervals apart. */
  intervalsApart: string;
  /** The heading over the shared claims at the end of a translation. */
  claimsHeading: string;
  /** The note over a lesson shown in its original language, the page's having no translation. */
  untranslated: (original: LessonLang) => string;
}

const LANGUAGE_NAMES: Record<LessonLang, Record<LessonLang, string>> = {
  en: { en: 'English', ko: 'Korean' },
  ko: { en: '영어', ko: '한국어' },
};

export const LESSON_WORDS: Record<LessonLang, LessonWords> = {
  en: {
    checkedClaims: 'Checked claims (from this run):',
    figureNotMeasured: 'not measured in this run',
    sideNotMeasured: 'not measured',
    claimNotMeasured: 'not measured in this run: ',
    doesNotHold: 'does not hold: ',
    versus: 'vs',
    intervalsOverlap: '; on the means only: the 95 % intervals overlap',
    intervalsApart: '; the 95 % intervals do not overlap',
    claimsHeading: 'Claims',
    untranslated: (original) =>
      `This lesson has no English translation yet: it is shown in ${LANGUAGE_NAMES.en[original]}, its original language.`,
  },
  ko: {
    checkedClaims: '이 실행으로 확인한 주장:',
    figureNotMeasured: '이 실행에서 측정하지 않음',
    sideNotMeasured: '측정하지 않음',
    claimNotMeasured: '이 실행에서 측정하지 않음: ',
    doesNotHold: '성립하지 않음: ',
    versus: '대',
    intervalsOverlap: '; 평균으로만 성립: 95 % 신뢰 구간이 겹침',
    intervalsApart: '; 95 % 신뢰 구간이 겹치지 않음',
    claimsHeading: '주장',
    untranslated: (original) =>
      `이 교안은 아직 한국어 번역이 없어 원문(${LANGUAGE_NAMES.ko[original]})으로 싣는다.`,
  },
};
