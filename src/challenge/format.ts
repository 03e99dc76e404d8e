/**
 * A challenge and its verdict in words, for the console (the browser can show the same
 * lines): the brief (goal, constraints, budget, hints, questions) and the verdict on an
 * attempt (each broken constraint with its path and place, the budget, ✓/✗ per goal bound and
 * variant, the answers to the questions, the score). Pure.
 */
import { toDotPath } from '../scenario/issues.ts';
import type { BudgetLine, ChallengeVerdict, GoalLine } from './check.ts';
import type { Challenge } from './load.ts';
import { showValue } from './paths.ts';
import type { BudgetMeasure } from './schema.ts';

const MEASURE_WORDS: Record<BudgetMeasure, string> = {
  instances: 'service instances in total',
  threads: 'threads in total (instances × threads)',
  connections: 'database connections in total',
  costPerHour: 'cost per hour (the costs: prices)',
};

/** "p99 ≤ 20ms, availability ≥ 99%" of a goal bound as written. */
function boundText(slo: Record<string, unknown>): string {
  const max = ['p50', 'p90', 'p99', 'p999', 'mean', 'errorRate', 'utilisation'];
  const parts: string[] = [];
  for (const [k, v] of Object.entries(slo)) {
    if (k === 'description' || k === 'endpoint' || k === 'component') continue;
    parts.push(`${k} ${max.includes(k) ? '≤' : '≥'} ${String(v)}`);
  }
  const target = slo.endpoint ?? slo.component ?? 'all endpoints';
  return `${String(target)}: ${parts.join(', ')}`;
}

/** The brief of a challenge: what to reach, what may change, the budget, hints, questions. */
export function formatBrief(c: Challenge): string {
  const d = c.def;
  const lines = [`Challenge ${d.name} (experiment ${d.experiment}): ${d.title}`, ''];
  if (d.description !== '') lines.push(...d.description.trim().split('\n'), '');
  lines.push('Goal — every bound, in every variant of your attempt:');
  for (const [name, g] of Object.entries(d.goal)) {
    const text =
      'metric' in g
        ? `${g.metric}${g.max === undefined ? '' : ` ≤ ${g.max}`}${g.min === undefined ? '' : ` ≥ ${g.min}`}`
        : boundText(g as Record<string, unknown>);
    lines.push(`  • ${name}: ${text}${g.description ? ` — ${g.description}` : ''}`);
  }
  lines.push('', 'You may change only (everything below these paths):');
  for (const g of d.constraints.change) lines.push(`  • ${g}`);
  const budget = d.constraints.budget;
  if (budget !== undefined && Object.keys(budget).length > 0) {
    lines.push('', 'Budget (the largest over the variants):');
    for (const [k, v] of Object.entries(budget))
      lines.push(`  • at most ${v} ${MEASURE_WORDS[k as BudgetMeasure]}`);
  }
  if (d.replications > 1) lines.push('', `Judged over ${d.replications} replications.`);
  if (d.questions.length > 0) {
    lines.push('', 'Predict first (write your answers down; the check reveals them from the run):');
    for (const [i, q] of d.questions.entries()) lines.push(`  ${i + 1}. ${q.ask}`);
  }
  if (d.hints.length > 0) {
    lines.push('', 'Hints:');
    for (const h of d.hints) lines.push(`  • ${h}`);
  }
  return `${lines.join('\n')}\n`;
}

function budgetLine(b: BudgetLine): string {
  const show = (x: number) => (b.measure === 'costPerHour' ? x.toFixed(2) : String(x));
  if (b.used === null)
    return `  ? ${b.measure}: not known (the attempt was not run), limit ${show(b.limit)}`;
  return `  ${b.pass ? '✓' : '✗'} ${b.measure}: ${show(b.used)} of ${show(b.limit)}${b.variant ? ` (${b.variant})` : ''}`;
}

function goalLine(g: GoalLine): string {
  return `    ${g.pass ? '✓' : '✗'} ${g.name}: ${g.text} — ${g.value}`;
}

/** The verdict on an attempt (`file`), ending with the score and PASS or FAIL. */
export function formatVerdict(v: ChallengeVerdict, file: string): string {
  const lines: string[] = [];
  if (v.violations.length === 0) lines.push('✓ constraints: only allowed paths changed');
  else {
    lines.push(`✗ constraints: ${v.violations.length} change(s) outside the allowed paths`);
    for (const x of v.violations.slice(0, 20)) {
      const at = x.at === null ? file : `${file}:${x.at.line}:${x.at.col}`;
      lines.push(
        `  ✗ ${toDotPath(x.path)}: ${showValue(x.before)} → ${showValue(x.after)}  (${at})`,
      );
    }
    if (v.violations.length > 20) lines.push(`  … and ${v.violations.length - 20} more`);
  }
  if (v.budget.length > 0) {
    lines.push(v.budget.every((b) => b.pass) ? '✓ budget' : '✗ budget');
    lines.push(...v.budget.map(budgetLine));
  }
  if (v.goals === null) lines.push('· goal: not run (fix the constraints first)');
  else {
    const all = v.goals.flatMap((g) => g.lines);
    const met = all.filter((s) => s.pass).length;
    lines.push(`${met === all.length ? '✓' : '✗'} goal: ${met} of ${all.length} bounds met`);
    for (const g of v.goals) {
      lines.push(`  ${g.variant}`);
      lines.push(...g.lines.map(goalLine));
    }
  }
  if (v.answers.length > 0) {
    lines.push('', 'Answers (from this run):');
    v.answers.forEach((a, i) => {
      lines.push(`  ${i + 1}. ${a.ask}`);
      for (const r of a.reveal)
        lines.push(
          `     ${r.name}: ${r.values.length === 0 ? 'not measured' : r.values.map((x) => `${x.variant} ${x.text}`).join('; ')}`,
        );
    });
  }
  lines.push('', `score ${v.score}/100 — ${v.pass ? 'PASS' : 'FAIL'}`);
  return `${lines.join('\n')}\n`;
}
