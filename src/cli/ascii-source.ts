/**
 * Makes the command line's bundle ASCII-only (scripts/build-cli.mjs, issue 15): Node turns an
 * ASCII file into a V8 string by copying its bytes (read as latin1), a file with any other
 * character by decoding UTF-8 into a two-byte string, which cost `msasim validate` ~9 ms of CPU
 * and ~6 MB for the 2.2 MB bundle. esbuild escapes the characters of strings and plain
 * templates itself; what it leaves (comments, regular expressions, tagged templates) this
 * rewrites as `\uXXXX` (a character outside the BMP as its two UTF-16 halves), which means the
 * same there: comments do not matter, a regular expression reads `\uXXXX` as the character
 * (with the `u` flag, two escaped halves as one code point), and a tagged template's cooked
 * strings are unchanged.
 *
 * Only a tag that reads the raw strings (`String.raw`, say) would see the difference, so inside
 * a tagged template only the tags in `cookedTags` are rewritten (a name, also as the last part of
 * a member: `import_chunk.html`, as esbuild refers to another chunk's export); any other is left
 * as it is and
 * reported (the file then is not ASCII: the loader, cli/code-cache.ts, decodes it as UTF-8:
 * slower, same meaning). A backslash right before such a character (`'\é'`, an identity escape)
 * is refused: the build fails rather than guess.
 *
 * It walks the text as a scanner: comments, strings, templates (with `${…}` nested), and a `/`
 * that starts a regular expression rather than divides (decided by the token before it, as for
 * the code esbuild prints: after an operator, an opening bracket, `}` or a keyword such as
 * `return`, not after a name, a number or a closing `)`/`]`).
 */

/** What asciiSource returns. */
export interface AsciiSource {
  text: string;
  /** The tags of tagged templates whose characters were left as they are (see the header). */
  kept: string[];
}

/** Keywords after which a `/` starts a regular expression. */
const BEFORE_REGEX = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

/** A character of a name (a non-ASCII one as JavaScript allows in names). */
const isNameChar = (c: string): boolean => /[\w$]|\p{ID_Continue}/u.test(c);

/** `c` (one code point) as `\uXXXX` escapes. */
function escaped(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** `text` with its non-ASCII characters escaped where that keeps its meaning (see the header). */
export function asciiSource(text: string, cookedTags: readonly string[]): AsciiSource {
  let out = '';
  const kept = new Set<string>();
  /** Open templates, innermost last: its tag ('' untagged) and the `{` depth of its `${`. */
  const templates: { tag: string; depth: number; inExpr: boolean }[] = [];
  /**
   * The kind of the last token outside strings and comments: a name, a value (a number, a
   * string, `)`, `]`, a template) or an operator.
   */
  let last: 'name' | 'value' | 'op' = 'op';
  let lastName = '';
  let i = 0;
  /** Copies text[i] (escaped when not ASCII and `rewrite`) and moves past it. */
  const copy = (rewrite: boolean): void => {
    const cp = text.codePointAt(i) ?? 0;
    const c = String.fromCodePoint(cp);
    if (cp > 0x7f) {
      // an odd run of backslashes before it escapes it (`\\é`); an even run is escaped backslashes
      let run = 0;
      while (text[i - 1 - run] === '\\') run++;
      if (run % 2 === 1)
        throw new Error(`asciiSource: a backslash before ${JSON.stringify(c)} at ${i}`);
      out += rewrite ? escaped(c) : c;
    } else out += c;
    i += c.length;
  };
  const inTemplateText = (): boolean => {
    const t = templates[templates.length - 1];
    return t !== undefined && !t.inExpr;
  };
  while (i < text.length) {
    const c = text[i];
    if (inTemplateText()) {
      const t = templates[templates.length - 1];
      if (c === '`') {
        templates.pop();
        out += c;
        i++;
        last = 'value';
      } else if (c === '$' && text[i + 1] === '{') {
        t.inExpr = true;
        t.depth = 0;
        out += '${';
        i += 2;
        last = 'op';
      } else if (c === '\\') {
        out += c;
        i++;
        copy(true);
      } else {
        const cooked =
          t.tag === '' || cookedTags.some((n) => t.tag === n || t.tag.endsWith(`.${n}`));
        if (!cooked && (text.codePointAt(i) ?? 0) > 0x7f) kept.add(t.tag);
        copy(cooked);
      }
      continue;
    }
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') copy(true);
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      while (i < stop) copy(true);
    } else if (c === "'" || c === '"') {
      copy(true);
      while (i < text.length && text[i] !== c && text[i] !== '\n') {
        if (text[i] === '\\') copy(true);
        copy(true);
      }
      if (i < text.length) copy(true);
      last = 'value';
    } else if (c === '`') {
      // after a name (not a keyword): tagged by it; after `)` or `]`: by an expression
      const tag =
        last === 'name' && !BEFORE_REGEX.has(lastName)
          ? tagBefore(text, i) || lastName
          : last === 'value' && /[)\]]\s*$/.test(text.slice(Math.max(0, i - 8), i))
            ? '(expression)'
            : '';
      templates.push({ tag, depth: 0, inExpr: false });
      out += c;
      i++;
    } else if (c === '/' && (last === 'op' || (last === 'name' && BEFORE_REGEX.has(lastName)))) {
      copy(true);
      let inClass = false;
      while (i < text.length && text[i] !== '\n' && (inClass || text[i] !== '/')) {
        if (text[i] === '[') inClass = true;
        else if (text[i] === ']') inClass = false;
        else if (text[i] === '\\') copy(true);
        copy(true);
      }
      if (i < text.length) copy(true);
      while (i < text.length && isNameChar(text[i])) copy(true);
      last = 'value';
    } else if (isNameChar(c)) {
      const start = i;
      while (i < text.length && isNameChar(text[i])) copy(true);
      lastName = text.slice(start, i);
      last = /^[0-9]/.test(lastName) ? 'value' : 'name';
    } else if (/\s/.test(c)) {
      copy(true);
    } else {
      const t = templates[templates.length - 1];
      if (t?.inExpr && c === '{') t.depth++;
      else if (t?.inExpr && c === '}') {
        if (t.depth === 0) {
          t.inExpr = false;
          out += c;
          i++;
          continue;
        }
        t.depth--;
      }
      // a postfix `++`/`--` (after a name or a value) ends a value: `a++ / 2` divides
      if ((c === '+' || c === '-') && text[i + 1] === c && last !== 'op') {
        copy(true);
        copy(true);
        continue;
      }
      // `.5`: a number; `)` and `]` end a value; everything else is an operator or an opening
      last = c === ')' || c === ']' ? 'value' : 'op';
      copy(true);
    }
  }
  return { text: out, kept: [...kept].sort() };
}

/** The tag of the template opening at `at`: the names and dots right before it (`String.raw`). */
function tagBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  let i = end;
  while (i > 0 && (isNameChar(text[i - 1]) || text[i - 1] === '.')) i--;
  return text.slice(i, end);
}
