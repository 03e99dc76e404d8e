/**
 * What the builders share while a model is built (model.ts runs them in numbered phases): the
 * scenario, the simulation, the random source, the metrics and the network; the components
 * built so far, by id; and the hooks to run when the model starts. A builder (`*-build.ts`
 * beside its runtime, or a step kind's `compile` in model/steps/) reads what earlier phases
 * built and adds its own. Every random stream is named after its component and purpose, so a
 * new component leaves the draws of the others unchanged.
 */
import {
  createDistribution,
  type Distribution,
  type DistributionSpec,
  RandomSource,
  Simulation,
} from '../engine/index.ts';
import { Metrics } from '../metrics/recorder.ts';
import type { Scenario, ServiceDef, StepDef } from '../scenario/types.ts';
import type { BrokerRuntime, Producer } from './broker.ts';
import type { CacheRuntime } from './cache/cache-runtime.ts';
import type { DatabaseRuntime } from './database.ts';
import { type Frame, StepKind, StepRuntime } from './frame.ts';
import type { KeySpaceRuntime } from './key-space.ts';
import type { ConsumerGroup } from './messaging.ts';
import { Hop, Network } from './network.ts';
import type { SagaRuntime } from './saga.ts';
import type { EndpointRuntime, ServiceRuntime } from './service.ts';
import type { TopicRuntime } from './topic.ts';
import type { RowTable } from './transaction.ts';
import { RequestIds } from './workload.ts';

/** The shards of a sharded database, and how keys are routed to them. */
export interface Shards {
  runtimes: DatabaseRuntime<Frame>[];
  by: 'range' | 'hash';
}

/**
 * The state of a model being built (see the file header). The Model is one: it knows the step
 * kinds, so it compiles the steps (`compileStep`).
 */
export abstract class BuildContext {
  readonly sim = new Simulation();
  readonly metrics = new Metrics();
  readonly rng: RandomSource;
  readonly network: Network;
  readonly ids = new RequestIds();
  readonly services = new Map<string, ServiceRuntime>();
  /** Databases by id (a sharded one by its first shard). */
  readonly databases = new Map<string, DatabaseRuntime<Frame>>();
  readonly shards = new Map<string, Shards>();
  readonly keySpaces = new Map<string, KeySpaceRuntime>();
  readonly caches = new Map<string, CacheRuntime>();
  readonly brokers = new Map<string, BrokerRuntime>();
  /** Topics by `broker/topic`. */
  readonly topics = new Map<string, TopicRuntime>();
  /** Every publish step's producer, with its broker's id. */
  readonly producers: [string, Producer][] = [];
  readonly consumerGroups = new Map<string, ConsumerGroup>();
  /** Sagas by name (their step's name, or where they are). */
  readonly sagas = new Map<string, SagaRuntime>();
  /** Rows (versions, locks) of the key spaces transactions work on. */
  readonly rowTables = new Map<string, RowTable>();
  /** Run when the model starts, in the order they were added. */
  readonly starters: (() => void)[] = [];
  /** Run once the faults are wired (hooks on the fault states). */
  readonly afterFaults: (() => void)[] = [];
  /**
   * Whether the builders may choose a fast path where one applies (ModelOptions.fastPaths;
   * model/request-pool.ts): false builds the general path everywhere, with the same outputs.
   */
  fastPaths = true;

  constructor(
    readonly scenario: Scenario,
    seed: number | string,
  ) {
    this.rng = new RandomSource(seed);
    this.network = new Network(scenario.network, this.rng);
  }

  /** A distribution whose random draws come from `rng.stream(stream)`. */
  dist(spec: DistributionSpec, stream: string): Distribution {
    return createDistribution(spec, this.rng.stream(stream));
  }

  /** Compiles one step found at `where` in service `serviceId`, with its kind's module. */
  abstract compileStep(def: StepDef, serviceId: string, where: string): StepRuntime;

  /**
   * What a traced model does to every list of compiled steps (model/trace/step-spans.ts puts
   * its markers around them), or null: untraced, the lists as compiled.
   */
  protected markSteps: ((steps: StepRuntime[], defs: StepDef[]) => StepRuntime[]) | null = null;

  /** Whether the model records traces (its step lists carry the trace's markers). */
  get traced(): boolean {
    return this.markSteps !== null;
  }

  /** Compiles a list of steps of service `serviceId`; step i is found at `${prefix}${i}`. */
  compileSteps(defs: StepDef[], serviceId: string, prefix: string): StepRuntime[] {
    const steps = defs.map((d, i) => this.compileStep(d, serviceId, `${prefix}${i}`));
    return this.markSteps === null ? steps : this.markSteps(steps, defs);
  }

  /** The endpoint `service/name`. @throws Error when it was not built (validation checks it). */
  endpoint(service: string, name: string, what: string): EndpointRuntime {
    const ep = this.services.get(service)?.endpoints.get(name);
    if (ep === undefined) throw new Error(`unresolved ${what} ${service}/${name}`);
    return ep;
  }

  /** The most instances a service can have (its count, or its autoscaling maximum). */
  maxInstancesOf(serviceId: string): number {
    const s = this.scenario.services.find((x) => x.id === serviceId);
    return s === undefined ? 1 : maxInstances(s);
  }

  /** A hop that takes no time and is no link of the topology (a reply to the model itself). */
  zeroHop(): Hop {
    return new Hop(this.dist({ kind: 'constant', value: 0 }, 'zero'));
  }

  /** A query step from service `serviceId` to database `dbId`, with its hops (one row). */
  queryStep(serviceId: string, dbId: string): StepRuntime {
    const step = new StepRuntime(StepKind.query);
    step.db = this.databases.get(dbId) ?? null;
    if (step.db === null) throw new Error(`unresolved database ${dbId}`);
    const link = this.network.link(serviceId, dbId, 'query');
    step.hopOut = link.out;
    step.hopBack = link.back;
    return step;
  }
}

/** The most instances a service can have: its count, or its autoscaling maximum. */
export function maxInstances(s: ServiceDef): number {
  return Math.max(s.instances, s.autoscale?.max ?? 0, ...(s.scale ?? []).map((x) => x.instances));
}

/**
 * A table of runtimes shared by name within each model being built (a pending state, an event
 * store: every step naming it gets the same one): `get(ctx, name, make)` makes it on first use.
 */
export function sharedByName<T>(): (ctx: BuildContext, name: string, make: () => T) => T {
  const all = new WeakMap<BuildContext, Map<string, T>>();
  return (ctx, name, make) => {
    let byName = all.get(ctx);
    if (byName === undefined) {
      byName = new Map();
      all.set(ctx, byName);
    }
    let x = byName.get(name);
    if (x === undefined) {
      x = make();
      byName.set(name, x);
    }
    return x;
  };
}
