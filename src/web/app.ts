/**
 * The playground page: the gallery of shipped scenarios with their lessons (searchable), the
 * editor (editor.ts), Run / Cancel with a progress bar (runner.ts: Web Workers), the report of
 * the last run in a sandboxed frame (the very index.html the CLI writes), downloads, share links
 * (share.ts), the what-if slider (whatif-panel.ts), the toolbar's replications, the data files of
 * replayed logs (data-files-panel.ts) and the workshop challenges (challenge-panel.ts), in the
 * page's language (page-lang.ts, ui-words.ts, ui-lang.ts), which can change without losing an
 * edit or the last run. Every text from a scenario, a lesson or a link reaches the page as text
 * (textContent, attributes through the DOM) or through the report's escaping builders; the
 * lesson's markup comes from the report's escaping Markdown renderer.
 */

import type { EditorView } from '@codemirror/view';
import { renderMarkdown } from '../report/html/markdown.ts';
import type { Lang } from '../report/i18n/lang.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';
import { el, loadAssets, type PageAssets, type ShippedScenario } from './assets.ts';
import { ChallengePanel } from './challenge-panel.ts';
import { DataFilesPanel } from './data-files-panel.ts';
import { DownloadLinks, downloadText } from './downloads.ts';
import { createEditor, setEditorLang, setEditorText } from './editor.ts';
import { type Highlight, highlightRows, highlightsTable } from './highlights.ts';
import { lessonLanguages, lessonSearchText, lessonTitle, paneLesson } from './lesson-lang.ts';
import { initPageLang, pageLang } from './page-lang.ts';
import { showProgress } from './progress-bar.ts';
import type { RunRequest } from './protocol.ts';
import { replicationChoice } from './replication-choice.ts';
import { runLine } from './run-lines.ts';
import { Runner, type RunResult } from './runner.ts';
import type { SchemaNode } from './schema-keys.ts';
import { decodeShare, encodeShare } from './share.ts';
import { loadCurrent, loadEdits, saveCurrent, saveEdits } from './storage.ts';
import { SweepPanel } from './sweep-panel.ts';
import { applyUiLang, worded } from './ui-lang.ts';
import { type Said, ui } from './ui-words.ts';
import { WhatIfPanel } from './whatif-panel.ts';

const HEADLINE = 'scenarios/data-reference/join-vs-batch-cache.yaml';
const WHATIF_DELAY_MS = 400;
const AUTORUN_DELAY_MS = 800;
const NEAREST: ScrollIntoViewOptions = { block: 'nearest' };

function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  return el as T;
}

/** The page's state. */
class Playground {
  readonly #assets: PageAssets;
  readonly #runner: Runner;
  readonly #edits = loadEdits();
  readonly #editor: EditorView;
  #file: string;
  #text: string;
  #issues: ScenarioIssue[] = [];
  #running = false;
  #rerunTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #downloads = new DownloadLinks($('downloads'), pageLang);
  /** The data files the scenario reads and the ones the user gave the page (data-files-panel.ts). */
  readonly #dataFiles = new DataFilesPanel(
    $('data-files'),
    (said) => this.#message(said, true),
    pageLang,
  );
  /** The sweep box (sweep-panel.ts). */
  readonly sweeps = new SweepPanel({
    runner: () => this.#runner,
    request: () => this.#request(),
    message: (said, bad) => this.#message(said, bad),
    show: (files, page) => {
      $<HTMLIFrameElement>('report').srcdoc = new Map(files).get(page) ?? '';
      this.#downloads.offer(files);
    },
    busy: (running) => this.#busy(running),
  });
  /** The workshop challenges (challenge-panel.ts). */
  readonly challenges: ChallengePanel;
  /** The what-if box (whatif-panel.ts): its value is every run's override. */
  readonly #whatIf = new WhatIfPanel({
    text: () => this.#text,
    rerun: () => this.#rerunSoon(WHATIF_DELAY_MS),
    message: (said) => this.#message(said),
  });
  /** The highlights of the previous run, for the comparison with the next one. */
  #previous: { file: string; rows: Highlight[] } | undefined;
  /** The highlights shown and the ones they are compared with (worded again on a language change). */
  #shown: { rows: Highlight[]; previous: Highlight[] } = { rows: [], previous: [] };
  /** The line under the toolbar (worded again on a language change). */
  #said: { said: Said; bad: boolean } = { said: () => '', bad: false };
  /** Wall times of the last run, for the status line and the tests. */
  lastRun: { simulationWallMs: number; wallMs: number; files: [string, string][] } | undefined;
  /** The results.json of the last run of the scenario shown: the lesson pane's figures. */
  #results: string | undefined;

  constructor(assets: PageAssets) {
    this.#assets = assets;
    const asked = Number(new URLSearchParams(location.search).get('workers'));
    // ?workers=N: N run workers (a test, a demo of the speed-up); default: the cores but one
    const cores = Number.isInteger(asked) && asked >= 1 && asked <= 16 ? asked + 1 : undefined;
    this.#runner = new Runner(
      () => assets.newWorker(),
      assets.vega,
      cores,
      (m) => {
        // a refusal of the page's policy in a worker: something tried what the page forbids
        document.body.dataset.violations = String(
          Number(document.body.dataset.violations ?? 0) + 1,
        );
        this.#message(() => m, true);
      },
    );
    this.challenges = new ChallengePanel(assets.challenges, {
      runner: () => this.#runner,
      current: () => ({ file: this.#file, text: this.#text }),
      open: (file) => this.open(file),
      setText: (text) => setEditorText(this.#editor, text),
      message: (said, bad) => this.#message(said, bad),
      busy: (running) => this.#busy(running),
    });
    const current = loadCurrent() ?? '';
    const first =
      this.challenges.entry(current) ??
      this.#entries().find((e) => e.file === current) ??
      this.#shipped(HEADLINE) ??
      assets.scenarios[0];
    this.#file = first.file;
    this.#text = this.#edits.get(first.file) ?? first.text;
    this.#editor = createEditor($('editor'), this.#text, assets.schema as SchemaNode, {
      validate: async (text) => {
        const { issues, dataFiles } = await this.#runner.validate(text, this.#file);
        this.#dataFiles.show(dataFiles);
        return issues;
      },
      changed: (text) => this.#changed(text),
      lang: pageLang,
      validated: (issues) => {
        this.#issues = issues;
      },
    });
    this.#wire();
    this.#renderGallery('');
    this.#showScenario();
    this.#openShareLink();
  }

  #shipped(file: string): ShippedScenario | undefined {
    return this.#assets.scenarios.find((s) => s.file === file);
  }

  /** The gallery's entries: scenarios opened from links first (kept as edits), then the shipped ones. */
  #entries(): ShippedScenario[] {
    const opened = [...this.#edits]
      .filter(([file]) => this.#shipped(file) === undefined && !this.challenges.of(file))
      .map(([file, text]) => ({ file, text, lesson: null }));
    return [...opened, ...this.#assets.scenarios];
  }

  #changed(text: string): void {
    this.#text = text;
    const original =
      text === this.#shipped(this.#file)?.text || this.challenges.isStarting(this.#file, text);
    if (original) this.#edits.delete(this.#file);
    else this.#edits.set(this.#file, text);
    saveEdits(this.#edits);
    this.#markEdited();
    this.#whatIf.refresh();
    // with "run as I edit", every edit reruns once the typing rests; a challenge's file is
    // checked instead (its goal is judged by Check: a Run of the attempt shows no goal at all)
    const check = this.challenges.of(this.#file) !== undefined;
    if ($<HTMLInputElement>('autorun').checked) this.#rerunSoon(AUTORUN_DELAY_MS, check);
  }

  #wire(): void {
    $('page-lang').addEventListener('change', () => this.#relang());
    // the run's line, highlights and downloads are under the editor, out of view at 1366×768
    const reveal = () => {
      for (const id of ['downloads', 'messages']) $(id).scrollIntoView(NEAREST);
    };
    $('run').addEventListener('click', () => void this.run().then(reveal));
    $('cancel').addEventListener('click', () => this.#runner.cancel());
    $('reset').addEventListener('click', () => this.#reset());
    $('share').addEventListener('click', () => this.#share());
    $('download-scenario').addEventListener('click', () =>
      downloadText(this.#file.split('/').pop() ?? 'scenario.yaml', this.#text, 'text/yaml'),
    );
    $<HTMLInputElement>('search').addEventListener('input', (e) =>
      this.#renderGallery((e.target as HTMLInputElement).value),
    );
    window.addEventListener('hashchange', () => this.#openShareLink());
  }

  // ---- gallery ---------------------------------------------------------------------------

  #renderGallery(query: string): void {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const list = $('scenario-list');
    list.replaceChildren();
    for (const s of this.#entries()) {
      const haystack = `${s.file}\n${s.text}\n${lessonSearchText(s)}`.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) continue;
      const title = /^name:\s*(.+)$/m.exec(s.text)?.[1]?.replace(/^["']|["']$/g, '') ?? s.file;
      // the lesson's title in the page's language: a Korean reader's way in beside the names
      const lesson = lessonTitle(s, pageLang());
      const button = el('button', { type: 'button' }, [
        title,
        ...(lesson === null ? [] : [el('span', { className: 'lesson-title' }, [lesson])]),
        el('span', { className: 'file' }, [s.file.replace(/^scenarios\//, '')]),
      ]);
      button.dataset.file = s.file;
      button.addEventListener('click', () => this.open(s.file));
      list.append(el('li', {}, [button]));
    }
    this.#markEdited();
  }

  #markEdited(): void {
    const buttons = '#scenario-list button, #challenge-list button';
    for (const b of document.querySelectorAll<HTMLButtonElement>(buttons)) {
      const file = b.dataset.file ?? '';
      b.setAttribute('aria-current', String(file === this.#file));
      b.querySelector('.edited')?.remove();
      if (!this.#edits.has(file)) continue;
      b.append(worded(el('span', { className: 'edited' }), 'edited', pageLang()));
    }
  }

  /** Opens a scenario of the gallery or a challenge's attempt (with the user's edit, if any). */
  open(file: string): void {
    const text = this.#entries().find((e) => e.file === file)?.text;
    const original = text ?? this.challenges.starting(file);
    if (original === undefined) return;
    this.#file = file;
    saveCurrent(file);
    this.#whatIf.clear(false);
    this.#clearResults();
    setEditorText(this.#editor, this.#edits.get(file) ?? original);
    this.#showScenario();
  }

  #reset(): void {
    const original = this.#shipped(this.#file)?.text ?? this.challenges.starting(this.#file);
    if (original === undefined) {
      this.#message((lang) => ui(lang, 'reset.fromLink'));
      return;
    }
    this.#edits.delete(this.#file);
    saveEdits(this.#edits);
    setEditorText(this.#editor, original);
    this.#markEdited();
    // the problems of the text just replaced are not the original's
    if (this.#said.bad) this.#message(() => '');
  }

  #showScenario(): void {
    $('scenario-title').textContent = this.#file;
    this.#showLesson();
    this.challenges.show();
    this.#markEdited();
    this.#whatIf.refresh();
  }

  /** The lesson: its figures as their references until a run of the scenario fills them in. */
  #showLesson(): void {
    const lesson = paneLesson(this.#shipped(this.#file), pageLang(), this.#results);
    // renderMarkdown escapes every text of the lesson (report/html/markdown.ts)
    $('lesson').innerHTML = lesson ? renderMarkdown(lesson).toString() : '';
  }

  // ---- running ---------------------------------------------------------------------------

  /** The run request of the editor's scenario (what-if value, toolbar's replications, data files). */
  #request(choice: { replications?: number; precision?: number } = {}): RunRequest {
    return {
      text: this.#text,
      file: this.#file,
      lesson: this.#shipped(this.#file)?.lesson ?? null,
      ...lessonLanguages(this.#shipped(this.#file), pageLang()),
      whatIf: this.#whatIf.value ? [this.#whatIf.value] : [],
      ...choice,
      files: this.#dataFiles.files(),
    };
  }

  /** Run and Cancel follow whether something runs. */
  #busy(running: boolean): void {
    this.#running = running;
    $<HTMLButtonElement>('run').disabled = running;
    $<HTMLButtonElement>('cancel').disabled = !running;
    $<HTMLButtonElement>('check').disabled = running;
  }

  /** Shows `said` under the toolbar, in the page's language. */
  #message(said: Said, bad = false): void {
    this.#said = { said, bad };
    const m = $('messages');
    m.textContent = said(pageLang());
    m.classList.toggle('bad', bad);
  }

  /** The language changed: the page's words, the lesson, the line and the highlights follow it. */
  #relang(): void {
    applyUiLang(document, pageLang());
    this.#renderGallery($<HTMLInputElement>('search').value);
    this.challenges.reword();
    this.#showScenario();
    this.#message(this.#said.said, this.#said.bad);
    this.#dataFiles.reword();
    this.#drawHighlights();
    setEditorLang(this.#editor, pageLang());
  }

  /** Runs the editor's scenario (with the what-if value); resolves when it has ended. */
  async run(): Promise<RunResult | undefined> {
    if (this.#running) return undefined;
    const [count, percent] = [
      $<HTMLInputElement>('replications').value,
      $<HTMLInputElement>('precision').value,
    ];
    const choice = replicationChoice(count, percent);
    if ('problem' in choice) {
      const problem = (lang: Lang) => {
        const c = replicationChoice(count, percent, lang);
        return 'problem' in c ? `${c.problem}.` : '';
      };
      this.#message((lang) => ui(lang, 'run.nothing', { problem: problem(lang) }), true);
      return undefined;
    }
    this.#busy(true);
    this.#message((lang) => ui(lang, 'run.running'));
    showProgress({ variant: '', index: 0, of: 1, simMs: 0, durationMs: 1 });
    let result: RunResult;
    try {
      result = await this.#runner.run(this.#request(choice), (p) => showProgress(p));
    } finally {
      this.#busy(false);
      showProgress(undefined);
    }
    this.#show(result);
    return result;
  }

  #show(result: RunResult): void {
    document.body.dataset.lastRun = result.kind;
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
    const { said, bad } = runLine(result);
    this.#message(said, bad);
    if (result.kind !== 'done') return;
    this.lastRun = result;
    const files = new Map(result.files);
    this.#results = files.get('results.json');
    this.#showLesson();
    $<HTMLIFrameElement>('report').srcdoc = files.get('index.html') ?? '';
    this.#showHighlights(files.get('summary.json'));
    this.#downloads.offer(result.files);
  }

  /** The highlights of the last run (highlights.ts), compared with the run before of the same scenario. */
  #showHighlights(summaryJson: string | undefined): void {
    const rows = summaryJson === undefined ? [] : highlightRows(summaryJson);
    const previous = this.#previous?.file === this.#file ? this.#previous.rows : [];
    this.#shown = { rows, previous };
    this.#drawHighlights();
    this.#previous = { file: this.#file, rows };
  }

  #drawHighlights(): void {
    const { table, verdict } = highlightsTable(this.#shown.rows, this.#shown.previous, pageLang());
    $('highlights').replaceChildren(...table);
    $('slo-status').replaceChildren(...verdict);
  }

  /** Forgets the last run's report and downloads (they belong to another scenario). */
  #clearResults(): void {
    this.#results = undefined;
    this.#downloads.clear();
    this.#shown = { rows: [], previous: [] };
    this.#drawHighlights();
    $<HTMLIFrameElement>('report').srcdoc = '';
    this.#message(() => '');
  }

  // ---- share -----------------------------------------------------------------------------

  #share(): void {
    const hash = encodeShare({
      file: this.#file,
      text: this.#text,
      ...(this.#whatIf.value ? { whatIf: this.#whatIf.value } : {}),
    });
    const url = `${location.href.replace(/#.*$/, '')}${hash}`;
    history.replaceState(null, '', hash);
    navigator.clipboard?.writeText(url).catch(() => undefined);
    this.#message((lang) => `${ui(lang, 'share.made', { n: url.length })}\n${url}`);
  }

  #openShareLink(): void {
    const hash = location.hash;
    const decoded = decodeShare(hash);
    if (decoded === undefined) return;
    if ('problem' in decoded) {
      const problem = (lang: Lang) => {
        const d = decodeShare(hash, lang);
        return d !== undefined && 'problem' in d ? d.problem : '';
      };
      this.#message((lang) => ui(lang, 'share.cannotOpen', { problem: problem(lang) }), true);
      return;
    }
    const { shared } = decoded;
    // the link's scenario is kept as an edit of its file, unless the user has another edit of
    // that file: then it goes beside it (shared/<name>) so nothing of theirs is overwritten
    const mine = this.#edits.get(shared.file);
    const file =
      mine !== undefined && mine !== shared.text
        ? `shared/${shared.file.split('/').pop() ?? 'shared.yaml'}`
        : shared.file;
    this.#file = file;
    saveCurrent(file);
    this.#clearResults();
    setEditorText(this.#editor, shared.text);
    // the fragment is read once: a reload opens the (possibly edited) scenario from storage
    history.replaceState(null, '', location.href.replace(/#.*$/, ''));
    this.#renderGallery($<HTMLInputElement>('search').value);
    this.#showScenario();
    if (shared.whatIf) this.#whatIf.set(shared.whatIf);
    this.#message((lang) => ui(lang, 'share.opened', { file }));
  }

  /** Runs (or checks) again once nothing has changed for `delayMs` (a running one is cancelled first). */
  #rerunSoon(delayMs: number, check = false): void {
    clearTimeout(this.#rerunTimer);
    this.#rerunTimer = setTimeout(() => {
      if (this.#running) this.#runner.cancel();
      const again = (): void => {
        if (this.#running) setTimeout(again, 20);
        else void (check ? this.challenges.check(false) : this.run());
      };
      again();
    }, delayMs);
  }

  /** For tests and the console: the editor's view and the validation issues last seen. */
  get editor(): EditorView {
    return this.#editor;
  }
  get issues(): ScenarioIssue[] {
    return this.#issues;
  }
}

// the page's language (the browser's at first) is the lesson's and the report's too
initPageLang();
applyUiLang(document, pageLang());
loadAssets()
  .then((assets) => {
    (window as unknown as { playground: Playground }).playground = new Playground(assets);
    document.body.dataset.ready = 'true';
  })
  .catch((e: Error) => {
    const m = document.getElementById('messages');
    if (m) m.textContent = ui(pageLang(), 'start.failed', { reason: e.message });
  });
