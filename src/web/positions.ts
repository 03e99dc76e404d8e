/**
 * Where an issue of the scenario pipeline (1-based line and column, scenario/issues.ts) sits in
 * the editor's text, as the offsets a CodeMirror diagnostic underlines: from the issue's column
 * to the end of the word or quoted value there (at least one character, within the line).
 */
import type { Lang } from '../report/i18n/lang.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';

/** A located problem in the editor: offsets into the text, the message and its hint. */
export interface TextDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The offset of each line's start. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * The issue's message with its hint on a second line (`→ did you mean …`), as the CLI prints it:
 * in Korean when `lang` is and the issue has its Korean text (scenario/messages-ko.ts), else in
 * English.
 */
export function issueText(issue: ScenarioIssue, lang: Lang = 'en'): string {
  const t = lang === 'ko' && issue.ko !== undefined ? issue.ko : issue;
  return t.hint ? `${t.message}\n→ ${t.hint}` : t.message;
}

/** The diagnostics of `issues` in `text` (issues of other files are placed at the start). */
export function diagnosticsOf(
  text: string,
  issues: readonly ScenarioIssue[],
  lang: Lang = 'en',
): TextDiagnostic[] {
  const starts = lineStarts(text);
  return issues.map((issue) => {
    const line = Math.min(Math.max(issue.line, 1), starts.length);
    const start = starts[line - 1];
    const end = line < starts.length ? starts[line] - 1 : text.length;
    const from = Math.min(start + Math.max(issue.col, 1) - 1, end);
    let to = from;
    const rest = text.slice(from, end);
    const quoted = /^(["'])(?:(?!\1).)*\1/.exec(rest);
    const word = /^[^\s:,#{}[\]]+/.exec(rest);
    to += quoted ? quoted[0].length : word ? word[0].length : Math.min(1, end - from);
    return { from, to, severity: issue.severity, message: issueText(issue, lang) };
  });
}
