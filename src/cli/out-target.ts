/**
 * The thin fs layer around `out-rules.ts`: gathers the facts about an output path (lstat of the
 * target, stat of the nearest existing folder above it, the folder's entries and marker, the
 * anchor file of an older unmarked output) and asks `decideOut`. Commands call `checkOut` before
 * they run anything, so a refusal costs no waiting and touches nothing; the writers call it
 * again just before writing (the disk may have changed during a long run). It only looks: it
 * never opens anything but a regular file (safe-read.ts), and looks at nothing at all for a path
 * the path rules already refuse (so /proc/x or /dev/null are never even lstat'ed).
 */
import { constants } from 'node:fs';
import { access, lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { OutPathError } from './errors.ts';
import {
  decideOut,
  type EntryKind,
  LEGACY_ANCHOR,
  MARKER_FILE,
  type OutFacts,
  type OutputKind,
  type OutVerdict,
  parseMarker,
  pathVerdict,
  refusalText,
  refusalTextKo,
  type TargetFacts,
} from './out-rules.ts';
import { kindOf, readRegularFile } from './safe-read.ts';

/** An output folder that passed the check: where to write and how to check it again. */
export interface OutTarget {
  option: string;
  given: string;
  kind: OutputKind;
  /** Absolute, with its existing part resolved through links; every write uses this path. */
  path: string;
  keep: readonly { path: string; what: string }[];
  verdict: Extract<OutVerdict, { ok: true }>;
}

/** What checkOut needs besides the path. */
export interface CheckOutOptions {
  /** How the user names the option in messages (default `--out`). */
  option?: string;
  /** Files the output folder must not hold, e.g. { path: the scenario, what: 'the scenario file' }. */
  keep?: readonly { path: string; what: string }[];
}

const MARKER_MAX_BYTES = 64 * 1024;
const ANCHOR_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Checks that `kind` output may be written at `given`. @throws OutPathError (exit 2) saying why
 * not and what to do; nothing on disk is changed either way.
 */
export async function checkOut(
  given: string,
  kind: OutputKind,
  options: CheckOutOptions = {},
): Promise<OutTarget> {
  const option = options.option ?? '--out';
  const keep = await keepPaths(options.keep ?? []);
  const facts = await gatherOutFacts(given, kind, option, keep);
  const verdict = decideOut(facts);
  if (!verdict.ok)
    throw new OutPathError(refusalText(facts, verdict.why, verdict.todo), {
      ko: refusalTextKo(facts, verdict.whyKo, verdict.todoKo),
    });
  return { option, given, kind, path: facts.resolved, keep, verdict };
}

/** checkOut again for `target` just before writing. @throws OutPathError when it changed. */
export async function recheckOut(target: OutTarget): Promise<OutTarget> {
  const again = await checkOut(target.given, target.kind, target);
  if (again.path !== target.path)
    throw new OutPathError(
      refusalText(
        target,
        `it now leads to ${again.path} instead of ${target.path} (a link changed while msasim ran)`,
        'run the command again',
      ),
      {
        ko: refusalTextKo(
          target,
          `가리키는 곳이 바뀌었습니다: ${target.path} → ${again.path} (msasim이 실행되는 동안 링크가 바뀌었습니다)`,
          '명령을 다시 실행하세요',
        ),
      },
    );
  return again;
}

/** The paths to keep, as given and resolved through links. */
async function keepPaths(
  keep: readonly { path: string; what: string }[],
): Promise<{ path: string; what: string }[]> {
  const out: { path: string; what: string }[] = [];
  for (const k of keep) {
    const lexical = resolve(k.path);
    out.push({ path: lexical, what: k.what });
    for (const p of [lexical, dirname(lexical)]) {
      const real = await realpath(p).catch(() => undefined);
      if (real === undefined) continue;
      const path = p === lexical ? real : join(real, relative(p, lexical));
      if (!out.some((o) => o.path === path)) out.push({ path, what: k.what });
    }
  }
  return out;
}

/**
 * The facts `decideOut` needs about `given`. Stops early (without `ancestor` and `target`) when
 * the path alone is refused.
 */
export async function gatherOutFacts(
  given: string,
  kind: OutputKind,
  option: string,
  keep: readonly { path: string; what: string }[],
): Promise<OutFacts> {
  const lexical = given === '' ? '' : resolve(given);
  const here = process.cwd();
  const cwd = [...new Set([here, await realpath(here).catch(() => here)])];
  const facts: OutFacts = { option, given, kind, lexical, resolved: lexical, cwd, keep };
  if (pathVerdict(facts) !== undefined) return facts;
  const ancestor = await nearestFolder(dirname(lexical));
  facts.resolved =
    ancestor.real === undefined ? lexical : join(ancestor.real, relative(ancestor.path, lexical));
  const marked = ancestor.kind === 'dir' ? await markedKind(ancestor.path) : undefined;
  facts.ancestor = {
    path: ancestor.path,
    kind: ancestor.kind,
    writable: ancestor.kind === 'dir' && (await isWritable(ancestor.path)),
    ...(ancestor.error === undefined ? {} : { error: ancestor.error }),
    ...(marked === undefined ? {} : { marked }),
  };
  if (pathVerdict(facts) !== undefined || ancestor.kind !== 'dir') return facts;
  facts.target = await targetFacts(facts.resolved, kind);
  return facts;
}

/** The kind of msasim output folder `dir` is, by its marker; undefined when it has none. */
async function markedKind(dir: string): Promise<OutputKind | undefined> {
  const text = await readRegularFile(join(dir, MARKER_FILE), MARKER_MAX_BYTES).catch(
    () => undefined,
  );
  return text === undefined ? undefined : parseMarker(text)?.kind;
}

/** The nearest existing path at or above `start`, followed through links. */
async function nearestFolder(
  start: string,
): Promise<{ path: string; kind: EntryKind; real?: string; error?: string }> {
  let p = start;
  for (;;) {
    try {
      const st = await stat(p);
      const real = await realpath(p).catch(() => undefined);
      return { path: p, kind: kindOf(st), ...(real === undefined ? {} : { real }) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        return { path: p, kind: 'other', error: errorWords(e) };
      // a dangling link is something, not nothing: lstat tells
      const l = await lstat(p).catch(() => undefined);
      if (l !== undefined) return { path: p, kind: kindOf(l) };
    }
    const up = dirname(p);
    if (up === p) return { path: p, kind: 'other', error: 'nothing exists above it' };
    p = up;
  }
}

/** lstat of the target; a folder's entries, marker and legacy anchor. */
async function targetFacts(path: string, kind: OutputKind): Promise<TargetFacts> {
  let st: Awaited<ReturnType<typeof lstat>>;
  try {
    st = await lstat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'other' };
  }
  const entryKind = kindOf(st);
  if (entryKind === 'symlink') {
    const to = await stat(path).catch(() => undefined);
    return { kind: 'symlink', linkTo: to === undefined ? 'absent' : kindOf(to) };
  }
  if (entryKind !== 'dir') return { kind: entryKind };
  let dirents: import('node:fs').Dirent[];
  try {
    dirents = await readdir(path, { withFileTypes: true });
  } catch (e) {
    return { kind: 'dir', writable: false, unreadable: errorWords(e) };
  }
  const entries = dirents.map((d) => ({ name: d.name, kind: kindOf(d) }));
  const facts: TargetFacts = { kind: 'dir', writable: await isWritable(path), entries };
  if (entries.some((e) => e.name === MARKER_FILE && e.kind === 'file'))
    facts.marker = await readRegularFile(join(path, MARKER_FILE), MARKER_MAX_BYTES).catch(
      () => null,
    );
  else if (entries.some((e) => e.name === LEGACY_ANCHOR[kind] && e.kind === 'file'))
    facts.anchorOk = await anchorLooksRight(join(path, LEGACY_ANCHOR[kind]), kind);
  return facts;
}

/** Whether an unmarked folder's anchor file is one an older msasim wrote. */
async function anchorLooksRight(path: string, kind: OutputKind): Promise<boolean> {
  try {
    const json = JSON.parse(await readRegularFile(path, ANCHOR_MAX_BYTES)) as Record<
      string,
      unknown
    > | null;
    if (json === null || typeof json !== 'object') return false;
    if (kind === 'sweep') return typeof json.fingerprint === 'string' && Array.isArray(json.params);
    return typeof json.format === 'number' && typeof json.scenario === 'object';
  } catch {
    return false;
  }
}

async function isWritable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder stands where a file should be',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'it goes through too many symbolic links',
  EEXIST: 'something else appeared there meanwhile (another msasim run?)',
  ENOTEMPTY: 'something else appeared there meanwhile (another msasim run?)',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the device reported an input/output error',
  EBUSY: 'it is in use',
  EXDEV: 'it is on another device',
  ENOENT: 'it disappeared meanwhile',
  EINVAL: 'the file system refuses that name or operation',
};

/** A file-system error in words with its code ("no space is left on the device (ENOSPC)"), or undefined for one msasim does not know. */
export function errnoWords(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === undefined || !(code in ERRNO_WORDS)) return undefined;
  return `${ERRNO_WORDS[code]} (${code})`;
}

/** errnoWords in Korean ("장치에 남은 공간이 없습니다 (ENOSPC)"). */
export function errnoWordsKo(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === undefined || !(code in ERRNO_WORDS_KO)) return undefined;
  return `${ERRNO_WORDS_KO[code]} (${code})`;
}

const ERRNO_WORDS_KO: Record<string, string> = {
  EACCES: '권한이 없습니다',
  EPERM: '허용되지 않는 작업입니다',
  ENOSPC: '장치에 남은 공간이 없습니다',
  EDQUOT: '디스크 할당량을 넘었습니다',
  EROFS: '읽기 전용 파일 시스템입니다',
  ENOTDIR: '경로의 일부가 폴더가 아니라 파일입니다',
  EISDIR: '파일이 있어야 할 곳에 폴더가 있습니다',
  ENAMETOOLONG: '이름이 너무 깁니다',
  ELOOP: '심볼릭 링크를 너무 많이 거칩니다',
  EEXIST: '그사이에 다른 것이 생겼습니다 (다른 msasim 실행?)',
  ENOTEMPTY: '그사이에 다른 것이 생겼습니다 (다른 msasim 실행?)',
  EMFILE: '열린 파일이 너무 많습니다',
  ENFILE: '열린 파일이 너무 많습니다',
  EIO: '장치가 입출력 오류를 알렸습니다',
  EBUSY: '사용 중입니다',
  EXDEV: '다른 장치에 있습니다',
  ENOENT: '그사이에 사라졌습니다',
  EINVAL: '파일 시스템이 그 이름이나 작업을 거부합니다',
};

function errorWords(e: unknown): string {
  return errnoWords(e) ?? String((e as Error).message);
}
