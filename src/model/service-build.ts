/**
 * Builds the services of a scenario (phase 1 of model.ts): each with its load balancer, its
 * instances (threads, queue, cores), its rate limiter, its autoscaler or scaling plan, and its
 * endpoints; their steps are compiled later, once every endpoint exists (`compileEndpoints`).
 */
import { Autoscaler, scheduleScaling } from './autoscaler.ts';
import { type BuildContext, maxInstances } from './build-context.ts';
import { onCoreGranted, onThreadGranted } from './journey.ts';
import { createPicker, withHealthCheck } from './load-balancer.ts';
import { EndpointRuntime, Instance, memoryOf, ServiceRuntime, TokenBucket } from './service.ts';

/** One ServiceRuntime per service of the scenario, in document order. */
export function buildServices(ctx: BuildContext): void {
  const { sim, metrics } = ctx;
  for (const s of ctx.scenario.services) {
    const stats = metrics.addStation(s.id, 'service', s.instances, s.threads);
    const svc = new ServiceRuntime(s.id, sim, stats);
    if (s.rateLimit !== undefined)
      svc.limiter = new TokenBucket(s.rateLimit.perSec / 1000, s.rateLimit.burst);
    stats.memoryBytesPerInstance = () =>
      svc.instances.reduce((a, inst) => a + memoryOf(inst), 0) / svc.instances.length;
    const pick = createPicker<Instance>(
      s.loadBalancer,
      ctx.rng.stream(`${s.id}/load-balancer`),
      maxInstances(s),
    );
    svc.pick =
      s.healthCheckMs === undefined ? pick : withHealthCheck(pick, s.healthCheckMs, () => sim.now);
    const makeInstance = (i: number) =>
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
      );
    for (let i = 0; i < s.instances; i++) svc.instances.push(makeInstance(i));
    // an instance scaling adds later: what the runtime effects give every instance starts there
    const addInstance = () => {
      const inst = makeInstance(stats.addInstance(sim.now));
      svc.onCreate?.(inst);
      return inst;
    };
    if (s.autoscale !== undefined) {
      const scaler = new Autoscaler(sim, svc, s.autoscale, stats, addInstance);
      ctx.starters.push(() => scaler.start());
    }
    if (s.scale !== undefined) {
      const plan = s.scale;
      ctx.starters.push(() => scheduleScaling(sim, svc, plan, stats, addInstance));
    }
    for (const e of s.endpoints)
      svc.endpoints.set(e.name, new EndpointRuntime(svc, e.name, metrics.addVisits(s.id, e.name)));
    ctx.services.set(s.id, svc);
  }
}

/** Compiles the steps of every endpoint (calls need every endpoint to exist: phase 2). */
export function compileEndpoints(ctx: BuildContext): void {
  for (const s of ctx.scenario.services) {
    const svc = ctx.services.get(s.id) as ServiceRuntime;
    for (const e of s.endpoints) {
      const ep = svc.endpoints.get(e.name) as EndpointRuntime;
      ep.steps = ctx.compileSteps(e.steps, s.id, `${s.id}/${e.name}/`);
    }
  }
}
