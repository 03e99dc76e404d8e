/**
 * The data files of the workloads that replay real data (`replay:`, `rateProfile:`), read for
 * the model (which does no I/O: it is given a WorkloadData, arrivals.ts), through a
 * `DataFileAccess`: the CLI's reads files from disk (cli/workload-files.ts: regular files only,
 * never through a link, non-blocking), the playground's reads the files the user gave the page
 * (web/data-files.ts). The same checks and the same located messages either way.
 *
 * A CSV of arrivals is streamed: before anything runs, one pass checks every row (problems come
 * back at file:line:col as ScenarioErrors, exit 1), then each run streams the file again,
 * 64 KB at a time with synchronous reads (the simulation pulls arrivals synchronously), so a
 * 1 GB log replays in constant memory. An OTLP/JSON trace file is streamed once through the
 * JSON tokenizer (`readOtlpArrivals`, otlp-arrivals.ts): only each root span's start and target
 * are kept (12 bytes a request), sorted at the end. A rate profile (small: at most 16 MB) is read
 * whole.
 */
import { type DocPath, ScenarioError, type ScenarioIssue } from '../../scenario/issues.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import * as msg from '../../scenario/messages.ts';
import type { RatePiece, ReplayDef, Scenario } from '../../scenario/types.ts';
import { ArraySource, type ArrivalSource, dataFileOf, type WorkloadData } from './arrivals.ts';
import { OtlpArrivalReader, type OtlpArrivals } from './otlp-arrivals.ts';
import { ArrivalRows, type DataIssue, parseRateProfile, ratePiecesOf } from './rows.ts';

/** An open data file read a chunk at a time, synchronously. */
export interface ChunkSource {
  /** Fills `into` from the current position; the bytes read, 0 at the end. */
  read(into: Uint8Array): number;
  close(): void;
}

/** Bytes to text, a chunk at a time (a character split across chunks is kept for the next). */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** How data files are found and read (disk for the CLI, the page's files in the browser). */
export interface DataFileAccess {
  /** The file a scenario names (`file:` as written), as the reader knows it. */
  locate(loaded: LoadedScenario, name: string): string;
  /** The file as messages show it. */
  shown(path: string): string;
  /** The whole file as text (UTF-8); throws when it cannot be read or is over `maxBytes`. */
  readText(path: string, maxBytes: number): Promise<string>;
  /** The file opened for chunked reading; throws when it cannot be read. */
  open(path: string): ChunkSource;
  /** A new decoder of UTF-8 chunks. */
  decoder(): ChunkDecoder;
  /** Why the file could not be read, in words ("there is no such file"). */
  why(e: unknown): string;
}

/** Largest rate profile read (a point per second for a year is ~ 0.5 GB; a day ~ 1.5 MB). */
export const PROFILE_MAX_BYTES = 16 * 1024 * 1024;
/** Longest line of a streamed CSV (the reader's memory bound). */
export const MAX_LINE_BYTES = 64 * 1024;
/** Bytes read at a time. */
const CHUNK_BYTES = 64 * 1024;
/** Problems listed per file before the check stops. */
const MAX_ISSUES = 20;

/** The data of every variant's workloads, checked; `close` ends the streams still open. */
export interface ScenarioData {
  /** The data of variant `variant` (null: no variants), or null when none of its workloads replays a file. */
  of(variant: string | null | undefined): WorkloadData | null;
  close(): void;
}

/**
 * Reads and checks the data files of every variant of `loaded` (each file once).
 * @throws ScenarioError with the problems of every file.
 */
export async function prepareWorkloadData(
  loaded: LoadedScenario,
  access: DataFileAccess,
): Promise<ScenarioData> {
  const issues: ScenarioIssue[] = [];
  const streams = new Set<CsvArrivals>();
  const cache = new Map<string, Prepared>();
  const byVariant = new Map<string | null, Map<string, Prepared>>();
  for (const scenario of loaded.variants) {
    const mine = new Map<string, Prepared>();
    for (const w of scenario.workloads) {
      const spec = dataFileOf(w);
      if (spec === null) continue;
      const targets = w.targets.map((t) => `${t.service}/${t.endpoint}`);
      const path = access.locate(loaded, spec.def.file);
      const key = JSON.stringify([path, spec.def, targets]);
      let prepared = cache.get(key);
      if (prepared === undefined) {
        const at: DocPath = ['workloads', w.id, spec.role, 'file'];
        const where: Where = { loaded, at, shown: access.shown(path), access };
        prepared =
          spec.role === 'rateProfile'
            ? await prepareProfile(path, spec.def as RatePieceSource, where)
            : await prepareReplay(path, spec.def as ReplayDef, targets, where, streams);
        cache.set(key, prepared);
        if ('issues' in prepared) issues.push(...prepared.issues);
      }
      mine.set(w.id, prepared);
    }
    if (mine.size > 0) byVariant.set(scenario.variant ?? null, mine);
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return {
    of(variant) {
      const mine = byVariant.get(variant ?? null);
      if (mine === undefined) return null;
      const get = (id: string) => {
        const p = mine.get(id);
        if (p === undefined || 'issues' in p) throw new Error(`no data for workload ${id}`);
        return p;
      };
      return {
        arrivals: (id) => {
          const p = get(id);
          if (!('arrivals' in p)) throw new Error(`workload ${id} has no arrivals`);
          return p.arrivals();
        },
        rates: (id) => {
          const p = get(id);
          if (!('rates' in p)) throw new Error(`workload ${id} has no rate profile`);
          return p.rates;
        },
      };
    },
    close() {
      for (const s of streams) s.close();
      streams.clear();
    },
  };
}

type RatePieceSource = Extract<Scenario['workloads'][number], { kind: 'open' }>['profile'] & {};
type Prepared =
  | { arrivals: () => ArrivalSource }
  | { rates: RatePiece[] }
  | { issues: ScenarioIssue[] };

/** Where a data file is named in the scenario, how it is shown, and how it is read. */
interface Where {
  loaded: LoadedScenario;
  at: DocPath;
  shown: string;
  access: DataFileAccess;
}

/** The problems of a data file, placed in it. */
function placed(issues: DataIssue[], where: Where): ScenarioIssue[] {
  return issues.map(({ line, col, ...text }) => ({
    ...text,
    severity: 'error',
    path: where.at,
    file: where.shown,
    line,
    col,
  }));
}

/** A file that could not be read, at the scenario's key that names it. */
function unreadable(e: unknown, where: Where): { issues: ScenarioIssue[] } {
  const why = where.access.why(e);
  const pos = where.loaded.locate?.(where.at) ?? { line: 1, col: 1 };
  const text = msg.dataFileUnreadable(where.shown, why);
  return {
    issues: [{ ...text, severity: 'error', path: where.at, file: where.loaded.file, ...pos }],
  };
}

async function prepareProfile(path: string, def: RatePieceSource, where: Where): Promise<Prepared> {
  let text: string;
  try {
    text = await where.access.readText(path, PROFILE_MAX_BYTES);
  } catch (e) {
    return unreadable(e, where);
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
  const parsed = parseRateProfile(lines, def);
  if ('issues' in parsed) return { issues: placed(parsed.issues, where) };
  return { rates: ratePiecesOf(parsed.points, def.speed) };
}

async function prepareReplay(
  path: string,
  def: ReplayDef,
  targets: string[],
  where: Where,
  streams: Set<CsvArrivals>,
): Promise<Prepared> {
  if (def.format === 'otlp') {
    let got: OtlpArrivals;
    try {
      got = readOtlpArrivals(where.access, path, def, targets);
    } catch (e) {
      return unreadable(e, where);
    }
    if ('issues' in got) return { issues: placed(got.issues, where) };
    return { arrivals: () => new ArraySource(got.times, got.targets) };
  }
  // a whole pass first: every problem before anything runs
  let check: CsvArrivals;
  try {
    check = new CsvArrivals(path, def, targets, where);
  } catch (e) {
    return unreadable(e, where);
  }
  const issues: DataIssue[] = [...check.headerIssues];
  try {
    let rows = 0;
    while (issues.length === 0 || (check.headerIssues.length === 0 && issues.length < MAX_ISSUES)) {
      const r = check.step();
      if (r === null) break;
      if (r === 'row') rows++;
      else if (r !== 'blank') issues.push(r);
    }
    if (issues.length === 0 && rows === 0)
      issues.push({ ...msg.noRows(check.sawHeader ? 'rows' : 'header'), line: 1, col: 1 });
  } finally {
    check.close();
  }
  if (issues.length > 0) return { issues: placed(issues, where) };
  return {
    arrivals: () => {
      const s = new CsvArrivals(path, def, targets, where);
      streams.add(s);
      s.onClose = () => streams.delete(s);
      return s;
    },
  };
}

/**
 * The lines of a file, read 64 KB at a time (synchronously): memory stays bounded by the
 * chunk and the longest line (MAX_LINE_BYTES), whatever the file's size.
 */
export class LineReader {
  lineNo = 0;
  #source: ChunkSource | null;
  readonly #buffer = new Uint8Array(CHUNK_BYTES);
  readonly #decoder: ChunkDecoder;
  #pending = '';
  #lines: string[] = [];
  #next = 0;
  #eof = false;

  constructor(source: ChunkSource, decoder: ChunkDecoder) {
    this.#source = source;
    this.#decoder = decoder;
  }

  /** The next line without its line break, null at the end; a too-long line is a DataIssue. */
  next(): string | null | DataIssue {
    while (this.#next >= this.#lines.length) {
      if (this.#eof || this.#source === null) {
        if (this.#pending === '') return null;
        const last = this.#pending;
        this.#pending = '';
        return this.#line(last);
      }
      const n = this.#source.read(this.#buffer);
      if (n === 0) {
        this.#eof = true;
        this.#pending += this.#decoder.end();
        continue;
      }
      const parts = (this.#pending + this.#decoder.write(this.#buffer.subarray(0, n))).split('\n');
      this.#pending = parts.pop() as string;
      if (this.#pending.length > MAX_LINE_BYTES)
        return { ...msg.lineTooLong(MAX_LINE_BYTES), line: this.lineNo + parts.length + 1, col: 1 };
      this.#lines = parts;
      this.#next = 0;
    }
    return this.#line(this.#lines[this.#next++]);
  }

  /**
   * The next line (as `next`), or a DataIssue for a line that is not UTF-8: the decoder turns
   * each invalid byte into U+FFFD, so a log saved as CP949 (Excel's "CSV" on Korean Windows)
   * would otherwise name endpoints like "��/Ȩ". A U+FFFD written in the file itself is taken the
   * same way: it has no use in a log's cells.
   */
  nextUtf8(): string | null | DataIssue {
    const line = this.next();
    if (typeof line !== 'string') return line;
    const at = line.indexOf('\uFFFD');
    return at < 0 ? line : { ...msg.dataNotUtf8(), line: this.lineNo, col: at + 1 };
  }

  #line(text: string): string {
    this.lineNo++;
    let line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (this.lineNo === 1 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.length > MAX_LINE_BYTES) line = line.slice(0, MAX_LINE_BYTES);
    return line;
  }

  close(): void {
    this.#source?.close();
    this.#source = null;
    this.#lines = [];
  }
}

/**
 * The arrivals of a CSV file, streamed (an ArrivalSource for the model). A row that went bad
 * since the check (the file changed during the run) stops the run with a ScenarioError.
 */
export class CsvArrivals implements ArrivalSource {
  readonly #reader: LineReader;
  readonly #rows: ArrivalRows;
  readonly headerIssues: DataIssue[];
  sawHeader = false;
  onClose: (() => void) | null = null;

  constructor(
    path: string,
    def: ReplayDef,
    targets: readonly string[],
    private readonly where: Where,
  ) {
    this.#reader = new LineReader(where.access.open(path), where.access.decoder());
    this.#rows = new ArrivalRows(def, targets);
    this.headerIssues = [];
    for (;;) {
      const line = this.#reader.nextUtf8();
      if (line === null) break;
      if (typeof line !== 'string') {
        this.headerIssues.push(line);
        break;
      }
      if (line.trim() === '') continue;
      this.sawHeader = true;
      this.headerIssues.push(...this.#rows.header(line, this.#reader.lineNo));
      break;
    }
  }

  get timeMs(): number {
    return this.#rows.timeMs;
  }
  get target(): number {
    return this.#rows.target;
  }
  get key(): string | null {
    return this.#rows.key;
  }

  /** The next line's result: a row, a blank line, a problem, or null at the end. */
  step(): 'row' | 'blank' | DataIssue | null {
    const line = this.#reader.nextUtf8();
    if (line === null) return null;
    if (typeof line !== 'string') return line;
    return this.#rows.row(line, this.#reader.lineNo);
  }

  next(): boolean {
    for (;;) {
      const r = this.step();
      if (r === null) {
        this.close();
        return false;
      }
      if (r === 'row') return true;
      if (r !== 'blank') {
        this.close();
        throw new ScenarioError(placed([r], this.where));
      }
    }
  }

  close(): void {
    this.#reader.close();
    this.onClose?.();
    this.onClose = null;
  }
}

/**
 * The arrivals of the OTLP/JSON trace file at `path`, streamed a chunk at a time through
 * `access` (memory bounded whatever its size; otlp-arrivals.ts), or its first problem.
 * @throws what `access.open` throws.
 */
export function readOtlpArrivals(
  access: DataFileAccess,
  path: string,
  def: ReplayDef,
  targets: readonly string[],
): OtlpArrivals {
  const source = access.open(path);
  try {
    const reader = new OtlpArrivalReader(def, targets);
    const buffer = new Uint8Array(CHUNK_BYTES);
    const decoder = access.decoder();
    for (;;) {
      const n = source.read(buffer);
      const text = n === 0 ? decoder.end() : decoder.write(buffer.subarray(0, n));
      const issue = reader.write(text);
      if (issue !== null) return { issues: [issue] };
      if (n === 0) return reader.end();
    }
  } finally {
    source.close();
  }
}
