/**
 * Builds a runnable model from a normalized Scenario and runs it. Building resolves every
 * reference into an object (no lookups by name on the hot path), compiles steps, and names
 * every random stream after its component and purpose (so adding a component leaves other
 * components' draws unchanged).
 */
import {
  createDistribution,
  type DistributionSpec,
  Priority,
  RandomSource,
  type RunOptions,
  Simulation,
  type StopReason,
  TimeoutQueue,
} from '../engine/index.ts';
import { Metrics } from '../metrics/recorder.ts';
import type { Scenario, StepDef } from '../scenario/types.ts';
import { CLIENT_ID } from '../scenario/types.ts';
import { DatabaseRuntime } from './database.ts';
import {
  callTimedOut,
  isCallPending,
  onConnectionGranted,
  onCoreGranted,
  onThreadGranted,
} from './journey.ts';
import { createPicker } from './load-balancer.ts';
import { Network } from './network.ts';
import { EndpointRuntime, Instance, ServiceRuntime, StepKind, StepRuntime } from './service.ts';
import { ClosedWorkload, EntryRuntime, OpenWorkload, RequestIds } from './workload.ts';

/** Options of a run beyond the scenario. */
export interface ModelOptions {
  /** Overrides the scenario's seed. */
  seed?: number | string;
  /** Stop the run with reason 'budget' after this many events (runaway guard). */
  maxEvents?: number;
  /** Called about every million events; return false to stop (wall-time guard, progress). */
  onCheckpoint?: RunOptions['onCheckpoint'];
}

/** A built model, ready to run once. */
export class Model {
  readonly sim = new Simulation();
  readonly metrics = new Metrics();
  readonly rng: RandomSource;
  readonly services = new Map<string, ServiceRuntime>();
  readonly databases = new Map<string, DatabaseRuntime>();
  readonly network: Network;
  readonly ids = new RequestIds();
  #starters: (() => void)[] = [];

  constructor(
    readonly scenario: Scenario,
    readonly options: ModelOptions = {},
  ) {
    this.rng = new RandomSource(options.seed ?? scenario.seed);
    this.network = new Network(scenario.network, this.rng);
    this.#buildComponents();
    this.#buildWorkloads();
  }

  /** The random draws of `stream` come from `rng.stream(name)`. */
  #dist(spec: DistributionSpec, stream: string) {
    return createDistribution(spec, this.rng.stream(stream));
  }

  #buildComponents(): void {
    const { sim, metrics } = this;
    for (const s of this.scenario.services) {
      const stats = metrics.addStation(s.id, 'service', s.instances, s.threads);
      const svc = new ServiceRuntime(s.id, sim, stats);
      svc.pick = createPicker(
        s.loadBalancer,
        this.rng.stream(`${s.id}/load-balancer`),
        s.instances,
      );
      for (let i = 0; i < s.instances; i++) {
        svc.instances.push(
          new Instance(
            svc,
            i,
            s.threads,
            s.queueCapacity,
            s.cores,
            onThreadGranted,
            onCoreGranted,
            stats.busy[i],
            stats.queue[i],
          ),
        );
      }
      for (const e of s.endpoints)
        svc.endpoints.set(
          e.name,
          new EndpointRuntime(svc, e.name, metrics.addVisits(s.id, e.name)),
        );
      this.services.set(s.id, svc);
    }
    for (const d of this.scenario.databases) {
      const stats = metrics.addStation(d.id, 'database', 1, d.connections);
      const db = new DatabaseRuntime(
        d.id,
        sim,
        stats,
        d.connections,
        d.queueCapacity,
        this.#dist(d.queryTime, `${d.id}/query-time`),
        this.#dist(d.rowTime, `${d.id}/row-time`),
        onConnectionGranted,
        stats.busy[0],
        stats.queue[0],
      );
      this.databases.set(d.id, db);
    }
    // steps last: calls need every endpoint to exist
    for (const s of this.scenario.services) {
      const svc = this.services.get(s.id) as ServiceRuntime;
      for (const e of s.endpoints) {
        const ep = svc.endpoints.get(e.name) as EndpointRuntime;
        ep.steps = this.#compileSteps(e.steps, s.id, `${s.id}/${e.name}/`);
      }
    }
  }

  #compileSteps(defs: StepDef[], serviceId: string, prefix: string): StepRuntime[] {
    return defs.map((d, i) => this.#compileStep(d, serviceId, `${prefix}${i}`));
  }

  #compileStep(d: StepDef, serviceId: string, where: string): StepRuntime {
    const step = new StepRuntime(StepKind[d.kind]);
    switch (d.kind) {
      case 'cpu':
      case 'sleep':
        step.duration = this.#dist(d.duration, `${where}/${d.kind}`);
        break;
      case 'call': {
        step.target = this.services.get(d.service)?.endpoints.get(d.endpoint) ?? null;
        if (step.target === null) throw new Error(`unresolved call ${d.service}/${d.endpoint}`);
        step.hopOut = this.network.hop(serviceId, d.service);
        step.hopBack = this.network.hop(d.service, serviceId);
        step.timeoutMs = d.timeoutMs;
        if (d.timeoutMs !== Number.POSITIVE_INFINITY) {
          step.timeouts = new TimeoutQueue(this.sim, d.timeoutMs, isCallPending, callTimedOut);
        }
        step.timeoutCause = `timeout: ${serviceId} → ${d.service}/${d.endpoint}`;
        break;
      }
      case 'query': {
        step.db = this.databases.get(d.db) ?? null;
        if (step.db === null) throw new Error(`unresolved database ${d.db}`);
        step.rows = this.#dist(d.rows, `${where}/rows`);
        step.queryTime = d.time === undefined ? null : this.#dist(d.time, `${where}/query-time`);
        step.hopOut = this.network.hop(serviceId, d.db);
        step.hopBack = this.network.hop(d.db, serviceId);
        break;
      }
      case 'parallel':
        step.branches = d.branches.map((b, j) =>
          this.#compileSteps(b, serviceId, `${where}/parallel${j}/`),
        );
        break;
      case 'branch': {
        step.branches = d.options.map((o, j) =>
          this.#compileSteps(o.steps, serviceId, `${where}/option${j}/`),
        );
        let acc = 0;
        step.cumulative = Float64Array.from(d.options, (o) => (acc += o.probability));
        const rng = this.rng.stream(`${where}/branch`);
        step.pick = () => rng.next();
        break;
      }
    }
    return step;
  }

  #buildWorkloads(): void {
    const { sim, metrics, scenario } = this;
    for (const w of scenario.workloads) {
      const entries = w.targets.map((t) => {
        const ep = this.services.get(t.service)?.endpoints.get(t.endpoint);
        if (ep === undefined)
          throw new Error(`unresolved workload target ${t.service}/${t.endpoint}`);
        const { stats, series } = metrics.addEntry(w.id, t.service, t.endpoint);
        return new EntryRuntime(
          sim,
          metrics,
          ep,
          stats,
          series,
          this.network.hop(CLIENT_ID, t.service),
          this.network.hop(t.service, CLIENT_ID),
          w.timeoutMs,
          scenario.warmupMs,
          this.ids,
        );
      });
      const weights = w.targets.map((t) => t.weight);
      const mix = this.rng.stream(`${w.id}/mix`);
      if (w.kind === 'open') {
        const wl = new OpenWorkload(
          sim,
          w.rate,
          entries,
          weights,
          this.rng.stream(`${w.id}/arrivals`),
          mix,
        );
        this.#starters.push(() => wl.start());
      } else {
        const think = this.#dist(w.thinkTime, `${w.id}/think-time`);
        const wl = new ClosedWorkload(sim, w.users, think, entries, weights, mix);
        this.#starters.push(() => wl.start());
      }
    }
  }

  /** Runs the scenario to its duration (or a guard). Returns why it stopped. */
  run(): StopReason {
    const { sim, metrics, scenario } = this;
    const durationMs = scenario.durationMs;
    // per-second buckets, closed before anything else happening at the same instant
    const tick = (second: number) => {
      const end = Math.min((second + 1) * 1000, durationMs);
      metrics.tick(second, sim.now, end - second * 1000);
      if (end < durationMs)
        sim.scheduleAt(
          Math.min((second + 2) * 1000, durationMs),
          tick,
          second + 1,
          Priority.urgent,
        );
    };
    sim.scheduleAt(Math.min(1000, durationMs), tick, 0, Priority.urgent);
    metrics.windowOpen = scenario.warmupMs === 0;
    if (scenario.warmupMs > 0)
      sim.scheduleAt(
        scenario.warmupMs,
        () => metrics.startWindow(sim.now),
        undefined,
        Priority.urgent,
      );
    for (const start of this.#starters) start();
    const reason = sim.run({
      untilMs: durationMs,
      maxEvents: this.options.maxEvents,
      onCheckpoint: this.options.onCheckpoint,
    });
    return reason;
  }
}
