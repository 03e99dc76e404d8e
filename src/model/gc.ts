/**
 * Garbage-collection pauses of a service's instances: a stop-the-world pause whose length grows
 * with the heap the instance holds for caches and reference tables (pause + pausePerGB × GB
 * held), then `every` until the next pause (the gap after a pause ends, not the period between
 * pause starts: with every 10 s and 200 ms pauses, they start every 10.2 s); each instance starts
 * on its own random phase. During a pause the instance starts
 * no new visit (its thread pool is closed; arrivals queue). Simplification: visits already
 * running are not frozen; the heap counted is only cache and table data.
 */
import type { RandomStream, Simulation } from '../engine/index.ts';
import { type Instance, memoryOf, type ServiceRuntime } from './service.ts';

const GB = 1024 ** 3;

/** Starts the pauses of every instance of `service`. */
export function startGarbageCollection(
  sim: Simulation,
  service: ServiceRuntime,
  gc: { everyMs: number; pauseMs: number; pausePerGBMs: number },
  phase: RandomStream,
): void {
  const pause = (inst: Instance) => {
    const lengthMs = gc.pauseMs + (gc.pausePerGBMs * memoryOf(inst)) / GB;
    service.stats.gcPauses++;
    service.stats.gcPauseMs += lengthMs;
    inst.slots.paused++;
    inst.slots.apply(sim.now);
    sim.schedule(lengthMs, resume, inst);
  };
  const resume = (inst: Instance) => {
    inst.slots.paused--;
    inst.slots.apply(sim.now); // hands the freed threads to the visits that queued
    sim.schedule(gc.everyMs, pause, inst);
  };
  for (const inst of service.instances) sim.schedule(gc.everyMs * phase.next(), pause, inst);
}
