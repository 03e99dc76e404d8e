/**
 * The workshop challenges of the page (`msasim challenge` without an install): the list in the
 * gallery (each challenge's title in the page's language), and for the challenge open in the
 * editor its brief (the CLI's text, in a <pre>), *Check* and the verdict. Choosing a challenge
 * opens its attempt, kept under the CLI's default name (`<name>.attempt.yaml`) with the page's
 * other edits; unedited, it is the starting attempt `msasim challenge <name>` writes, in the
 * page's language, and a change of language replaces it with the starting attempt in the new
 * one (an edited attempt is never touched). *Check* sends the editor's text to a run worker
 * (runner.ts → web/challenge.ts: the challenge's replications, the CLI's guards; Cancel stops it
 * as it stops a run) and shows the verdict, the CLI's stdout for the same attempt text, with
 * pass or fail and the score above it. Once the attempt has passed a Check, the panel offers
 * *Compare with the reference solution*: it opens the challenge's `solution:` in the editor as
 * a file of its own (the name the CLI finds it by, `scenarios/challenges/<name>.solution.yaml`),
 * which can be checked (it passes) and edited like any file; the attempt is not touched and
 * stays one click away in the list. Never before a pass; a challenge without a solution offers
 * nothing (the decisions are challenge-files.ts). On a reload: the attempt's and the solution's
 * edits are kept (local storage, as every file's), and the file that was open reopens, the
 * solution too; the pass itself is not kept, so the offer comes back after the next passing
 * Check of the (kept) attempt. The brief, the starting attempt and the verdict come worded in
 * every language (the page's assets, the worker's answer), so a change of language rewords them
 * without a rerun. Every challenge text reaches the page as text (textContent), never as markup.
 */

import { el } from './assets.ts';
import type { ShippedChallenge } from './challenge.ts';
import {
  attemptInNewLang,
  challengeFileOf,
  isStartingText,
  offeredSolution,
  startingText,
} from './challenge-files.ts';
import { challengeMatches } from './challenge-search.ts';
import { pageLang } from './page-lang.ts';
import { issueText } from './positions.ts';
import { showProgress } from './progress-bar.ts';
import type { ChallengeRequest } from './protocol.ts';
import { runLine } from './run-lines.ts';
import type { Runner } from './runner.ts';
import { type Said, ui } from './ui-words.ts';

/** What the panel needs from the page. */
export interface ChallengeHooks {
  runner(): Runner;
  /** The file open in the editor and its text. */
  current(): { file: string; text: string };
  /** Opens `file` (an attempt or a solution) in the editor. */
  open(file: string): void;
  /** Replaces the editor's text (the file open stays). */
  setText(text: string): void;
  /** Shows a line (worded again when the page's language changes). */
  message(said: Said, bad?: boolean): void;
  /** Whether something runs (the page's Run, Check and Cancel buttons follow it). */
  busy(running: boolean): void;
}

/** The last check's outcome, as the page keeps it. */
type Checked = Awaited<ReturnType<Runner['challenge']>>;

function $<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`the page has no #${id}`);
  return e as T;
}

export class ChallengePanel {
  /** The last check and the file it judged, attempt or solution (tests and the console read it). */
  last: { file: string; outcome: Checked } | undefined;
  /** The challenges whose attempt passed a Check on this page (by name; not kept on a reload). */
  readonly #passed = new Set<string>();
  /** The language the panel was last worded in (the old one when the page's language changes). */
  #lang = pageLang();

  constructor(
    private readonly challenges: readonly ShippedChallenge[],
    private readonly hooks: ChallengeHooks,
  ) {
    $('check').addEventListener('click', () => void this.check());
    const solution = $('solution');
    solution.addEventListener('click', () => this.hooks.open(solution.dataset.file ?? ''));
    $<HTMLInputElement>('search').addEventListener('input', () => this.#filter());
    this.#renderList();
  }

  /** Shows the challenges that answer the gallery's search (all of them without one). */
  #filter(): void {
    const query = $<HTMLInputElement>('search').value;
    for (const li of $('challenge-list').children) {
      const file = li.querySelector('button')?.dataset.file;
      const c = this.challenges.find((x) => x.attemptFile === file);
      (li as HTMLElement).hidden = c !== undefined && !challengeMatches(c, query);
    }
  }

  /** The challenge whose attempt or reference solution is kept at `file`, if any. */
  of(file: string): ShippedChallenge | undefined {
    return challengeFileOf(this.challenges, file)?.challenge;
  }

  /** What `file` starts as in the page's language (undefined: no file of a challenge). */
  starting(file: string): string | undefined {
    const found = challengeFileOf(this.challenges, file);
    return found && startingText(found.challenge, found.role, pageLang());
  }

  /** The file of a challenge at `file` as a gallery entry with its starting text (undefined: none). */
  entry(file: string): { file: string; text: string } | undefined {
    const text = this.starting(file);
    return text === undefined ? undefined : { file, text };
  }

  /** Whether `text` is what `file` starts as, in any language (so: not an edit). */
  isStarting(file: string, text: string): boolean {
    const found = challengeFileOf(this.challenges, file);
    return found !== undefined && isStartingText(found.challenge, found.role, text);
  }

  #renderList(): void {
    const lang = pageLang();
    $('challenge-list').replaceChildren(
      ...this.challenges.map((c) => {
        const button = el('button', { type: 'button' }, [
          c.words[lang].title,
          el('span', { className: 'file' }, [c.name]),
        ]);
        button.dataset.file = c.attemptFile;
        button.addEventListener('click', () => this.hooks.open(c.attemptFile));
        return el('li', {}, [button]);
      }),
    );
    this.#filter();
  }

  /**
   * Shows the brief, the verdict and the offer of the reference solution for the file now open
   * (nothing when it is no file of a challenge).
   */
  show(): void {
    const { file } = this.hooks.current();
    const found = challengeFileOf(this.challenges, file);
    const c = found?.challenge;
    const lang = pageLang();
    const offer = c && offeredSolution(c, found.role, this.#passed.has(c.name));
    const solution = $<HTMLButtonElement>('solution');
    solution.hidden = offer === undefined;
    solution.dataset.file = offer ?? '';
    $('challenge').hidden = c === undefined;
    $<HTMLButtonElement>('check').hidden = c === undefined;
    if (c !== undefined) $<HTMLDetailsElement>('challenges').open = true;
    $('challenge-brief').textContent = c?.words[lang].brief ?? '';
    const status = $('challenge-status');
    const verdict = $('challenge-verdict');
    const last = this.last?.file === file ? this.last.outcome : undefined;
    status.textContent = '';
    status.className = '';
    verdict.textContent = '';
    if (last?.kind !== 'verdict') return;
    status.textContent = ui(lang, last.pass ? 'challenge.passed' : 'challenge.failed', {
      score: last.score,
    });
    status.className = last.pass ? 'pass' : 'fail';
    verdict.textContent = last.texts[lang];
  }

  /**
   * The page's language changed: an unedited attempt in the editor becomes the starting attempt
   * in the new language; the list, the brief and the verdict follow it.
   */
  reword(): void {
    const [from, to] = [this.#lang, pageLang()];
    this.#lang = to;
    const { file, text } = this.hooks.current();
    const found = challengeFileOf(this.challenges, file);
    const next = found?.role === 'attempt' && attemptInNewLang(found.challenge, text, from, to);
    if (next) this.hooks.setText(next);
    this.#renderList();
    this.show();
  }

  /**
   * Checks the attempt in the editor; resolves with how it ended. `reveal`: bring its score or
   * problems into view (a click on Check; not a check of "run as I edit", which would scroll the
   * editor away from the one typing at each pause, as a rerun does not).
   */
  async check(reveal = true): Promise<Checked | undefined> {
    const { file, text } = this.hooks.current();
    const c = this.of(file);
    const button = $<HTMLButtonElement>('check');
    if (c === undefined || button.disabled) return undefined;
    const request: ChallengeRequest = {
      challengeFile: c.file,
      challengeText: c.text,
      baseFile: c.base.file,
      baseText: c.base.text,
      text,
      file,
      lang: pageLang(),
    };
    this.hooks.busy(true);
    this.hooks.message((lang) => ui(lang, 'challenge.checking'));
    showProgress({ variant: '', index: 0, of: 1, simMs: 0, durationMs: 1 });
    const t0 = performance.now();
    let outcome: Checked;
    try {
      outcome = await this.hooks.runner().challenge(request, (p) => showProgress(p));
    } finally {
      this.hooks.busy(false);
      showProgress(undefined);
    }
    this.last = { file, outcome };
    if (outcome.kind === 'verdict' && outcome.pass && file === c.attemptFile)
      this.#passed.add(c.name);
    document.body.dataset.lastCheck =
      outcome.kind === 'verdict' ? (outcome.pass ? 'pass' : 'fail') : outcome.kind;
    document.body.dataset.checks = String(Number(document.body.dataset.checks ?? 0) + 1);
    this.show();
    if (outcome.kind === 'verdict') {
      const seconds = ((performance.now() - t0) / 1000).toFixed(2);
      const { warnings } = outcome;
      this.hooks.message((lang) =>
        [
          ui(lang, 'challenge.checked', { seconds }),
          ...warnings.map((i) => `${i.file}:${i.line}:${i.col}  ${issueText(i, lang)}`),
        ].join('\n\n'),
      );
    } else {
      const { said, bad } = runLine(outcome);
      this.hooks.message(said, bad);
    }
    // the score heads the pane, an attempt's problems are under the editor: at 1366×768 either
    // can be out of view (a pane scrolled down to the hints), and the Check seems to do nothing
    if (reveal)
      $(outcome.kind === 'verdict' ? 'challenge-status' : 'messages').scrollIntoView({
        block: 'nearest',
      });
    return outcome;
  }
}
