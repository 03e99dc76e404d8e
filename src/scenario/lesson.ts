/**
 * A lesson's references to its run (the Markdown beside a scenario, `x.md` beside `x.yaml`):
 *
 *   - figures, anywhere outside fenced code: `{{sticky: sessions lost}}`, `{{join: web/page p99}}`,
 *     `{{p99 | mean}}`. The text before the first `:` names the variant (required when the
 *     scenario has variants, absent when it has none); the rest is a key metric reference as
 *     in `highlights:` (`[kind:] [item] metric`, highlights.ts). After `|`, `mean` shows the mean
 *     alone and `interval` the 95 % confidence interval (default: the mean, ± the half-width
 *     when there are replications).
 *   - claims, one a line in a fenced block whose info string is `claims`:
 *       batch+cache: rows per request < join: rows per request
 *       sticky: sessions lost > 0
 *       events-old: p50 >= 6× crud: p50        (a factor: a number and × or x)
 *       normal: error rate < 1%                 (constants in the metric's unit; % for shares)
 *       mean latency ≈ 5                         (≈ or ~=: the 95 % interval holds 5; 5 % without)
 *     with op one of < <= > >= = != ≈ (or ≤ ≥ ≠ ~=); `#` starts a comment.
 *
 * Every reference is resolved against the variant's document; a problem is a located issue in
 * the lesson's file (line and column of the reference) with a did-you-mean. Claims are compared
 * on the means; the report (report/lesson-claims.ts) checks them and words the intervals.
 */
import type { HighlightContext } from './highlight-catalogue.ts';
import { resolveHighlight } from './highlights.ts';
import type { ScenarioIssue } from './issues.ts';
import type {
  ClaimOp,
  ClaimOperand,
  FigureFormat,
  LessonClaim,
  LessonFigure,
  LessonRef,
  LessonRefs,
} from './lesson-types.ts';
import type { IssueText } from './messages.ts';
import * as msg from './messages-lesson.ts';

/** What a lesson's references are resolved against: the documents of the scenario. */
export interface LessonScope {
  /** The base document (a scenario without variants has only this one). */
  base: HighlightContext;
  /** Each variant's document, by name, in scenario order (empty: no variants). */
  variants: { name: string; context: HighlightContext }[];
}

/** `{{…}}` on one line, without braces inside. */
export const FIGURE_RE = /\{\{([^{}\n]*)\}\}/g;
const FENCE_RE = /^\s*(```+|~~~+)\s*([\w+-]*)\s*$/;
const OP_RE = /\s(<=|>=|!=|~=|≤|≥|≠|≈|<|>|=)\s/;
const OPS: Record<string, ClaimOp> = {
  '<': '<',
  '<=': '<=',
  '≤': '<=',
  '>': '>',
  '>=': '>=',
  '≥': '>=',
  '=': '=',
  '!=': '!=',
  '≠': '!=',
  '≈': '~',
  '~=': '~',
};

/** A located problem of the lesson `file`. */
type Place = (t: IssueText, line: number, col: number, path: (string | number)[]) => void;

/**
 * The figures and claims of the lesson `text` (read from `file`), resolved in `scope`, with
 * the located problems of those that do not resolve.
 */
export function parseLesson(
  text: string,
  file: string,
  scope: LessonScope,
): { refs: LessonRefs; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const place: Place = (t, line, col, path) =>
    issues.push({ ...t, severity: 'error', path, file, line, col });
  const figures: LessonFigure[] = [];
  const claims: LessonClaim[] = [];
  const claimBlocks: { start: number; end: number }[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let fence: { mark: string; claims: boolean; start: number } | null = null;
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const f = FENCE_RE.exec(line);
    if (fence !== null) {
      // closed as the page's Markdown closes it (html/markdown.ts): a line starting with the mark
      if (line.trim().startsWith(fence.mark)) {
        if (fence.claims) claimBlocks.push({ start: fence.start, end: n });
        fence = null;
      } else if (fence.claims) {
        const claim = parseClaim(line, n, scope, place);
        if (claim !== null) claims.push(claim);
      }
      continue;
    }
    if (f !== null) {
      fence = { mark: f[1], claims: f[2] === 'claims', start: n };
      continue;
    }
    for (const m of line.matchAll(FIGURE_RE)) {
      const col = (m.index ?? 0) + 3;
      const figure = parseFigure(m[1], n, col, scope, place);
      if (figure !== null) figures.push({ ...figure, line: n, col: col - 2 });
    }
  }
  // an unclosed claims block runs to the end, as Markdown's fence does
  if (fence?.claims) claimBlocks.push({ start: fence.start, end: lines.length });
  return { refs: { file, figures, claims, claimBlocks }, issues };
}

/** The figure `inner` (the text between the braces) at line:col. */
function parseFigure(
  inner: string,
  line: number,
  col: number,
  scope: LessonScope,
  place: Place,
): Omit<LessonFigure, 'line' | 'col'> | null {
  const bar = inner.indexOf('|');
  const refText = bar < 0 ? inner : inner.slice(0, bar);
  const option = bar < 0 ? '' : inner.slice(bar + 1).trim();
  const format: FigureFormat | null =
    option === '' ? 'value' : option === 'mean' || option === 'interval' ? option : null;
  if (format === null) {
    const after = inner.slice(bar + 1);
    place(
      msg.badLessonFigure(option),
      line,
      col + bar + 1 + after.length - after.trimStart().length,
      ['figure'],
    );
    return null;
  }
  const lead = refText.length - refText.trimStart().length;
  const ref = resolveRef(refText.trim(), line, col + lead, scope, place, ['figure']);
  return ref === null ? null : { source: inner.trim(), ref, format };
}

/** The claim on one line of a claims block (null: a blank or comment line, or a problem). */
function parseClaim(
  raw: string,
  line: number,
  scope: LessonScope,
  place: Place,
): LessonClaim | null {
  const hash = raw.indexOf('#');
  const body = hash < 0 ? raw : raw.slice(0, hash);
  if (body.trim() === '') return null;
  const op = OP_RE.exec(body);
  const lead = body.length - body.trimStart().length;
  if (op === null) {
    place(msg.badLessonClaim(body.trim()), line, lead + 1, ['claims']);
    return null;
  }
  const leftText = body.slice(0, op.index);
  const rightStart = op.index + op[0].length;
  const left = parseOperand(leftText, line, 1, scope, place);
  const right = parseOperand(body.slice(rightStart), line, rightStart + 1, scope, place);
  if (left === null || right === null) return null;
  if (left.ref === null && right.ref === null) {
    place(msg.badLessonClaim(body.trim()), line, lead + 1, ['claims']);
    return null;
  }
  return { text: body.trim(), line, left, op: OPS[op[1]], right };
}

const NUMBER = /^(-?\d+(?:\.\d+)?)(%?)$/;
const FACTOR = /^(\d+(?:\.\d+)?)\s*[×x]\s+(.+)$/;

/** One side of a claim: a number, `factor × reference` or a reference; col: where `text` starts. */
function parseOperand(
  text: string,
  line: number,
  col: number,
  scope: LessonScope,
  place: Place,
): ClaimOperand | null {
  const lead = text.length - text.trimStart().length;
  const clean = text.trim();
  const num = NUMBER.exec(clean);
  if (num !== null) {
    const value = Number(num[1]) / (num[2] === '%' ? 100 : 1);
    return { ref: null, factor: 1, constant: value };
  }
  const factor = FACTOR.exec(clean);
  const refText = factor === null ? clean : factor[2];
  const at = col + lead + clean.length - refText.length;
  const ref = resolveRef(refText, line, at, scope, place, ['claims']);
  if (ref === null) return null;
  return { ref, factor: factor === null ? 1 : Number(factor[1]), constant: 0 };
}

/** The key metric `text` names ("sticky: sessions lost"), or null after placing its problem. */
function resolveRef(
  text: string,
  line: number,
  col: number,
  scope: LessonScope,
  place: Place,
  path: (string | number)[],
): LessonRef | null {
  const names = scope.variants.map((v) => v.name);
  let variant: string | null = null;
  let reference = text;
  let at = col;
  let context = scope.base;
  if (names.length > 0) {
    const colon = text.indexOf(':');
    if (colon < 0) {
      place(msg.lessonNeedsVariant(text, names), line, col, path);
      return null;
    }
    variant = text.slice(0, colon).trim();
    const found = scope.variants.find((v) => v.name === variant);
    if (found === undefined) {
      place(msg.unknownLessonVariant(variant, names), line, col, path);
      return null;
    }
    context = found.context;
    const rest = text.slice(colon + 1);
    reference = rest.trim();
    at = col + colon + 1 + (rest.length - rest.trimStart().length);
  }
  const def = resolveHighlight(reference, [context]);
  if ('code' in def) {
    const where =
      variant === null
        ? { en: 'the run', ko: '실행' }
        : { en: `variant "${variant}"`, ko: `변형 "${variant}"` };
    place(msg.inLesson(where, def), line, at, path);
    return null;
  }
  return { text, variant, def };
}
