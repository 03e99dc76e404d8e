/**
 * The streaming JSON tokenizer against `JSON.parse`: random documents (fast-check), laid out
 * with random indentation and cut into random chunks, give back the same value; random texts
 * (mostly invalid) are refused exactly when `JSON.parse` refuses them, however they are cut;
 * problems are located at their line and column; tokens and nesting are capped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type JsonHandler,
  JsonSyntaxError,
  JsonTokenizer,
  MAX_DEPTH,
  MAX_TOKEN_CHARS,
} from './json-stream.ts';

/** Builds the value back from the tokens. */
class Builder implements JsonHandler {
  readonly stack: (unknown[] | Record<string, unknown>)[] = [];
  readonly keys: string[] = [];
  result: unknown = undefined;
  #put(v: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) this.result = v;
    else if (Array.isArray(top)) top.push(v);
    else
      Object.defineProperty(top, this.keys.pop() as string, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  objectStart(): void {
    this.stack.push({});
  }
  arrayStart(): void {
    this.stack.push([]);
  }
  objectEnd(): void {
    this.#put(this.stack.pop());
  }
  arrayEnd(): void {
    this.#put(this.stack.pop());
  }
  key(name: string): void {
    this.keys.push(name);
  }
  value(kind: string, text: string): void {
    this.#put(
      kind === 'string'
        ? text
        : kind === 'number'
          ? Number(text)
          : kind === 'null'
            ? null
            : kind === 'true',
    );
  }
}

/** The text parsed in the given chunks. @throws JsonSyntaxError */
function parseChunks(text: string, cuts: number[]): unknown {
  const b = new Builder();
  const t = new JsonTokenizer(b);
  let at = 0;
  for (const c of [...cuts].sort((x, y) => x - y)) {
    const to = Math.min(text.length, c);
    if (to > at) t.write(text.slice(at, to));
    at = Math.max(at, to);
  }
  t.write(text.slice(at));
  t.end();
  return b.result;
}

/** Whether the tokenizer accepts the text in the given chunks (false: a JsonSyntaxError). */
const acceptsInChunks = (text: string, cuts: number[]) => {
  try {
    parseChunks(text, cuts);
    return true;
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return false;
  }
};

/** Whether JSON.parse accepts the text. */
const jsonOk = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const problem = (text: string): JsonSyntaxError => {
  try {
    parseChunks(text, []);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
  throw new Error(`accepted: ${text}`);
};

describe('the streaming JSON tokenizer', () => {
  it('gives back what JSON.parse gives, whatever the layout and the chunks', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n '),
        fc.array(fc.nat(4000), { maxLength: 12 }),
        (value, indent, cuts) => {
          const text = JSON.stringify(value, null, indent as string | number | undefined);
          expect(parseChunks(text, cuts)).toStrictEqual(JSON.parse(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses exactly what JSON.parse refuses', () => {
    const alphabet = fc.constantFrom(
      ...'{}[],:"\\ \n\t-+.0123456789eEtrufalsn/bxu\u0001'.split(''),
      '"a"',
      'true',
      'null',
      '\\u00e9',
      '\\uD83D',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
        fc.array(fc.nat(40), { maxLength: 5 }),
        (text, cuts) => {
          expect(acceptsInChunks(text, cuts)).toBe(jsonOk(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses the valid documents made wrong by one character, as JSON.parse does', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '0', '-', 'x'),
        fc.array(fc.nat(400), { maxLength: 6 }),
        (value, at, ch, cuts) => {
          const text = JSON.stringify(value, null, 1);
          const i = at % (text.length + 1);
          const bad = text.slice(0, i) + ch + text.slice(i + (ch === '' ? 1 : 0));
          expect(acceptsInChunks(bad, cuts)).toBe(jsonOk(bad));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('locates problems at their line and column', () => {
    const cases: [text: string, where: Partial<JsonSyntaxError>][] = [
      ['{\n  "a": 1,\n  "b" 2\n}', { line: 3, col: 7 }],
      ['{\n  "a": [1, 2,]\n}', { line: 2, col: 14, message: "expected a value, not ']'" }],
      ['[1, tru]', { line: 1, col: 5 }],
      ['["a\\qb"]', { line: 1, col: 4 }],
      ['[\n"abc', { line: 2, col: 1, message: 'a string is not closed' }],
      ['{"a": 1} x', { line: 1, col: 10 }],
      ['', { message: 'no value' }],
      ['[1, 2', { message: 'the text ends inside an object or array' }],
    ];
    for (const [text, where] of cases) expect(problem(text), text).toMatchObject(where);
  });

  it('gives numbers their exact text, and skips a byte-order mark', () => {
    const seen: string[] = [];
    const t = new JsonTokenizer({
      ...new Builder(),
      objectStart() {},
      objectEnd() {},
      arrayStart() {},
      arrayEnd() {},
      key() {},
      value: (_k, text) => seen.push(text),
    });
    t.write('\uFEFF[1700000000123456789, -0.5e');
    t.write('+3]');
    t.end();
    expect(seen).toEqual(['1700000000123456789', '-0.5e+3']);
  });

  it('caps the length of a token and the depth of nesting', () => {
    expect(problem(`["${'x'.repeat(MAX_TOKEN_CHARS + 1)}"]`).message).toMatch(/longer than/);
    expect(problem('['.repeat(MAX_DEPTH + 1)).message).toMatch(/nested deeper/);
    expect(() => parseChunks(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`, [])).not.toThrow();
  });
});
