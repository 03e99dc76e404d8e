/**
 * Builds the workloads (the last phase of model.ts, once every endpoint exists): an entry per
 * target, with its statistics and client hops, then an open workload, a closed one, or logged-in
 * users with their administrators' forced logouts and role changes.
 */
import { CLIENT_ID, type PayloadDef } from '../scenario/types.ts';
import type { BuildContext } from './build-context.ts';
import type { WorkloadData } from './replay/arrivals.ts';
import { ReplayWorkload } from './replay/replay-workload.ts';
import { RequestPool, reusesRequests } from './request-pool.ts';
import type { SessionRuntime } from './sessions.ts';
import { UserWorkload } from './users.ts';
import { ClosedWorkload, createChooser, EntryRuntime, OpenWorkload } from './workload.ts';

/**
 * The workloads of the scenario, in document order (users need the session state); `data` holds
 * what workloads replaying files read (null when none does).
 */
export function buildWorkloads(
  ctx: BuildContext,
  sessions: SessionRuntime | null,
  data: WorkloadData | null,
): void {
  const { sim, rng } = ctx;
  let firstUser = 0;
  for (const w of ctx.scenario.workloads) {
    const entries = w.targets.map((t) => entry(ctx, w, t.service, t.endpoint));
    const weights = w.targets.map((t) => t.weight);
    const mix = rng.stream(`${w.id}/mix`);
    if (w.kind === 'closed' && w.session !== null && sessions !== null) {
      const u = w.session;
      const users = new UserWorkload(
        sim,
        sessions,
        firstUser,
        w.users,
        ctx.dist(w.thinkTime, `${w.id}/think-time`),
        ctx.dist(u.offTime, `${w.id}/off-time`),
        u.requests,
        u.logoutShare,
        createChooser(entries, weights, mix),
        entries,
        entry(ctx, w, u.login.service, u.login.endpoint),
        u.logout === null ? null : entry(ctx, w, u.logout.service, u.logout.endpoint),
        rng.stream(`${w.id}/sessions`),
      );
      firstUser += w.users;
      const arrivals = rng.stream(`${w.id}/ramp-up`);
      ctx.starters.push(() => users.start(u.rampUpMs, arrivals));
      const pick = rng.stream(`${w.id}/admin-picks`);
      poisson(ctx, u.forcedLogoutsPerMs, `${w.id}/forced-logouts`, () =>
        sessions.forceLogout(pick),
      );
      poisson(ctx, u.roleChangesPerMs, `${w.id}/role-changes`, () => sessions.changeRole(pick));
      continue;
    }
    if (w.kind === 'replay') {
      const wl = new ReplayWorkload(
        sim,
        needData(data, w.id).arrivals(w.id),
        entries,
        createChooser(entries, weights, mix),
      );
      ctx.starters.push(() => wl.start());
    } else if (w.kind === 'open') {
      const wl = new OpenWorkload(
        sim,
        w.profile === null ? w.rate : needData(data, w.id).rates(w.id),
        entries,
        weights,
        rng.stream(`${w.id}/arrivals`),
        mix,
      );
      ctx.starters.push(() => wl.start());
    } else {
      const think = ctx.dist(w.thinkTime, `${w.id}/think-time`);
      const wl = new ClosedWorkload(sim, w.users, think, entries, weights, mix);
      ctx.starters.push(() => wl.start());
    }
    // after the workload set its entries' onFinish: the pool's runs after it
    if (w.kind === 'open' || w.kind === 'closed') for (const e of entries) reuseWhereSafe(ctx, e);
  }
}

/** The data of the workloads that replay files (a library user must give ModelOptions.data). */
function needData(data: WorkloadData | null, id: string): WorkloadData {
  if (data === null)
    throw new Error(
      `workload ${id} replays a file: give its data in the run's options (ModelOptions.data; the CLI reads the files)`,
    );
  return data;
}

/** A client entry: workload `w` sends to `service/endpoint`, with its statistics. */
function entry(
  ctx: BuildContext,
  w: { id: string; timeoutMs: number; payload?: PayloadDef },
  service: string,
  endpoint: string,
): EntryRuntime {
  const ep = ctx.endpoint(service, endpoint, 'workload target');
  const { stats, series } = ctx.metrics.addEntry(w.id, service, endpoint);
  // sized hops when the workload declares its requests' and answers' sizes (model/network.ts)
  const link = ctx.network.carrying(ctx.network.link(CLIENT_ID, service, 'request'), w.payload);
  return new EntryRuntime(
    ctx.sim,
    ctx.metrics,
    ep,
    stats,
    series,
    link.out,
    link.back,
    w.timeoutMs,
    ctx.scenario.warmupMs,
    ctx.ids,
  );
}

/** Gives entry `e` a pool of requests to reuse when nothing can hold them (model/request-pool.ts). */
function reuseWhereSafe(ctx: BuildContext, e: EntryRuntime): void {
  const facts = {
    fastPaths: ctx.fastPaths,
    scenario: ctx.scenario,
    traced: ctx.traced,
    maxInstances: ctx.maxInstancesOf(e.endpoint.service.id),
    timeoutMs: e.timeoutMs,
    steps: e.endpoint.steps,
  };
  if (reusesRequests(facts)) new RequestPool().attach(e);
}

/** Poisson events at `perMs` (administrators' forced logouts, role changes). */
function poisson(ctx: BuildContext, perMs: number, stream: string, act: () => void): void {
  if (!(perMs > 0)) return;
  const rng = ctx.rng.stream(stream);
  const fire = () => {
    act();
    ctx.sim.schedule(-Math.log(1 - rng.next()) / perMs, fire);
  };
  ctx.starters.push(() => ctx.sim.schedule(-Math.log(1 - rng.next()) / perMs, fire));
}
