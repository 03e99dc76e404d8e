/**
 * The replication task of the worker threads (cli/replication-worker.ts), called in-process:
 * it runs exactly the run the main thread would make (the variant, --duration, the warm-up
 * --warmup auto chose, the seed of its replication, its traces), answers `late` when the
 * command's wall-time budget is spent before it starts and `cancelled` when a replication
 * before it failed; and the choice of worker threads for `--jobs` (run-variants.ts).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { replicationSeed, runScenario } from '../model/run.ts';
import { TINY_YAML } from '../test-support/yaml.ts';
import { type ReplicationTask, runReplicationTask } from './replication-worker.ts';
import { worthThreads } from './replications.ts';
import { formatLoop } from './run-account.ts';
import { wallNow } from './run-guard.ts';
import { defaultWorkers, workerThreads } from './run-variants.ts';

const TEXT = `${TINY_YAML}variants:
  fast: {}
  slow:
    set:
      services.server.endpoints.serve.steps[0].cpu: { dist: exponential, mean: 6ms }
`;

/** The traces of replication 3. */
const TRACED = { slowest: 2, failed: 5, every: 50, sampled: 5, replication: 3 };

/** Replication 3 of variant slow, 3 s long with a warm-up of 1 s. */
const task = (more: Partial<ReplicationTask> = {}): ReplicationTask => ({
  file: 'tiny.yaml',
  text: TEXT,
  overrides: [],
  variant: 'slow',
  seed: undefined,
  replication: 3,
  durationMs: 3000,
  warmupMs: 1000,
  limits: { maxEvents: 1e7, maxWall: 60_000 },
  deadline: wallNow() + 60_000,
  ...more,
});

describe('runReplicationTask', () => {
  it('makes the run the main thread would make, traces included', async () => {
    const result = await runReplicationTask(task({ trace: TRACED, timed: true }));
    if (!('summary' in result)) throw new Error(`no summary: ${JSON.stringify(result)}`);
    const base = parseScenario(TEXT, 'tiny.yaml').variants[1];
    const here = await runScenario(
      { ...base, durationMs: 3000, warmupMs: 1000 },
      { seed: replicationSeed(base.seed, 3), trace: TRACED },
    );
    expect(result.summary).toEqual(here.summary);
    expect(result.summary.scenario).toMatchObject({ durationMs: 3000, warmupMs: 1000 });
    expect(result.summary.scenario.seed).toBe(`${base.seed}/3`);
    expect(result.traces).toEqual(here.traces);
    expect(result.traces?.length).toBeGreaterThan(0);
    expect(result.loop?.events).toBe(result.summary.run.events);
    expect(result.guard).toBeUndefined();
  });

  it('answers late when the command’s wall-time budget is spent before it starts', async () => {
    expect(await runReplicationTask(task({ deadline: wallNow() - 1 }))).toEqual({ late: true });
  });

  it('answers cancelled when a replication before it failed, and runs when one after it did', async () => {
    const stop = new Int32Array(new SharedArrayBuffer(4));
    stop[0] = 4;
    expect(await runReplicationTask(task({ cancel: { stop, key: 5 } }))).toEqual({
      cancelled: true,
    });
    stop[0] = 6;
    expect(await runReplicationTask(task({ cancel: { stop, key: 5 } }))).toHaveProperty('summary');
  });

  it('answers a replayed data file gone bad with its located problems, as plain data', async () => {
    // the main thread checked the file before; a worker reads it again, and a ScenarioError
    // thrown there would reach the main thread without its class (an internal error, exit 70)
    const dir = await mkdtemp(join(tmpdir(), 'msasim-worker-'));
    await writeFile(join(dir, 'log.csv'), 'time\n0.010\nsoon\n');
    const text = TINY_YAML.replace(
      'arrivals: { rate: 200/s, target: server/serve }',
      'arrivals: { replay: { file: log.csv }, target: server/serve }',
    );
    expect(text).not.toBe(TINY_YAML);
    const result = await runReplicationTask(
      task({ file: join(dir, 'replay.yaml'), text, variant: null, replication: 2 }),
    );
    if (!('problem' in result)) throw new Error(`no problem: ${JSON.stringify(result)}`);
    expect(structuredClone(result)).toEqual(result);
    expect(result.problem[0]).toMatchObject({ file: join(dir, 'log.csv'), line: 3 });
  });

  it('reports the guard that stopped it', async () => {
    const result = await runReplicationTask(task({ limits: { maxEvents: 100, maxWall: 60_000 } }));
    expect(result).toHaveProperty('guard');
    if ('summary' in result) expect(result.summary.run.stopReason).toBe('budget');
  });
});

describe('--jobs: worker threads', () => {
  it('none with --jobs 1 or nothing to share; else at most one per replication after the first', () => {
    expect(workerThreads(1, 4, 3, false)).toBe(0);
    expect(workerThreads(8, 4, 1, false)).toBe(0);
    expect(workerThreads(8, 4, 3, false)).toBe(8);
    expect(workerThreads(8, 2, 3, false)).toBe(4);
    expect(workerThreads(3, 4, 3, false)).toBe(3);
    // --precision adds rounds of one replication per variant
    expect(workerThreads(8, 2, 2, true)).toBe(2);
  });

  it("by default, the cores left beside the main thread and the machine's load", () => {
    expect(defaultWorkers(8, 0.3)).toBe(7);
    expect(defaultWorkers(8, 2.5)).toBe(5);
    expect(defaultWorkers(2, 0.7)).toBe(1);
    expect(defaultWorkers(2, 3)).toBe(0);
    expect(defaultWorkers(1, 0)).toBe(0);
    // the default may be one thread (--jobs 1 is none), and is capped by the work like --jobs
    expect(workerThreads(undefined, 4, 3, false, () => 1)).toBe(1);
    expect(workerThreads(undefined, 1, 2, false, () => 7)).toBe(1);
    expect(workerThreads(undefined, 4, 3, false, () => 0)).toBe(0);
  });

  it('without --jobs, only when the CPU time left is worth ~1 s per thread', () => {
    // the first replication took 100 ms and 14 are left: 1.4 s, not worth 2 threads
    expect(worthThreads(100, 14, 2)).toBe(false);
    // the headline: ~0.4 s for its first, 14 left: 5.6 s, worth 2 threads (not 8)
    expect(worthThreads(400, 14, 2)).toBe(true);
    expect(worthThreads(400, 14, 8)).toBe(false);
    expect(worthThreads(1000, 2, 2)).toBe(true);
  });

  it('the closing line sums the loops of several threads and says so', () => {
    const loop = { cpuMs: 2000, wallMs: 2500, events: 4_000_000 };
    expect(formatLoop(loop)).toBe('loop 2.00 s CPU, 2.50 s wall, 2.00M events/s');
    expect(formatLoop(loop, 'en', 3)).toBe(
      'loop 2.00 s CPU, 2.50 s wall summed over 3 threads, 2.00M events/s of CPU',
    );
    expect(formatLoop(loop, 'ko', 3)).toContain('스레드 3개 합계');
  });
});
