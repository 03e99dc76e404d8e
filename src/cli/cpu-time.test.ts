/**
 * The loop's timing: runScenario times Model.run() with the clocks it is lent (and only then),
 * keeps the figures out of the summary (outputs stay byte-identical), and the CLI's closing line
 * words them; the main thread's CPU clock moves forward while the thread works.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { runScenario } from '../model/run.ts';
import { threadCpuMs } from './cpu-time.ts';
import { formatLoop } from './run-account.ts';

const MM1 = `
version: 1
name: tiny
seed: 1
duration: 5s
workloads:
  w: { rate: 100/s, target: s/e }
services:
  s:
    endpoints:
      e: { steps: [ { cpu: { dist: exponential, mean: 2ms } } ] }
`;

describe('loop timing', () => {
  it('runScenario times the loop with the lent clocks, outside the summary', async () => {
    const [scenario] = parseScenario(MM1, 'tiny.yaml').variants;
    let wall = 0;
    let cpu = 100;
    // each read moves the fake clocks on: the loop is the difference of two reads
    const clock = { wallMs: () => (wall += 7), cpuMs: () => (cpu += 3) };
    const timed = await runScenario(scenario, { clock });
    expect(timed.loop).toEqual({ wallMs: 7, cpuMs: 3, events: timed.summary.run.events });
    const untimed = await runScenario(scenario);
    expect(untimed.loop).toBeUndefined();
    expect(JSON.stringify(timed.summary)).toBe(JSON.stringify(untimed.summary));
  });

  it('the closing line gives the loop CPU and wall time and events per CPU-second', () => {
    expect(formatLoop({ cpuMs: 250, wallMs: 400, events: 1_600_000 })).toBe(
      'loop 0.25 s CPU, 0.40 s wall, 6.40M events/s',
    );
    expect(formatLoop({ cpuMs: 2000, wallMs: 2000, events: 900_000 })).toBe(
      'loop 2.00 s CPU, 2.00 s wall, 450k events/s',
    );
    expect(formatLoop({ cpuMs: 0, wallMs: 0, events: 0 })).toBe(
      'loop 0.00 s CPU, 0.00 s wall, 0k events/s',
    );
  });

  it('the main thread CPU clock moves forward while the thread works', () => {
    const a = threadCpuMs();
    let x = 0;
    const until = performance.now() + 60;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    const b = threadCpuMs();
    expect(x).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
  });
});
