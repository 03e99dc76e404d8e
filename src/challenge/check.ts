/**
 * The challenge checker, a pure function of (challenge, base document, attempt, analysis of
 * the attempt's run), so the browser can grade an attempt too:
 *   1. constraints: every leaf the attempt changed from the base must be under a path the
 *      challenge lets change (`constraints.change`); a violation names the path;
 *   2. budget: what the attempt's architecture uses (the largest over its variants) within each
 *      limit of `constraints.budget` (instances, threads, connections from the scenario; the
 *      cost per hour from the run, by the costs feature);
 *   3. goal: every bound of the goal in every variant (the analysis judged them as the
 *      attempt's SLOs, over the challenge's replications);
 *   4. answers: the questions' key metrics, each variant's value, from the run.
 * The score (0–100) is 80 × the share of goal bounds met plus 20 × the mean unused share of the
 * budget's limits (20 without a budget), and 0 when a constraint is broken; the attempt passes
 * when no constraint is broken, the budget holds and every goal bound is met.
 */

import type { Analysis } from '../report/analysis.ts';
import { costsOf } from '../report/features/costs/costs.ts';
import { formatSloValue, type SloResult } from '../report/features/slos/slo.ts';
import { highlightCells, valueText } from '../report/highlights-text.ts';
import type { Position } from '../scenario/locate.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Attempt, Challenge } from './load.ts';
import { type Change, diffDocuments, globAllows } from './paths.ts';
import { BUDGET_MEASURES, type BudgetMeasure } from './schema.ts';

/** A change the constraints do not allow, with where it is in the attempt (if it is there). */
export interface Violation extends Change {
  at: Position | null;
}

/** One limit of the budget and what the attempt uses of it. */
export interface BudgetLine {
  measure: BudgetMeasure;
  limit: number;
  /** The largest over the variants; null when it cannot be known yet (a cost before the run). */
  used: number | null;
  /** The variant that uses the most. */
  variant: string | null;
  pass: boolean;
}

/** One bound of the goal in one variant, judged. */
export interface GoalLine {
  name: string;
  /** The bound as written: "p99 ≤ 20ms", "billing applied twice ≤ 0". */
  text: string;
  /** The value (mean over the replications) in words; null when not measured. */
  value: string | null;
  pass: boolean;
}

/** One variant's goal bounds, judged. */
export interface GoalLines {
  variant: string;
  lines: GoalLine[];
}

/**
 * A question and its answer: each key metric it reveals (`measured` false when the attempt
 * does not measure it), per variant (`text` null when that variant has no value). The words
 * around them are format.ts's, in the reader's language.
 */
export interface Answer {
  ask: string;
  reveal: { name: string; measured: boolean; values: { variant: string; text: string | null }[] }[];
}

/** The verdict on an attempt. */
export interface ChallengeVerdict {
  violations: Violation[];
  budget: BudgetLine[];
  /** Null when the attempt was not run (a constraint was broken). */
  goals: GoalLines[] | null;
  answers: Answer[];
  score: number;
  pass: boolean;
}

/** The changes of `attempt` from `base` that no constraint glob of `c` allows. */
export function constraintViolations(c: Challenge, base: unknown, attempt: Attempt): Violation[] {
  return diffDocuments(base, attempt.raw)
    .filter((ch) => !c.globs.some((g) => globAllows(g, ch.path)))
    .map((ch) => ({ ...ch, at: ch.after === undefined ? null : attempt.locate(ch.path) }));
}

/** What one variant's architecture uses, by measure (cost only from a run). */
export function budgetUse(s: Scenario): Record<Exclude<BudgetMeasure, 'costPerHour'>, number> {
  let instances = 0;
  let threads = 0;
  for (const svc of s.services) {
    const n = Math.max(
      svc.autoscale?.max ?? svc.instances,
      svc.instances,
      ...(svc.scale ?? []).map((x) => x.instances),
    );
    instances += n;
    threads += n * svc.threads;
  }
  const connections = s.databases.reduce((a, d) => a + d.connections * (d.shards?.count ?? 1), 0);
  return { instances, threads, connections };
}

/** Each limit of `c`'s budget against the attempt's variants (and their runs, for the cost). */
export function budgetLines(
  c: Challenge,
  variants: readonly Scenario[],
  analysis: Analysis | null,
): BudgetLine[] {
  const budget = c.def.constraints.budget ?? {};
  const lines: BudgetLine[] = [];
  for (const measure of BUDGET_MEASURES) {
    const limit = budget[measure];
    if (limit === undefined) continue;
    let used: number | null = null;
    let variant: string | null = null;
    if (measure === 'costPerHour') {
      for (const v of analysis?.variants ?? []) {
        const cost = costsOf(v.run.summary)?.totalPerHour ?? null;
        if (cost !== null && (used === null || cost > used)) [used, variant] = [cost, v.name];
      }
    } else
      for (const s of variants) {
        const x = budgetUse(s)[measure];
        if (used === null || x > used) [used, variant] = [x, s.variant ?? s.name];
      }
    lines.push({ measure, limit, used, variant, pass: used !== null && used <= limit });
  }
  return lines;
}

/** The questions of `c` answered from the analysis of the attempt's run. */
export function answersOf(c: Challenge, attempt: Attempt, analysis: Analysis): Answer[] {
  const items = analysis.highlights.items;
  return c.def.questions.map((q) => ({
    ask: q.ask,
    reveal: q.reveal.map((text) => {
      const clean = text.trim().replace(/\s+/g, ' ');
      const at = attempt.reveals.indexOf(clean);
      const h = at < 0 ? undefined : items[at];
      const cells =
        h === undefined ? [] : highlightCells(h, analysis.variants, analysis.comparisons);
      return {
        name: h?.name ?? clean,
        measured: h !== undefined,
        values: cells.map((cell) => ({
          variant: cell.variant,
          text: cell.estimate === null ? null : valueText(cell.estimate),
        })),
      };
    }),
  }));
}

/** "1613.82 ms" with its thousands grouped as the verdict's other figures are: "1,613.82 ms". */
export const grouped = (text: string): string =>
  text.replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** A key-metric bound as written ("x ≤ 35000") with its bare numbers as milliseconds. */
const inMs = (text: string): string =>
  text.replace(
    /([≤≥]) (\d+(?:\.\d+)?)(?= ≥|$)/g,
    (_, op: string, n: string) => `${op} ${grouped(n)} ms`,
  );

/** The SLO bounds and key-metric bounds of the goal, per variant of the attempt's run. */
export function goalLines(c: Challenge, attempt: Attempt, analysis: Analysis): GoalLines[] {
  const items = analysis.highlights.items;
  return analysis.variants.map((v, i) => {
    const lines: GoalLine[] = v.slos.map((s: SloResult) => ({
      name: s.name,
      text: s.text,
      value: s.estimate.n === 0 ? null : grouped(formatSloValue(s.estimate.mean, s)),
      pass: s.pass,
    }));
    for (const g of c.metricGoals) {
      const at = attempt.reveals.indexOf(g.metric);
      const h = at < 0 ? undefined : items[at];
      const cell =
        h === undefined ? null : highlightCells(h, analysis.variants, analysis.comparisons)[i];
      const e = cell?.estimate ?? null;
      const x = e?.estimate.mean;
      const pass =
        x !== undefined &&
        (g.max === undefined || x <= g.max) &&
        (g.min === undefined || x >= g.min);
      lines.push({
        name: g.name,
        // a bound on a latency is milliseconds: say so ("revocation delay max ≤ 35,000 ms")
        text: e?.unit === 'ms' ? inMs(g.text) : g.text,
        value: e === null ? null : valueText(e),
        pass,
      });
    }
    return { variant: v.name, lines };
  });
}

/** Judges an attempt at `c` (see the file's header); `analysis` null when it was not run. */
export function judgeAttempt(
  c: Challenge,
  base: unknown,
  attempt: Attempt,
  analysis: Analysis | null,
): ChallengeVerdict {
  const violations = constraintViolations(c, base, attempt);
  const budget = budgetLines(c, attempt.loaded.variants, analysis);
  const goals = analysis === null ? null : goalLines(c, attempt, analysis);
  const bounds = goals?.flatMap((g) => g.lines) ?? [];
  const met = bounds.filter((s) => s.pass).length;
  const goalShare = bounds.length === 0 ? 0 : met / bounds.length;
  const budgetShare =
    budget.length === 0
      ? 1
      : budget.reduce(
          (a, b) => a + (b.pass && b.used !== null ? Math.max(0, 1 - b.used / b.limit) : 0),
          0,
        ) / budget.length;
  const broken = violations.length > 0;
  const score = broken ? 0 : Math.round(80 * goalShare + 20 * budgetShare);
  const pass = !broken && budget.every((b) => b.pass) && bounds.length > 0 && met === bounds.length;
  return {
    violations,
    budget,
    goals,
    answers: analysis === null ? [] : answersOf(c, attempt, analysis),
    score,
    pass,
  };
}
