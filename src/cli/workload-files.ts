/**
 * The CLI's reading of the workloads' data files (`replay:`, `rateProfile:`): the checks, the
 * streaming and the messages are model/replay/data-files.ts's; this module gives them the disk.
 * Paths are relative to the scenario file and shown relative to the working folder; files are
 * read as safe-read.ts reads: regular files only, never through a link, opened non-blocking
 * (a FIFO cannot hang the run), a streamed CSV 64 KB at a time with synchronous reads.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import {
  LineReader as AnyLineReader,
  type ChunkDecoder,
  type ChunkSource,
  type DataFileAccess,
  prepareWorkloadData as prepareWith,
  type ScenarioData,
} from '../model/replay/data-files.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { describeKind, kindOf, readRegularFile, UnsafeFileError } from './safe-read.ts';

export {
  CsvArrivals,
  MAX_LINE_BYTES,
  PROFILE_MAX_BYTES,
  type ScenarioData,
} from '../model/replay/data-files.ts';

/**
 * Opens a regular file for synchronous reading: lstat (no link, no FIFO, no device), open
 * with O_NOFOLLOW | O_NONBLOCK, and fstat again on the open file.
 * @throws UnsafeFileError, or the fs error.
 */
export function openRegularSync(path: string): number {
  const kind = kindOf(lstatSync(path));
  if (kind !== 'file') throw new UnsafeFileError(path, kind, `${path} is not a regular file`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP')
      throw new UnsafeFileError(path, 'symlink', `${path} is a symbolic link`);
    throw e;
  }
  const again = kindOf(fstatSync(fd));
  if (again !== 'file') {
    closeSync(fd);
    throw new UnsafeFileError(path, again, `${path} is not a regular file`);
  }
  return fd;
}

/** An open file descriptor read a chunk at a time. */
function fdChunks(fd: number): ChunkSource {
  let open = true;
  return {
    read: (into) => readSync(fd, into, 0, into.length, null),
    close: () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** Node's UTF-8 decoder (the bytes the CLI has always read, invalid sequences included). */
function stringDecoder(): ChunkDecoder {
  const d = new StringDecoder('utf8');
  return {
    write: (bytes) => d.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)),
    end: () => d.end(),
  };
}

/** The lines of an open file descriptor (LineReader over the disk). */
export class LineReader extends AnyLineReader {
  constructor(fd: number) {
    super(fdChunks(fd), stringDecoder());
  }
}

/** A path as shown in messages: relative to the working folder when inside it. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}

/** The disk, as the data files' reader sees it. */
export const DISK: DataFileAccess = {
  locate: (loaded, name) => resolve(dirname(resolve(loaded.file)), name),
  shown: shownPath,
  readText: (path, maxBytes) => readRegularFile(path, maxBytes),
  open: (path) => fdChunks(openRegularSync(path)),
  decoder: stringDecoder,
  why: (e) =>
    e instanceof UnsafeFileError
      ? e.reason === 'too-large'
        ? e.message.replace(`${e.path} is `, 'it is ')
        : `it is ${describeKind(e.reason)}, not a regular file`
      : (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is no such file'
        : (e as Error).message,
};

/**
 * Reads and checks the data files of every variant of `loaded` from disk (each file once).
 * @throws ScenarioError with the problems of every file.
 */
export function prepareWorkloadData(loaded: LoadedScenario): Promise<ScenarioData> {
  return prepareWith(loaded, DISK);
}
