/**
 * `msasim spof`: prints the matrix, writes spof.json/csv/txt/html, is deterministic (the built
 * binary writes the bytes of the in-process run), and refuses an unknown variant with a usage
 * error.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msasimInProcess as msasim, msasimSpawned } from '../test-support/cli.ts';

/** spof of the shared-db variant of the shared-database scenario over 40 s, into `out`. */
const sharedDbSpof = (out: string) => [
  'spof',
  'scenarios/spof/shared-db-vs-db-per-service.yaml',
  '--variant',
  'shared-db',
  '--duration',
  '40s',
  '--out',
  out,
];

describe('msasim spof', () => {
  it('fails each shared component of the db-outage scenario and ranks them', async () => {
    const outs = [await mkdtemp(join(tmpdir(), 'spof-')), await mkdtemp(join(tmpdir(), 'spof-'))];
    const args = (out: string) => sharedDbSpof(out);
    const r = await msasim(args(outs[0]));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^spof db-outage · variant shared-db: each component crashed \(refuse\) from 20 s to 30 s, seed 1/,
    );
    expect(r.stdout).toMatch(/most damaging: shared-db — 3 of 3 endpoints below 99 % availability/);
    const binary = await msasimSpawned(args(outs[1]));
    expect(binary.code).toBe(0);
    expect(binary.stdout).toBe(r.stdout);
    for (const f of ['spof.json', 'spof.csv', 'spof.txt', 'spof.html'])
      expect(await readFile(join(outs[1], f), 'utf8'), f).toBe(
        await readFile(join(outs[0], f), 'utf8'),
      );
    const html = await readFile(join(outs[0], 'spof.html'), 'utf8');
    expect(html).toContain('Availability of each endpoint while one component is down');
  });

  it('--lang ko: the table, its sentences and spof.html in Korean, the data files as in English', async () => {
    const outs = [await mkdtemp(join(tmpdir(), 'spof-')), await mkdtemp(join(tmpdir(), 'spof-'))];
    const args = (out: string, lang: string) => [...sharedDbSpof(out), '--lang', lang];
    const r = await msasim(args(outs[0], 'ko'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^spof db-outage · 변형 shared-db: 각 컴포넌트를 20초부터 30초까지 중단시켰습니다 \(refuse\), 시드 1\n/,
    );
    expect(r.stdout).toMatch(/\n장애 난 컴포넌트 +다운 /);
    expect(r.stdout).toContain('(장애 없음)');
    expect(r.stdout).toContain('shared-db (데이터베이스)');
    expect(r.stdout).toContain('칸: 장애 동안의 가용성 / 1초 구간별 p99 중 최악값');
    expect(r.stdout).toContain(
      '피해가 가장 큰 컴포넌트: shared-db — 엔드포인트 3개 중 3개의 가용성이 99 % 아래로 떨어집니다',
    );
    expect(r.stderr).toMatch(/실행 \d+회 \(기준 실행 \+ 장애 \d+회\)/);
    // the console's English words are gone (names, paths and the --mode value stay)
    const words = r.stdout.replace(/shared-db|db-outage|refuse|spof|p99|\S+\/\S+|\S+-\S+/g, '');
    expect(words).not.toMatch(/[A-Za-z]{3,}/);
    const html = await readFile(join(outs[0], 'spof.html'), 'utf8');
    expect(html).toContain('<html lang="ko"');
    expect(html).toContain('db-outage: 단일 장애점');
    expect(html).toContain('영향 행렬');
    expect(html).toContain('컴포넌트 하나가 중단된 동안 각 엔드포인트의 가용성');
    for (const english of ['single points of failure', 'Impact matrix', 'most damaging'])
      expect(html).not.toContain(english);
    // the data files are identifiers: the same bytes as the English run's
    expect((await msasim(args(outs[1], 'en'))).code).toBe(0);
    for (const f of ['spof.json', 'spof.csv'])
      expect(await readFile(join(outs[0], f), 'utf8'), f).toBe(
        await readFile(join(outs[1], f), 'utf8'),
      );
  });

  it('an unknown variant is a usage error', async () => {
    const r = await msasim([
      'spof',
      'scenarios/spof/shared-db-vs-db-per-service.yaml',
      '--variant',
      'nope',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--variant nope: no such variant; db-outage has db-per-service, shared-db.',
    );
  });
});
