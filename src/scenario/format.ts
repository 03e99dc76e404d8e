/**
 * Prints scenario issues for people: one block per issue with file:line:col, the document path,
 * the message and the hint, then a count of errors and warnings. Plain text without colours;
 * the CLI decides whether to colour it. With `lang` 'ko' (--lang ko) an issue's Korean text
 * (its `ko`, messages-ko.ts) replaces the English message and hint; an issue without one is
 * printed in English, so an untranslated problem is never hidden.
 */
import { type ScenarioIssue, toDotPath } from './issues.ts';

/** The languages issues are printed in (report/i18n/lang.ts Lang; scenario/ cannot import it). */
export type IssueLang = 'en' | 'ko';

/**
 * One issue as a block of lines (no trailing newline):
 * ```
 * scenarios/shop.yaml:14:9  services.orders.endpoints.get.steps[0]
 *   ✖ unknown service "custmer"; known: customers, orders
 *   → did you mean "customers"?
 * ```
 * Warnings use ⚠ instead of ✖; the hint line is left out when there is no hint.
 */
export function formatIssue(issue: ScenarioIssue, lang: IssueLang = 'en'): string {
  const mark = issue.severity === 'warning' ? '⚠' : '✖';
  const ko = lang === 'ko' ? issue.ko : undefined;
  // a Korean text without a hint keeps the English one (a hint added after the text was made)
  const message = ko?.message ?? issue.message;
  const hint = ko?.hint ?? issue.hint;
  const lines = [
    `${issue.file}:${issue.line}:${issue.col}  ${toDotPath(issue.path)}`,
    `  ${mark} ${indentRest(message)}`,
  ];
  if (hint !== undefined && hint !== '') lines.push(`  → ${indentRest(hint)}`);
  return lines.join('\n');
}

/** Continuation lines of a multi-line text line up under its first line. */
function indentRest(text: string): string {
  return text.replaceAll('\n', '\n    ');
}

/**
 * Every issue as a block (see formatIssue), blocks separated by a blank line, then a blank line
 * and a count such as "2 errors, 1 warning". Issues are printed in the order given.
 */
export function formatIssues(issues: readonly ScenarioIssue[], lang: IssueLang = 'en'): string {
  const blocks = issues.map((issue) => formatIssue(issue, lang));
  return [...blocks, countLine(issues, lang)].join('\n\n');
}

function countLine(issues: readonly ScenarioIssue[], lang: IssueLang): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (lang === 'ko') {
    const ko = [
      errors > 0 || warnings === 0 ? `오류 ${errors}개` : '',
      warnings > 0 ? `경고 ${warnings}개` : '',
    ];
    return ko.filter((p) => p !== '').join(', ');
  }
  const parts = [
    errors > 0 || warnings === 0 ? plural(errors, 'error') : undefined,
    warnings > 0 ? plural(warnings, 'warning') : undefined,
  ];
  return parts.filter((p) => p !== undefined).join(', ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
