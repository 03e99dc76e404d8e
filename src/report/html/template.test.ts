/**
 * The `html` template, the one way msasim makes HTML: values escaped unless already Html, lists
 * joined, nothing else accepted; the URL check of links; JSON and library code inlined in a
 * <script>; and the short list of files allowed to vouch for markup themselves (rawHtml).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_HTML,
  escapeText,
  Html,
  html,
  joinHtml,
  jsonForScript,
  rawHtml,
  safeUrl,
  scriptForHtml,
} from './template.ts';

describe('escapeText', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeText(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });

  it('replaces a NUL byte, as a browser would, so no page holds one', () => {
    expect(escapeText('a\u0000<b>')).toBe('a\uFFFD&lt;b&gt;');
  });
});

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = `"><img src=x onerror=alert(1)>`;
    expect(String(html`<p title="${name}">${name}</p>`)).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(String(html`<i title='${"' onmouseover='x"}'>`)).toBe(
      "<i title='&#39; onmouseover=&#39;x'>",
    );
  });

  it('keeps Html values as they are, joins lists, writes numbers', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(String(html`<ul>${items}</ul>${html`<br>`}${3.5}`)).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul><br>3.5',
    );
    expect(String(html`${['<', html`<b>`, 1]}`)).toBe('&lt;<b>1');
    expect(String(html`a${''}b`)).toBe('ab');
  });

  it('does not mistake a string for markup, whatever it says', () => {
    expect(String(html`${'<b>bold</b>'}`)).toBe('&lt;b&gt;bold&lt;/b&gt;');
    const fake = { toString: () => '<script>' } as unknown as Html;
    expect(() => html`${fake}`).toThrow(TypeError);
  });

  it('refuses values the types forbid rather than guessing how to show them', () => {
    for (const v of [null, undefined, true, { a: 1 }])
      expect(() => html`${v as unknown as string}`).toThrow(/cannot interpolate/);
  });

  it('cannot be forged: the constructor needs the module’s token', () => {
    const Forge = Html as unknown as new (token: symbol, markup: string) => Html;
    expect(() => new Forge(Symbol('trusted markup'), '<script>')).toThrow(TypeError);
  });
});

describe('joinHtml', () => {
  it('joins parts with a separator, escaping what is not Html', () => {
    expect(String(joinHtml([html`<b>`, '&'], ' · '))).toBe('<b> · &amp;');
    expect(String(joinHtml([html`<i>`, html`<i>`], html`<br>`))).toBe('<i><br><i>');
    expect(String(joinHtml([]))).toBe('');
    expect(String(EMPTY_HTML)).toBe('');
  });
});

describe('safeUrl', () => {
  it('keeps web and mail links, fragments and relative paths', () => {
    for (const url of [
      'https://example.org/a?b=1&c=2#d',
      'HTTP://example.org',
      'mailto:someone@example.org',
      '#lesson',
      'docs/page.html',
      './a:b',
      '../x?y=a:b',
    ])
      expect(safeUrl(url)).toBe(url);
  });

  it('refuses scripts, data, other schemes, other hosts and hidden schemes', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      'java\u0000script:alert(1)',
      'https://a.example/\u2028',
      '',
    ])
      expect(safeUrl(url)).toBeNull();
  });
});

describe('jsonForScript', () => {
  it('leaves no < > & or line separators, and parses back to the same value', () => {
    const value = { name: '</script><!-- a & b >', sep: 'a\u2028b\u2029c', n: [1, 2.5, null] };
    const text = String(jsonForScript(value));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('scriptForHtml', () => {
  it('breaks every </script (any case) and <!-- without changing what the code means', () => {
    const code = 'var a = "</script>"; var b = /<\\/SCRIPT>/i; var c = `<!-- x`;';
    const out = String(scriptForHtml(code));
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain('<!--');
    // running both versions shows the escaped code means the same
    const run = (src: string) => new Function(`${src}; return [a, b.source, c];`)();
    expect(run(out)).toEqual(run(code));
  });

  it('drops the source-map comment at the end', () => {
    expect(String(scriptForHtml('x();\n//# sourceMappingURL=vega.min.js.map'))).toBe('x();\n');
    expect(String(scriptForHtml('x();'))).toBe('x();');
  });
});

describe('the escape hatches', () => {
  const src = join(import.meta.dirname, '..', '..');
  const files = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test-support'))
    .map((f) => join(src, f));
  const callers = (pattern: RegExp) =>
    files
      .filter((f) => pattern.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f).split('\\').join('/'))
      .sort();

  it('rawHtml is called only where msasim vouches for its own markup', () => {
    // layout.ts: the CSS; markdown.ts: emphasis over escaped text; template.ts: itself;
    // words.ts: the catalogues' own words around the markup of a sentence (no <, >, &)
    expect(callers(/\brawHtml\(/)).toEqual([
      'report/html/layout.ts',
      'report/html/markdown.ts',
      'report/html/template.ts',
      'report/html/words.ts',
    ]);
    expect(String(rawHtml('<b>'))).toBe('<b>');
  });

  it('escapeText is used only by the template and the Markdown renderer', () => {
    expect(callers(/\bescapeText\(/)).toEqual([
      'report/html/markdown.ts',
      'report/html/template.ts',
    ]);
  });
});
