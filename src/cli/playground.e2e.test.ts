/**
 * `msasim playground` end to end (the built CLI, in-process): one self-contained file under
 * 4 MB that names nothing outside itself, written through the single-file output rules — a
 * second write replaces msasim's own file, a file msasim did not write is refused (exit 2) and
 * left byte for byte. The page itself is tested in Chromium (web/playground.browser.test.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msasimInProcess } from '../test-support/cli.ts';
import { tempFolder } from '../test-support/temp-folder.ts';

describe('msasim playground', () => {
  const tmp = tempFolder('msasim-playground-cli-');

  it('writes one self-contained HTML file under 4 MB, and replaces its own file', async () => {
    const out = join(tmp.path, 'playground.html');
    const first = await msasimInProcess(['playground', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^wrote .*playground\.html \(\d\.\d MB\)/);
    const html = await readFile(out, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(4 * 1024 * 1024);
    expect(html).not.toMatch(/<script[^>]* src=|<link[^>]* href=|<iframe[^>]* src=/);
    // the engine, the vega libraries, every shipped scenario and its lesson are inside
    expect(html).toContain('data-inline="worker.js">');
    expect(html).toContain('join-vs-batch-cache.yaml');
    expect(html).toMatch(/Experiment 1 \\u2014|Experiment 1 —/);
    const again = await msasimInProcess(['playground', '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(html);
  });

  it('refuses to overwrite a file msasim did not write (exit 2), leaving it as it was', async () => {
    const mine = join(tmp.path, 'notes.html');
    await writeFile(mine, '<p>my notes</p>');
    const r = await msasimInProcess(['playground', '--out', mine]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*notes\.html: a file is there that msasim did not write/);
    expect(r.stderr).toContain('Nothing was written.');
    expect(await readFile(mine, 'utf8')).toBe('<p>my notes</p>');
  });
});
