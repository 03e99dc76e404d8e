/**
 * Property tests of simulation.ts: over random schedules (handlers that schedule follow-ups, many
 * with 0 delay), the clock never goes back and every event runs at the (time, priority, seq) minimum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';

interface Plan {
  delayMs: number;
  priority: number;
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  delayMs: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 5 }),
    fc.double({ min: 0, max: 10, noNaN: true }),
  ),
  priority: fc.integer({ min: 0, max: 2 }),
});

interface Pending {
  timeMs: number;
  priority: number;
  seq: number;
}

function isBefore(a: Pending, b: Pending): boolean {
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

describe('Simulation properties', () => {
  it('never moves the clock back and always runs the (time, priority, seq) minimum', () => {
    fc.assert(
      fc.property(
        fc.array(planArb, { minLength: 1, maxLength: 30 }),
        fc.array(fc.array(planArb, { maxLength: 3 }), { maxLength: 120 }),
        fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { maxLength: 4 }),
        (initial, childPlans, untils) => {
          const sim = new Simulation();
          const pending = new Map<number, Pending>();
          const ran: number[] = [];
          let seq = 0;
          let lastNow = 0;
          const handler = (id: number): void => {
            expect(sim.now).toBeGreaterThanOrEqual(lastNow);
            lastNow = sim.now;
            const self = pending.get(id) as Pending;
            expect(self.timeMs).toBe(sim.now);
            for (const other of pending.values()) {
              if (other !== self) expect(isBefore(other, self)).toBe(false);
            }
            pending.delete(id);
            const children = childPlans[ran.length] ?? [];
            ran.push(id);
            for (const child of children) schedule(child);
          };
          const schedule = (plan: Plan): void => {
            const id = seq++;
            pending.set(id, { timeMs: sim.now + plan.delayMs, priority: plan.priority, seq: id });
            sim.schedule(plan.delayMs, handler, id, plan.priority);
          };
          for (const plan of initial) schedule(plan);
          for (const untilMs of [...untils].sort((a, b) => a - b)) {
            sim.run({ untilMs });
            expect(sim.now).toBeGreaterThanOrEqual(lastNow);
            lastNow = sim.now;
          }
          expect(sim.run()).toBe('empty');
          expect(pending.size).toBe(0);
          expect(ran.length).toBe(seq);
        },
      ),
      { seed: 1357911, numRuns: 300 },
    );
  });
});
