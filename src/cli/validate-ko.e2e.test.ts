/**
 * `msasim validate --lang ko` (issue 17): scenarios with the mistakes a workshop makes most (a
 * misspelt key, a wrong type, a duration in an unknown unit, an unknown distribution, unknown
 * services, endpoints and databases, a call loop, a mistake that only one variant makes) get
 * Korean messages at the same places as the English ones, a think time without users with its
 * reason in Korean too; without --lang the English output is unchanged and the locale
 * (LANG=ko_KR) chooses Korean, as for run; run --lang ko prints the problems of a bad scenario
 * in Korean too.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { msasimInProcess as msasim, msasimSpawned } from '../test-support/cli.ts';
import { expectParts } from '../test-support/expect-parts.ts';

const HANGUL = /\p{Script=Hangul}/u;

/**
 * The top of a shop scenario down to its first service, `orders`, which its shoppers call at
 * 50 a second (orders/get): the mistakes follow.
 */
const shop = (duration: string) => `version: 1
name: shop
duration: ${duration}
workloads:
  shoppers:
    rate: 50/s
    target: orders/get
services:
  orders:`;

/** customers/get: 1 ms of work. */
const CUSTOMERS = `  customers:
    endpoints:
      get:
        steps:
          - cpu: 1ms`;

/** Mistakes the schema finds (a duration in an unknown unit among them). */
const SCHEMA_MISTAKES = `${shop('10sec')}
    instancs: 2
    threads: many
    endpoints:
      get:
        steps:
          - cpu: { dist: exponental, mean: 1ms }
`;

/** Mistakes the reference checks find, a call loop, and a think time without users. */
const REFERENCE_MISTAKES = `version: 1
name: shop
duration: 10s
workloads:
  shoppers:
    rate: 50/s
    thinkTime: 1s
    target: ordrs/get
services:
  orders:
    endpoints:
      get:
        steps:
          - call: customers/gett
          - query: { db: dbb }
          - call: customers/list
${CUSTOMERS}
      list:
        steps:
          - call: customers/list
databases:
  db: {}
`;

/** A mistake only one variant makes (checked once the base scenario is valid). */
const VARIANT_MISTAKE = `${shop('10s')}
    endpoints:
      get:
        steps:
          - call: customers/get
${CUSTOMERS}
variants:
  fine: {}
  typo:
    set:
      services.orders.endpoints.get.steps[0].call: custmer/get
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'msasim-validate-ko-'));
  await writeFile(join(dir, 'schema.yaml'), SCHEMA_MISTAKES);
  await writeFile(join(dir, 'refs.yaml'), REFERENCE_MISTAKES);
  await writeFile(join(dir, 'variant.yaml'), VARIANT_MISTAKE);
});

/** The `file:line:col  path` lines of an output, in order. */
const places = (out: string) => out.split('\n').filter((l) => /^\S+:\d+:\d+ {2}/.test(l));

/** The message and hint lines of an output. */
const texts = (out: string) => out.split('\n').filter((l) => /^ {2}[✖⚠→] /.test(l));

/**
 * `msasim validate` of file `name` of the test folder, in English and in Korean: both refuse it
 * (exit 1), at the same places.
 */
async function validateBoth(name: string) {
  const file = join(dir, name);
  const en = await msasim(['validate', file]);
  const ko = await msasim(['validate', '--lang', 'ko', file]);
  expect([en.code, ko.code]).toEqual([1, 1]);
  expect(places(ko.stdout)).toEqual(places(en.stdout));
  return { file, en, ko };
}

describe('validate --lang ko', () => {
  it('words the schema mistakes in Korean at the same places as in English', async () => {
    const { file, en, ko } = await validateBoth('schema.yaml');
    expect(places(ko.stdout).length).toBe(4);
    for (const line of texts(ko.stdout)) expect(line).toMatch(HANGUL);
    expectParts(ko.stdout, [
      '알 수 없는 키 "instancs"',
      '혹시 "instances"인가요?',
      '문자열 "many"',
      '받은 값: "10sec"',
      '알 수 없는 분포 "exponental"',
    ]);
    expect(ko.stdout.trimEnd().endsWith('오류 4개')).toBe(true);
    // English as it always was
    expect(en.stdout).not.toMatch(HANGUL);
    expect(en.stdout).toContain('  ✖ unknown key "instancs"');
    expect(en.stdout.trimEnd().endsWith('4 errors')).toBe(true);
    expect((await msasim(['validate', '--lang', 'en', file])).stdout).toBe(en.stdout);
  });

  it('words unknown references and a key that needs another in Korean', async () => {
    const { en, ko } = await validateBoth('refs.yaml');
    expect(ko.stdout).toContain('알 수 없는 서비스 "ordrs"; 알려진 서비스: customers, orders');
    expect(ko.stdout).toContain('서비스 "customers"의 알 수 없는 엔드포인트 "gett"');
    expect(ko.stdout).toContain('알 수 없는 데이터베이스 "dbb"; 알려진 데이터베이스: db');
    expect(ko.stdout).toContain(
      '엔드포인트들이 끝나지 않는 순환으로 서로를 호출합니다: customers/list',
    );
    // a think time without users (misplaced-key): its reason in Korean too
    expect(texts(en.stdout).filter((l) => /thinkTime/.test(l))).toEqual([
      expect.stringMatching(/^ {2}✖ thinkTime: only applies together with users: /),
      '  → remove thinkTime: or add users:',
    ]);
    expect(texts(ko.stdout).filter((l) => /thinkTime/.test(l))).toEqual([
      '  ✖ thinkTime:은(는) users:와(과) 함께일 때만 쓰입니다: 닫힌 워크로드의 사용자가 응답을 받고 다음 요청까지 쉬는 시간입니다',
      '  → thinkTime:을(를) 지우거나 users:을(를) 추가하세요',
    ]);
    expect(ko.stdout).not.toContain('only applies');
    expect(ko.stdout.trimEnd().endsWith('오류 5개')).toBe(true);
    expect(en.stdout).not.toMatch(HANGUL);
  });

  it('words a mistake only a variant makes in Korean, naming the variant', async () => {
    const { en, ko } = await validateBoth('variant.yaml');
    expect(en.stdout).toContain('  ✖ in variant "typo": unknown service "custmer"');
    expect(ko.stdout).toContain(
      '  ✖ 변형 "typo" 적용 시: 알 수 없는 서비스 "custmer"; 알려진 서비스: customers, orders',
    );
  });

  it('says a valid scenario is valid in Korean', async () => {
    const ko = await msasim(['validate', '--lang', 'ko', 'scenarios/shop.yaml']);
    expect(ko.code).toBe(0);
    expect(ko.stdout).toMatch(/^✔ scenarios\/shop\.yaml: 시나리오 "shop"에 문제가 없습니다/);
  });

  it('refuses a language it does not know (exit 2)', async () => {
    const r = await msasim(['validate', '--lang', 'fr', 'scenarios/shop.yaml']);
    expect(r.code).toBe(2);
  });
});

describe('the language of scenario problems elsewhere', () => {
  it('the locale chooses Korean without --lang (the built binary)', async () => {
    const file = join(dir, 'schema.yaml');
    const r = await msasimSpawned(['validate', file], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('알 수 없는 키 "instancs"');
  });

  it('sweep --lang ko frames a problem a --param makes in Korean (exit 1)', async () => {
    const out = join(dir, 'sweep');
    const args = ['sweep', 'scenarios/shop.yaml', '--param', 'services.orders.instancs=1'];
    const ko = await msasim([...args, '--lang', 'ko', '--out', out]);
    expect(ko.code).toBe(1);
    expect(ko.stderr).toContain(
      '  ✖ --param services.orders.instancs=1 적용 시: 알 수 없는 키 "instancs"',
    );
    const en = await msasim([...args, '--lang', 'en', '--out', out]);
    expect(en.stderr).toContain(
      '  ✖ in --param services.orders.instancs=1: unknown key "instancs"',
    );
  });

  it('run --lang ko prints a bad scenario’s problems in Korean (exit 1)', async () => {
    const r = await msasim(['run', '--lang', 'ko', join(dir, 'schema.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('알 수 없는 키 "instancs"');
    const en = await msasim(['run', join(dir, 'schema.yaml')]);
    expect(en.stderr).toContain('unknown key "instancs"');
    expect(en.stderr).not.toMatch(HANGUL);
  });
});
