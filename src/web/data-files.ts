/**
 * The workloads' data files in the playground: a scenario that replays a log (`replay:`) or
 * follows a rate profile (`rateProfile:`) names files the page cannot read from disk, so the
 * user gives them to the page (a file button per name, or a drop), and the worker reads them
 * through the same checks and streaming as the CLI (model/replay/data-files.ts): every row is
 * checked before anything runs, problems at file:line:col with the CLI's words, and a CSV is
 * streamed 64 KB at a time (FileReaderSync, a worker's synchronous reader of a slice), so a large
 * log replays in bounded memory. Names are shown as the CLI shows them when run from the
 * repository (`scenarios/real-data/morning-log.csv`: the scenario's folder joined with the name).
 */
import {
  type ChunkSource,
  type DataFileAccess,
  prepareWorkloadData,
  type ScenarioData,
} from '../model/replay/data-files.ts';
import type { LoadedScenario } from '../scenario/load.ts';

/** The files the page was given, by the name the scenario writes (`file: morning-log.csv`). */
export type PageFiles = Readonly<Record<string, Blob>>;

/** A file the scenario names that the page was not given. */
class NotGiven extends Error {}

/** A file over the reader's bound. */
class TooLarge extends Error {}

/** The names of the data files the scenario's workloads read (every variant's), in order. */
export function dataFileNames(loaded: LoadedScenario): string[] {
  const names = new Set<string>();
  for (const scenario of loaded.variants)
    for (const w of scenario.workloads) {
      if (w.kind === 'replay') names.add(w.replay.file);
      else if (w.kind === 'open' && w.profile !== null) names.add(w.profile.file);
    }
  return [...names];
}

/** `name` joined to the folder of `file` (posix paths: `a/b.yaml` + `c.csv` → `a/c.csv`). */
function besides(file: string, name: string): string {
  if (name.startsWith('/')) return name;
  const parts = file.split('/').slice(0, -1);
  for (const p of name.split('/')) {
    if (p === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** A worker's synchronous reader of blobs (absent outside workers: Node's tests). */
type SyncReader = { readAsArrayBuffer(b: Blob): ArrayBuffer };
const SyncReaderClass = (globalThis as { FileReaderSync?: new () => SyncReader }).FileReaderSync;

/** `blob` read a chunk at a time: synchronously from a slice in a worker, else from `whole`. */
function chunks(blob: Blob, whole: Uint8Array | undefined): ChunkSource {
  let at = 0;
  const reader = SyncReaderClass === undefined ? undefined : new SyncReaderClass();
  return {
    read(into) {
      if (at >= blob.size) return 0;
      const bytes =
        whole !== undefined
          ? whole.subarray(at, at + into.length)
          : new Uint8Array(
              (reader as SyncReader).readAsArrayBuffer(blob.slice(at, at + into.length)),
            );
      into.set(bytes);
      at += bytes.length;
      return bytes.length;
    },
    close() {
      at = blob.size;
    },
  };
}

/**
 * The page's files as the data files' reader sees them. Outside a worker (Node's tests) each
 * file is read whole first; in the playground's worker nothing is read before it is needed.
 */
export async function pageFileAccess(
  file: string,
  files: PageFiles,
): Promise<DataFileAccess & { byPath: Map<string, Blob> }> {
  const byPath = new Map<string, Blob>();
  for (const [name, blob] of Object.entries(files)) byPath.set(besides(file, name), blob);
  const whole = new Map<Blob, Uint8Array>();
  if (SyncReaderClass === undefined)
    for (const blob of byPath.values()) whole.set(blob, new Uint8Array(await blob.arrayBuffer()));
  const get = (path: string): Blob => {
    const blob = byPath.get(path);
    if (blob === undefined) throw new NotGiven(path);
    return blob;
  };
  return {
    byPath,
    locate: (loaded, name) => besides(loaded.file, name),
    shown: (path) => path,
    async readText(path, maxBytes) {
      const blob = get(path);
      if (blob.size > maxBytes)
        throw new TooLarge(`it is ${blob.size} bytes, more than the ${maxBytes} msasim reads`);
      // the BOM is kept, as the CLI reads it (the reader drops it itself)
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
    },
    open: (path) => {
      const blob = get(path);
      return chunks(blob, whole.get(blob));
    },
    decoder() {
      const d = new TextDecoder('utf-8', { ignoreBOM: true });
      return { write: (bytes) => d.decode(bytes, { stream: true }), end: () => d.decode() };
    },
    why: (e) =>
      e instanceof NotGiven
        ? 'the page was not given it: choose it with its button under the editor, or drop it on the page'
        : (e as Error).message,
  };
}

/**
 * Reads and checks the data files of every variant of `loaded` from the page's files.
 * @throws ScenarioError with the problems of every file (a file not given is one).
 */
export async function preparePageData(
  loaded: LoadedScenario,
  files: PageFiles,
): Promise<ScenarioData> {
  return prepareWorkloadData(loaded, await pageFileAccess(loaded.file, files));
}
