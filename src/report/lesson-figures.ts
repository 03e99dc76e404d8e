/**
 * A lesson's figures and claims against a run (scenario/lesson.ts resolves them): the value of
 * each `{{variant: reference}}` from the run's key metrics (mean, ± the 95 % half-width with
 * replications, as the highlights show it), each claim checked on the means and worded with the
 * intervals, and the lesson's Markdown with its figures filled in and its ```claims blocks made
 * a list of checked claims (the page renders it; every text is escaped by the Markdown renderer).
 * Reads only key metric estimates, so a golden's summary.json is enough to check a lesson.
 * The words added (verdicts, "not measured") are in the lesson's language (lesson-words.ts); a
 * translation (scenario/lesson-translation.ts) is filled with the original's claims, listed at
 * its end.
 */

import type {
  ClaimOperand,
  FigureFormat,
  LessonClaim,
  LessonFigure,
  LessonLang,
  LessonRef,
  LessonRefs,
} from '../scenario/lesson-types.ts';
import { highlightKey } from './highlights.ts';
import { valueText } from './highlights-text.ts';
import { formatInUnit } from './html/format.ts';
import type { MetricEstimate } from './key-metrics.ts';
import { LESSON_WORDS } from './lesson-words.ts';

/** A key metric estimate as results.json and summary.json keep it (`values` may be absent). */
export type EstimateLike = Pick<MetricEstimate, 'key' | 'unit' | 'estimate'> & {
  values?: number[];
};

/** A variant's estimates (variant null: the scenario has no variants). */
export interface VariantEstimates {
  variant: string | null;
  estimates: readonly EstimateLike[];
}

/** The estimate a reference names in `variants`, or null when the run does not measure it. */
export function estimateOf(
  ref: LessonRef,
  variants: readonly VariantEstimates[],
): EstimateLike | null {
  const v = ref.variant === null ? variants[0] : variants.find((x) => x.variant === ref.variant);
  if (v === undefined) return null;
  const key = highlightKey(
    ref.def,
    variants.map((x) => x.estimates),
  );
  return v.estimates.find((e) => e.key === key) ?? null;
}

/** The text of a figure: "12.3 ms ± 0.40 ms", "12.3 ms", "[11.9 ms, 12.7 ms]". */
export function figureText(
  e: EstimateLike | null,
  format: FigureFormat = 'value',
  lang: LessonLang = 'en',
): string {
  if (e === null) return LESSON_WORDS[lang].figureNotMeasured;
  const full = { ...e, values: e.values ?? [e.estimate.mean] } as MetricEstimate;
  if (format === 'value') return valueText(full);
  const mean = valueText({ ...full, estimate: { ...e.estimate, halfWidth: null } });
  const { lo, hi } = e.estimate;
  if (format === 'mean' || lo === null || hi === null) return mean;
  return `[${formatInUnit(lo, e.unit)}, ${formatInUnit(hi, e.unit)}]`;
}

/** A claim checked against a run. */
export interface ClaimCheck {
  claim: LessonClaim;
  /** Whether it holds on the means; null when the run does not measure a side. */
  holds: boolean | null;
  /** Each side in words: "12.3 ms ± 0.40 ms", "2× 5.10 ms", "0". */
  left: string;
  right: string;
  /** With replications: whether the 95 % intervals of the two sides overlap (null without). */
  overlap: boolean | null;
}

/** A side's mean and interval (scaled by its factor), and its words; null when not measured. */
function sideOf(
  o: ClaimOperand,
  variants: readonly VariantEstimates[],
  /** The unit of the other side (a constant is shown in it). */
  unit: string | null,
): { mean: number; lo: number | null; hi: number | null; text: string } | null {
  if (o.ref === null) {
    const text = unit === null ? `${o.constant}` : formatInUnit(o.constant, unit);
    return { mean: o.constant, lo: o.constant, hi: o.constant, text };
  }
  const e = estimateOf(o.ref, variants);
  if (e === null) return null;
  const f = o.factor;
  const scaled = (x: number | null) => (x === null ? null : f * x);
  const value = figureText(e);
  const text = f === 1 ? value : value.includes(' ± ') ? `${f} × (${value})` : `${f} × ${value}`;
  return { mean: f * e.estimate.mean, lo: scaled(e.estimate.lo), hi: scaled(e.estimate.hi), text };
}

/** Two means equal up to rounding noise. */
const same = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Within 5 % of each other (≈ without an interval). */
const near = (a: number, b: number) => Math.abs(a - b) <= 0.05 * Math.max(Math.abs(a), Math.abs(b));

/** How an op reads in words (≈ for `~`). */
const opText = (op: LessonClaim['op']) => (op === '~' ? '≈' : op);

/** `claim` checked against the estimates of a run's variants (its words in `lang`). */
export function checkClaim(
  claim: LessonClaim,
  variants: readonly VariantEstimates[],
  lang: LessonLang = 'en',
): ClaimCheck {
  const unitOf = (o: ClaimOperand) =>
    o.ref === null ? null : (estimateOf(o.ref, variants)?.unit ?? null);
  const l = sideOf(claim.left, variants, unitOf(claim.right));
  const r = sideOf(claim.right, variants, unitOf(claim.left));
  if (l === null || r === null)
    return {
      claim,
      holds: null,
      left: l?.text ?? LESSON_WORDS[lang].sideNotMeasured,
      right: r?.text ?? LESSON_WORDS[lang].sideNotMeasured,
      overlap: null,
    };
  const a = l.mean;
  const b = r.mean;
  const holds = {
    '<': a < b && !same(a, b),
    '<=': a <= b || same(a, b),
    '>': a > b && !same(a, b),
    '>=': a >= b || same(a, b),
    '=': same(a, b),
    '!=': !same(a, b),
    '~': l.lo !== null && l.hi !== null && l.lo !== l.hi ? l.lo <= b && b <= l.hi : near(a, b),
  }[claim.op];
  const intervals = l.lo !== null && l.hi !== null && r.lo !== null && r.hi !== null;
  const withCi =
    (claim.left.ref !== null && l.lo !== l.hi) || (claim.right.ref !== null && r.lo !== r.hi);
  const overlap =
    intervals && withCi
      ? !((l.hi as number) < (r.lo as number) || (r.hi as number) < (l.lo as number))
      : null;
  return { claim, holds, left: l.text, right: r.text, overlap };
}

/** Every claim of `refs` checked against the run. */
export function checkClaims(
  refs: Pick<LessonRefs, 'claims'>,
  variants: readonly VariantEstimates[],
  lang: LessonLang = 'en',
): ClaimCheck[] {
  return refs.claims.map((c) => checkClaim(c, variants, lang));
}

/** A checked claim in words: "✓ a < b (0.90 < 12.0; the 95 % intervals do not overlap)". */
export function claimWords(c: ClaimCheck, lang: LessonLang = 'en'): string {
  const w = LESSON_WORDS[lang];
  const mark = c.holds === true ? '✓' : c.holds === false ? '✗' : '?';
  const values = `${c.left} ${c.holds === false ? w.versus : opText(c.claim.op)} ${c.right}`;
  const ci =
    c.overlap === null || c.claim.op === '=' || c.claim.op === '!=' || c.claim.op === '~'
      ? ''
      : c.holds !== true
        ? ''
        : c.overlap
          ? w.intervalsOverlap
          : w.intervalsApart;
  const verdict = c.holds === null ? w.claimNotMeasured : c.holds ? '' : w.doesNotHold;
  return `${mark} ${c.claim.text} (${verdict}${values}${ci})`;
}

/** The opening fence of a claims block (scenario/lesson.ts). */
const CLAIMS_FENCE = /^\s*(```+|~~~+)\s*claims\s*$/;

/** Markdown's inline marks in a text made literal (`*`, `_`, `` ` ``, `[`, `]`, `\`). */
const literal = (s: string) => s.replace(/[\\`*_[\]]/g, (ch) => `\\${ch}`);

/** How fillLesson words a lesson, and a translation's shared claims. */
export interface FillOptions {
  /** The lesson's language: the words msasim adds (default English). */
  lang?: LessonLang;
  /**
   * The claims of the original when `refs` are a translation's (which has no claims block): they
   * are checked and listed at the end of the lesson, under a heading.
   */
  sharedClaims?: readonly LessonClaim[];
}

/**
 * The lesson's Markdown with each figure replaced by its value (bold) and each claims block by
 * a list of its checked claims (a translation: the original's claims listed at its end). A
 * figure is replaced only where its `{{…}}` still is (refs come from results.json, which a user
 * may have edited).
 */
export function fillLesson(
  lesson: string,
  refs: LessonRefs,
  variants: readonly VariantEstimates[],
  options: FillOptions = {},
): string {
  const lang = options.lang ?? 'en';
  const w = LESSON_WORDS[lang];
  const lines = lesson.replace(/\r\n?/g, '\n').split('\n');
  const byLine = new Map<number, LessonFigure[]>();
  for (const f of refs.figures) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  for (const [n, figures] of byLine) {
    let line = lines[n - 1];
    if (line === undefined) continue;
    // right to left, so the columns of the others stay true
    for (const f of [...figures].sort((a, b) => b.col - a.col)) {
      const at = f.col - 1;
      const end = line.indexOf('}}', at);
      if (!line.startsWith('{{', at) || end < 0 || line.slice(at + 2, end).trim() !== f.source)
        continue;
      const value = literal(figureText(estimateOf(f.ref, variants), f.format, lang));
      line = `${line.slice(0, at)}**${value}**${line.slice(end + 2)}`;
    }
    lines[n - 1] = line;
  }
  const checked = (checks: ClaimCheck[]) => [
    '',
    w.checkedClaims,
    '',
    ...checks.map((c) => `- ${literal(claimWords(c, lang))}`),
    '',
  ];
  if (options.sharedClaims !== undefined) {
    if (options.sharedClaims.length === 0) return lines.join('\n');
    const checks = checkClaims({ claims: [...options.sharedClaims] }, variants, lang);
    while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
    return [...lines, '', `## ${w.claimsHeading}`, ...checked(checks)].join('\n');
  }
  const checks = checkClaims(refs, variants, lang);
  for (const block of [...refs.claimBlocks].sort((a, b) => b.start - a.start)) {
    if (!CLAIMS_FENCE.test(lines[block.start - 1] ?? '')) continue;
    const inside = checks.filter((c) => c.claim.line > block.start && c.claim.line <= block.end);
    lines.splice(block.start - 1, block.end - block.start + 1, ...checked(inside));
  }
  return lines.join('\n');
}

/** An opening or closing fence (as html/markdown.ts reads them). */
const FENCE = /^\s*(```+|~~~+)/;

/**
 * The lesson's Markdown without a run (the playground's gallery): each `{{reference}}` outside
 * fenced code shown as the code span `reference`, so a reader sees what the figure will be;
 * the claims blocks stay code blocks.
 */
export function lessonWithReferences(lesson: string): string {
  let fence: string | null = null;
  return lesson
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const f = FENCE.exec(line);
      if (fence !== null) {
        if (line.trim().startsWith(fence)) fence = null;
        return line;
      }
      if (f !== null) {
        fence = f[1];
        return line;
      }
      return line.replace(/\{\{([^{}\n`]*)\}\}/g, (_, inner: string) => `\`${inner.trim()}\``);
    })
    .join('\n');
}
