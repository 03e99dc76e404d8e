/**
 * Korean names through the whole command line (issue 17): the shipped Hangul scenario
 * (scenarios/ko/) validates, runs and prints tables aligned by display width; its CSV files
 * hold the Hangul names, start with a UTF-8 byte-order mark with --csv-bom (run, compare,
 * sweep) and not without; its page says `<html lang="ko">` and shows the descriptions; a
 * misspelt Hangul name gets a located did-you-mean. The page's glyphs are checked in Chromium
 * (report/html/hangul.browser.test.ts).
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../report/text-table.ts';
import { msasimInProcess as msasim } from '../test-support/cli.ts';
import { shippedRun } from '../test-support/shipped-runs.ts';

const FILE = 'ko/join-vs-n-plus-1.yaml';
const PATH = join('scenarios', FILE);
const BOM = '\uFEFF';

async function csvFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort();
}

describe('a scenario with Hangul names', () => {
  it('validates', async () => {
    const r = await msasim(['validate', PATH]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scenario "상담-목록-화면" is valid (3 variants)');
  });

  it('prints console tables whose columns line up by display width', async () => {
    const r = await shippedRun(FILE);
    expect(r.code).toBe(0);
    // the first endpoint table: the first block after the variant's heading (the highlights
    // come before it)
    const variant = r.stdout.slice(r.stdout.indexOf('■ 상담-목록-화면'));
    const block = variant.split('\n\n')[0].split('\n').slice(1);
    expect(block[2]).toMatch(/^상담\/목록 /);
    // right-aligned last column: every line of the table ends at the same display column
    expect(new Set(block.map(displayWidth)).size).toBe(1);
    const comparison = r.stdout.split('■ comparison')[1].split('\n').slice(1, 6);
    expect(comparison[2]).toMatch(/^조인 /);
    expect(new Set(comparison.map(displayWidth)).size).toBe(1);
  });

  it('writes its names into the CSV files, without a byte-order mark by default', async () => {
    const r = await shippedRun(FILE);
    const endpoints = await readFile(join(r.out, 'endpoints.csv'), 'utf8');
    expect(endpoints).toContain('상담/목록');
    for (const f of await csvFiles(r.out))
      expect((await readFile(join(r.out, f), 'utf8')).startsWith(BOM), f).toBe(false);
  });

  it('writes a page in Korean (lang) with the descriptions of its parts, escaped', async () => {
    const r = await shippedRun(FILE);
    const page = await readFile(join(r.out, 'index.html'), 'utf8');
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain('<h3>Descriptions</h3>');
    expect(page).toContain('고객 정보를 가진 서비스');
    // the topology node's tooltip ends with the service's description
    expect(page).toMatch(/<title>고객 \(service\)[^<]*\n고객 정보를 가진 서비스<\/title>/);
    expect(page).toContain('Noto Sans CJK KR');
  });

  it('starts every CSV file with a UTF-8 BOM with --csv-bom (compare)', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'msasim-ko-')), 'report');
    const r = await msasim(['compare', PATH, '--duration', '6s', '--out', out, '--csv-bom']);
    expect(r.code, r.stderr).toBe(0);
    const files = await csvFiles(out);
    expect(files).toContain('compare.csv');
    for (const f of files) {
      const bytes = await readFile(join(out, f));
      expect([...bytes.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
    }
    expect((await readFile(join(out, 'summary.json'), 'utf8')).startsWith('{')).toBe(true);
  });

  it('sweeps a Hangul path with --param and writes sweep.csv with a BOM with --csv-bom', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'msasim-ko-')), 'sweep');
    const r = await msasim([
      'sweep',
      PATH,
      '--param',
      'services.상담.instances=2',
      '--duration',
      '6s',
      '--workers',
      '1',
      '--quiet',
      '--out',
      out,
      '--csv-bom',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const text = await readFile(join(out, 'sweep.csv'), 'utf8');
    expect(text.startsWith(`${BOM}index,services.상담.instances,`)).toBe(true);
  });

  it('suggests the Hangul name meant by a misspelt reference, at its line and column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-ko-'));
    const text = (await readFile(PATH, 'utf8')).replace('target: 상담/목록', 'target: 상담/목룍');
    await writeFile(join(dir, 'typo.yaml'), text);
    const r = await msasim(['validate', join(dir, 'typo.yaml')]);
    expect(r.code).toBe(1);
    const said = r.stdout + r.stderr;
    // the line of the misspelt target in the shipped file (1-based), column 13 (after `target: `)
    const line = text.split('\n').findIndex((l) => l.includes('target: 상담/목룍')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(said).toMatch(new RegExp(`typo\\.yaml:${line}:13 {2}workloads\\.상담원\\.target`));
    expect(said).toContain('unknown endpoint "목룍" of service "상담"');
    expect(said).toContain('did you mean "목록"?');
  });
});
