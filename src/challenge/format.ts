/**
 * A challenge and its verdict in words, for the console (the browser can show the same
 * lines): the brief (goal, constraints, budget, hints, questions) and the verdict on an
 * attempt (each broken constraint with its path and place, the budget, ✓/✗ per goal bound and
 * variant, the answers to the questions, the score), in the reader's language (`--lang`; the
 * catalogue's en-tools.ts/ko-tools.ts). The challenge's own texts (title, description, hints,
 * questions, goal descriptions) are its translation's in that language when it has one
 * (translation.ts), else as written; goal names, paths and values stay as the files write
 * them. Pure.
 */
import type { Lang } from '../report/i18n/lang.ts';
import { t } from '../report/i18n/t.ts';
import { toDotPath } from '../scenario/issues.ts';
import type { BudgetLine, ChallengeVerdict, GoalLine } from './check.ts';
import type { Challenge } from './load.ts';
import { showValue } from './paths.ts';
import type { BudgetMeasure } from './schema.ts';
import { challengeTexts } from './translation.ts';

/** The first line of a starting attempt: what `--out` recognises as msasim's own. */
export const ATTEMPT_MARKER = '# msasim challenge attempt:';

/** "p99 ≤ 20ms, availability ≥ 99%" of a goal bound as written. */
function boundText(slo: Record<string, unknown>, lang: Lang): string {
  const max = ['p50', 'p90', 'p99', 'p999', 'mean', 'errorRate', 'utilisation'];
  const parts: string[] = [];
  for (const [k, v] of Object.entries(slo)) {
    if (k === 'description' || k === 'endpoint' || k === 'component') continue;
    parts.push(`${k} ${max.includes(k) ? '≤' : '≥'} ${String(v)}`);
  }
  const target = slo.endpoint ?? slo.component ?? t(lang, 'ch.brief.allEndpoints');
  return `${String(target)}: ${parts.join(', ')}`;
}

/** The brief of a challenge: what to reach, what may change, the budget, hints, questions. */
export function formatBrief(c: Challenge, lang: Lang = 'en'): string {
  const d = c.def;
  const texts = challengeTexts(d, lang);
  const lines = [
    t(lang, 'ch.brief.head', { name: d.name, experiment: d.experiment, title: texts.title }),
    '',
  ];
  if (texts.description.trim() !== '') lines.push(...texts.description.trim().split('\n'), '');
  lines.push(t(lang, 'ch.brief.goal'));
  for (const [name, g] of Object.entries(d.goal)) {
    const text =
      'metric' in g
        ? `${g.metric}${g.max === undefined ? '' : ` ≤ ${g.max}`}${g.min === undefined ? '' : ` ≥ ${g.min}`}`
        : boundText(g as Record<string, unknown>, lang);
    const said = texts.goals[name];
    lines.push(`  • ${name}: ${text}${said ? ` — ${said}` : ''}`);
  }
  lines.push('', t(lang, 'ch.brief.change'));
  for (const g of d.constraints.change) lines.push(`  • ${g}`);
  const budget = d.constraints.budget;
  if (budget !== undefined && Object.keys(budget).length > 0) {
    lines.push('', t(lang, 'ch.brief.budget'));
    for (const [k, v] of Object.entries(budget))
      lines.push(`  • ${t(lang, `ch.brief.atMost.${k as BudgetMeasure}`, { n: String(v) })}`);
  }
  if (d.replications > 1) lines.push('', t(lang, 'ch.brief.replications', { n: d.replications }));
  if (d.questions.length > 0) {
    lines.push('', t(lang, 'ch.brief.predict'));
    for (const [i, ask] of texts.asks.entries()) lines.push(`  ${i + 1}. ${ask}`);
  }
  if (d.hints.length > 0) {
    lines.push('', t(lang, 'ch.brief.hints'));
    for (const h of texts.hints) lines.push(`  • ${h}`);
  }
  return `${lines.join('\n')}\n`;
}

function budgetLine(b: BudgetLine, lang: Lang): string {
  const show = (x: number) => (b.measure === 'costPerHour' ? x.toFixed(2) : String(x));
  const measure = t(lang, `ch.measure.${b.measure}`);
  if (b.used === null)
    return `  ${t(lang, 'ch.v.budgetUnknown', { measure, limit: show(b.limit) })}`;
  return `  ${t(lang, 'ch.v.budgetUsed', {
    mark: b.pass ? '✓' : '✗',
    measure,
    used: show(b.used),
    limit: show(b.limit),
    variant: b.variant ? ` (${b.variant})` : '',
  })}`;
}

function goalLine(g: GoalLine, lang: Lang): string {
  return `    ${g.pass ? '✓' : '✗'} ${g.name}: ${g.text} — ${g.value ?? t(lang, 'hl.notMeasured')}`;
}

/**
 * The verdict on an attempt (`file`), ending with the score and PASS or FAIL; `asks`: the
 * questions in the reader's language (challengeTexts), else as the verdict holds them.
 */
export function formatVerdict(
  v: ChallengeVerdict,
  file: string,
  lang: Lang = 'en',
  asks: readonly string[] = [],
): string {
  const lines: string[] = [];
  if (v.violations.length === 0) lines.push(t(lang, 'ch.v.constraintsOk'));
  else {
    lines.push(t(lang, 'ch.v.constraintsBroken', { n: v.violations.length }));
    for (const x of v.violations.slice(0, 20)) {
      const at = x.at === null ? file : `${file}:${x.at.line}:${x.at.col}`;
      lines.push(
        `  ✗ ${toDotPath(x.path)}: ${showValue(x.before)} → ${showValue(x.after)}  (${at})`,
      );
    }
    if (v.violations.length > 20)
      lines.push(`  ${t(lang, 'ch.v.more', { n: v.violations.length - 20 })}`);
  }
  if (v.budget.length > 0) {
    lines.push(t(lang, v.budget.every((b) => b.pass) ? 'ch.v.budgetOk' : 'ch.v.budgetBroken'));
    lines.push(...v.budget.map((b) => budgetLine(b, lang)));
  }
  if (v.goals === null) lines.push(t(lang, 'ch.v.notRun'));
  else {
    const all = v.goals.flatMap((g) => g.lines);
    const met = all.filter((s) => s.pass).length;
    const mark = met === all.length ? '✓' : '✗';
    lines.push(t(lang, 'ch.v.goal', { mark, met, all: all.length }));
    for (const g of v.goals) {
      lines.push(`  ${g.variant}`);
      lines.push(...g.lines.map((x) => goalLine(x, lang)));
    }
  }
  if (v.answers.length > 0) {
    const none = t(lang, 'hl.notMeasured');
    lines.push('', t(lang, 'ch.v.answers'));
    v.answers.forEach((a, i) => {
      lines.push(`  ${i + 1}. ${asks[i] ?? a.ask}`);
      for (const r of a.reveal) {
        const name = r.measured ? r.name : t(lang, 'ch.v.notMeasuredHere', { name: r.name });
        const values = r.values.map((x) => `${x.variant} ${x.text ?? none}`).join('; ');
        lines.push(`     ${name}: ${r.values.length === 0 ? none : values}`);
      }
    });
  }
  lines.push('', t(lang, v.pass ? 'ch.v.pass' : 'ch.v.fail', { score: v.score }));
  return `${lines.join('\n')}\n`;
}

/**
 * The starting attempt (`msasim challenge <name>` writes it, the playground puts it in its
 * editor): the base scenario's text under a header saying what to do, in `lang` (the marker,
 * its first words, stays as it is: it is how msasim knows the file for its own);
 * `challengeFile`: the challenge as the header's command names it.
 */
export function startingAttempt(
  c: Challenge,
  challengeFile: string,
  baseText: string,
  lang: Lang = 'en',
): string {
  const body = baseText.replace(/^# yaml-language-server:.*\n/, '');
  return [
    `${ATTEMPT_MARKER} ${c.def.name} — ${challengeTexts(c.def, lang).title}`,
    `# ${t(lang, 'ch.attempt.change', { paths: c.def.constraints.change.join(', ') })}`,
    `# ${t(lang, 'ch.attempt.check', {
      command: `msasim challenge ${challengeFile}`,
      file: `<${t(lang, 'ch.attempt.thisFile')}>`,
    })}`,
    body,
  ].join('\n');
}
