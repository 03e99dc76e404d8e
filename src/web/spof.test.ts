/**
 * Tests of spof.ts in Node (the code the playground's worker runs for `msasim spof`): a
 * scenario without a shared component says so, an invalid one never runs, and a shop's
 * databases are failed in turn into the four files the CLI writes, in the toolbar's report
 * language. (The Chromium test compares
 * them with `msasim spof`'s, byte for byte.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../test-support/cli.ts';
import { apiGetYaml } from '../test-support/scenario-api-get.ts';
import { runSpof } from './spof.ts';

const ASSETS = { vega: '', vegaLite: '', vegaEmbed: '' };
const SHOP = readFileSync(join(ROOT, 'scenarios/shop.yaml'), 'utf8')
  .replace(/^duration: .*$/m, 'duration: 9s')
  .replace(/^warmup: .*$/m, 'warmup: 3s');
const request = (text: string) => ({ text, file: 'shop.yaml', lesson: null });

describe('a spof analysis in the playground', () => {
  it('fails each shared component in turn and writes the CLI’s four files', async () => {
    const runs: number[] = [];
    const outcome = await runSpof(
      { request: request(SHOP), mode: 'refuse', all: false },
      ASSETS,
      (d) => runs.push(d),
    );
    if (outcome.kind !== 'done') throw new Error(JSON.stringify(outcome));
    expect(outcome.files.map(([n]) => n)).toEqual([
      'spof.json',
      'spof.csv',
      'spof.txt',
      'spof.html',
    ]);
    expect(runs.at(-1)).toBe(outcome.runs);
    const data = JSON.parse(outcome.files[0][1]);
    expect(data.fault.mode).toBe('refuse');
    expect(outcome.text).toMatch(/orders-db/);
  });

  it('never runs an invalid scenario, and says when nothing is shared', async () => {
    const bad = await runSpof(
      {
        request: request(SHOP.replace('call: products/list', 'call: prodcts/list')),
        mode: 'hang',
        all: false,
      },
      ASSETS,
      () => {},
    );
    expect(bad.kind).toBe('invalid');
    const lone = apiGetYaml({ name: 'lone', duration: '3s', warmup: '1s', rate: '50/s' });
    const nothing = await runSpof(
      { request: request(lone), mode: 'refuse', all: false },
      ASSETS,
      () => {},
    );
    expect(nothing).toEqual({
      kind: 'nothing',
      text: expect.stringMatching(/no shared component/),
    });
    const korean = await runSpof(
      { request: { ...request(lone), lang: 'ko' }, mode: 'refuse', all: false },
      ASSETS,
      () => {},
    );
    expect(korean).toEqual({
      kind: 'nothing',
      text: 'spof lone: 장애를 낼 공유 컴포넌트가 없습니다 (데이터베이스, 캐시, 호출자가 둘 이상인 서비스가 없음). "all components"를 선택해 보세요',
    });
  });

  it('words the table and spof.html in the toolbar’s report language', async () => {
    const outcome = await runSpof(
      { request: { ...request(SHOP), lang: 'ko' }, mode: 'refuse', all: false },
      ASSETS,
      () => {},
    );
    if (outcome.kind !== 'done') throw new Error(JSON.stringify(outcome));
    expect(outcome.text).toMatch(/^spof shop: 각 컴포넌트를 \d+초부터 \d+초까지 중단시켰습니다/);
    expect(outcome.text).toContain('피해가 가장 큰 컴포넌트:');
    const html = new Map(outcome.files).get('spof.html') ?? '';
    expect(html).toContain('shop: 단일 장애점');
  });
});
