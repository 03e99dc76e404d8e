/**
 * `msasim spof` through the built CLI: prints the matrix, writes spof.json/csv/txt/html, is
 * deterministic, and refuses an unknown variant with a usage error.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'msasim');
const run = promisify(execFile);

async function msasim(args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('msasim spof (built CLI)', () => {
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
    await msasim(args(outs[1]));
    for (const f of ['spof.json', 'spof.csv', 'spof.txt', 'spof.html'])
      expect(await readFile(join(outs[1], f), 'utf8'), f).toBe(
        await readFile(join(outs[0], f), 'utf8'),
      );
    const html = await readFile(join(outs[0], 'spof.html'), 'utf8');
    expect(html).toContain('Availability of each endpoint while one component is down');
  }, 60_000);

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
