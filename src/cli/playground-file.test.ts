/**
 * Tests of playground-file.ts and playground-csp.ts: every asset is inlined, no inlined text can
 * end its element, and the page's Content-Security-Policy allows exactly its own scripts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pageScripts } from '../report/html/layout.ts';
import { playgroundCsp, withCsp } from './playground-csp.ts';
import { inlinePlayground, PLAYGROUND_MARKER } from './playground-file.ts';

const CSP = '<meta http-equiv="Content-Security-Policy" content="to be set">';
const INDEX = `<html><head>${PLAYGROUND_MARKER}${CSP}</head><body>
<script type="application/json" id="d" data-inline="d.json"></script>
<script type="text/plain" id="w" data-inline="w.js"></script>
<script src="app.js"></script>
</body></html>`;

describe('inlinePlayground', () => {
  it('puts every named asset inside the page, made safe to sit in a script element', () => {
    const assets: Record<string, string> = {
      'd.json': JSON.stringify({ text: '</script><script>alert(1)</script> & <!--' }),
      'w.js': 'const s = "</SCRIPT><b>"; // <!-- x\n//# sourceMappingURL=w.js.map\n',
      'app.js': 'document.title = "</script>";',
      'vega.min.js': 'vega()',
      'vega-lite.min.js': 'vegaLite()',
      'vega-embed.min.js': 'vegaEmbed()',
    };
    const html = inlinePlayground(INDEX, (name) => assets[name]);
    expect(html.match(/<\/script>/gi)?.length).toBe(3);
    expect(html).not.toContain('to be set');
    expect(html).not.toMatch(/<!--/);
    expect(html).not.toMatch(/ src=/);
    expect(html).not.toContain('sourceMappingURL');
    const json = /data-inline="d.json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual(JSON.parse(assets['d.json']));
    expect(html).toContain('document.title = "<\\/script>";');
  });

  it('refuses an index without the marker, and one naming an asset it cannot inline', () => {
    expect(() => inlinePlayground('<html></html>', () => '')).toThrow(/marker/);
    expect(() => inlinePlayground(INDEX.replace('app.js', '../x.js'), () => '1')).toThrow(
      /cannot inline: <script src=/,
    );
    expect(() =>
      inlinePlayground(INDEX.replace('type="text/plain" id="w"', 'id="w"'), () => '1'),
    ).toThrow(/cannot inline/);
  });
});

const hash = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the playground’s Content-Security-Policy', () => {
  const files: Record<string, string> = {
    'vega.min.js': 'var vega = 1; // </script>\n//# sourceMappingURL=vega.min.js.map\n',
    'vega-lite.min.js': 'var vegaLite = 2;',
    'vega-embed.min.js': 'var vegaEmbed = 3;',
  };
  const read = (name: string) => files[name];
  const directives = (policy: string) =>
    new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

  it('allows the page’s and the report’s scripts by hash, and no eval, network or plugin', () => {
    const single = directives(playgroundCsp('single-file', ['app()'], read));
    const report = pageScripts({
      vega: files['vega.min.js'],
      vegaLite: 'var vegaLite = 2;',
      vegaEmbed: 'var vegaEmbed = 3;',
    });
    expect(report).toHaveLength(4);
    expect(report[0]).toContain('<\\/script>');
    expect(single.get('script-src')).toEqual([
      "'wasm-unsafe-eval'",
      ...['app()', ...report].map(hash),
    ]);
    expect(single.get('default-src')).toEqual(["'none'"]);
    expect(single.get('connect-src')).toEqual(["'none'"]);
    expect(single.get('worker-src')).toEqual(['blob:']);
    expect(single.get('object-src')).toEqual(["'none'"]);
    expect(single.get('base-uri')).toEqual(["'none'"]);
    const folder = directives(playgroundCsp('folder', [], read));
    // the folder loads app.js and worker.js and fetches its data files from its own origin
    expect(folder.get('script-src')?.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(folder.get('connect-src')).toEqual(["'self'"]);
    expect(folder.get('worker-src')).toEqual(["'self'"]);
    for (const p of [single, folder])
      expect([...p.values()].flat().join(' ')).not.toContain("'unsafe-eval'");
  });

  it('is set in the page’s meta element, which must be there', () => {
    expect(withCsp(`<head>${CSP}</head>`, "default-src 'none'")).toBe(
      `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`,
    );
    expect(() => withCsp('<head></head>', "default-src 'none'")).toThrow(/lacks/);
    expect(() => withCsp(`<head>${CSP}</head>`, 'a"b')).toThrow(/double quote/);
    expect(() => inlinePlayground(INDEX.replace(CSP, ''), (n) => files[n] ?? '{}')).toThrow(
      /Content-Security/,
    );
  });
});
