/**
 * The texts of problems with a lesson's figures (`{{variant: reference}}`) and claims (its
 * ```claims block), one function per issue code (lesson.ts reads them from here).
 */
import type { Bilingual } from './issues.ts';
import type { IssueText } from './messages.ts';
import * as ko from './messages-ko-lesson.ts';
import { didYouMean } from './suggest.ts';

/** A figure or claim naming a variant the scenario does not have. */
export function unknownLessonVariant(name: string, known: readonly string[]): IssueText {
  const guess = didYouMean(name, known);
  return {
    code: 'unknown-lesson-variant',
    message: `the scenario has no variant "${name}"`,
    hint: `${guess === undefined ? '' : `did you mean "${guess}"? `}variants: ${known.join(', ')}`,
    ko: ko.unknownLessonVariant(name, known),
  };
}

/** A reference without `variant:` in a scenario with variants. */
export function lessonNeedsVariant(text: string, known: readonly string[]): IssueText {
  return {
    code: 'lesson-needs-variant',
    message: `"${text}" does not say which variant's figure it is`,
    hint: `write {{variant: reference}}, e.g. "${known[0]}: p99"; variants: ${known.join(', ')}`,
    ko: ko.lessonNeedsVariant(text, known),
  };
}

/** A key metric reference that did not resolve, said as a problem of the lesson. */
export function inLesson(where: Bilingual, problem: IssueText): IssueText {
  return {
    ...problem,
    message: `${where.en}: ${problem.message}`,
    ...(problem.ko === undefined
      ? {}
      : { ko: { ...problem.ko, message: ko.inLesson(where, problem.ko.message) } }),
  };
}

/** A claim line that is not `left op right`. */
export function badLessonClaim(line: string): IssueText {
  return {
    code: 'bad-lesson-claim',
    message: `"${line}" is not a claim`,
    hint: 'write one claim a line: <reference> <op> <reference or number>, op one of < <= > >= = != ≈ (≤ ≥ ≠ ~=), e.g. "batch+cache: rows per request < join: rows per request", "sticky: sessions lost > 0", "events-old: p50 >= 6× crud: p50"; # starts a comment',
    ko: ko.badLessonClaim(line),
  };
}

/** A figure option that is not one. */
export function badLessonFigure(option: string): IssueText {
  return {
    code: 'bad-lesson-figure',
    message: `"${option}" is not a way to show a figure`,
    hint: 'after | write mean (the mean alone) or interval (the 95 % confidence interval), e.g. {{sticky: sessions lost | mean}}',
    ko: ko.badLessonFigure(option),
  };
}

/** A ```claims block in a translation (the claims are the original's, checked once). */
export function translationHasClaims(original: string): IssueText {
  return {
    code: 'translation-has-claims',
    message: `a translation shares the claims of ${original}: it has no \`\`\`claims block of its own`,
    hint: `remove this block and keep the claims in ${original}; they are checked once and listed, in the page's language, at the end of the translated lesson`,
    ko: ko.translationHasClaims(original),
  };
}

/** A figure of the original that its translation does not quote. */
export function translationFigureMissing(figure: string, original: string): IssueText {
  return {
    code: 'translation-figure-missing',
    message: `${original} quotes {{${figure}}}, this translation does not`,
    hint: 'a translation quotes the same figures as the original (the same text between the braces), so both say the same numbers',
    ko: ko.translationFigureMissing(figure, original),
  };
}

/** A figure of a translation that its original does not quote. */
export function translationFigureExtra(figure: string, original: string): IssueText {
  return {
    code: 'translation-figure-extra',
    message: `{{${figure}}} is not a figure of ${original}`,
    hint: `a translation quotes the same figures as the original: add it to ${original} too, or write one it quotes`,
    ko: ko.translationFigureExtra(figure, original),
  };
}
