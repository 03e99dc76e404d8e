/**
 * Builds the sessions of logged-in users (phase 3 of model.ts): the authority's state, and in
 * every validating service the credential check, an `auth` step put before each endpoint's
 * steps; sticky sessions also route by user and lose what a crashed or stopped instance held.
 */
import { AuthPoint } from './auth-point.ts';
import type { BuildContext } from './build-context.ts';
import { backgroundRequest, handlerStep } from './frame.ts';
import type { Instance, ServiceRuntime } from './service.ts';
import { type AuthLinks, SessionRuntime } from './sessions.ts';

/** The session state of the scenario's users (null without logged-in users). */
export function buildSessions(ctx: BuildContext): SessionRuntime | null {
  const def = ctx.scenario.sessions;
  if (def === null) return null;
  const { sim, metrics } = ctx;
  const userWorkloads = ctx.scenario.workloads.filter(
    (w) => w.kind === 'closed' && w.session !== null,
  );
  const users = userWorkloads.reduce((a, w) => a + (w.kind === 'closed' ? w.users : 0), 0);
  const stats = metrics.addSessions(
    def.strategy,
    def.validateAt,
    users,
    def.strategy === 'reference-token' ? def.resolveVia : null,
  );
  const rt = new SessionRuntime(sim, metrics, stats, def, users);
  const homes = new Set(
    userWorkloads.map((w) => (w.kind === 'closed' ? w.session?.login.service : undefined)),
  );
  const tokens = def.strategy === 'reference-token' || def.strategy === 'value-token';
  const viaStore =
    def.strategy === 'store' || (def.strategy === 'reference-token' && def.resolveVia === 'store');
  for (const id of def.validateAt) {
    const svc = ctx.services.get(id) as ServiceRuntime;
    const links: AuthLinks = {
      idpOut: null,
      idpBack: null,
      issue: null,
      resolve: null,
      sync: null,
      store: null,
      storeOut: null,
      storeBack: null,
    };
    if (tokens && def.idp !== null) {
      const idp = ctx.services.get(def.idp.service);
      const link = ctx.network.link(id, def.idp.service, 'call');
      links.idpOut = link.out;
      links.idpBack = link.back;
      links.issue = idp?.endpoints.get(def.idp.issue) ?? null;
      links.resolve = idp?.endpoints.get(def.idp.resolve) ?? null;
      links.sync = idp?.endpoints.get(def.idp.sync) ?? null;
    }
    if (viaStore && def.store !== null) {
      links.store = ctx.caches.get(def.store)?.remote ?? null;
      const link = ctx.network.link(id, def.store, 'cache');
      links.storeOut = link.out;
      links.storeBack = link.back;
    }
    // syncs belong to no client request
    const anyEndpoint = links.sync ?? [...svc.endpoints.values()][0];
    const point = new AuthPoint(
      rt,
      svc,
      ctx.dist(def.checkCpu, `sessions/${id}/check-cpu`),
      ctx.dist(def.verifyCpu, `sessions/${id}/verify-cpu`),
      links,
      backgroundRequest(anyEndpoint, links.idpBack),
      ctx.rng.stream(`sessions/${id}/sync-phase`),
    );
    point.home = homes.has(id);
    rt.points.push(point);
    const step = handlerStep(point, null);
    for (const ep of svc.endpoints.values()) ep.steps = [step, ...ep.steps];
    if (def.strategy === 'sticky' && point.home) {
      const s = ctx.scenario.services.find((x) => x.id === id);
      const detectMs = s?.healthCheckMs;
      const healthy =
        detectMs === undefined
          ? () => true
          : (inst: Instance) =>
              inst.fault === null ||
              inst.fault.down === 0 ||
              sim.now - inst.fault.downSinceMs < detectMs;
      svc.pick = point.stickyPicker(svc.pick, healthy);
      svc.onStop = (inst) => point.lose(inst, 'scaleIn');
      ctx.afterFaults.push(() => {
        for (const inst of svc.instances) {
          const fs = inst.fault;
          if (fs !== null) fs.onDown.push(() => point.lose(inst, 'crash'));
        }
      });
    }
  }
  ctx.starters.push(() => rt.start());
  return rt;
}
