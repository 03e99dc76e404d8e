/**
 * Builds a scenario's replicated data (model/replicated.ts) for the steps that use it
 * (`updateCopy`, `readCopy`: one ReplicatedData per name, made on the first step's compile),
 * and wires it into the model: its counters and statistics window, the `sync` links between
 * the copies' services when the run starts, and, once the faults are wired, the instances each
 * copy lives in (model/replicated-sync.ts `liveIn`: a copy whose service has no instance up
 * takes no message and sends no reconciliation).
 */
import { type BuildContext, sharedByName } from './build-context.ts';
import { ReplicatedData } from './replicated.ts';

const DATA = sharedByName<ReplicatedData>();

/** The replicated data `name` of the model being built (made, with its counters, once). */
export function replicatedData(ctx: BuildContext, name: string): ReplicatedData {
  return DATA(ctx, name, () => {
    const def = ctx.scenario.replicated.find((r) => r.id === name);
    if (def === undefined) throw new Error(`unknown replicated data ${name}`);
    const stats = ctx.metrics.addReplicated(name, def.merge, def.copies.length, def.keys);
    const data = new ReplicatedData(
      def,
      ctx.sim,
      stats,
      ctx.dist(def.sync, `replicated/${name}/sync`),
      ctx.scenario.warmupMs === 0,
    );
    // the sync links between the copies' services, each way, made when the run starts (after
    // the links the steps and workloads made, which the links table lists first; before the
    // faults, which find them); a copy never sends to itself. A link of its own (ownLink: the
    // replies of a call the other way are not its messages); where the steps made a link the
    // same way (a call), the sync messages cross it and meet its faults, but are not counted
    // among its messages (its load stays the calls')
    ctx.starters.push(() => {
      const links = def.copies.flatMap((from) =>
        def.copies.map((to) => (to === from ? null : ctx.network.ownLink(from, to, 'sync'))),
      );
      data.connect(
        links.map((l) => l?.out ?? null),
        links.map((l) => (l !== null && l.kind === 'sync' ? l.out : null)),
      );
    });
    // each copy lives in its service's instances, whose crashes and freezes the faults wired
    ctx.afterFaults.push(() =>
      def.copies.forEach((service, copy) => {
        const svc = ctx.services.get(service);
        if (svc !== undefined) data.pipeline.liveIn(copy, svc.instances);
      }),
    );
    ctx.metrics.onStartWindow(() => data.startWindow());
    return data;
  });
}
