/**
 * The playground's downloads: a file saved at once (the scenario), and the links to a run's
 * report files, whose object URLs are released when the next run's replace them.
 */
import type { Lang } from '../report/i18n/lang.ts';
import { el } from './assets.ts';
import { worded } from './ui-lang.ts';

/** The MIME type of a report file by its name. */
const typeOf = (name: string): string =>
  name.endsWith('.html') ? 'text/html' : name.endsWith('.csv') ? 'text/csv' : 'application/json';

/** Saves `text` as the file `name` (the browser's download). */
export function downloadText(name: string, text: string, type: string): void {
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The links to the last run's files, in `box`. */
export class DownloadLinks {
  #urls: string[] = [];
  constructor(
    private readonly box: HTMLElement,
    private readonly lang: () => Lang,
  ) {}

  /** No links (their URLs released). */
  clear(): void {
    for (const u of this.#urls) URL.revokeObjectURL(u);
    this.#urls = [];
    this.box.replaceChildren();
  }

  /** A link per file, replacing the last run's. */
  offer(files: [string, string][]): void {
    this.clear();
    // in the page's language, and again when it changes (ui-lang.ts)
    this.box.append(worded(el('span'), 'download', this.lang()));
    for (const [name, text] of files) {
      const href = URL.createObjectURL(new Blob([text], { type: typeOf(name) }));
      this.#urls.push(href);
      this.box.append(el('a', { href, download: name }, [name]), ' ');
    }
  }
}
