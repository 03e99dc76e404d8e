/**
 * Fault injection: the scenario's `faults:` timeline applied to the model. A fault strikes
 * units — service instances, databases (each shard), distributed-cache servers — or a link
 * (the hop that carries requests from one component to another). At each window's start the
 * fault joins the active faults of every unit it strikes; at its end it leaves. A unit's
 * FaultState combines its active faults into the few numbers the journey reads:
 *
 * - crash: the unit is down; arrivals are refused at once (`refuse`: the caller gets an error)
 *   or never answered (`hang`: the caller waits for its timeout); `freeze` pauses a service's
 *   process: arrivals wait in its accept queue, its work stops and resumes after (freeze.ts).
 * - error-rate: a share of arrivals fail at once (independent faults combine as 1 − Π(1 − r)).
 * - latency: arrivals are delayed by `add`, and the unit's own work (CPU and sleep steps of a
 *   service, query time of a database, operation time of a cache) takes `factor` times longer;
 *   time spent waiting for downstream calls is not the unit's own and is not stretched.
 * - capacity-loss: only `remaining` of the threads/connections stay (at least one while
 *   remaining > 0); visits in progress finish, the queue waits.
 * - gc-pause: stop-the-world pauses of `pause` every `interval`: no visit starts meanwhile.
 * - cpu-hog: CPU steps (services), query times (databases), operation times (caches) × factor.
 *
 * On a link, a partition drops requests (the sender gets an error at once) or blackholes them
 * (no answer: the sender's timeout decides); error-rate fails a share of them; latency delays
 * them. Simplifications: a link fault strikes the request direction only (replies of requests
 * already through come back); a crash does not abort visits already running in the unit; the
 * load balancer keeps sending to a crashed instance unless the service has `healthCheck` (then
 * it skips it from that long after the crash until it is back); utilisation stays
 * relative to the full capacity during a capacity loss.
 */
import type {
  Distribution,
  Handler,
  RandomSource,
  RandomStream,
  Resource,
  Simulation,
} from '../engine/index.ts';
import { createDistribution } from '../engine/index.ts';
import type { FaultDef } from '../scenario/types.ts';
import type { Freeze } from './freeze.ts';
import type { Hop, HopFault } from './network.ts';

/** Threads or connections of a unit, which capacity faults and GC pauses take away. */
export class Slots {
  /** Share of the base capacity that remains (capacity-loss faults). */
  remaining = 1;
  /** Pauses in progress (GC): while > 0 no slot is available. */
  paused = 0;
  constructor(
    readonly base: number,
    private readonly resource: Resource<unknown>,
    /** Records busy slots and queue length after a capacity change. */
    private readonly observe: (nowMs: number) => void,
  ) {}

  /** Sets the capacity the pauses and losses leave (a grant may follow at once). */
  apply(nowMs: number): void {
    let capacity = this.base;
    if (this.paused > 0) capacity = 0;
    else if (this.remaining < 1)
      capacity = Math.max(this.remaining > 0 ? 1 : 0, Math.floor(this.base * this.remaining));
    this.resource.setCapacity(capacity);
    this.observe(nowMs);
  }
}

/** A fault in force on one unit, with the draws it makes there. */
interface Striking {
  def: FaultDef;
  add: Distribution | null;
}

/** The combined effect of the faults active on one unit (an instance, a database, a server). */
export class FaultState {
  /** Whether any fault is active (the journey's first, cheap check). */
  active = false;
  /**
   * Crash faults active; `hangs` of them leave arrivals unanswered, `frozen` of them pause the
   * process (freeze.ts). A freeze counts as down for health checks, but the listeners below
   * hear of the other crashes only (a frozen process keeps its memory).
   */
  down = 0;
  hangs = 0;
  frozen = 0;
  /** The unit's freezes (null unless a `crash: freeze` strikes it). */
  freeze: Freeze<unknown> | null = null;
  /** When the unit last went down (meaningful while `down` > 0): health checks notice it later. */
  downSinceMs = 0;
  /** Called when the unit goes down (an instance losing its sessions, its deliveries). */
  readonly onDown: ((nowMs: number) => void)[] = [];
  /** Called when the unit is up again after being down (a 2PC coordinator recovering). */
  readonly onUp: ((nowMs: number) => void)[] = [];
  /**
   * Called when `down` or `frozen` changes, freezes included (a replicated data's copy, which
   * holds its sync messages while its service has no instance up: model/replicated.ts).
   */
  readonly onCrashOrFreeze: (() => void)[] = [];
  /** Probability that an arrival fails at once. */
  errorRate = 0;
  /** Added delays of arrivals (latency faults), summed. */
  delays: Distribution[] = [];
  /** Multiplier of sleep (waiting) steps of a service (latency faults). */
  pace = 1;
  /** Multiplier of CPU / query / operation times (latency and cpu-hog faults, noise). */
  slow = 1;
  /** A noisy neighbour's slowdown of the CPU work now (runtime-effects.ts; 1: calm). */
  #noise = 1;
  /** The faults' part of `slow`. */
  #faultSlow = 1;
  /** Cause texts of the failures this unit's faults cause. */
  crashCause = '';
  errorCause = '';
  /** Arrivals a hanging crash swallowed: reset (failed) when the unit comes back. */
  readonly hung: unknown[] = [];
  readonly #striking: Striking[] = [];

  constructor(
    /** How the unit is named in causes: `orders[1]`, `orders-db`. */
    readonly name: string,
    private readonly rng: RandomStream,
    readonly slots: Slots | null,
    /** Fails a swallowed arrival (its connection is reset when the unit restarts). */
    private readonly reset: (item: unknown, cause: string) => void,
  ) {}

  /** Whether this arrival fails by an error-rate fault (one draw when one is active). */
  fails(): boolean {
    return this.errorRate > 0 && this.rng.next() < this.errorRate;
  }

  /** The delay added to an arrival (0 without latency faults). */
  delay(): number {
    let d = 0;
    for (let i = 0; i < this.delays.length; i++) d += this.delays[i].sample();
    return d;
  }

  start(s: Striking, nowMs: number): void {
    this.#striking.push(s);
    this.#combine(nowMs);
  }

  stop(def: FaultDef, nowMs: number): void {
    const i = this.#striking.findIndex((s) => s.def === def);
    if (i >= 0) this.#striking.splice(i, 1);
    this.#combine(nowMs);
  }

  /**
   * How long `ms` of the unit's own work (already multiplied by `slow` or `pace`) started now
   * takes: longer when it runs into a freeze, else `ms` itself.
   */
  stretch(ms: number, nowMs: number): number {
    return this.freeze === null ? ms : this.freeze.stretch(ms, nowMs);
  }

  /** A noisy neighbour's slowdown begins (factor > 1) or ends (1). */
  setNoise(factor: number): void {
    this.#noise = factor;
    this.slow = this.#faultSlow * factor;
  }

  #combine(nowMs: number): void {
    let down = 0;
    let hangs = 0;
    let frozen = 0;
    let pass = 1;
    let pace = 1;
    let slow = 1;
    let remaining = 1;
    const delays: Distribution[] = [];
    const errors: string[] = [];
    for (const { def, add } of this.#striking) {
      switch (def.kind) {
        case 'crash':
          down++;
          if (def.mode === 'hang') hangs++;
          else if (def.mode === 'freeze') frozen++;
          break;
        case 'error-rate':
          pass *= 1 - def.rate;
          errors.push(def.id);
          break;
        case 'latency':
          if (add !== null) delays.push(add);
          pace *= def.factor;
          slow *= def.factor;
          break;
        case 'cpu-hog':
          slow *= def.factor;
          break;
        case 'capacity-loss':
          remaining *= def.remaining;
          break;
        default:
          break;
      }
    }
    // the listeners hear of crashes, not of freezes
    const wentDown = this.down === this.frozen && down > frozen;
    const cameUp = this.down > this.frozen && down === frozen;
    const froze = this.frozen === 0 && frozen > 0;
    const thawed = this.frozen > 0 && frozen === 0;
    const changed = this.down !== down || this.frozen !== frozen;
    if (this.down === 0 && down > 0) this.downSinceMs = nowMs;
    this.down = down;
    this.hangs = hangs;
    this.frozen = frozen;
    if (wentDown) for (const listener of this.onDown) listener(nowMs);
    if (cameUp) for (const listener of this.onUp) listener(nowMs);
    this.errorRate = 1 - pass;
    this.delays = delays;
    this.pace = pace;
    this.#faultSlow = slow;
    this.slow = slow * this.#noise;
    this.crashCause = `crash: ${this.name} ${hangs > 0 || frozen > 0 ? 'not answering' : 'refused the connection'}`;
    this.errorCause = `error: ${this.name} failed (fault ${errors.join(', ')})`;
    this.active = this.#striking.length > 0;
    if (hangs === 0 && this.hung.length > 0) {
      // the unit is back: the connections of what it swallowed are reset
      const cause = `crash: ${this.name} reset the connection`;
      const items = this.hung.splice(0);
      for (const item of items) this.reset(item, cause);
    }
    if (this.slots !== null && this.slots.remaining !== remaining) {
      this.slots.remaining = remaining;
      this.slots.apply(nowMs);
    }
    if (froze || thawed) this.#thaw(froze, nowMs);
    if (changed) for (const listener of this.onCrashOrFreeze) listener();
  }

  /** A freeze begins (no thread is handed out) or ends (threads, held work, accept queue). */
  #thaw(froze: boolean, nowMs: number): void {
    const slots = this.slots;
    if (slots !== null) {
      slots.paused += froze ? 1 : -1;
      slots.apply(nowMs);
    }
    if (froze) this.freeze?.began();
    else this.freeze?.resumed();
  }
}

/** What happens to a request on a struck link. */
export class LinkFaultState implements HopFault {
  active = false;
  /** Partition: 'drop' fails requests at once, 'blackhole' loses them; null when none. */
  partition: 'drop' | 'blackhole' | null = null;
  errorRate = 0;
  delays: Distribution[] = [];
  factor = 1;
  partitionCause = '';
  errorCause = '';
  readonly #striking: Striking[] = [];
  /** Called once when the partition now in force ends (whenHealed). */
  #healed: (() => void)[] = [];
  constructor(
    readonly from: string,
    readonly to: string,
    private readonly rng: RandomStream,
  ) {}

  /** Calls `fn` once, when the partition in force ends (at once if none is: nothing to wait for). */
  whenHealed(fn: () => void): void {
    if (this.partition === null) fn();
    else this.#healed.push(fn);
  }

  /** A message's time on the struck link: its own `ms` slowed by latency faults (× factor + added). */
  stretch(ms: number): number {
    let d = ms * this.factor;
    for (let i = 0; i < this.delays.length; i++) d += this.delays[i].sample();
    return d;
  }

  fails(): boolean {
    return this.errorRate > 0 && this.rng.next() < this.errorRate;
  }

  start(s: Striking): void {
    this.#striking.push(s);
    this.#combine();
  }

  stop(def: FaultDef): void {
    const i = this.#striking.findIndex((s) => s.def === def);
    if (i >= 0) this.#striking.splice(i, 1);
    this.#combine();
  }

  /**
   * Sends over the struck link: lost (blackhole), refused (drop, or an error-rate draw: the
   * hop's `refuse` answers the sender with an error), or delayed (latency × factor + added
   * delays).
   */
  travel(sim: Simulation, hop: Hop, handler: Handler, arg: unknown): void {
    if (this.partition === 'blackhole') return;
    if (this.partition === 'drop' || this.fails()) {
      const cause = this.partition === 'drop' ? this.partitionCause : this.errorCause;
      if (hop.refuse !== null) hop.refuse(arg, cause);
      return;
    }
    sim.schedule(this.stretch(hop.latency.sample()), handler, arg);
  }

  #combine(): void {
    let partition: 'drop' | 'blackhole' | null = null;
    let pass = 1;
    let factor = 1;
    const delays: Distribution[] = [];
    const errors: string[] = [];
    for (const { def, add } of this.#striking) {
      if (def.kind === 'partition')
        partition = partition === 'blackhole' || def.mode === 'blackhole' ? 'blackhole' : 'drop';
      else if (def.kind === 'error-rate') {
        pass *= 1 - def.rate;
        errors.push(def.id);
      } else if (def.kind === 'latency') {
        if (add !== null) delays.push(add);
        factor *= def.factor;
      }
    }
    this.partition = partition;
    this.errorRate = 1 - pass;
    this.delays = delays;
    this.factor = factor;
    this.partitionCause = `partition: ${this.from} → ${this.to} ${partition === 'blackhole' ? 'lost the request' : 'dropped the request'}`;
    this.errorCause = `error: ${this.from} → ${this.to} failed (fault ${errors.join(', ')})`;
    this.active = this.#striking.length > 0;
    if (partition === null && this.#healed.length > 0)
      for (const fn of this.#healed.splice(0)) fn();
  }
}

/** How a unit turns an arrival away, counts one a hanging crash swallows, or lets it in. */
export interface StruckUnit<T> {
  /** Fails the arrival at once with `cause`, without any work. */
  refuse(item: T, cause: string): void;
  /** Counts an arrival a hanging crash swallows (it waits in `hung` until the unit returns). */
  swallow(item: T): void;
  /** Lets the arrival in (called after an added delay). */
  readonly enter: (item: T) => void;
}

/**
 * The StruckUnit of a pool of servers (a broker's, a distributed cache's): an arrival a hanging
 * crash swallows gets no answer until the server comes back, and counts as turned away now.
 * (`stats` is a function: a field initializer runs before the constructor's parameters are set.)
 */
export function serverUnit<T>(
  stats: () => { rejected: number },
  refuse: (item: T, cause: string) => void,
  enter: (item: T) => void,
): StruckUnit<T> {
  return {
    refuse,
    swallow: () => {
      stats().rejected++;
    },
    enter,
  };
}

/**
 * Applies the active faults of a unit to an arrival, the same way for every kind of unit:
 * down → refused, or swallowed until the unit returns; an error-rate draw → refused; added
 * delays → let in later. True when the faults took the arrival (the caller stops there).
 */
export function strike<T>(fs: FaultState, sim: Simulation, item: T, unit: StruckUnit<T>): boolean {
  if (fs.down > 0) {
    if (fs.down === fs.frozen && fs.freeze !== null)
      (fs.freeze as Freeze<T>).arrive(item, unit.enter, unit.swallow);
    else if (fs.hangs === 0) unit.refuse(item, fs.crashCause);
    else {
      unit.swallow(item);
      fs.hung.push(item);
    }
    return true;
  }
  if (fs.fails()) {
    unit.refuse(item, fs.errorCause);
    return true;
  }
  if (fs.delays.length > 0) {
    sim.schedule(fs.delay(), unit.enter as Handler, item);
    return true;
  }
  return false;
}

/** A unit a fault can strike, as the model registers it. */
export interface FaultUnit {
  name: string;
  state: FaultState;
}

/**
 * Schedules every window of `def` on its units (or link): start and stop events, and for a
 * gc-pause fault the pauses of each unit (random phase, then every `interval`).
 */
export function scheduleFault(
  sim: Simulation,
  rng: RandomSource,
  def: FaultDef,
  units: FaultUnit[],
  link: LinkFaultState | null,
): void {
  const striking = (unitName: string): Striking => ({
    def,
    add:
      def.add === null
        ? null
        : createDistribution(def.add, rng.stream(`fault/${def.id}/${unitName}/add`)),
  });
  const perUnit = units.map((u) => ({ unit: u, s: striking(u.name) }));
  const linkStriking = link === null ? null : striking(`${link.from}->${link.to}`);
  const pauses =
    def.kind === 'gc-pause'
      ? units.map(
          (u) =>
            new PauseLoop(
              sim,
              u.state.slots,
              createDistribution(def.pause!, rng.stream(`fault/${def.id}/${u.name}/pause`)),
              createDistribution(def.interval!, rng.stream(`fault/${def.id}/${u.name}/interval`)),
            ),
        )
      : [];
  for (const w of def.windows) {
    sim.scheduleAt(w.startMs, () => {
      const now = sim.now;
      for (const { unit, s } of perUnit) unit.state.start(s, now);
      if (link !== null && linkStriking !== null) link.start(linkStriking);
      for (const p of pauses) p.begin(w.endMs);
    });
    sim.scheduleAt(w.endMs, () => {
      const now = sim.now;
      for (const { unit } of perUnit) unit.state.stop(def, now);
      if (link !== null) link.stop(def);
    });
  }
}

/** Stop-the-world pauses of one unit during a window: wait an interval, pause, repeat. */
class PauseLoop {
  #until = 0;
  constructor(
    private readonly sim: Simulation,
    private readonly slots: Slots | null,
    private readonly pause: Distribution,
    private readonly interval: Distribution,
  ) {}

  begin(untilMs: number): void {
    this.#until = untilMs;
    this.sim.schedule(this.interval.sample(), this.#pause);
  }

  readonly #pause = (): void => {
    const slots = this.slots;
    if (slots === null || this.sim.now >= this.#until) return;
    slots.paused++;
    slots.apply(this.sim.now);
    this.sim.schedule(this.pause.sample(), this.#resume);
  };

  readonly #resume = (): void => {
    const slots = this.slots as Slots;
    slots.paused--;
    slots.apply(this.sim.now);
    if (this.sim.now < this.#until) this.sim.schedule(this.interval.sample(), this.#pause);
  };
}
