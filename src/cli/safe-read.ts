/**
 * Reading a file msasim opens on its own (a lesson beside the scenario, a report's results.json,
 * a sweep's plan and points, a marker): only a regular file, never through a symbolic link,
 * never a FIFO or a device (which could hang the run or feed it endless bytes), and no larger
 * than a cap. The file is checked with lstat, then opened with O_NOFOLLOW | O_NONBLOCK (a FIFO
 * opens at once instead of waiting for a writer) and checked again on the open handle, so a
 * file swapped in between is caught too.
 */
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { type EntryKind, KIND_WORDS } from './out-rules.ts';

/** Why a file was not read. */
export class UnsafeFileError extends Error {
  constructor(
    readonly path: string,
    /** What the file turned out to be, or 'too-large'. */
    readonly reason: EntryKind | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeFileError';
  }
}

/** The lstat-like kind of a Stats object. */
export function kindOf(st: {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): EntryKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'other';
}

/** Each kind of entry in words, a missing one as such. */
const WORDS: Record<EntryKind, string> = { ...KIND_WORDS, absent: 'missing' };

/** "a FIFO (named pipe)", "a symbolic link", … */
export function describeKind(kind: EntryKind): string {
  return WORDS[kind];
}

/**
 * The UTF-8 text of regular file `path`. `follow`: whether `path` itself may be a symbolic link
 * (true only for a file the user named explicitly).
 * @throws UnsafeFileError when it is not a regular file or larger than `maxBytes`; the
 * fs error (ENOENT, EACCES, …) when it cannot be opened.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  follow = false,
): Promise<string> {
  return (await readRegularBytes(path, maxBytes, follow)).toString('utf8');
}

/** The bytes of regular file `path`, read and checked as readRegularFile reads them. */
export async function readRegularBytes(
  path: string,
  maxBytes: number,
  follow = false,
): Promise<Buffer> {
  if (!follow) {
    const st = await lstat(path);
    check(path, kindOf(st), st.size, maxBytes);
  }
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (follow ? 0 : constants.O_NOFOLLOW);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, flags);
  } catch (e) {
    // O_NOFOLLOW on a link that appeared after lstat
    if ((e as NodeJS.ErrnoException).code === 'ELOOP')
      throw new UnsafeFileError(path, 'symlink', `${path} is a symbolic link`);
    throw e;
  }
  try {
    const st = await handle.stat();
    check(path, kindOf(st), st.size, maxBytes);
    const buffer = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const { bytesRead } = await handle.read(buffer, read, st.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}

function check(path: string, kind: EntryKind, size: number, maxBytes: number): void {
  if (kind !== 'file')
    throw new UnsafeFileError(path, kind, `${path} is ${WORDS[kind]}, not a regular file`);
  if (size > maxBytes)
    throw new UnsafeFileError(
      path,
      'too-large',
      `${path} is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} msasim reads`,
    );
}

/** "1.5 MB", "800 KB", "12 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
