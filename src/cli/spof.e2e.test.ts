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

describe('msasim spof', () => {
  it('fails each shared component of the db-outage scenario and ranks them', async () => {
    const outs = [await mkdtemp(join(tmpdir(), 'spof-')), await mkdtemp(join(tmpdir(), 'spof-'))];
    const args = (out: string) => [
      'spof',
      'scenarios/spof/shared-db-vs-db-per-service.yaml',
      '--variant',
      'shared-db',
      '--duration',
      '40s',
      '--out',
      out,
    ];
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
