/** Tests of playground-file.ts: every asset is inlined, and no inlined text can end its element. */
import { describe, expect, it } from 'vitest';
import { inlinePlayground, PLAYGROUND_MARKER } from './playground-file.ts';

const INDEX = `<html><head>${PLAYGROUND_MARKER}</head><body>
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
    };
    const html = inlinePlayground(INDEX, (name) => assets[name]);
    expect(html.match(/<\/script>/gi)?.length).toBe(3);
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
