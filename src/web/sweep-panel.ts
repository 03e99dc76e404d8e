/**
 * The sweep box of the page: parameters (one `path=v1,v2,…` per line, as `msasim sweep
 * --param`), replications, *Run sweep*; and *Find single points of failure* (`msasim spof`,
 * web/spof.ts: its mode and "all components"), whose spof.html shows in the report frame and
 * whose impact matrix goes under the toolbar. The sweep runs on the page's workers (runner.ts,
 * web/sweep.ts); its sweep.html shows in the report frame, its files are offered for download,
 * and the table `msasim sweep` prints goes under the toolbar. Problems are shown as text (a
 * malformed parameter, the scenario's issues at a grid point, a guard's message), the panel's
 * own words in the page's language (ui-words.ts; the sweep's table and spof's matrix are
 * worded in it by the worker, as `--lang`).
 */
import { issueText } from './positions.ts';
import type { RunRequest } from './protocol.ts';
import type { Runner, SweepResult } from './runner.ts';
import { type Said, ui } from './ui-words.ts';

/** What the panel needs from the page. */
export interface SweepHooks {
  runner(): Runner;
  /** The run request of the editor's scenario (text, file, data files). */
  request(): RunRequest;
  /** Shows a line (worded again when the page's language changes). */
  message(said: Said, bad?: boolean): void;
  /** Shows `files` (the page named `page` in the report frame) and offers them for download. */
  show(files: [string, string][], page: string): void;
  /** Whether something runs (the page's Run and Cancel buttons follow it). */
  busy(running: boolean): void;
}

function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  return el as T;
}

export class SweepPanel {
  /** The last sweep that finished (tests and the console read it). */
  last: Extract<SweepResult, { kind: 'done' }> | undefined;

  /** The last spof analysis that finished. */
  lastSpof: { files: [string, string][]; text: string } | undefined;

  constructor(private readonly hooks: SweepHooks) {
    $('run-sweep').addEventListener('click', () => void this.run());
    $('run-spof').addEventListener('click', () => void this.spof());
  }

  /** Runs the spof analysis of the editor's scenario; resolves with how it ended. */
  async spof(): Promise<string | undefined> {
    const button = $<HTMLButtonElement>('run-spof');
    if (button.disabled) return undefined;
    button.disabled = true;
    this.hooks.busy(true);
    this.hooks.message((lang) => ui(lang, 'spof.running'));
    let result: Awaited<ReturnType<Runner['spof']>>;
    try {
      result = await this.hooks.runner().spof({
        request: this.hooks.request(),
        mode: $<HTMLSelectElement>('spof-mode').value === 'hang' ? 'hang' : 'refuse',
        all: $<HTMLInputElement>('spof-all').checked,
      });
    } finally {
      button.disabled = false;
      this.hooks.busy(false);
    }
    document.body.dataset.lastSpof = result.kind;
    document.body.dataset.spofs = String(Number(document.body.dataset.spofs ?? 0) + 1);
    const { message } = this.hooks;
    if (result.kind === 'done') {
      this.lastSpof = { files: result.files, text: result.text };
      this.hooks.show(result.files, 'spof.html');
      const { runs, text } = result;
      message((lang) => `${ui(lang, 'spof.done', { runs })}\n\n${text}`);
    } else if (result.kind === 'nothing') {
      const { text } = result;
      message(() => text);
    } else this.#show(result);
    return result.kind;
  }

  /** Runs the sweep the box describes; resolves with how it ended. */
  async run(): Promise<SweepResult | undefined> {
    const button = $<HTMLButtonElement>('run-sweep');
    if (button.disabled) return undefined;
    const replications = Number($<HTMLInputElement>('sweep-replications').value || '1');
    if (!Number.isInteger(replications) || replications < 1 || replications > 1000) {
      this.hooks.message((lang) => ui(lang, 'sweep.badReplications'), true);
      return undefined;
    }
    button.disabled = true;
    this.hooks.busy(true);
    this.hooks.message((lang) => ui(lang, 'sweep.running'));
    let result: SweepResult;
    try {
      result = await this.hooks.runner().sweep(
        {
          request: this.hooks.request(),
          params: $<HTMLTextAreaElement>('sweep-params').value,
          replications,
        },
        (done, of) => this.hooks.message((lang) => ui(lang, 'sweep.progress', { done, of })),
      );
    } finally {
      button.disabled = false;
      this.hooks.busy(false);
    }
    document.body.dataset.lastSweep = result.kind;
    document.body.dataset.sweeps = String(Number(document.body.dataset.sweeps ?? 0) + 1);
    this.#show(result);
    return result;
  }

  #show(
    result:
      | SweepResult
      | { kind: 'problem'; message: string }
      | { kind: 'stopped'; message: string },
  ): void {
    const { message } = this.hooks;
    switch (result.kind) {
      case 'done': {
        this.last = result;
        this.hooks.show(result.files, 'sweep.html');
        const { points, table } = result;
        const seconds = (result.wallMs / 1000).toFixed(2);
        message((lang) => `${ui(lang, 'sweep.done', { points, seconds })}\n\n${table}`);
        return;
      }
      case 'invalid': {
        const { issues } = result;
        message(
          (lang) =>
            `${ui(lang, 'sweep.invalid', { n: issues.length })}\n\n${issues
              .map((i) => `${i.file}:${i.line}:${i.col}  ${issueText(i, lang)}`)
              .join('\n\n')}`,
          true,
        );
        return;
      }
      case 'problem': {
        const problem = result.message;
        message((lang) => ui(lang, 'run.nothing', { problem }), true);
        return;
      }
      case 'stopped': {
        const stopped = result.message;
        message(() => stopped, true);
        return;
      }
      case 'cancelled':
        message((lang) => ui(lang, 'sweep.cancelled'));
        return;
      case 'crashed': {
        const crash = result.message;
        message((lang) => `${ui(lang, 'sweep.crashed')}\n${crash}`, true);
      }
    }
  }
}
