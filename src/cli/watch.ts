/**
 * `msasim run --watch`: run the scenario, then run it again each time the scenario file or its
 * lesson (`x.md` beside `x.yaml`, or a translation `x.ko.md`, `x.en.md`) is saved, rewriting the report, until Ctrl-C. The folder
 * holding them is watched (editors often save by writing a new file and renaming it over the
 * old one, which a watch on the file itself would lose); events for other files are ignored,
 * and a burst of events within DEBOUNCE_MS (one save often makes several) is one rerun. A
 * rerun never overlaps the one before: a save during a run makes one more run after it. A
 * problem in the saved scenario is printed and the watch goes on. The report page cannot
 * reload itself without a server (it is a file): the console says "reload the page". Ctrl-C
 * stops the watch; a run in progress ends first, its report written whole (never half).
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../report/i18n/lang.ts';
import { translationFileOf } from '../scenario/lesson-translation.ts';
import { LESSON_LANGS } from '../scenario/lesson-types.ts';
import type { CliIo } from './io.ts';

/** Saves closer together than this are one change, ms. */
export const DEBOUNCE_MS = 250;

/** The files whose saves rerun `file`: itself, its lesson and the lesson's translations. */
export function watchedNames(file: string): string[] {
  const name = basename(file);
  const lesson = name.replace(/\.(ya?ml|json)$/i, '.md');
  if (lesson === name) return [name];
  return [name, lesson, ...LESSON_LANGS.map((l) => translationFileOf(lesson, l))];
}

/**
 * The line after each run: done (0, or 3 for a missed SLO: the report was written) says to
 * reload the page; failed says the report was not rewritten (a problem in the saved file,
 * printed above it). Then the files watched, listed as a sentence (in Korean: a list).
 */
export function watchLine(
  run: number,
  time: string,
  code: number,
  watched: string[],
  lang: Lang = 'en',
): string {
  if (lang === 'ko') {
    const result =
      code === 0 || code === 3
        ? '완료. 페이지를 새로 고치면 보고서가 보입니다'
        : '실패: 보고서를 다시 쓰지 않았습니다. 파일을 고쳐 다시 저장하세요';
    return `watch: ${time} 실행 ${run} ${result}. 지켜보는 파일: ${watched.join(', ')} (멈추려면 Ctrl-C)`;
  }
  const outcome =
    code === 0 || code === 3
      ? 'done; reload the page to see the report'
      : 'failed: the report was not rewritten; fix the file and save it again';
  const files =
    watched.length === 1
      ? watched[0]
      : `${watched.slice(0, -1).join(', ')} and ${watched[watched.length - 1]}`;
  return `watch: run ${run} at ${time} ${outcome}. Watching ${files} (Ctrl-C to stop)`;
}

/**
 * Runs `once` now and after every save of `file` or its lesson, until SIGINT or SIGTERM (then
 * resolves with 0). `once` reports its own problems and returns its exit code.
 */
export async function watchAndRerun(
  file: string,
  once: () => Promise<number>,
  io: CliIo,
  lang: Lang = 'en',
): Promise<number> {
  const folder = dirname(resolve(file));
  const names = new Set(watchedNames(file));
  let runs = 0;
  let running = false;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const stamp = () => new Date().toLocaleTimeString('en-GB', { hour12: false });
  const runOnce = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      runs++;
      const code = await once().catch((e: unknown) => {
        io.err(`✖ ${(e as Error).message}\n`);
        return 1;
      });
      const watched = watchedNames(file).map((n) => join(dirname(file), n));
      io.err(`${watchLine(runs, stamp(), code, watched, lang)}\n`);
    } while (again && !stopped);
    running = false;
  };
  return new Promise<number>((done) => {
    let watcher: FSWatcher | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      watcher?.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err(lang === 'ko' ? 'watch: 멈췄습니다\n' : 'watch: stopped\n');
      done(0);
    };
    // Ctrl-C during the first run stops too (the run ends at its next checkpoint's yield)
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    watcher = watch(folder, (_event, name) => {
      if (name === null || !names.has(String(name))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void runOnce(), DEBOUNCE_MS);
    });
    void runOnce();
  });
}
