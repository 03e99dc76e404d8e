/**
 * The rows of the data files a workload replays, read one line at a time (a file of any size
 * streams through in bounded memory): `ArrivalRows` turns a CSV of arrival times (with an
 * optional endpoint and key column) into arrivals, `parseRateProfile` a CSV of (time, rate)
 * points into a piecewise-linear rate curve. Pure: the CLI reads the files (cli/workload-files.ts)
 * and gives the lines; a problem comes back as a `DataIssue` at line:col of the file.
 */
import * as msg from '../../scenario/messages.ts';
import type { RatePiece, RateProfileDef, ReplayDef } from '../../scenario/types.ts';
import { splitCsvLine } from './csv-line.ts';
import { type ParsedTime, parseTime } from './times.ts';

/** A problem at line:col (1-based) of a data file. */
export interface DataIssue extends msg.IssueText {
  line: number;
  col: number;
}

/** What `ArrivalRows.row` made of a line: a row (its fields set), a blank line, or a problem. */
export type RowResult = 'row' | 'blank' | DataIssue;

/**
 * Reads a CSV of arrivals line by line: `header` first, then `row` for each line; after a
 * 'row', `timeMs` (simulated ms, divided by the speed), `target` (index into `targets`, or −1:
 * choose by the mix) and `key` describe it. Numeric times are ms from the start of the run;
 * date-times are counted from the first row's. Times must not go backwards.
 */
export class ArrivalRows {
  timeMs = 0;
  target = -1;
  key: string | null = null;
  #time = -1;
  #endpoint = -1;
  #key = -1;
  #needed = 0;
  #first: ParsedTime | null = null;
  #previousMs = 0;
  #previousLine = 0;

  /** `targets`: the workload's targets as `service/endpoint`, in their order. */
  constructor(
    readonly def: ReplayDef,
    readonly targets: readonly string[],
  ) {}

  /** Reads the header line; problems with the columns the scenario names. */
  header(line: string, lineNo: number): DataIssue[] {
    const split = splitCsvLine(line);
    if (split === null) return [{ ...msg.badQuote(), line: lineNo, col: 1 }];
    const names = split.cells;
    const issues: DataIssue[] = [];
    const find = (role: string, name: string | null, optional: boolean): number => {
      if (name === null) return -1;
      const i = names.indexOf(name);
      if (i < 0 && !optional)
        issues.push({ ...msg.unknownColumn(role, name, names), line: lineNo, col: 1 });
      return i;
    };
    this.#time = find('time', this.def.time, false);
    this.#endpoint = find('endpoint', this.def.endpoint, false);
    this.#key = find('key', this.def.key, false);
    this.#needed = Math.max(this.#time, this.#endpoint, this.#key) + 1;
    return issues;
  }

  /** Reads one data line (see RowResult). */
  row(line: string, lineNo: number): RowResult {
    if (line.trim() === '') return 'blank';
    const split = splitCsvLine(line);
    if (split === null) return { ...msg.badQuote(), line: lineNo, col: 1 };
    const { cells, cols } = split;
    if (cells.length < this.#needed) {
      const missing = [this.#time, this.#endpoint, this.#key].find((i) => i >= cells.length) ?? 0;
      const names = [this.def.time, this.def.endpoint ?? '', this.def.key ?? ''];
      const column = names[[this.#time, this.#endpoint, this.#key].indexOf(missing)];
      return { ...msg.missingCell(column, cells.length), line: lineNo, col: line.length + 1 };
    }
    const text = cells[this.#time];
    const at = { line: lineNo, col: cols[this.#time] };
    const t = parseTime(text, this.def.unit);
    if (t === null) return { ...msg.badTime(text, this.def.unit), ...at };
    const first = this.#first ?? t;
    if (first.kind !== t.kind) return { ...msg.mixedTimes(first.kind), ...at };
    this.#first = first;
    const ms =
      t.kind === 'number'
        ? t.ms
        : t.wholeMs - (first as typeof t).wholeMs + (t.fractionMs - (first as typeof t).fractionMs);
    const backwards = this.#previousLine > 0 && ms < this.#previousMs;
    const previousLine = this.#previousLine;
    // the order goes on from this row: one row out of place is one problem, not one per row after it
    this.#previousMs = ms;
    this.#previousLine = lineNo;
    if (backwards) return { ...msg.timeBackwards(previousLine), ...at };
    this.target = -1;
    if (this.#endpoint >= 0) {
      const name = cells[this.#endpoint];
      if (name !== '') {
        this.target = this.targets.indexOf(name);
        if (this.target < 0)
          return {
            ...msg.unknownRowEndpoint(name, this.targets),
            line: lineNo,
            col: cols[this.#endpoint],
          };
      }
    }
    this.key = this.#key >= 0 ? cells[this.#key] : null;
    this.timeMs = this.def.speed === 1 ? ms : ms / this.def.speed;
    return 'row';
  }
}

/** A point of a rate profile: time (ms) and rate (per ms), as read (before the speed). */
export interface RatePoint {
  ms: number;
  perMs: number;
}

/**
 * The rate points of a profile CSV (`lines` without their line breaks), or its problems.
 * Times must increase strictly from row to row.
 */
export function parseRateProfile(
  lines: Iterable<string>,
  def: RateProfileDef,
): { points: RatePoint[] } | { issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const points: RatePoint[] = [];
  let lineNo = 0;
  let timeCol = -1;
  let rateCol = -1;
  let headerSeen = false;
  let previousLine = 0;
  for (const line of lines) {
    lineNo++;
    if (issues.length >= 20) break;
    if (line.trim() === '') continue;
    const split = splitCsvLine(line);
    if (split === null) {
      issues.push({ ...msg.badQuote(), line: lineNo, col: 1 });
      continue;
    }
    const { cells, cols } = split;
    if (!headerSeen) {
      headerSeen = true;
      timeCol = cells.indexOf(def.time);
      rateCol = cells.indexOf(def.rate);
      if (timeCol < 0)
        issues.push({ ...msg.unknownColumn('time', def.time, cells), line: lineNo, col: 1 });
      if (rateCol < 0)
        issues.push({ ...msg.unknownColumn('rate', def.rate, cells), line: lineNo, col: 1 });
      if (issues.length > 0) return { issues };
      continue;
    }
    if (cells.length <= Math.max(timeCol, rateCol)) {
      const column = cells.length <= timeCol ? def.time : def.rate;
      issues.push({ ...msg.missingCell(column, cells.length), line: lineNo, col: line.length + 1 });
      continue;
    }
    const t = parseTime(cells[timeCol], def.unit);
    if (t === null || t.kind !== 'number') {
      issues.push({ ...msg.badTime(cells[timeCol], def.unit), line: lineNo, col: cols[timeCol] });
      continue;
    }
    const rateText = cells[rateCol];
    const perSec = /^\+?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(rateText)
      ? Number(rateText)
      : Number.NaN;
    if (!Number.isFinite(perSec)) {
      issues.push({ ...msg.badRate(rateText), line: lineNo, col: cols[rateCol] });
      continue;
    }
    const last = points[points.length - 1];
    if (last !== undefined && t.ms <= last.ms) {
      issues.push({ ...msg.timeBackwards(previousLine), line: lineNo, col: cols[timeCol] });
      continue;
    }
    previousLine = lineNo;
    points.push({ ms: t.ms, perMs: perSec / 1000 });
  }
  if (!headerSeen) issues.push({ ...msg.noRows('header'), line: 1, col: 1 });
  else if (points.length === 0 && issues.length === 0)
    issues.push({ ...msg.noRows('rows'), line: lineNo, col: 1 });
  return issues.length > 0 ? { issues } : { points };
}

/**
 * The rate curve through `points`, played `speed` times faster (times divided by it, rates
 * multiplied: the same requests in less time): the first point's rate from 0 to it, linear
 * between points, the last point's rate after it, for ever.
 */
export function ratePiecesOf(points: readonly RatePoint[], speed: number): RatePiece[] {
  const pieces: RatePiece[] = [];
  const at = (p: RatePoint) => (speed === 1 ? p.ms : p.ms / speed);
  const rate = (p: RatePoint) => p.perMs * speed;
  const first = points[0];
  if (at(first) > 0)
    pieces.push({ startMs: 0, endMs: at(first), fromPerMs: rate(first), toPerMs: rate(first) });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    pieces.push({ startMs: at(a), endMs: at(b), fromPerMs: rate(a), toPerMs: rate(b) });
  }
  const last = points[points.length - 1];
  pieces.push({
    startMs: at(last),
    endMs: Number.POSITIVE_INFINITY,
    fromPerMs: rate(last),
    toPerMs: rate(last),
  });
  return pieces;
}

/** The rate (per ms) of a curve at time `ms` (what the open workload's thinning follows). */
export function rateAt(pieces: readonly RatePiece[], ms: number): number {
  for (const p of pieces) {
    if (ms < p.startMs || ms >= p.endMs) continue;
    if (p.fromPerMs === p.toPerMs) return p.fromPerMs;
    return p.fromPerMs + ((p.toPerMs - p.fromPerMs) * (ms - p.startMs)) / (p.endMs - p.startMs);
  }
  return 0;
}
