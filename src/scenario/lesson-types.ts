/**
 * What a lesson (the Markdown beside a scenario) says about its run, once its references are
 * resolved (scenario/lesson.ts): the figures it quotes (`{{variant: reference}}`) and the claims
 * of its ```claims block. Types only, so that the report (which renders the figures and checks
 * the claims against a run's key metrics) may read them.
 */
import type { HighlightDef } from './types.ts';

/** The languages a lesson is written in: the original (`x.md`) and its translations (`x.<lang>.md`). */
export const LESSON_LANGS = ['en', 'ko'] as const;
export type LessonLang = (typeof LESSON_LANGS)[number];

/** A key metric of one variant (variant null: the scenario has no variants). */
export interface LessonRef {
  /** As written, e.g. "sticky: sessions lost". */
  text: string;
  variant: string | null;
  /** The key metric, resolved like a highlight (`[kind:] [item] metric`). */
  def: HighlightDef;
}

/** How a figure is shown: the mean (± half-width when there are replications), or its interval. */
export type FigureFormat = 'value' | 'mean' | 'interval';

/** A `{{…}}` of the lesson. */
export interface LessonFigure {
  /** The text between the braces, trimmed: how the renderer finds it again. */
  source: string;
  /** Where its `{{` is: 1-based line and column. */
  line: number;
  col: number;
  ref: LessonRef;
  format: FigureFormat;
}

/** The comparison of a claim. */
/**
 * The comparison of a claim; `~` (written `≈` or `~=`): the left side's 95 % confidence interval
 * contains the right side's mean (within 5 % of it when the run has no interval).
 */
export type ClaimOp = '<' | '<=' | '>' | '>=' | '=' | '!=' | '~';

/** One side of a claim: `factor × ref`, or a constant when ref is null. */
export interface ClaimOperand {
  ref: LessonRef | null;
  factor: number;
  /** The constant (ref null), in the metric's stored unit (ms, a ratio, per second, bytes). */
  constant: number;
}

/** A line of the ```claims block: `left op right`. */
export interface LessonClaim {
  /** The line as written. */
  text: string;
  /** Its 1-based line in the lesson. */
  line: number;
  left: ClaimOperand;
  op: ClaimOp;
  right: ClaimOperand;
}

/** The resolved figures and claims of a lesson. */
export interface LessonRefs {
  /** The lesson's file, as given (for messages). */
  file: string;
  figures: LessonFigure[];
  claims: LessonClaim[];
  /** The ```claims blocks: first and last line (the fences), 1-based. */
  claimBlocks: { start: number; end: number }[];
}

/**
 * A translation of the lesson (`x.ko.md` beside `x.md`): its text and its own figures resolved
 * (refs.claims is always empty and refs.claimBlocks too: the claims are the original's).
 */
export interface LessonTranslation {
  lang: LessonLang;
  text: string;
  refs: LessonRefs;
}
