/**
 * `--duration` other than the file's: the faults keep their own timing. A fault of 2 minutes
 * from 40 s in a 2-minute scenario run for 4 minutes lasts to 160 s, in the main thread's
 * replication and in a worker thread's (before, both cut it at the file's 120 s: the run said
 * an outage of 80 s where the scenario declared 120 s). And a `--duration` under which a fault
 * would recur, or reconciliations merge keys, more often than a file may say is refused.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msasimInProcess } from '../test-support/cli.ts';
import { apiGetYaml } from '../test-support/scenario-api-get.ts';

const SCENARIO = `${apiGetYaml({ name: 'outage', duration: '2m', rate: '50/s' })}faults:
  down: { kind: crash, target: api, at: 40s, for: 2m }
`;

describe('run --duration', () => {
  it('makes the fault windows for the duration run, in every replication', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msasim-duration-'));
    const file = join(dir, 'outage.yaml');
    await writeFile(file, SCENARIO);
    const out = join(dir, 'report');
    const r = await msasimInProcess(
      ['run', file, '--duration', '4m', '--replications', '2', '--jobs', '2'].concat([
        '--out',
        out,
      ]),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('fault down (crash api, 40.0 s–160.0 s)');
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.runs[0].scenario.faults[0].windows).toEqual([
      { startMs: 40_000, endMs: 160_000 },
    ]);
    // both replications failed for 120 s of 240 s: 50 %, the same in each (the worker's too)
    const estimates = await readFile(join(out, 'estimates.csv'), 'utf8');
    const errorRate = estimates.split('\n').find((l) => l.startsWith(',overall,,errorRate,'));
    const [n, mean] = (errorRate ?? '').split(',').slice(4, 6).map(Number);
    expect(n).toBe(2);
    expect(mean).toBeCloseTo(0.5, 2);
  });

  // a fault every 2 ms is 5,000 windows in the file's 10 s, 100,500 in 201 s: over the limit a
  // file may say (at 24 h, 43 million windows ran the process out of memory, a V8 abort)
  const BLINKING = `${apiGetYaml({ name: 'blinking', duration: '10s', rate: '1/s' })}faults:
  blink: { kind: crash, target: api, at: 0s, for: 1ms, every: 2ms }
`;
  // a reconciliation merges 10,000 keys × 2 copies every 100 ms: 2 million in the file's 10 s,
  // 200.2 million in 1001 s, over the limit a file may say (before, a --duration ran them all:
  // at 1 h of 8 copies of 100,000 keys, 2 billion merges and a whole state per message)
  const RECONCILING = `${apiGetYaml({ name: 'reconciling', duration: '10s', rate: '1/s' })}  other:
    endpoints:
      get: { steps: [{ cpu: 1ms }] }
replicated:
  stock: { copies: [api, other], keys: 10000, merge: lww, sync: 1ms, reconcile: 100ms }
`;
  const TOO_MUCH: [what: string, yaml: string, over: string, said: string][] = [
    [
      'a fault recur more often',
      BLINKING,
      '201s',
      'fault blink would recur 100,500 times in the run; at most 100,000. Run for less',
    ],
    [
      'reconciliations merge more keys',
      RECONCILING,
      '1001s',
      'the reconciliations of replicated data stock would merge 200,200,000 keys in the run; at most 200,000,000. Run for less',
    ],
  ];

  it.each(
    (['run', 'sweep'] as const).flatMap((command) => TOO_MUCH.map((c) => [command, ...c] as const)),
  )(
    '%s refuses a --duration that makes %s than a file may',
    async (command, _, yaml, over, said) => {
      const more = command === 'sweep' ? ['--param', 'services.api.instances=1,2'] : [];
      const dir = await mkdtemp(join(tmpdir(), 'msasim-duration-'));
      const file = join(dir, 'scenario.yaml');
      await writeFile(file, yaml);
      const args = [command, file, '--duration', over, ...more, '--out', join(dir, 'out')];
      const r = await msasimInProcess(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(said);
      // a --duration the limit allows runs
      const ok = await msasimInProcess([
        command,
        file,
        '--duration',
        '20s',
        ...more,
        '--out',
        join(dir, 'ok'),
      ]);
      expect(ok.code, ok.stderr).toBe(0);
    },
  );
});
