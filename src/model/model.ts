/**
 * Builds a runnable model from a normalized Scenario and runs it. Building resolves every
 * reference into an object (no lookups by name on the hot path) and compiles every step with
 * its kind's module (model/steps/); the builders live beside the runtimes they build
 * (`*-build.ts`) and fill the BuildContext that the Model is. Every random stream is named
 * after its component and purpose, so adding a component leaves other components' draws
 * unchanged.
 */
import { Priority, type Simulation, type StopReason } from '../engine/index.ts';
import { seriesResolutionS } from '../metrics/resolution.ts';
import type { LoopClock } from '../metrics/summary.ts';
import type { TraceOptions } from '../metrics/traces.ts';
import type { Scenario, StepDef, TraceDef } from '../scenario/types.ts';
import { buildBrokers } from './broker-build.ts';
import { BuildContext } from './build-context.ts';
import { buildCaches } from './cache/cache-build.ts';
import { buildConsumers } from './consumer-build.ts';
import { buildDatabases, buildKeySpaces } from './database-build.ts';
import { startFaults } from './fault-wiring.ts';
import type { StepRuntime } from './frame.ts';
import { startGarbageCollection } from './gc.ts';
import { setActiveTracer } from './journey.ts';
import { buildReaders } from './readers.ts';
import type { WorkloadData } from './replay/arrivals.ts';
import { buildRuntimeEffects } from './runtime-effects.ts';
import type { ServiceRuntime } from './service.ts';
import { buildServices, compileEndpoints } from './service-build.ts';
import type { SessionRuntime } from './sessions.ts';
import { buildSessions } from './sessions-build.ts';
import { BUILTIN_STEP_KINDS } from './steps/registry.ts';
import { compileWith, type StepKindModule } from './steps/step-kind.ts';
import { markedSteps } from './trace/step-spans.ts';
import { Tracer } from './trace/tracer.ts';
import { buildWorkloads } from './workload-build.ts';

/** The longest wait queue of a component, summed over its instances. */
export interface QueueLength {
  /** 'service', 'database', 'cache' or 'broker'. */
  kind: string;
  id: string;
  /** Visits (queries, operations, messages) waiting. */
  waiting: number;
}

/**
 * What the runaway guards may read at a checkpoint, beside the simulation's clock and pending
 * events: counts only (memory itself is measured by the caller, the model stays pure).
 */
export interface RunProbe {
  readonly sim: Simulation;
  /** The component whose wait queue is longest now (null when nothing waits anywhere). */
  longestQueue(): QueueLength | null;
}

/** Options of a run beyond the scenario. */
export interface ModelOptions {
  /** Overrides the scenario's seed. */
  seed?: number | string;
  /** Stop the run with reason 'budget' after this many events (runaway guard). */
  maxEvents?: number;
  /**
   * Called every `checkEvery` events, and when a model part asks for it (sim.checkpointSoon:
   * replicated data's reconciliations while a fault holds messages); return false to stop
   * (wall-time, memory and backlog guards, progress). `probe` reads the model's counts.
   */
  onCheckpoint?: (sim: Simulation, probe: RunProbe) => boolean;
  /** Events between checkpoints. Default: the simulation's (1,000,000). */
  checkEvery?: number;
  /** Clocks to time the loop with (runScenario's RunResult.loop); none: not timed. */
  clock?: LoopClock;
  /**
   * Seconds per point of the time series (a whole number ≥ 1); default: chosen from the
   * duration (metrics/resolution.ts: 1 s up to 4,000 s simulated, coarser beyond).
   */
  seriesResolutionS?: number;
  /**
   * The step kinds the scenario was parsed with (default: the built-in ones,
   * model/steps/registry.ts); a kind added to the language must be given here too.
   */
  steps?: readonly StepKindModule[];
  /**
   * What the workloads that replay files read (arrivals, rate profiles), read by the caller:
   * the model does no I/O (the CLI: cli/workload-files.ts). Needed when a workload has
   * `replay:` or `rateProfile:`.
   */
  data?: WorkloadData;
  /**
   * Request traces to keep (overrides the scenario's `trace:`; null: none even if the scenario
   * asks). Tracing draws no random number: a traced run gives the same results.
   */
  trace?: TraceOptions | null;
  /**
   * false: build the general path everywhere, never a build-time fast path (requests reused:
   * model/request-pool.ts). The outputs are the same; tests compare both. Default true.
   */
  fastPaths?: boolean;
}

/** A built model, ready to run once: the context its builders filled. */
export class Model extends BuildContext implements RunProbe {
  /** Users' sessions and credentials (null without logged-in users). */
  readonly sessions: SessionRuntime | null;
  readonly #kinds: Map<string, StepKindModule>;
  /** Seconds per point of the time series (see ModelOptions.seriesResolutionS). */
  readonly seriesResolutionS: number;

  /**
   * Builds the model of `scenario` in phases; each reads what the earlier ones built:
   *
   *   Scenario ─▶ 1 components ─▶ 2 steps ─▶ 3 sessions ─▶ 4 consumers ─▶ 5 readers ─▶ 6 workloads
   *
   *   1 components  services, databases (and shards), key spaces, caches, brokers and topics
   *   2 steps       every endpoint's steps, compiled by their kinds (model/steps/)
   *   3 sessions    the authority, and an auth step before each validating service's steps
   *   4 consumers   consumer groups, their consume steps around the handler's steps
   *   5 readers     of sagas (compiled in 2) and of read models (consumer groups, built in 4)
   *   6 workloads   entries (one per target), then open, closed or logged-in users
   *
   * The order is part of the output: links, stations and report rows appear in creation order.
   */
  constructor(
    scenario: Scenario,
    readonly options: ModelOptions = {},
  ) {
    super(scenario, options.seed ?? scenario.seed);
    this.seriesResolutionS = seriesResolutionS(scenario.durationMs, options.seriesResolutionS);
    this.#kinds = new Map((options.steps ?? BUILTIN_STEP_KINDS).map((k) => [k.kind, k]));
    this.fastPaths = options.fastPaths ?? true;
    // the scenario's `trace.replication` is the runner's choice of runs (cli/run-variants.ts)
    const trace = options.trace === undefined ? sectionOptions(scenario.trace) : options.trace;
    if (trace != null) {
      const tracer = new Tracer(trace);
      this.tracer = tracer;
      this.markSteps = (steps, defs) => markedSteps(tracer, steps, defs);
    }
    this.metrics.onStartWindow(() => this.network.resetCounts());
    // 1. components, one runtime per entry of their section, in document order
    buildServices(this);
    buildDatabases(this);
    buildKeySpaces(this);
    buildCaches(this);
    buildBrokers(this);
    // 2. steps last among the components': calls need every endpoint to exist
    compileEndpoints(this);
    // 2b. the services' runtime effects (event-loop costs around the compiled steps, timers)
    buildRuntimeEffects(this);
    // 3. sessions: the credential check of each validating service
    this.sessions = buildSessions(this);
    // 4. consumer groups: the handlers' steps, wrapped in the groups' bookkeeping
    buildConsumers(this);
    // 5. readers of sagas (compiled in 2) and of consumer groups (built in 4)
    buildReaders(this);
    // 6. workloads, which send to the entries
    buildWorkloads(this, this.sessions, options.data ?? null);
  }

  /** Compiles one step with its kind's module (the kinds the model was given). */
  compileStep(def: StepDef, serviceId: string, where: string): StepRuntime {
    const kind = this.#kinds.get(def.kind);
    if (kind === undefined) throw new Error(`no step kind ${def.kind} in the model`);
    return compileWith(kind, def, { serviceId, where }, this);
  }

  /** The component whose wait queue is longest now, from the stations' queue levels. */
  longestQueue(): QueueLength | null {
    let longest: QueueLength | null = null;
    for (const station of this.metrics.stations) {
      let waiting = 0;
      for (const q of station.queue) waiting += q.level;
      if (waiting > (longest?.waiting ?? 0))
        longest = { kind: station.kind, id: station.id, waiting };
    }
    return longest;
  }

  /** The run's trace recorder (null: not traced). */
  readonly tracer: Tracer | null = null;

  /** Runs the model to the end of its duration (or a guard), traced when asked. */
  run(): StopReason {
    setActiveTracer(this.tracer);
    try {
      return this.#run();
    } finally {
      setActiveTracer(null);
    }
  }

  #run(): StopReason {
    const { sim, metrics, scenario } = this;
    const durationMs = scenario.durationMs;
    // the series' buckets (one second each unless the run is long: seriesResolutionS), each
    // closed before anything else happening at the same instant; a point is named by its
    // bucket's first second
    const widthMs = this.seriesResolutionS * 1000;
    const tick = (bucket: number) => {
      const start = bucket * widthMs;
      const end = Math.min(start + widthMs, durationMs);
      metrics.tick(start / 1000, sim.now, end - start);
      if (end < durationMs)
        sim.scheduleAt(Math.min(end + widthMs, durationMs), tick, bucket + 1, Priority.urgent);
    };
    sim.scheduleAt(Math.min(widthMs, durationMs), tick, 0, Priority.urgent);
    metrics.windowOpen = scenario.warmupMs === 0;
    if (scenario.warmupMs > 0)
      sim.scheduleAt(
        scenario.warmupMs,
        () => metrics.startWindow(sim.now),
        undefined,
        Priority.urgent,
      );
    for (const start of this.starters) start();
    for (const k of this.keySpaces.values()) k.start();
    for (const s of scenario.services) {
      if (s.gc === undefined) continue;
      const svc = this.services.get(s.id) as ServiceRuntime;
      startGarbageCollection(sim, svc, s.gc, this.rng.stream(`${s.id}/gc-phase`));
    }
    startFaults(this);
    for (const hook of this.afterFaults) hook();
    const check = this.options.onCheckpoint;
    const reason = sim.run({
      untilMs: durationMs,
      maxEvents: this.options.maxEvents,
      onCheckpoint: check === undefined ? undefined : (s) => check(s, this),
      checkEvery: this.options.checkEvery,
    });
    this.sessions?.finish();
    return reason;
  }
}

/** A scenario's `trace:` section as the recorder's options (which replication: not its part). */
function sectionOptions(def: TraceDef | undefined): TraceOptions | undefined {
  if (def === undefined) return undefined;
  const { replication: _, ...options } = def;
  return options;
}
