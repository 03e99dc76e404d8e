/**
 * What `msasim calibrate` reads and prints, as pure functions: measured durations from a CSV
 * file (one column, or the one named by --column) or from the spans of an OTLP/JSON trace file
 * (resourceSpans[].scopeSpans[].spans[], a span's duration is endTimeUnixNano −
 * startTimeUnixNano, its service the resource's `service.name`), and a fitted family written in
 * the scenario language's exact syntax. Bad input gets a located message (file:line:col for a
 * CSV, the JSON path for a trace) with a did-you-mean for a misspelt column or service.
 */
import { parseDocument } from 'yaml';
import { didYouMean } from '../scenario/suggest.ts';
import type { Fit } from '../stats/fit.ts';
import { InputFileError } from './errors.ts';

export { InputFileError } from './errors.ts';

/** Units a CSV's bare numbers may be in, as ms per unit. */
export const UNITS = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000 } as const;
export type Unit = keyof typeof UNITS;

/** The most values read from one file. */
export const MAX_VALUES = 10_000_000;

/** Durations (ms) read from a file, and where they came from in words. */
export interface Durations {
  values: number[];
  from: string;
  /** Where they come from, in Korean (absent: `from`). */
  fromKo?: string;
  /** Cells left empty (skipped). */
  skipped: number;
}

const DURATION_CELL = /^(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*(ns|us|µs|ms|s)?$/;

/** One CSV line's cells with their 1-based columns ("" quoted fields with "" escapes). */
function cells(line: string, sep: string, where: string): { text: string; col: number }[] {
  const out: { text: string; col: number }[] = [];
  let i = 0;
  while (i <= line.length) {
    const col = i + 1;
    if (line[i] === '"') {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= line.length)
          throw new InputFileError(
            `${where}:${col}: a quoted cell is not closed`,
            `${where}:${col}: 따옴표로 연 칸이 닫히지 않았습니다`,
          );
        if (line[j] === '"') {
          if (line[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += line[j++];
      }
      out.push({ text: text.trim(), col });
      i = j + 1;
      while (i < line.length && line[i] !== sep) i++;
      i++;
    } else {
      let j = line.indexOf(sep, i);
      if (j < 0) j = line.length;
      out.push({ text: line.slice(i, j).trim(), col });
      i = j + 1;
    }
  }
  return out;
}

/** A cell as ms: a bare number in `unit`, or a number with its own unit ("4.2ms"). */
function cellMs(text: string, unit: Unit): number | undefined {
  const m = DURATION_CELL.exec(text);
  if (m === null) return undefined;
  const u = (m[2] === 'µs' ? 'us' : (m[2] ?? unit)) as Unit;
  const v = Number(text.slice(0, text.length - (m[2]?.length ?? 0)).trim()) * UNITS[u];
  return Number.isFinite(v) ? v : undefined;
}

/**
 * The durations of a CSV text. The first row is a header when some cell of it is not a
 * duration; `column` names a column of the header (or, without one, its 1-based number); without
 * `column` the file must have one column. Lines that are empty or start with `#` are skipped.
 */
export function durationsFromCsv(
  text: string,
  file: string,
  column: string | undefined,
  unit: Unit,
): Durations {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const rows = lines
    .map((l, i) => ({ l, n: i + 1 }))
    .filter(({ l }) => l.trim() !== '' && !l.startsWith('#'));
  if (rows.length === 0)
    throw new InputFileError(
      `${file}: no rows (expected durations, one per line)`,
      `${file}: 행이 없습니다 (한 줄에 시간 하나씩이어야 합니다)`,
    );
  const first = rows[0].l;
  const sep = [',', ';', '\t'].reduce((a, b) =>
    first.split(b).length > first.split(a).length ? b : a,
  );
  const head = cells(first, sep, `${file}:${rows[0].n}`);
  const hasHeader = head.some((c) => c.text !== '' && cellMs(c.text, unit) === undefined);
  const names = hasHeader ? head.map((c) => c.text) : [];
  let index: number;
  if (column === undefined) {
    if (head.length !== 1)
      throw new InputFileError(
        `${file}:${rows[0].n}: ${head.length} columns; say which holds the durations with --column ${hasHeader ? `(one of: ${names.join(', ')})` : '(its number, 1 to ' + head.length + ')'}`,
        `${file}:${rows[0].n}: 열이 ${head.length}개입니다; 시간이 든 열을 --column으로 알려 주세요 ${hasHeader ? `(${names.join(', ')} 가운데 하나)` : `(열 번호, 1에서 ${head.length})`}`,
      );
    index = 0;
  } else if (hasHeader) {
    index = names.indexOf(column);
    if (index < 0) {
      const near = didYouMean(column, names);
      throw new InputFileError(
        `${file}:${rows[0].n}: no column "${column}" (columns: ${names.join(', ')})${near ? `; did you mean "${near}"?` : ''}`,
        `${file}:${rows[0].n}: 열 "${column}"이(가) 없습니다 (열: ${names.join(', ')})${near ? `; 혹시 "${near}"인가요?` : ''}`,
      );
    }
  } else {
    index = Number(column) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= head.length)
      throw new InputFileError(
        `${file}: the file has no header row, so --column is a column number, 1 to ${head.length} (got "${column}")`,
        `${file}: 파일에 머리글 행이 없으므로 --column은 1에서 ${head.length} 사이의 열 번호여야 합니다 (받은 값 "${column}")`,
      );
  }
  const values: number[] = [];
  let skipped = 0;
  for (const { l, n } of hasHeader ? rows.slice(1) : rows) {
    const row = cells(l, sep, `${file}:${n}`);
    const cell = row[index];
    if (cell === undefined || cell.text === '') {
      skipped++;
      continue;
    }
    const ms = cellMs(cell.text, unit);
    if (ms === undefined)
      throw new InputFileError(
        `${file}:${n}:${cell.col}: "${cell.text.slice(0, 40)}" is not a duration (expected a number of ${unit}, or one with its unit such as "4.2ms")`,
        `${file}:${n}:${cell.col}: "${cell.text.slice(0, 40)}"은(는) 시간이 아닙니다 (${unit} 단위의 수나 "4.2ms"처럼 단위를 붙인 수여야 합니다)`,
      );
    if (values.length >= MAX_VALUES)
      throw new InputFileError(
        `${file}:${n}: more than ${MAX_VALUES.toLocaleString('en-US')} values`,
        `${file}:${n}: 값이 ${MAX_VALUES.toLocaleString('en-US')}개보다 많습니다`,
      );
    values.push(ms);
  }
  const which = hasHeader ? names[index] : head.length > 1 ? String(index + 1) : undefined;
  return {
    values,
    from: `${file}${which === undefined ? '' : `, column ${which}`}`,
    fromKo: `${file}${which === undefined ? '' : `의 열 ${which}`}`,
    skipped,
  };
}

type Json = unknown;
const isObj = (x: Json): x is Record<string, Json> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * `:line:col` of a JSON syntax error (Node 20's messages do not always say where): the position
 * in the message, else where the YAML parser (a superset of JSON) stumbles; '' when neither does.
 */
function jsonErrorAt(text: string, e: Error): string {
  const pos = /position (\d+)/.exec(e.message);
  if (pos !== null) {
    const before = text.slice(0, Number(pos[1])).split('\n');
    return `:${before.length}:${before[before.length - 1].length + 1}`;
  }
  const lp = parseDocument(text).errors[0]?.linePos?.[0];
  return lp === undefined ? '' : `:${lp.line}:${lp.col}`;
}

/** Nanoseconds of an OTLP time (a decimal string or a number), or undefined. */
function nanos(x: Json): bigint | undefined {
  if (typeof x === 'string' && /^\d{1,20}$/.test(x)) return BigInt(x);
  if (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0) return BigInt(x);
  return undefined;
}

/**
 * The durations of the spans of `service` (optional when the trace has one service) named
 * `span` (optional) in an OTLP/JSON text. Only server spans (kind 2, SPAN_KIND_SERVER) are
 * taken when the service has some: they are its visits as its callers see them.
 */
export function durationsFromOtlp(
  text: string,
  file: string,
  service: string | undefined,
  span: string | undefined,
): Durations {
  let doc: Json;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputFileError(
      `${file}${jsonErrorAt(text, e as Error)}: not JSON (${(e as Error).message.split('\n')[0].slice(0, 120)})`,
      `${file}${jsonErrorAt(text, e as Error)}: JSON이 아닙니다 (${(e as Error).message.split('\n')[0].slice(0, 120)})`,
    );
  }
  if (!isObj(doc) || !Array.isArray(doc.resourceSpans))
    throw new InputFileError(
      `${file}: expected an OTLP/JSON trace: an object with resourceSpans[] (each with scopeSpans[].spans[])`,
      `${file}: OTLP/JSON 트레이스여야 합니다: resourceSpans[]가 있는 객체 (각각 scopeSpans[].spans[]를 가짐)`,
    );
  const byService = new Map<string, { server: number[]; all: number[] }>();
  doc.resourceSpans.forEach((rs: Json, r: number) => {
    const at = `${file}: resourceSpans[${r}]`;
    if (!isObj(rs)) throw new InputFileError(`${at}: expected an object`, `${at}: 객체여야 합니다`);
    const attrs =
      isObj(rs.resource) && Array.isArray(rs.resource.attributes) ? rs.resource.attributes : [];
    const nameAttr = attrs.find((a: Json) => isObj(a) && a.key === 'service.name');
    const name =
      isObj(nameAttr) && isObj(nameAttr.value) && typeof nameAttr.value.stringValue === 'string'
        ? nameAttr.value.stringValue
        : '(no service.name)';
    const own = byService.get(name) ?? { server: [], all: [] };
    byService.set(name, own);
    const scopes = rs.scopeSpans ?? rs.instrumentationLibrarySpans ?? [];
    if (!Array.isArray(scopes))
      throw new InputFileError(
        `${at}.scopeSpans: expected a list`,
        `${at}.scopeSpans: 목록이어야 합니다`,
      );
    scopes.forEach((ss: Json, s: number) => {
      const spans = isObj(ss) ? (ss.spans ?? []) : undefined;
      if (!Array.isArray(spans))
        throw new InputFileError(
          `${at}.scopeSpans[${s}].spans: expected a list`,
          `${at}.scopeSpans[${s}].spans: 목록이어야 합니다`,
        );
      spans.forEach((sp: Json, k: number) => {
        const where = `${at}.scopeSpans[${s}].spans[${k}]`;
        if (!isObj(sp))
          throw new InputFileError(`${where}: expected an object`, `${where}: 객체여야 합니다`);
        if (span !== undefined && sp.name !== span) return;
        const start = nanos(sp.startTimeUnixNano);
        const end = nanos(sp.endTimeUnixNano);
        if (start === undefined || end === undefined)
          throw new InputFileError(
            `${where}: expected startTimeUnixNano and endTimeUnixNano (nanoseconds, as a decimal string)`,
            `${where}: startTimeUnixNano와 endTimeUnixNano가 있어야 합니다 (나노초, 10진수 문자열)`,
          );
        if (end < start)
          throw new InputFileError(
            `${where}: endTimeUnixNano is before startTimeUnixNano`,
            `${where}: endTimeUnixNano가 startTimeUnixNano보다 앞섭니다`,
          );
        if (own.all.length + own.server.length >= MAX_VALUES)
          throw new InputFileError(
            `${where}: more than ${MAX_VALUES.toLocaleString('en-US')} spans`,
            `${where}: 스팬이 ${MAX_VALUES.toLocaleString('en-US')}개보다 많습니다`,
          );
        const ms = Number(end - start) / 1e6;
        own.all.push(ms);
        if (sp.kind === 2 || sp.kind === 'SPAN_KIND_SERVER') own.server.push(ms);
      });
    });
  });
  const names = [...byService.keys()].sort();
  if (names.length === 0)
    throw new InputFileError(
      `${file}: the trace has no spans`,
      `${file}: 트레이스에 스팬이 없습니다`,
    );
  let chosen = service;
  if (chosen === undefined) {
    if (names.length > 1)
      throw new InputFileError(
        `${file}: spans of ${names.length} services; say whose with --service (one of: ${names.join(', ')})`,
        `${file}: 서비스 ${names.length}개의 스팬이 있습니다; 어느 서비스인지 --service로 알려 주세요 (${names.join(', ')} 가운데 하나)`,
      );
    chosen = names[0];
  }
  const own = byService.get(chosen);
  if (own === undefined) {
    const near = didYouMean(chosen, names);
    throw new InputFileError(
      `${file}: no spans of service "${chosen}" (services: ${names.join(', ')})${near ? `; did you mean "${near}"?` : ''}`,
      `${file}: 서비스 "${chosen}"의 스팬이 없습니다 (서비스: ${names.join(', ')})${near ? `; 혹시 "${near}"인가요?` : ''}`,
    );
  }
  const server = own.server.length > 0;
  const values = server ? own.server : own.all;
  const named = span === undefined ? '' : ` named ${span}`;
  const namedKo = span === undefined ? '' : ` 가운데 이름이 ${span}인 것`;
  return {
    values,
    from: `${file}, ${server ? 'server ' : ''}spans of ${chosen}${named}`,
    fromKo: `${file}의 ${chosen} ${server ? '서버 ' : ''}스팬${namedKo}`,
    skipped: 0,
  };
}

/** A duration in the language's syntax (no exponent): "4.21ms", "850us", "1.2s". */
export function durationText(ms: number): string {
  const [v, u] = ms >= 1000 ? [ms / 1000, 's'] : ms >= 0.1 ? [ms, 'ms'] : [ms * 1000, 'us'];
  return `${plain(v)}${u}`;
}

/** A positive number with 4 significant digits, never in exponent notation. */
function plain(v: number): string {
  if (v === 0) return '0';
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(v))));
  return String(Number(v.toFixed(Math.min(digits, 12))));
}

/** A fit as a scenario distribution: `{ dist: lognormal, median: 4.21ms, sigma: 0.512 }`. */
export function snippetOf(fit: Fit): string {
  const p = fit.params;
  switch (fit.family) {
    case 'exponential':
      return `{ dist: exponential, mean: ${durationText(p.mean)} }`;
    case 'normal':
      return `{ dist: normal, mean: ${durationText(p.mean)}, sd: ${durationText(p.sd)} }`;
    case 'lognormal':
      return `{ dist: lognormal, median: ${durationText(p.median)}, sigma: ${plain(p.sigma)} }`;
    case 'gamma':
      return `{ dist: gamma, shape: ${plain(p.shape)}, mean: ${durationText(p.mean)} }`;
    case 'erlang':
      return `{ dist: erlang, k: ${p.k}, mean: ${durationText(p.mean)} }`;
    case 'pareto':
      return `{ dist: pareto, shape: ${plain(p.shape)}, scale: ${durationText(p.scale)} }`;
    case 'uniform':
      return `{ dist: uniform, min: ${durationText(p.min)}, max: ${durationText(p.max)} }`;
  }
}
