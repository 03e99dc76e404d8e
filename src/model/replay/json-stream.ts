/**
 * A streaming JSON tokenizer (RFC 8259, as `JSON.parse` accepts it): text is pushed in chunks of
 * any size (`write`, then `end`), and each token goes to a handler as soon as it is complete —
 * the starts and ends of objects and arrays, the keys, and the scalar values with their raw
 * text (a number's digits exactly, so 19-digit nanosecond times lose nothing) — with the line
 * and column where it starts. Nothing of the document is kept but the open containers, so
 * memory does not grow with the text: a 1 GB OTLP/JSON trace file streams through it
 * (model/replay/otlp-arrivals.ts). A string or number longer than MAX_TOKEN_CHARS, or nesting
 * deeper than MAX_DEPTH, is refused (bounded memory whatever the input).
 *
 * Hand-written rather than a library: the streaming JSON parsers on npm give byte offsets at
 * best, not the line and column every problem of a data file is located at here, and this one
 * is small; json-stream.test.ts checks it against `JSON.parse` on random documents cut at
 * random places, and on random (mostly invalid) texts (fast-check). One leniency: a leading
 * byte-order mark is skipped (as the CSV reader does).
 */

/** What a scalar value is. */
export type JsonScalar = 'string' | 'number' | 'true' | 'false' | 'null';

/** Receives the tokens, each with the line and column (1-based, in UTF-16 units) it starts at. */
export interface JsonHandler {
  objectStart(line: number, col: number): void;
  objectEnd(): void;
  arrayStart(line: number, col: number): void;
  arrayEnd(): void;
  /** A key of the object open (the value follows). */
  key(name: string, line: number, col: number): void;
  /** A scalar: `text` is a string's value (unescaped), else the token's own text. */
  value(kind: JsonScalar, text: string, line: number, col: number): void;
}

/** Bad JSON at `line`:`col`. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

/** Longest string or number token (characters), and deepest nesting. */
export const MAX_TOKEN_CHARS = 1 << 20;
export const MAX_DEPTH = 512;

/** What comes next. */
enum Expect {
  /** A value (the document's, an array's first or after a comma, a key's). */
  value,
  /** A value or `]` (just after `[`). */
  valueOrEnd,
  /** A key or `}` (just after `{`). */
  keyOrEnd,
  /** A key (after a comma in an object). */
  key,
  colon,
  /** `,` or the end of the container open. */
  commaOrEnd,
  /** Nothing but white space (the document's value is complete). */
  done,
}

/** The token being read across chunks. */
enum Lex {
  none,
  string,
  number,
  literal,
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** The streaming tokenizer (see the file header). */
export class JsonTokenizer {
  #expect: Expect = Expect.value;
  /** Open containers: true for an object. */
  readonly #stack: boolean[] = [];
  #line = 1;
  #col = 1;
  #started = false;
  // the token in progress: its kind, text so far, where it began, and (strings) key or value
  #lex: Lex = Lex.none;
  #text = '';
  #tokLine = 0;
  #tokCol = 0;
  #isKey = false;
  /** Inside a string: a backslash seen, its escape not complete (the raw escape so far). */
  #escape = '';

  constructor(readonly handler: JsonHandler) {}

  #fail(message: string, line = this.#line, col = this.#col): never {
    throw new JsonSyntaxError(message, line, col);
  }

  /** Feeds the next piece of the text. @throws JsonSyntaxError */
  write(chunk: string): void {
    let i = 0;
    const n = chunk.length;
    if (!this.#started && n > 0) {
      this.#started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    while (i < n) {
      if (this.#lex === Lex.string) {
        i = this.#stringPart(chunk, i);
        continue;
      }
      if (this.#lex === Lex.number || this.#lex === Lex.literal) {
        i = this.#wordPart(chunk, i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) {
        i++;
        this.#col++;
        continue;
      }
      if (c === 10) {
        i++;
        this.#line++;
        this.#col = 1;
        continue;
      }
      this.#token(c);
      i++;
      this.#col++;
    }
  }

  /** The text is complete. @throws JsonSyntaxError when the document is not. */
  end(): void {
    if (this.#lex === Lex.string) this.#fail('a string is not closed', this.#tokLine, this.#tokCol);
    if (this.#lex !== Lex.none) this.#finishWord();
    if (this.#expect !== Expect.done)
      this.#fail(this.#stack.length > 0 ? 'the text ends inside an object or array' : 'no value');
  }

  /** A structural character or the first character of a scalar, at the current position. */
  #token(c: number): void {
    const e = this.#expect;
    if (e === Expect.done) this.#fail('more text after the JSON value');
    if (e === Expect.colon) {
      if (c !== 58) this.#fail("expected ':' after the key");
      this.#expect = Expect.value;
      return;
    }
    if (e === Expect.commaOrEnd) {
      if (c === 44) {
        this.#expect = this.#stack[this.#stack.length - 1] ? Expect.key : Expect.value;
        return;
      }
      if (c === 125 || c === 93) {
        this.#close(c);
        return;
      }
      this.#fail(`expected ',' or '${this.#stack[this.#stack.length - 1] ? '}' : ']'}'`);
    }
    if (e === Expect.keyOrEnd || e === Expect.key) {
      if (c === 125 && e === Expect.keyOrEnd) {
        this.#close(c);
        return;
      }
      if (c !== 34) this.#fail('expected a key (a string in double quotes)');
      this.#begin(Lex.string, '', true);
      return;
    }
    // a value (or, just after '[', the end)
    if (c === 93 && e === Expect.valueOrEnd) {
      this.#close(c);
      return;
    }
    if (c === 123 || c === 91) {
      if (this.#stack.length >= MAX_DEPTH) this.#fail(`nested deeper than ${MAX_DEPTH} levels`);
      const object = c === 123;
      this.#stack.push(object);
      this.#expect = object ? Expect.keyOrEnd : Expect.valueOrEnd;
      if (object) this.handler.objectStart(this.#line, this.#col);
      else this.handler.arrayStart(this.#line, this.#col);
      return;
    }
    if (c === 34) this.#begin(Lex.string, '', false);
    else if (c === 45 || isDigit(c)) this.#begin(Lex.number, String.fromCharCode(c), false);
    else if (c === 116 || c === 102 || c === 110)
      this.#begin(Lex.literal, String.fromCharCode(c), false);
    else this.#fail(`expected a value, not '${String.fromCharCode(c)}'`);
  }

  #begin(lex: Lex, text: string, isKey: boolean): void {
    this.#lex = lex;
    this.#text = text;
    this.#tokLine = this.#line;
    this.#tokCol = this.#col;
    this.#isKey = isKey;
  }

  /** Closes the container open with `}` (125) or `]`. */
  #close(c: number): void {
    const object = this.#stack.pop();
    if (object !== (c === 125)) this.#fail(`'${String.fromCharCode(c)}' closes nothing open`);
    if (object) this.handler.objectEnd();
    else this.handler.arrayEnd();
    this.#afterValue();
  }

  #afterValue(): void {
    this.#expect = this.#stack.length === 0 ? Expect.done : Expect.commaOrEnd;
  }

  /** Reads string characters from `chunk[i]`: the index after what it consumed. */
  #stringPart(chunk: string, i: number): number {
    const n = chunk.length;
    let from = i;
    while (i < n) {
      if (this.#escape !== '') {
        this.#escape += chunk[i];
        i++;
        this.#col++;
        this.#escapePart();
        from = i;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 34 || c === 92 || c < 32) {
        this.#text += chunk.slice(from, i);
        this.#col += i - from;
        if (c < 32) this.#fail('a control character inside a string (escape it)');
        i++;
        this.#col++;
        if (c === 92) {
          this.#escape = '\\';
          from = i;
          continue;
        }
        this.#lex = Lex.none;
        this.#checkLength();
        if (this.#isKey) {
          this.handler.key(this.#text, this.#tokLine, this.#tokCol);
          this.#expect = Expect.colon;
        } else {
          this.handler.value('string', this.#text, this.#tokLine, this.#tokCol);
          this.#afterValue();
        }
        this.#text = '';
        return i;
      }
      i++;
    }
    this.#text += chunk.slice(from, i);
    this.#col += i - from;
    this.#checkLength();
    return i;
  }

  /** An escape in progress (`\x` or `\uXXXX`): completes it when it is whole. */
  #escapePart(): void {
    const e = this.#escape;
    const at = this.#col - e.length;
    if (e.length === 2) {
      if (e[1] === 'u') return;
      const v = ESCAPES[e[1]];
      if (v === undefined)
        this.#fail(`a bad escape ${JSON.stringify(e)} in a string`, this.#line, at);
      this.#text += v;
      this.#escape = '';
      return;
    }
    if (e.length < 6) return;
    const hex = e.slice(2);
    if (!HEX4.test(hex))
      this.#fail(`a bad escape ${JSON.stringify(e)} in a string`, this.#line, at);
    this.#text += String.fromCharCode(Number.parseInt(hex, 16));
    this.#escape = '';
  }

  #checkLength(): void {
    if (this.#text.length > MAX_TOKEN_CHARS)
      this.#fail(
        `a token longer than ${MAX_TOKEN_CHARS.toLocaleString('en-US')} characters`,
        this.#tokLine,
        this.#tokCol,
      );
  }

  /** Reads a number's or a literal's characters from `chunk[i]`. */
  #wordPart(chunk: string, i: number): number {
    const n = chunk.length;
    const from = i;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      // the characters a number or literal may hold; anything else ends it
      if (!(isDigit(c) || (c >= 97 && c <= 122) || c === 46 || c === 43 || c === 45 || c === 69))
        break;
      i++;
    }
    this.#text += chunk.slice(from, i);
    this.#col += i - from;
    this.#checkLength();
    if (i < n) this.#finishWord();
    return i;
  }

  #finishWord(): void {
    const t = this.#text;
    const line = this.#tokLine;
    const col = this.#tokCol;
    this.#lex = Lex.none;
    this.#text = '';
    if (t === 'true' || t === 'false' || t === 'null') this.handler.value(t, t, line, col);
    else if (NUMBER.test(t)) this.handler.value('number', t, line, col);
    else this.#fail(`not a JSON value: ${t.slice(0, 40)}`, line, col);
    this.#afterValue();
  }
}
