/**
 * The data files a scenario's workloads read (`replay:`, `rateProfile:`), under the editor: a
 * file button per name the scenario writes, with the file given (its name and size) or a note
 * that it is missing; a file dropped anywhere on the page goes to the name it matches (the drop
 * is taken before the editor, which would insert a dropped file's text). The files stay with
 * the page (by name) while scenarios change; a run gets the ones its scenario reads, and the
 * worker reads them (data-files.ts). Built as DOM text, never markup, worded in the page's
 * language (ui-words.ts) and again when it changes (`reword`).
 */
import type { Lang } from '../report/i18n/lang.ts';
import { el } from './assets.ts';
import { type Said, ui } from './ui-words.ts';

export class DataFilesPanel {
  /** The files given, by the name scenarios write. */
  readonly #given = new Map<string, File>();
  /** The names the scenario in the editor reads. */
  #needed: string[] = [];

  constructor(
    private readonly box: HTMLElement,
    private readonly complain: (said: Said) => void,
    private readonly lang: () => Lang,
  ) {
    window.addEventListener('dragover', (e) => e.preventDefault(), true);
    window.addEventListener(
      'drop',
      (e) => {
        const dropped = [...(e.dataTransfer?.files ?? [])];
        if (dropped.length === 0) return;
        e.preventDefault();
        e.stopPropagation();
        this.give(dropped);
      },
      true,
    );
  }

  /** A file button per data file the scenario reads (redrawn only when the names change). */
  show(names: string[]): void {
    if (names.join('\n') === this.#needed.join('\n')) return;
    this.#needed = names;
    this.box.replaceChildren();
    for (const name of names) {
      const input = el('input', { type: 'file' });
      input.dataset.name = name;
      input.addEventListener('change', () => {
        const f = input.files?.[0];
        if (f !== undefined) this.#given.set(name, f);
        this.#mark();
      });
      const row = el('div', {}, [el('label', {}, [el('span'), input]), el('span')]);
      row.dataset.name = name;
      this.box.append(row);
    }
    this.reword();
  }

  /** Words the rows in the page's language (again when it changes). */
  reword(): void {
    const lang = this.lang();
    for (const row of this.box.querySelectorAll<HTMLElement>(':scope > div')) {
      const name = row.dataset.name ?? '';
      row.querySelector('input')?.setAttribute('aria-label', ui(lang, 'data.fileLabel', { name }));
      const label = row.querySelector('label > span');
      if (label !== null) label.textContent = ui(lang, 'data.file', { name });
    }
    this.#mark();
  }

  /** Dropped files go to the names they match (by the file's own name). */
  give(files: File[]): void {
    const unknown: string[] = [];
    for (const f of files) {
      const name = this.#needed.find((n) => (n.split('/').pop() ?? n) === f.name);
      if (name === undefined) unknown.push(f.name);
      else this.#given.set(name, f);
    }
    this.#mark();
    const needed = this.#needed.join(', ');
    if (unknown.length > 0)
      this.complain((lang) =>
        ui(lang, 'data.unknown', {
          files: unknown.join(', '),
          reads: needed || ui(lang, 'data.none'),
        }),
      );
  }

  #mark(): void {
    const lang = this.lang();
    for (const row of this.box.querySelectorAll<HTMLElement>(':scope > div')) {
      const f = this.#given.get(row.dataset.name ?? '');
      const note = row.querySelector(':scope > span');
      if (note === null) continue;
      note.className = f === undefined ? 'missing' : '';
      note.textContent =
        f === undefined
          ? ui(lang, 'data.missing')
          : ui(lang, 'data.given', { file: f.name, size: f.size.toLocaleString('en') });
    }
  }

  /** The files of a run: the ones given for the names the scenario reads. */
  files(): Record<string, File> {
    const out: Record<string, File> = {};
    for (const name of this.#needed) {
      const f = this.#given.get(name);
      if (f !== undefined) out[name] = f;
    }
    return out;
  }
}
