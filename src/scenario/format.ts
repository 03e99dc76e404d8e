/**
 * Prints scenario issues for people: one block per issue with file:line:col, the document path,
 * the message and the hint, then a count of errors and warnings. Plain text without colours;
 * the CLI decides whether to colour it.
 */
import { type ScenarioIssue, toDotPath } from './issues.ts';

/**
 * One issue as a block of lines (no trailing newline):
 * ```
 * scenarios/shop.yaml:14:9  services.orders.endpoints.get.steps[0]
 *   ✖ unknown service "custmer"; known: customers, orders
 *   → did you mean "customers"?
 * ```
 * Warnings use ⚠ instead of ✖; the hint line is left out when there is no hint.
 */
export function formatIssue(issue: ScenarioIssue): string {
  const mark = issue.severity === 'warning' ? '⚠' : '✖';
  const lines = [
    `${issue.file}:${issue.line}:${issue.col}  ${toDotPath(issue.path)}`,
    `  ${mark} ${indentRest(issue.message)}`,
  ];
  if (issue.hint !== undefined && issue.hint !== '') lines.push(`  → ${indentRest(issue.hint)}`);
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
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  const blocks = issues.map(formatIssue);
  return [...blocks, countLine(issues)].join('\n\n');
}

function countLine(issues: readonly ScenarioIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const parts = [
    errors > 0 || warnings === 0 ? plural(errors, 'error') : undefined,
    warnings > 0 ? plural(warnings, 'warning') : undefined,
  ];
  return parts.filter((p) => p !== undefined).join(', ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
