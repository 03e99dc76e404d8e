/**
 * The memory guard sees what a reconciliation holds (model/replicated.ts, engine checkpointSoon):
 * whole states a partition holds pile up period after period while few events happen, far
 * fewer than the million between the guards' regular checkpoints. The run must stop on its
 * memory limit when they do, not finish (or exhaust the process) before any guard looks.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../model/run.ts';
import { scenarioFromYaml } from '../test-support/scenarios.ts';
import { CHECK_EVERY, RunGuard, wallNow } from './run-guard.ts';

const far = { deadline: wallNow() + 3_600_000, maxWallMs: 3_600_000 };
const COPIES = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];

/**
 * Eight copies of 2,000 keys (a whole lww state: 72 kB) reconciled every 100 ms; each copy
 * changes every period; `fault` cuts c1 off (every state to and from it held) or nothing.
 */
function copies(fault: boolean) {
  const workloads = COPIES.map((c) => `  w-${c}: { rate: 40/s, target: ${c}/u }`).join('\n');
  const services = COPIES.map(
    (c) => `  ${c}:\n    endpoints:\n      u: { steps: [ { updateCopy: { data: d } } ] }`,
  ).join('\n');
  return scenarioFromYaml(`version: 1
name: held-reconciliations
duration: 4s
workloads:
${workloads}
services:
${services}
replicated:
  d: { copies: [${COPIES.join(', ')}], keys: 2000, merge: lww, sync: 10ms, reconcile: 100ms }
${
  fault
    ? `faults:
  cut:
    kind: partition
    link: { from: c1, to: [${COPIES.slice(1).join(', ')}] }
    direction: both
    at: 0s
    for: 10s`
    : ''
}
`);
}

/** Runs it under a memory limit of `maxMemory` bytes, counting the checkpoints. */
async function guarded(fault: boolean, maxMemory: number) {
  const guard = new RunGuard({ maxEvents: 2e9, maxWall: 60_000, maxMemory }, far);
  const at: number[] = [];
  const result = await runScenario(copies(fault), {
    checkEvery: CHECK_EVERY,
    onCheckpoint: (sim, probe) => {
      at.push(sim.now);
      return guard.check(sim, probe);
    },
  });
  return { result, reason: guard.reason?.reason ?? '', at };
}

// The heap of a test worker moves with whatever ran before (garbage collected or not), so the
// guard's limit is 1 byte (it stops at the first look) or none: what is checked is when it looks.
describe('a reconciliation that a partition holds, under the memory guard', () => {
  it('has the memory guard look at the first period that holds states, long before a million events', async () => {
    const { result, reason, at } = await guarded(true, 1);
    expect(result.summary.run.stopReason).toBe('stopped');
    expect(reason).toMatch(/over the limit of 1 B \(--max-memory\)/);
    expect(at).toEqual([100]);
    expect(result.summary.run.events).toBeLessThan(CHECK_EVERY);
  });

  it('has it look at every period while states are held (100 ms to 4 s: 40), where the events alone bring none', async () => {
    const { result, at } = await guarded(true, Number.MAX_SAFE_INTEGER);
    expect(result.summary.run.stopReason).toBe('until');
    expect(at).toEqual(Array.from({ length: 40 }, (_, i) => 100 * (i + 1)));
    expect(result.summary.run.events).toBeLessThan(CHECK_EVERY);
  });

  it('asks for no checkpoint while nothing is held: the run ends as it would', async () => {
    const { result, at } = await guarded(false, Number.MAX_SAFE_INTEGER);
    expect(result.summary.run.stopReason).toBe('until');
    expect(result.summary.run.events).toBeLessThan(CHECK_EVERY);
    expect(at).toEqual([]);
  });
});
