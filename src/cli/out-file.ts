/**
 * Where msasim may write a single output file (`msasim playground --out playground.html`):
 * the same path rules as an output folder (out-rules.ts `pathVerdict`: not empty, not `/`,
 * /proc, /sys or /dev, …), then the target must be absent (created) or a regular file that
 * msasim wrote, recognised by the marker its first bytes hold (replaced). A file msasim did not
 * write, a folder, a symbolic link, a FIFO or a device is refused before anything is touched
 * (exit 2). `decideFileOut` is pure (tests pass fake facts); `writeFileOut` gathers the facts,
 * decides, writes a temporary file beside the target (created exclusively, fsync'd), checks
 * again and renames it over the target.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OutPathError } from './errors.ts';
import { writeFailure, writeFileSynced } from './io.ts';
import {
  type EntryKind,
  KIND_WORDS,
  KIND_WORDS_KO,
  pathVerdict,
  refusalText,
  refusalTextKo,
} from './out-rules.ts';
import { kindOf } from './safe-read.ts';

/** What a single-file output needs to know about its path. */
export interface FileOutFacts {
  option: string;
  given: string;
  lexical: string;
  resolved: string;
  cwd: readonly string[];
  /** The folder that would hold the file (followed through links). */
  folder?: { path: string; kind: EntryKind | 'absent'; writable: boolean };
  /** What is at the path now (lstat), and for a regular file whether it holds `marker`. */
  target?: { kind: EntryKind; marked?: boolean };
}

export type FileOutVerdict =
  | { ok: true; action: 'create' | 'replace' }
  | { ok: false; why: string; todo: string; whyKo: string; todoKo: string };

const CHOOSE = 'choose another file name (a new name is fine: msasim creates the file)';
const CHOOSE_KO = '다른 파일 이름을 고르세요 (새 이름도 됩니다: msasim이 파일을 만듭니다)';

/**
 * Whether msasim may write its file at `f.given`, and how; `what` names the file (English and
 * Korean) in a refusal.
 */
export function decideFileOut(
  f: FileOutFacts,
  what: string,
  whatKo: string = what,
): FileOutVerdict {
  const byPath = pathVerdict({ ...f, keep: [] });
  if (byPath !== undefined && !byPath.ok) return byPath;
  const { folder, target } = f;
  if (folder === undefined || target === undefined) throw new Error('decideFileOut needs facts');
  if (folder.kind !== 'dir')
    return {
      ok: false,
      why: `${folder.path} is ${folder.kind === 'absent' ? 'missing' : KIND_WORDS[folder.kind]}, not a folder`,
      todo: `create the folder first, or ${CHOOSE}`,
      whyKo:
        folder.kind === 'absent'
          ? `${folder.path}: 폴더가 없습니다`
          : `${folder.path}: 폴더가 아니라 ${KIND_WORDS_KO[folder.kind]}입니다`,
      todoKo: `먼저 폴더를 만들거나, ${CHOOSE_KO}`,
    };
  if (!folder.writable)
    return {
      ok: false,
      why: `the folder ${folder.path} is not writable`,
      todo: CHOOSE,
      whyKo: `${folder.path} 폴더에 쓸 권한이 없습니다`,
      todoKo: CHOOSE_KO,
    };
  if (target.kind === 'absent') return { ok: true, action: 'create' };
  if (target.kind === 'file' && target.marked) return { ok: true, action: 'replace' };
  if (target.kind === 'file')
    return {
      ok: false,
      why: `a file is there that msasim did not write (it is not ${what})`,
      todo: `${CHOOSE}, or move that file away; msasim replaces only ${what} it wrote`,
      whyKo: `msasim이 쓰지 않은 파일이 있습니다 (${whatKo}이 아닙니다)`,
      todoKo: `${CHOOSE_KO}. 또는 그 파일을 옮기세요. msasim은 자신이 쓴 ${whatKo}만 바꿉니다`,
    };
  return {
    ok: false,
    why: `it is ${KIND_WORDS[target.kind]}`,
    todo: CHOOSE,
    whyKo: `${KIND_WORDS_KO[target.kind]}입니다`,
    todoKo: CHOOSE_KO,
  };
}

/** Bytes read from the start of an existing file to look for the marker. */
const HEAD_BYTES = 4096;

async function headOf(path: string): Promise<string> {
  // non-blocking and never through a link: a FIFO swapped in does not hang, a link is refused
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    if (!(await handle.stat()).isFile()) return '';
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The facts of `given` (lstat of the target, the folder above it followed through links). */
export async function gatherFileOutFacts(
  given: string,
  option: string,
  marker: string,
): Promise<FileOutFacts> {
  const lexical = given === '' ? '' : resolve(given);
  const here = process.cwd();
  const cwd = [...new Set([here, await realpath(here).catch(() => here)])];
  const facts: FileOutFacts = { option, given, lexical, resolved: lexical, cwd };
  if (pathVerdict({ ...facts, keep: [] }) !== undefined) return facts;
  const folderPath = dirname(lexical);
  let folder: FileOutFacts['folder'];
  try {
    const real = await realpath(folderPath);
    const st = await stat(real);
    const writable = st.isDirectory() && (await isWritable(real));
    folder = { path: folderPath, kind: kindOf(st), writable };
    facts.resolved = join(real, basename(lexical));
  } catch {
    folder = { path: folderPath, kind: 'absent', writable: false };
  }
  facts.folder = folder;
  if (folder.kind !== 'dir') {
    facts.target = { kind: 'absent' };
    return facts;
  }
  try {
    const st = await lstat(facts.resolved);
    const kind = kindOf(st);
    facts.target =
      kind === 'file'
        ? { kind, marked: (await headOf(facts.resolved)).includes(marker) }
        : { kind };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw writeFailure(e, given, 'nothing was written');
    facts.target = { kind: 'absent' };
  }
  return facts;
}

async function isWritable(path: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/**
 * Writes `text` at `given` if msasim may (see decideFileOut); `marker` is what every file of
 * this kind holds in its first 4 KB. @throws OutPathError (exit 2) with nothing touched.
 */
export async function writeFileOut(
  given: string,
  option: string,
  text: string,
  marker: string,
  what: string,
  whatKo: string = what,
): Promise<void> {
  if (!text.slice(0, HEAD_BYTES).includes(marker))
    throw new Error(`the ${what} does not hold its marker in its first ${HEAD_BYTES} bytes`);
  const check = async (): Promise<FileOutFacts> => {
    const facts = await gatherFileOutFacts(given, option, marker);
    const verdict = decideFileOut(facts, what, whatKo);
    if (!verdict.ok)
      throw new OutPathError(refusalText(facts, verdict.why, verdict.todo), {
        ko: refusalTextKo(facts, verdict.whyKo, verdict.todoKo),
      });
    return facts;
  };
  const facts = await check();
  const temporary = join(
    dirname(facts.resolved),
    `.${basename(facts.resolved)}.tmp-${process.pid}`,
  );
  try {
    await writeFileSynced(temporary, text);
  } catch (e) {
    await unlink(temporary).catch(() => undefined);
    throw writeFailure(e, given, 'nothing was written');
  }
  try {
    await check(); // again: something may have appeared there meanwhile
    await rename(temporary, facts.resolved);
  } catch (e) {
    await unlink(temporary).catch(() => undefined);
    throw e instanceof OutPathError ? e : writeFailure(e, given, 'nothing was written');
  }
}
