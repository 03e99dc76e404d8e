/**
 * File-system access for the commands (the console is console-io.ts, re-exported here): the
 * write protocol of an output folder that is replaced whole (run, compare, spof).
 *
 * The protocol (target T, token K = <pid>-<random hex>):
 *   0. tidy: leftovers of earlier killed runs beside T (`.T.tmp-K`, `.T.old-K` whose pid is
 *      dead and which hold msasim's marker) are recovered or removed (rule below);
 *   1. check T again (`out-target.ts`: absent, empty or msasim's; nothing else is touched);
 *   2. write `.T.tmp-K` beside T: the marker `.msasim-report` first (naming every file), then
 *      each file (created exclusively, fsync'd), then fsync the folder;
 *   3. if T exists: rename T → `.T.old-K` (an older unmarked msasim folder gets a marker first);
 *   4. rename `.T.tmp-K` → T, fsync the parent;
 *   5. delete `.T.old-K`: only the files its marker lists, then the marker, then the empty folder
 *      (never a recursive delete; anything else found there is left, with a warning).
 * A kill leaves T complete (old or new) except between 3 and 4. Recovery rule (step 0, run by the
 * next write to T): when T is missing and `.T.old-K` exists, `.T.tmp-K` (same K) was complete
 * before 3 began, so it is renamed to T (the new report is finished); without it the old is
 * renamed back. Leftovers of a live process are left alone. MSASIM_TEST_CRASH_AT=<stage> makes
 * the process SIGKILL itself at that stage (tests only; see WRITE_STAGES).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InternalError, OutputWriteError } from './errors.ts';
import { MARKER_FILE, markerText, parseMarker, REPORT_TEMPORARY } from './out-rules.ts';
import { errnoWords, errnoWordsKo, type OutTarget, recheckOut } from './out-target.ts';
import { readRegularFile } from './safe-read.ts';
import { VERSION } from './version.ts';

export { type CliIo, ignoreClosedPipes, processIo } from './console-io.ts';

/** The steps of the write protocol, in order, at which a test may stop the process. */
export const WRITE_STAGES = [
  'tmp-created',
  'tmp-file',
  'tmp-complete',
  'old-aside',
  'new-in',
  'old-file',
  'old-emptied',
] as const;
export type WriteStage = (typeof WRITE_STAGES)[number];

/** What the protocol needs from the process; tests inject their own. */
export interface WriteEnv {
  pid: number;
  isAlive(pid: number): boolean;
  /** Called at each stage (after each file for tmp-file and old-file). */
  at(stage: WriteStage): void | Promise<void>;
}

/** Whether process `pid` exists (EPERM: it does, someone else's). */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The real process; MSASIM_TEST_CRASH_AT=<stage> kills it at that stage (for the kill tests). */
export const processWriteEnv: WriteEnv = {
  pid: process.pid,
  isAlive: isProcessAlive,
  at: (stage) => {
    if (process.env.MSASIM_TEST_CRASH_AT === stage) process.kill(process.pid, 'SIGKILL');
  },
};

/**
 * Writes `files` (plain name → text) as folder `target.path`, replacing it whole by the
 * protocol above. Returns warnings to print (leftovers it could not remove).
 * @throws OutPathError when the target is no longer one msasim may write; OutputWriteError when
 * the disk refuses (the previous folder is then intact and the temporary one removed).
 */
export async function writeDirectoryAtomically(
  target: OutTarget,
  files: Map<string, string>,
  env: WriteEnv = processWriteEnv,
): Promise<string[]> {
  for (const name of files.keys())
    if (name === MARKER_FILE || /[/\\]/.test(name) || name.startsWith('.'))
      throw new InternalError(`not a plain output file name: ${name}`);
  const warnings = await tidyLeftovers(target.path, env);
  const checked = await recheckOut(target);
  const path = checked.path;
  const parent = dirname(path);
  const token = `${env.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = join(parent, `.${basename(path)}.tmp-${token}`);
  const old = join(parent, `.${basename(path)}.old-${token}`);
  const where = `the ${target.kind === 'spof' ? 'analysis' : 'report'} to ${target.given}`;
  const whereKo = `${target.kind === 'spof' ? '분석' : '보고서'} (${target.given})`;
  const untouched = { where: whereKo, state: '이전 것은 그대로입니다' };
  try {
    if (checked.verdict.action === 'create') await mkdir(parent, { recursive: true });
    await mkdir(tmp);
    const marker = markerText({ msasim: VERSION, kind: target.kind, files: [...files.keys()] });
    await writeFileSynced(join(tmp, MARKER_FILE), marker);
    await env.at('tmp-created');
    for (const [name, text] of files) {
      await writeFileSynced(join(tmp, name), text);
      await env.at('tmp-file');
    }
    await syncFolder(tmp);
    await env.at('tmp-complete');
  } catch (e) {
    warnings.push(...(await removeOutputFolder(tmp)));
    throw writeFailure(e, where, 'the previous one, if any, is untouched', untouched);
  }
  const replacing = checked.verdict.action === 'replace';
  try {
    if (replacing) {
      const adopt = checked.verdict.adopt;
      if (adopt !== undefined)
        await writeFileSynced(
          join(path, MARKER_FILE),
          markerText({ msasim: VERSION, kind: target.kind, files: adopt }),
        );
      await rename(path, old);
    }
  } catch (e) {
    warnings.push(...(await removeOutputFolder(tmp)));
    throw writeFailure(e, where, 'the previous one is untouched', untouched);
  }
  if (replacing) await env.at('old-aside');
  try {
    await rename(tmp, path);
  } catch (e) {
    const restored = replacing
      ? await rename(old, path).then(
          () => true,
          () => false,
        )
      : true;
    warnings.push(...(await removeOutputFolder(tmp)));
    throw writeFailure(
      e,
      where,
      restored ? 'the previous one is untouched' : `the previous one is kept in ${old}`,
      restored ? untouched : { where: whereKo, state: `이전 것은 ${old}에 남아 있습니다` },
    );
  }
  await env.at('new-in');
  await syncFolder(parent).catch(() => undefined);
  if (replacing) warnings.push(...(await removeOutputFolder(old, env)));
  return warnings;
}

/**
 * A worded OutputWriteError for a known fs error; anything else is rethrown (a bug). `ko`: what
 * was written and the state of the previous output in Korean (default: `where`, "아무것도 쓰지
 * 않았습니다").
 */
export function writeFailure(
  e: unknown,
  where: string,
  state: string,
  ko: { where: string; state: string } = { where, state: '아무것도 쓰지 않았습니다' },
): Error {
  const words = errnoWords(e);
  if (words === undefined) return e as Error;
  const path = (e as NodeJS.ErrnoException).path;
  return new OutputWriteError(
    `cannot write ${where}: ${words}${path ? ` at ${path}` : ''}; ${state}.\n` +
      '  → free some space, fix the permissions, or choose another --out.',
    {
      ko:
        `${ko.where}: 쓸 수 없습니다: ${errnoWordsKo(e)}${path ? ` (${path})` : ''}. ${ko.state}.\n` +
        '  → 공간을 비우거나, 권한을 고치거나, 다른 --out을 고르세요.',
    },
  );
}

/** Writes `text` to a new file `path` (never through an existing file or link) and fsyncs it. */
export async function writeFileSynced(path: string, text: string): Promise<void> {
  const handle = await open(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o666,
  );
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** What a failed atomic write says stayed as it was (writeFileAtomically). */
export const FILE_BEFORE = {
  en: 'the file there before, if any, is untouched',
  ko: '이전 파일은 그대로입니다',
} as const;

/**
 * Writes `text` to `path` through a temporary file in the same folder (`.<name>.tmp-<pid>`,
 * created exclusively, fsync'd) and a rename, so a reader (or an interrupted run) sees the old
 * file or the new one, never half of one. A failure names `before` (what stayed as it was).
 */
export async function writeFileAtomically(
  path: string,
  text: string,
  before: { en: string; ko: string } = FILE_BEFORE,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    try {
      await writeFileSynced(tmp, text);
    } catch (e) {
      // a leftover of a dead run that had this pid
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      await unlink(tmp);
      await writeFileSynced(tmp, text);
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw writeFailure(e, path, before.en, { where: path, state: before.ko });
  }
}

/** fsync of a folder, so the names in it (created, renamed) survive a power cut. */
async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes output folder `dir` if msasim wrote it: the files its marker lists, then the marker,
 * then the folder (only if empty). An empty folder without a marker is removed too, and one
 * holding nothing but an empty marker (a run killed between creating it and writing it);
 * anything else is left. Returns a warning for what it left.
 */
export async function removeOutputFolder(
  dir: string,
  env?: Pick<WriteEnv, 'at'>,
): Promise<string[]> {
  const st = await lstat(dir).catch(() => undefined);
  if (st === undefined) return [];
  if (!st.isDirectory()) return [`left ${dir}: it is not a folder msasim wrote`];
  const text = await readRegularFile(join(dir, MARKER_FILE), 64 * 1024).catch(() => undefined);
  const marker = text === undefined ? undefined : parseMarker(text);
  if (marker !== undefined) {
    const temporaries =
      marker.kind === 'report'
        ? (await readdir(dir).catch(() => [])).filter((n) => REPORT_TEMPORARY.test(n))
        : [];
    for (const name of [...(marker.files ?? []), ...temporaries]) {
      try {
        await unlink(join(dir, name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
          return [`left ${dir}: cannot remove ${name} (${errnoWords(e) ?? (e as Error).message})`];
      }
      await env?.at('old-file');
    }
    await unlink(join(dir, MARKER_FILE)).catch(() => undefined);
    await env?.at('old-emptied');
  } else if (text === '' && (await readdir(dir).catch(() => [])).join('/') === MARKER_FILE) {
    // a run killed between creating its marker (exclusively) and writing it leaves an empty
    // marker alone in its folder: removing it loses nothing, whoever made it
    await unlink(join(dir, MARKER_FILE)).catch(() => undefined);
  }
  try {
    await rmdir(dir);
    return [];
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTEMPTY' || code === 'EEXIST')
      return [`left ${dir}: it holds files msasim did not write; look inside, then delete it`];
    return [`left ${dir}: ${errnoWords(e) ?? (e as Error).message}`];
  }
}

/** `.T.tmp-K` / `.T.old-K` beside T. */
function leftoverPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.(tmp|old)-(\\d+)-([0-9a-f]+)$`);
}

/**
 * Step 0 of the protocol: recovers T from an interrupted replace (see the header) and removes
 * the leftovers of dead runs. Returns warnings (what it recovered, what it had to leave).
 */
export async function tidyLeftovers(path: string, env: WriteEnv): Promise<string[]> {
  const parent = dirname(path);
  const pattern = leftoverPattern(basename(path));
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const stale: { name: string; role: string; token: string }[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (m === null || env.isAlive(Number(m[2]))) continue;
    const st = await lstat(join(parent, name)).catch(() => undefined);
    if (st?.isDirectory()) stale.push({ name, role: m[1], token: `${m[2]}-${m[3]}` });
  }
  if (stale.length === 0) return [];
  const warnings: string[] = [];
  const targetThere = await lstat(path).then(
    () => true,
    () => false,
  );
  if (!targetThere) {
    const olds = stale.filter((s) => s.role === 'old');
    const finished = olds.find((o) => stale.some((s) => s.role === 'tmp' && s.token === o.token));
    const from = finished
      ? stale.find((s) => s.role === 'tmp' && s.token === finished.token)
      : olds[olds.length - 1];
    if (from !== undefined && (await isOutputFolder(join(parent, from.name)))) {
      try {
        await rename(join(parent, from.name), path);
      } catch (e) {
        return [
          `cannot recover ${path} from ${from.name}: ${errnoWords(e) ?? (e as Error).message}`,
        ];
      }
      stale.splice(stale.indexOf(from), 1);
      warnings.push(
        `recovered ${path} from an interrupted run (${from.role === 'tmp' ? 'its new report was complete' : 'the previous report was restored'})`,
      );
    }
  }
  for (const s of stale) warnings.push(...(await removeOutputFolder(join(parent, s.name))));
  return warnings;
}

/** Whether `dir` holds a readable msasim marker, or is empty (an empty folder set aside). */
async function isOutputFolder(dir: string): Promise<boolean> {
  const text = await readRegularFile(join(dir, MARKER_FILE), 64 * 1024).catch(() => undefined);
  if (text !== undefined) return parseMarker(text) !== undefined;
  return (await readdir(dir).catch(() => ['?'])).length === 0;
}
