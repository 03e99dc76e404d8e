/** Escaping of text, inlined JSON and inlined library code in the HTML report. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, scriptForHtml } from './escape.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });
});

describe('jsonForScript', () => {
  it('leaves no < > & or line separators, and parses back to the same value', () => {
    const value = { name: '</script><!-- a & b >', sep: 'a\u2028b\u2029c', n: [1, 2.5, null] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('scriptForHtml', () => {
  it('breaks every </script (any case) and <!-- without changing what the code means', () => {
    const code = 'var a = "</script>"; var b = /<\\/SCRIPT>/i; var c = `<!-- x`;';
    const out = scriptForHtml(code);
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain('<!--');
    // running both versions shows the escaped code means the same
    const run = (src: string) => new Function(`${src}; return [a, b.source, c];`)();
    expect(run(out)).toEqual(run(code));
  });

  it('drops the source-map comment at the end', () => {
    expect(scriptForHtml('x();\n//# sourceMappingURL=vega.min.js.map')).toBe('x();\n');
    expect(scriptForHtml('x();')).toBe('x();');
  });
});
