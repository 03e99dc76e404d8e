/**
 * Runtime effects of a service's process (`runtime:`), each off unless the scenario asks for it
 * and each drawing from streams of its own (`runtime/<service>/…`), so turning one on changes
 * no other component's draws:
 *
 * - eventLoop: each instance is one CPU (normalize gives it `cores: 1`, so its cpu steps queue
 *   there too, as on Node's one thread) and every message it receives costs `perMessage` on
 *   that CPU before the visit goes on: the request (a cpu step put before the endpoint's steps)
 *   and the answer of each call and query (one after each call and query step, in parallel
 *   branches and branch options too). The cost of serialising what it sends is part of
 *   `perMessage`. Hop latency so grows with the instance's load (a queue for one server).
 *   The reply of a kv operation, a broker's acknowledgement of a publish and an event store's
 *   answer are charged too (a kind's `answers`, model/steps/step-kind.ts). Simplifications:
 *   the messages of kinds whose count varies (list lookups, lookups over shards, a saga's or a
 *   2PC round's replies) and of steps inside a transaction or saga are not charged; a failed
 *   call skips the rest of the frame, its answer's cost included.
 * - noisyNeighbour: per instance, a two-state Markov process (calm, noisy; exponential times
 *   of mean `calm` and `noisy`, starting calm): while noisy the instance's CPU work (cpu
 *   steps and the event loop's costs) takes `slowdown` times longer. A step takes the factor
 *   in force when it starts. An instance scaling adds later gets its own process from its
 *   creation (calm first); one scaled in keeps it (its neighbours do not leave with it), and
 *   the noisy share is over each instance's time since its creation.
 * - timers: a sleep of d ms fires after max(tick, ⌊d / tick⌋ × tick) + late, `late` drawn from
 *   its distribution: Node truncates fractional milliseconds (fires early) and runs a timer's
 *   callback late when its event loop is busy. A call's timeout is rounded the same way but
 *   not made late (its queue fires in order); a call with resilience policies keeps its own.
 */
import { createDistribution, type Distribution, TimeoutQueue } from '../engine/index.ts';
import type { RuntimeStats } from '../metrics/runtime-stats.ts';
import type { RuntimeDef } from '../scenario/types.ts';
import type { BuildContext } from './build-context.ts';
import { faultStateOf } from './fault-wiring.ts';
import { StepKind, StepRuntime } from './frame.ts';
import { callTimedOut, isCallPending } from './journey.ts';
import type { Instance, ServiceRuntime } from './service.ts';

/** Applies the runtime effects of every service that has some (after its steps are compiled). */
export function buildRuntimeEffects(ctx: BuildContext): void {
  for (const def of ctx.scenario.services) {
    const r = def.runtime;
    if (r === undefined) continue;
    const svc = ctx.services.get(def.id) as ServiceRuntime;
    const stats = ctx.metrics.addRuntime(def.id, r, svc.instances.length);
    if (r.timers !== null) {
      const late = createDistribution(r.timers.late, ctx.rng.stream(`runtime/${def.id}/late`));
      const timer = new TimerSleep(r.timers.tickMs, late, stats, ctx);
      for (const ep of svc.endpoints.values()) eachStep(ep.steps, (s) => timer.wrap(s));
    }
    if (r.perMessage !== null) {
      const cost = new MessageCost(
        createDistribution(r.perMessage, ctx.rng.stream(`runtime/${def.id}/message`)),
        stats,
      );
      for (const ep of svc.endpoints.values()) ep.steps = withMessageCosts(ep.steps, cost);
    }
    if (r.noise !== null) startNoise(ctx, svc, r.noise, stats);
  }
}

/** Calls `visit` on every step of `steps` and of the branches they hold. */
function eachStep(steps: StepRuntime[], visit: (s: StepRuntime) => void): void {
  for (const s of steps) {
    visit(s);
    for (const b of s.branches) eachStep(b, visit);
  }
}

/** The event loop's cost of one message: a counted draw. */
class MessageCost implements Distribution {
  constructor(
    private readonly draw: Distribution,
    private readonly stats: RuntimeStats,
  ) {}
  get mean(): number {
    return this.draw.mean;
  }
  sample(): number {
    const ms = this.draw.sample();
    this.stats.messages++;
    this.stats.messageMs += ms;
    return ms;
  }
  /** A cpu step of this cost. */
  step(): StepRuntime {
    const s = new StepRuntime(StepKind.cpu);
    s.duration = this;
    return s;
  }
}

/**
 * The steps with a message cost first, after every call and query, and after each answer a
 * handled kind declares (`answers`: kv, publish, eventStore), branches included.
 */
function withMessageCosts(steps: StepRuntime[], cost: MessageCost, top = true): StepRuntime[] {
  const out: StepRuntime[] = top ? [cost.step()] : [];
  for (const s of steps) {
    if (s.branches.length > 0) s.branches = s.branches.map((b) => withMessageCosts(b, cost, false));
    out.push(s);
    if (s.kind === StepKind.call || s.kind === StepKind.query) out.push(cost.step());
    else if (s.kind === StepKind.handler) {
      const answers = (s.handler as { answers?: number } | null)?.answers ?? 0;
      for (let i = 0; i < answers; i++) out.push(cost.step());
    }
  }
  return out;
}

/** Sleeps as a runtime's timers run them: rounded down to a tick, then late. */
class TimerSleep {
  constructor(
    private readonly tickMs: number,
    private readonly late: Distribution,
    private readonly stats: RuntimeStats,
    private readonly ctx: BuildContext,
  ) {}

  /** A timer of `ms` rounded down to the tick (at least one tick). */
  round(ms: number): number {
    return Math.max(this.tickMs, Math.floor(ms / this.tickMs) * this.tickMs);
  }

  wrap(s: StepRuntime): void {
    if (s.kind === StepKind.call && s.timeouts !== null && s.policy === null) {
      const ms = this.round(s.timeouts.delayMs);
      s.timeouts = new TimeoutQueue(this.ctx.sim, ms, isCallPending, callTimedOut, true);
    }
    if (s.kind !== StepKind.sleep || s.duration === null) return;
    const asked = s.duration;
    const { late, stats } = this;
    const round = (ms: number) => this.round(ms);
    s.duration = {
      mean: asked.mean,
      sample(): number {
        const d = asked.sample();
        const fired = round(d) + late.sample();
        stats.timers++;
        stats.timerShiftMs += fired - d;
        return fired;
      },
    };
  }
}

/**
 * The noisy-neighbour process of each instance: calm for Exp(calm), noisy for Exp(noisy), …;
 * while noisy its FaultState's CPU factor is multiplied by the slowdown.
 */
function startNoise(
  ctx: BuildContext,
  svc: ServiceRuntime,
  noise: NonNullable<RuntimeDef['noise']>,
  stats: RuntimeStats,
): void {
  const { sim } = ctx;
  const begin = (inst: Instance): void => {
    const name = `${svc.id}[${inst.index}]`;
    const stream = ctx.rng.stream(`runtime/${name}/noise`);
    const calmFor = createDistribution({ kind: 'exponential', mean: noise.calmMs }, stream);
    const noisyFor = createDistribution({ kind: 'exponential', mean: noise.noisyMs }, stream);
    const fs = faultStateOf(ctx, inst, name);
    const calm = (): void => {
      fs.setNoise(1);
      stats.noise(inst.index, false, sim.now);
      sim.schedule(calmFor.sample(), noisy, undefined);
    };
    const noisy = (): void => {
      fs.setNoise(noise.factor);
      stats.noise(inst.index, true, sim.now);
      sim.schedule(noisyFor.sample(), calm, undefined);
    };
    sim.schedule(calmFor.sample(), noisy, undefined);
  };
  for (const inst of svc.instances) ctx.starters.push(() => begin(inst));
  svc.onCreate = (inst) => {
    stats.born(inst.index, sim.now);
    begin(inst);
  };
}
