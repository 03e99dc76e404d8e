/**
 * Wires the scenario's fault timeline into a built model: every fault is scheduled on the
 * units it strikes (service instances, database shards, cache and broker servers, each given
 * a FaultState on first use) or on the outgoing hop of a link (a LinkFaultState, with the
 * refusal that suits what travels over the link).
 */

import { faultLinks } from '../scenario/fault-links.ts';
import type { FaultDef } from '../scenario/types.ts';
import type { PublishOp } from './broker.ts';
import type { BuildContext } from './build-context.ts';
import type { CacheOp } from './cache/distributed-cache.ts';
import { FaultState, type FaultUnit, LinkFaultState, scheduleFault } from './faults.ts';
import type { Frame, Invocation } from './frame.ts';
import { Freeze } from './freeze.ts';
import { refuseCallOnLink, refuseQueryOnLink, resetQuery, resetVisit } from './journey.ts';
import type { Link } from './network.ts';
import type { Server } from './server.ts';
import type { Instance } from './service.ts';

type Refuse = (arg: unknown, cause: string) => void;

/** Schedules every fault of the model's scenario on the units or links it strikes. */
export function startFaults(model: BuildContext): void {
  const { sim, rng } = model;
  for (const def of model.scenario.faults) {
    if (def.link !== null) {
      // every link the fault strikes (one, or a split's: scenario/fault-links.ts)
      for (const { from, to } of faultLinks(def)) {
        const link = model.network.find(from, to);
        if (link === undefined) continue; // a link nothing uses: the fault has nothing to strike
        const hop = link.out;
        if (hop.fault === null) {
          hop.fault = new LinkFaultState(
            link.from,
            link.to,
            rng.stream(`fault/${link.from}->${link.to}/errors`),
          );
          hop.refuse = refuserOf(model, link);
          model.network.shareFault(hop); // the sized hops over the same link (model/network.ts)
        }
        // the model puts nothing but LinkFaultStates on hops
        scheduleFault(sim, rng, def, [], hop.fault as LinkFaultState);
      }
      continue;
    }
    const units = faultUnits(model, def.component as string, def.instances);
    if (def.kind === 'crash' && def.mode === 'freeze')
      for (const u of units) freezeOn(model, u, def);
    scheduleFault(sim, rng, def, units, null);
  }
}

/**
 * Gives a service instance its Freeze (once) and the windows of `def`. A queued visit is wasted
 * when its caller stopped waiting (a call's timeout) or the client has its answer already.
 */
function freezeOn(model: BuildContext, unit: FaultUnit, def: FaultDef): void {
  const backlog = def.backlog ?? 0;
  const fs = unit.state;
  fs.freeze ??= new Freeze<unknown>(model.metrics.addFreeze(unit.name, backlog), (item) => {
    const inv = item as Invocation;
    return inv.caller === null ? inv.request.finished : !inv.callerWaiting;
  });
  fs.freeze.addWindows(def.windows, backlog);
  fs.freeze.stats.backlog = Math.max(fs.freeze.stats.backlog, backlog);
}

/** How a struck link answers a request it refuses, by what travels over it. */
function refuserOf(model: BuildContext, link: Link): Refuse | null {
  switch (link.kind) {
    case 'request':
    case 'call':
      return refuseCallOnLink as Refuse;
    case 'query':
      return refuseQueryOnLink as Refuse;
    case 'cache': {
      const remote = model.caches.get(link.to)?.remote ?? null;
      return remote === null ? null : (op) => remote.lose(op as CacheOp);
    }
    case 'publish': {
      const broker = model.brokers.get(link.to);
      return broker === undefined ? null : (op) => broker.refuse(op as PublishOp);
    }
    default:
      return null; // cache sync messages are simply lost
  }
}

/**
 * The FaultState of a service instance, made on first use (the runtime effects' noisy
 * neighbours share it with the faults: it holds the instance's CPU slowdown).
 */
export function faultStateOf(model: BuildContext, inst: Instance, name: string): FaultState {
  inst.fault ??= new FaultState(
    name,
    model.rng.stream(`fault/${name}/errors`),
    inst.slots,
    (inv, cause) => resetVisit(inv as Invocation, cause),
  );
  return inst.fault;
}

/** The units of a component a fault strikes (all, or the instances / shards / servers named). */
function faultUnits(model: BuildContext, id: string, instances: number[] | null): FaultUnit[] {
  const pick = <T>(all: T[]) =>
    instances === null ? all : instances.map((i) => all[i]).filter((u) => u !== undefined);
  const unit = (
    holder: { fault: FaultState | null; slots: FaultState['slots'] },
    name: string,
    reset: Refuse,
  ): FaultUnit => {
    holder.fault ??= new FaultState(
      name,
      model.rng.stream(`fault/${name}/errors`),
      holder.slots,
      reset,
    );
    return { name: holder.fault.name, state: holder.fault };
  };
  const servers = <T extends { sinceMs: number }>(all: Server<T>[], reset: (item: T) => void) =>
    (instances ?? all.map((_, i) => i))
      .filter((i) => i < all.length)
      .map((i) => unit(all[i], `${id}[${i}]`, (item) => reset(item as T)));
  const svc = model.services.get(id);
  if (svc !== undefined)
    return pick(svc.instances).map((inst) =>
      unit(inst, `${id}[${inst.index}]`, (inv, cause) => resetVisit(inv as Invocation, cause)),
    );
  const db = model.databases.get(id);
  if (db !== undefined)
    return pick(model.shards.get(id)?.runtimes ?? [db]).map((d) =>
      unit(d, d.id, (f, cause) => resetQuery(f as Frame, d, cause)),
    );
  const broker = model.brokers.get(id);
  if (broker !== undefined) return servers(broker.servers, (op) => broker.reset(op));
  const remote = model.caches.get(id)?.remote;
  if (remote !== undefined && remote !== null)
    return servers(remote.servers, (op) => remote.reset(op));
  throw new Error(`fault target ${id} is not a service, database, broker or distributed cache`);
}
