/**
 * The status line of a run that ended (app.ts shows it under the toolbar): the problems of an
 * invalid scenario at their place, a guard's stop, a cancel, a crash, or the wall times and the
 * run's notes. Worded in the page's language (ui-words.ts) and again when it changes; the
 * issues in the language too where they have Korean words (positions.ts). What the worker
 * wrote (a guard's message, a crash, the notes) is shown as it came.
 */
import { issueText } from './positions.ts';
import type { RunResult } from './runner.ts';
import { type Said, ui } from './ui-words.ts';

/** The line of `result`, and whether it says something went wrong. */
export function runLine(result: RunResult): { said: Said; bad: boolean } {
  switch (result.kind) {
    case 'invalid': {
      const { issues } = result;
      return {
        said: (lang) =>
          `${ui(lang, 'run.invalid', { n: issues.length })}\n\n${issues
            .map((i) => `${i.file}:${i.line}:${i.col}  ${issueText(i, lang)}`)
            .join('\n\n')}`,
        bad: true,
      };
    }
    case 'stopped': {
      const { message } = result;
      return { said: () => message, bad: true };
    }
    case 'cancelled':
      return { said: (lang) => ui(lang, 'run.cancelled'), bad: false };
    case 'crashed': {
      const { message } = result;
      return { said: (lang) => `${ui(lang, 'run.crashed')}\n${message}`, bad: true };
    }
    case 'done': {
      const simulated = (result.simulationWallMs / 1000).toFixed(2);
      const report = ((result.wallMs - result.simulationWallMs) / 1000).toFixed(2);
      const { notes } = result;
      return {
        said: (lang) => [ui(lang, 'run.done', { simulated, report }), ...notes].join('\n'),
        bad: false,
      };
    }
  }
}
