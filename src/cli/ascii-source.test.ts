/**
 * The bundle's ASCII rewrite (cli/ascii-source.ts): every kind of place a character can stand in,
 * checked by evaluating the rewritten code against the original where it is code.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are source text with templates
import { isAscii } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { asciiSource } from './ascii-source.ts';

const COOKED = ['html'];

/** Evaluates `code` (an expression) in a function with an `html` tag (cooked strings). */
function value(code: string): unknown {
  const html = (s: TemplateStringsArray, ...v: unknown[]) =>
    s.reduce((a, x, k) => a + x + (k < v.length ? String(v[k]) : ''), '');
  return new Function('html', `"use strict"; return (${code}\n);`)(html);
}

describe('asciiSource', () => {
  it('escapes comments, names, regular expressions and cooked tagged templates', () => {
    const cases = [
      '/µs|×/.test("10 µs")',
      '/[─-╿]+/u.exec("a ──── b")[0]',
      '/😀/u.test("x😀")',
      '[/[/]µ/.test("/µ"), 6 / 2 / 3]',
      'html`<td>–</td>${1 + 1}·${`x ${"é"}`}`',
      '((ns) => ns.html`✔ ${2}`)({ html })',
      '((a) => a /* ≥ 0 */ + 1)(1) // × 2',
      '(() => { const café = 2; return café * 3; })()',
      '`${{ a: "→" }.a}`',
    ];
    for (const code of cases) {
      const { text, kept } = asciiSource(code, COOKED);
      expect(isAscii(Buffer.from(text)), code).toBe(true);
      expect(kept).toEqual([]);
      expect(value(text), code).toEqual(value(code));
    }
  });

  it('keeps the characters of a tag that may read the raw strings', () => {
    const code = 'String.raw`–${1}` + (x)`é` + html`·`';
    const { text, kept } = asciiSource(code, COOKED);
    expect(text).toBe('String.raw`–${1}` + (x)`é` + html`\\u00b7`');
    expect(kept).toEqual(['(expression)', 'String.raw']);
  });

  it('tells a regular expression from a division by the token before the slash', () => {
    const code = 'const r = a / b / "é"; return /é/.test(s) ? x[1] / 2 : `${c}` / 2;';
    const { text } = asciiSource(code, COOKED);
    expect(text).toBe(
      'const r = a / b / "\\u00e9"; return /\\u00e9/.test(s) ? x[1] / 2 : `${c}` / 2;',
    );
  });

  it('a postfix ++ or -- ends a value: the slash after it divides', () => {
    const code = 'x = a++ / 2 + String.raw`é`; y = b-- / 2 + html`é`; z = ++c / /é/.source.length;';
    const { text, kept } = asciiSource(code, COOKED);
    expect(text).toBe(
      'x = a++ / 2 + String.raw`é`; y = b-- / 2 + html`\\u00e9`; z = ++c / /\\u00e9/.source.length;',
    );
    expect(kept).toEqual(['String.raw']);
  });

  it('refuses a backslash right before a character it would escape, not an escaped backslash', () => {
    expect(() => asciiSource('"\\é"', COOKED)).toThrow(/backslash/);
    expect(() => asciiSource('"\\\\\\é"', COOKED)).toThrow(/backslash/);
    expect(asciiSource('html`\\\\é`', COOKED).text).toBe('html`\\\\\\u00e9`');
  });

  it('leaves ASCII text as it is', () => {
    const code = 'const a = `x${"y"}` + /\\//.source; // done\n';
    expect(asciiSource(code, COOKED).text).toBe(code);
  });
});
