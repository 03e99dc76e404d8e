/**
 * Horizontal autoscaling of a service, as Kubernetes' Horizontal Pod Autoscaler does it: every
 * `every`, the mean utilisation of the serving instances over the last period gives
 * desired = ⌈serving × utilisation / target⌉, kept within [min, max]. Scale-out starts the
 * missing instances at once; they serve after `bootTime` (a cold start: empty local caches).
 * Scale-in waits until the desired count has stayed below the serving count for
 * `scaleDownAfter`, then stops routing to the newest instances; their visits in progress
 * finish. Simplifications: instances created during the run are not struck by faults listed
 * for the service's instances and have no GC pauses; one balancer sees the change at once.
 */
import type { Simulation } from '../engine/index.ts';
import type { StationStats } from '../metrics/station-stats.ts';
import { TimeWeighted } from '../metrics/time-weighted.ts';
import type { ServiceDef } from '../scenario/types.ts';
import type { Instance, ServiceRuntime } from './service.ts';

type AutoscaleDef = NonNullable<ServiceDef['autoscale']>;

export class Autoscaler {
  /** Instances started and not yet serving. */
  #booting = 0;
  /** Busy area of each instance at the last decision. */
  #lastArea = new Map<Instance, number>();
  #lastMs = 0;
  /** Since when the desired count has been below the serving count (-1: it is not). */
  #lowSinceMs = -1;
  /** Stopped instances, reused (newest first) when scaling out again. */
  readonly #stopped: Instance[] = [];

  constructor(
    private readonly sim: Simulation,
    private readonly service: ServiceRuntime,
    private readonly def: AutoscaleDef,
    private readonly stats: StationStats,
    /** Creates a new instance with its statistics (index = its position in stats.busy). */
    private readonly create: () => Instance,
  ) {
    const level = new TimeWeighted(0);
    level.set(0, service.instances.length);
    stats.instancesLevel = level;
  }

  start(): void {
    this.sim.schedule(this.def.everyMs, this.#decide);
  }

  readonly #decide = (): void => {
    const now = this.sim.now;
    const serving = this.service.instances;
    const span = now - this.#lastMs;
    let area = 0;
    for (const inst of serving) {
      const a = this.stats.busy[inst.index].areaUntil(now);
      const before = this.#lastArea.get(inst);
      // the statistics window may have been reset since: then the area restarted from 0
      area += before === undefined || a < before ? a : a - before;
      this.#lastArea.set(inst, a);
    }
    this.#lastMs = now;
    const capacity = span * this.stats.capacityPerInstance * serving.length;
    const utilisation = capacity > 0 ? area / capacity : 0;
    const d = this.def;
    const desired = Math.min(
      d.max,
      Math.max(d.min, Math.ceil((serving.length * utilisation) / d.target - 1e-9)),
    );
    if (desired > serving.length + this.#booting) {
      this.#lowSinceMs = -1;
      for (let i = serving.length + this.#booting; i < desired; i++) {
        this.#booting++;
        this.stats.scaleUps++;
        this.sim.schedule(d.bootMs, this.#ready);
      }
    } else if (desired < serving.length) {
      if (this.#lowSinceMs < 0) this.#lowSinceMs = now;
      if (now - this.#lowSinceMs >= d.scaleDownAfterMs) {
        for (let i = serving.length; i > desired; i--) {
          const inst = serving.pop() as Instance;
          this.#stopped.push(inst);
          this.stats.scaleDowns++;
          this.service.onStop?.(inst);
        }
        this.#level(now);
        this.#lowSinceMs = -1;
      }
    } else this.#lowSinceMs = -1;
    this.sim.schedule(d.everyMs, this.#decide);
  };

  /** A booted instance starts serving. */
  readonly #ready = (): void => {
    this.#booting--;
    const inst = this.#stopped.pop() ?? this.create();
    this.service.instances.push(inst);
    this.#level(this.sim.now);
  };

  #level(nowMs: number): void {
    this.stats.instancesLevel?.set(nowMs, this.service.instances.length);
  }
}

/**
 * Scheduled scaling (a manual `kubectl scale`, a cron): at each `atMs` the service runs
 * `instances` instances. New ones serve at once (the time given is when they are ready);
 * stopped ones are the newest, they finish their visits in progress and are reused, newest
 * first, when the service grows again.
 */
export function scheduleScaling(
  sim: Simulation,
  service: ServiceRuntime,
  plan: { atMs: number; instances: number }[],
  stats: StationStats,
  create: () => Instance,
): void {
  const level = stats.instancesLevel ?? new TimeWeighted(0);
  if (stats.instancesLevel === null) level.set(0, service.instances.length);
  stats.instancesLevel = level;
  const stopped: Instance[] = [];
  for (const { atMs, instances } of plan) {
    sim.scheduleAt(atMs, () => {
      const serving = service.instances;
      while (serving.length < instances) {
        serving.push(stopped.pop() ?? create());
        stats.scaleUps++;
      }
      while (serving.length > instances) {
        const inst = serving.pop() as Instance;
        stopped.push(inst);
        stats.scaleDowns++;
        service.onStop?.(inst);
      }
      level.set(sim.now, serving.length);
    });
  }
}
