/**
 * Arrivals from an OTLP/JSON trace file (what Jaeger, Grafana Tempo and `msasim --trace` export):
 * each root span (no parent) is one request, arriving at its start time, counted from the
 * earliest root span's, in ns read exactly (BigInt, from the number's own digits). A root span
 * whose name is one of the workload's targets (`service/endpoint`, as msasim names its spans)
 * goes there; any other is sent by the mix.
 *
 * The file streams through the JSON tokenizer (json-stream.ts) in chunks (`OtlpArrivalReader`:
 * `write`, then `end`): only the path to the span being read is held, and of each root span its
 * start (8 bytes) and target (4 bytes), so memory grows with the number of requests, not with
 * the file (a 1 GB export: bench/replay-1g.js --otlp). Spans are not in time order in an export:
 * they are sorted at the end (skipped when they came in order). Problems are located at the
 * line and column of what is wrong (the value, or the span or array it is missing from).
 */
import * as msg from '../../scenario/messages.ts';
import type { ReplayDef } from '../../scenario/types.ts';
import {
  type JsonHandler,
  type JsonScalar,
  JsonSyntaxError,
  JsonTokenizer,
} from './json-stream.ts';
import type { DataIssue } from './rows.ts';

/** The arrivals of a trace file, by time, or what is wrong with it. */
export type OtlpArrivals = { times: Float64Array; targets: Int32Array } | { issues: DataIssue[] };

/** What an open container of the document is to the reader. */
enum Role {
  document,
  resourceSpans,
  resource,
  scopeSpans,
  scope,
  spans,
  span,
  /** Anything else: read past. */
  other,
}

interface Open {
  role: Role;
  /** Index of the next item (arrays), or of this item in its array (objects). */
  index: number;
  line: number;
  col: number;
  /** Objects: the key whose value comes next; whether the array it must hold was seen. */
  key: string;
  found: boolean;
}

/** `path.key`, or `key` at the top. */
const dot = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** A problem found, thrown out of the tokenizer's callbacks and turned into a DataIssue. */
class OtlpProblem extends Error {
  constructor(
    readonly what: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(what);
  }
}

/** The array each role holds, and the role of its items. */
const HOLDS: Partial<Record<Role, [string, Role, Role]>> = {
  [Role.document]: ['resourceSpans', Role.resourceSpans, Role.resource],
  [Role.resource]: ['scopeSpans', Role.scopeSpans, Role.scope],
  [Role.scope]: ['spans', Role.spans, Role.span],
};

/** Reads the root spans of an OTLP/JSON text pushed in chunks (see the file header). */
export class OtlpArrivalReader implements JsonHandler {
  readonly #tokenizer = new JsonTokenizer(this);
  readonly #stack: Open[] = [];
  #starts = new BigInt64Array(1024);
  #targets = new Int32Array(1024);
  #count = 0;
  #sorted = true;
  // the span being read: its fields of interest and where they are
  #parent = '';
  #start = '';
  #startLine = 0;
  #startCol = 0;
  #name = -1;

  constructor(
    readonly def: ReplayDef,
    readonly targets: readonly string[],
  ) {}

  /** Feeds the next piece of the file's text; a DataIssue when it is wrong (stop then). */
  write(chunk: string): DataIssue | null {
    return this.#guard(() => this.#tokenizer.write(chunk));
  }

  /** The arrivals, once the whole text was written. */
  end(): OtlpArrivals {
    const issue = this.#guard(() => this.#tokenizer.end());
    if (issue !== null) return { issues: [issue] };
    if (this.#count === 0)
      return {
        issues: [{ ...msg.badOtlp('no root span (a span without parentSpanId)'), line: 1, col: 1 }],
      };
    return this.#arrivals();
  }

  #guard(f: () => void): DataIssue | null {
    try {
      f();
      return null;
    } catch (e) {
      if (e instanceof OtlpProblem) return { ...msg.badOtlp(e.what), line: e.line, col: e.col };
      if (e instanceof JsonSyntaxError)
        return { ...msg.badOtlp(`invalid JSON (${e.message})`), line: e.line, col: e.col };
      throw e;
    }
  }

  /** `resourceSpans[0].scopeSpans[1]` … of the open containers down to `depth`. */
  #path(): string {
    let out = '';
    for (let d = 1; d < this.#stack.length; d++) {
      const o = this.#stack[d];
      if (o.role === Role.resourceSpans) out += 'resourceSpans';
      else if (o.role === Role.scopeSpans) out += '.scopeSpans';
      else if (o.role === Role.spans) out += '.spans';
      else if (o.role !== Role.other) out += `[${o.index}]`;
    }
    return out;
  }

  /** A container opens: what it is, from where it is. */
  #open(object: boolean, line: number, col: number): void {
    const top = this.#stack[this.#stack.length - 1];
    let role = Role.other;
    let index = 0;
    if (top === undefined) {
      if (!object) throw new OtlpProblem('the document is not an object', line, col);
      role = Role.document;
    } else if (top.role !== Role.other) {
      const holds = HOLDS[top.role];
      if (holds !== undefined && top.key === holds[0]) {
        if (object)
          throw new OtlpProblem(`${dot(this.#path(), holds[0])} is not an array`, line, col);
        role = holds[1];
        top.found = true;
      } else if (
        top.role === Role.resourceSpans ||
        top.role === Role.scopeSpans ||
        top.role === Role.spans
      ) {
        index = top.index++;
        const itemRole =
          top.role === Role.resourceSpans
            ? Role.resource
            : top.role === Role.scopeSpans
              ? Role.scope
              : Role.span;
        if (!object) throw new OtlpProblem(`${this.#path()}[${index}] is not an object`, line, col);
        role = itemRole;
        if (role === Role.span) {
          this.#parent = '';
          this.#start = '';
          this.#name = -1;
        }
      }
    }
    this.#stack.push({ role, index, line, col, key: '', found: false });
  }

  #close(): void {
    const o = this.#stack[this.#stack.length - 1];
    if (o.role === Role.span) this.#span(o);
    else {
      const holds = HOLDS[o.role];
      if (holds !== undefined && !o.found) {
        const where =
          o.role === Role.document
            ? 'no resourceSpans array'
            : `${this.#path()} has no ${holds[0]} array`;
        throw new OtlpProblem(where, o.line, o.col);
      }
    }
    this.#stack.pop();
  }

  objectStart(line: number, col: number): void {
    this.#open(true, line, col);
  }
  arrayStart(line: number, col: number): void {
    this.#open(false, line, col);
  }
  objectEnd(): void {
    this.#close();
  }
  arrayEnd(): void {
    this.#close();
  }
  key(name: string): void {
    const top = this.#stack[this.#stack.length - 1];
    if (top.role !== Role.other) top.key = name;
  }

  value(kind: JsonScalar, text: string, line: number, col: number): void {
    const top = this.#stack[this.#stack.length - 1];
    if (top === undefined) throw new OtlpProblem('the document is not an object', line, col);
    const role = top.role;
    if (role === Role.span) {
      if (top.key === 'parentSpanId') this.#parent = kind === 'string' ? text : '';
      else if (top.key === 'startTimeUnixNano' && (kind === 'string' || kind === 'number')) {
        this.#start = text;
        this.#startLine = line;
        this.#startCol = col;
      } else if (top.key === 'name' && kind === 'string') this.#name = this.targets.indexOf(text);
      return;
    }
    const holds = HOLDS[role];
    if (holds !== undefined && top.key === holds[0])
      throw new OtlpProblem(`${dot(this.#path(), holds[0])} is not an array`, line, col);
    if (role === Role.resourceSpans || role === Role.scopeSpans || role === Role.spans)
      throw new OtlpProblem(`${this.#path()}[${top.index++}] is not an object`, line, col);
  }

  /** A span is complete: a root span is an arrival. */
  #span(o: Open): void {
    if (this.#parent !== '') return;
    const where = `${this.#path()}.startTimeUnixNano`;
    if (this.#start === '') throw new OtlpProblem(`${where} is missing`, o.line, o.col);
    if (!/^\d+$/.test(this.#start))
      throw new OtlpProblem(
        `${where} is not a whole number of ns`,
        this.#startLine,
        this.#startCol,
      );
    const ns = BigInt(this.#start);
    if (ns > 0x7fffffffffffffffn)
      throw new OtlpProblem(`${where} is past the year 2262`, this.#startLine, this.#startCol);
    const i = this.#count++;
    if (i === this.#starts.length) {
      const starts = new BigInt64Array(i * 2);
      starts.set(this.#starts);
      this.#starts = starts;
      const targets = new Int32Array(i * 2);
      targets.set(this.#targets);
      this.#targets = targets;
    }
    if (i > 0 && ns < this.#starts[i - 1]) this.#sorted = false;
    this.#starts[i] = ns;
    this.#targets[i] = this.#name;
  }

  /** The arrivals by time (ties in file order), from the earliest, at the replay's speed. */
  #arrivals(): OtlpArrivals {
    const n = this.#count;
    const starts = this.#starts;
    let order: Uint32Array | null = null;
    if (!this.#sorted) {
      order = new Uint32Array(n);
      for (let k = 0; k < n; k++) order[k] = k;
      order.sort((a, b) => (starts[a] < starts[b] ? -1 : starts[a] > starts[b] ? 1 : a - b));
    }
    const at = (k: number) => (order === null ? k : order[k]);
    const origin = starts[at(0)];
    const times = new Float64Array(n);
    const chosen = new Int32Array(n);
    const speed = this.def.speed;
    for (let k = 0; k < n; k++) {
      const ns = starts[at(k)] - origin;
      // whole ms exactly, then the rest of a ms
      const ms = Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6;
      times[k] = speed === 1 ? ms : ms / speed;
      chosen[k] = this.#targets[at(k)];
    }
    return { times, targets: chosen };
  }
}

/**
 * The arrivals of an OTLP/JSON document already parsed (the library's entry point; problems
 * are located in its JSON text as `JSON.stringify` writes it, on one line).
 */
export function otlpArrivals(
  doc: unknown,
  def: ReplayDef,
  targets: readonly string[],
): OtlpArrivals {
  const reader = new OtlpArrivalReader(def, targets);
  const issue = reader.write(JSON.stringify(doc) ?? 'null');
  return issue === null ? reader.end() : { issues: [issue] };
}
