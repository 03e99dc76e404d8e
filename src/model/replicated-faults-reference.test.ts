/**
 * A brute-force reference for replicated data's sync messages on struck links
 * (model/replicated-sync.ts `transmit`): random histories of two or three copies whose links carry
 * random fault timelines — partitions (overlapping, back to back at the same instant, some never
 * ending before the run does), error-rate faults of rate 1 (a certain failure, so the reference
 * needs no draw) and latency faults (a factor and a constant added delay) — and a constant sync
 * delay; each history durable and lossy, a third of them with a reconciliation (every
 * RECONCILE_MS, off the faults' grid: each copy's whole state to every other copy), and half
 * of the copies' services (one instance each) crashed, hanging or frozen over windows of the
 * same grid. For every update and every other copy, and every reconciliation's pair (none from
 * a copy down at the time), the reference walks the message's path by the rules alone: durable,
 * held while any partition of its link is in force, sent again when the last one ends, and
 * retried a sync delay later while an error-rate fault is in force; lossy, lost (dropped) to
 * either; else it reaches its copy after sync × factor + added delays, and is received there if
 * the copy is up, else held until it is up and sent again (durable, or frozen only) or lost
 * (lossy, crashed). The model must deliver exactly those messages at exactly those times
 * (none lost but those, none twice, none through a cut link), count `held`, `retried`,
 * `dropped` and the links' messages as the walk does, and leave the copies where the
 * deliveries put them.
 */
import { describe, expect, it } from 'vitest';
import { Constant, RandomSource, Simulation } from '../engine/index.ts';
import { ReplicatedStats, summarizeReplicated } from '../metrics/replicated-stats.ts';
import type { FaultDef } from '../scenario/types.ts';
import { crash, liveIn } from '../test-support/model-replicated.ts';
import { LinkFaultState, scheduleFault } from './faults.ts';
import { Hop } from './network.ts';
import { ReplicatedData } from './replicated.ts';

const RUN_MS = 1000;
/** A retry waits its draw of sync, at least this long (a retry never comes at the same instant). */
const RETRY_MIN_MS = 1;
/** A reconciliation's period: never a multiple of the faults' 50 ms grid within the run. */
const RECONCILE_MS = 137;

/** How a history is run: its delivery, and whether it reconciles. */
interface Pipeline {
  lossy: boolean;
  reconcile: boolean;
}

interface Window {
  kind: 'partition' | 'error-rate' | 'latency';
  start: number;
  end: number;
  factor: number;
  add: number;
}

/** A small deterministic generator (the test's own, not the model's streams). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Whether a window of `kind` is in force at `t` (its start counts, its end does not). */
const inForce = (ws: readonly Window[], kind: Window['kind'], t: number) =>
  ws.filter((w) => w.kind === kind && w.start <= t && t < w.end);

/** The first instant ≥ t at which no partition of `ws` is in force. */
function healedAt(ws: readonly Window[], t: number): number {
  let at = t;
  for (;;) {
    const cut = inForce(ws, 'partition', at);
    if (cut.length === 0) return at;
    at = Math.max(...cut.map((w) => w.end));
  }
}

function history(seed: number) {
  const rnd = lcg(seed);
  const copies = 2 + Math.floor(rnd() * 2);
  const syncMs = [0, 7, 25, 60][Math.floor(rnd() * 4)];
  const keys = 1 + Math.floor(rnd() * 3);
  const links: Window[][] = [];
  for (let l = 0; l < copies * copies; l++) {
    const ws: Window[] = [];
    const n = Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const kind = (['partition', 'partition', 'error-rate', 'latency'] as const)[
        Math.floor(rnd() * 4)
      ];
      // starts on a 50 ms grid, so that windows often meet at the same instant
      const start = 50 * Math.floor(rnd() * 18);
      const end = rnd() < 0.15 ? RUN_MS + 500 : start + 50 * (1 + Math.floor(rnd() * 6));
      ws.push({ kind, start, end, factor: 1 + Math.floor(rnd() * 3), add: rnd() < 0.5 ? 0 : 3 });
    }
    links.push(ws);
  }
  const updates: { t: number; copy: number; key: number; delta: number }[] = [];
  const count = 5 + Math.floor(rnd() * 40);
  for (let i = 0; i < count; i++)
    updates.push({
      t: 1 + rnd() * 900 + 1e-7 * i, // never on the grid
      copy: Math.floor(rnd() * copies),
      key: Math.floor(rnd() * keys),
      delta: rnd() < 0.3 ? 2 : -1,
    });
  // each copy's service (one instance) crashed, hanging or frozen over windows of the same grid
  const crashes = Array.from({ length: copies }, () =>
    Array.from({ length: rnd() < 0.5 ? 0 : 1 + Math.floor(rnd() * 2) }, (): Down => {
      const start = 50 * Math.floor(rnd() * 18);
      const end = rnd() < 0.15 ? RUN_MS + 500 : start + 50 * (1 + Math.floor(rnd() * 6));
      return { start, end, mode: (['refuse', 'hang', 'freeze'] as const)[Math.floor(rnd() * 3)] };
    }),
  );
  return { copies, syncMs, keys, links, updates, crashes };
}

/** A crash window of a copy's service (its one instance). */
interface Down {
  start: number;
  end: number;
  mode: 'refuse' | 'hang' | 'freeze';
}

/** The crashes of `ds` in force at `t`, as windows are (their start counts, their end does not). */
const downAt = (ds: readonly Down[], t: number) => ds.filter((d) => d.start <= t && t < d.end);

/** The first instant ≥ t at which no crash of `ds` is in force (the copy is up). */
function upAt(ds: readonly Down[], t: number): number {
  let at = t;
  for (let down = downAt(ds, at); down.length > 0; down = downAt(ds, at))
    at = Math.max(...down.map((d) => d.end));
  return at;
}

/** What the rules say: each message's arrival (or none before the run's end) and the counts. */
function reference(h: ReturnType<typeof history>, p: Pipeline) {
  const arrivals: string[] = [];
  let held = 0;
  let retried = 0;
  let dropped = 0;
  // what reached a down copy (held or dropped there, counted in held and dropped too)
  const crashed = { held: 0, dropped: 0 };
  const messages = new Array<number>(h.copies * h.copies).fill(0);
  // every message sent: an update's state to each other copy, a reconciliation's to each pair
  const sends: { from: number; to: number; t: number; label: string }[] = [];
  for (const u of h.updates)
    for (let to = 0; to < h.copies; to++)
      if (to !== u.copy) sends.push({ from: u.copy, to, t: u.t, label: `@${u.t.toFixed(7)}` });
  // a copy whose service is down (crashed or frozen) sends no reconciliation
  for (let t = RECONCILE_MS; p.reconcile && t <= RUN_MS; t += RECONCILE_MS)
    for (let from = 0; from < h.copies; from++)
      for (let to = 0; to < h.copies; to++)
        if (to !== from && downAt(h.crashes[from], t).length === 0)
          sends.push({ from, to, t, label: 'whole' });
  for (const { from, to, t: sent, label } of sends) {
    const l = from * h.copies + to;
    const ws = h.links[l];
    let t = sent;
    let arrived: number | null = null;
    while (t <= RUN_MS) {
      messages[l]++;
      const cut = inForce(ws, 'partition', t).length > 0;
      if (p.lossy && (cut || inForce(ws, 'error-rate', t).length > 0)) {
        dropped++;
        break;
      }
      if (cut) {
        held++;
        t = healedAt(ws, t);
      } else if (inForce(ws, 'error-rate', t).length > 0) {
        retried++;
        t += Math.max(RETRY_MIN_MS, h.syncMs);
      } else {
        const slow = inForce(ws, 'latency', t);
        const at = slow.reduce(
          (d, w) => d + w.add,
          slow.reduce((d, w) => d * w.factor, h.syncMs),
        );
        // at a down copy: lost (lossy, crashed), else held until it is up and sent again
        const down = at + t <= RUN_MS ? downAt(h.crashes[to], at + t) : [];
        if (down.length === 0) arrived = at + t;
        else if (p.lossy && down.some((d) => d.mode !== 'freeze')) {
          dropped++;
          crashed.dropped++;
        } else {
          held++;
          crashed.held++;
          t = upAt(h.crashes[to], at + t);
          continue;
        }
        break;
      }
    }
    if (arrived !== null && arrived <= RUN_MS)
      arrivals.push(`${from}>${to} ${label} arrives ${arrived.toFixed(6)}`);
  }
  return { arrivals: arrivals.sort(), held, retried, dropped, messages, crashed };
}

/** The model on the same history: its deliveries, counts and the copies at the end. */
function model(h: ReturnType<typeof history>, p: Pipeline) {
  const sim = new Simulation();
  const rng = new RandomSource(1);
  const stats = new ReplicatedStats('d', 'lww', h.copies, h.keys);
  const names = Array.from({ length: h.copies }, (_, i) => `c${i}`);
  const hops = names.flatMap((from, i) =>
    names.map((to, j) => {
      if (i === j) return null;
      const hop = new Hop(new Constant(0));
      const ws = h.links[i * h.copies + j];
      if (ws.length > 0) {
        const state = new LinkFaultState(from, to, rng.stream(`fault/${from}->${to}/errors`));
        hop.fault = state;
        ws.forEach((w, k) => {
          const def = {
            id: `f${k}`,
            description: '',
            kind: w.kind,
            component: null,
            instances: null,
            link: { from, to },
            windows: [{ startMs: w.start, endMs: w.end }],
            mode: w.kind === 'partition' ? 'drop' : null,
            add: w.kind === 'latency' && w.add > 0 ? { kind: 'constant', value: w.add } : null,
            factor: w.kind === 'latency' ? w.factor : 1,
            rate: w.kind === 'error-rate' ? 1 : 0,
            remaining: 1,
          } as unknown as FaultDef;
          scheduleFault(sim, rng, def, [], state);
        });
      }
      return hop;
    }),
  );
  const data = new ReplicatedData(
    {
      copies: names,
      keys: h.keys,
      merge: 'lww',
      delivery: p.lossy ? 'lossy' : 'durable',
      reconcileMs: p.reconcile ? RECONCILE_MS : null,
    },
    sim,
    stats,
    new Constant(h.syncMs),
    true,
    hops,
  );
  h.crashes.forEach((ds, copy) => {
    liveIn(data, copy, [ds.map((d) => crash([[d.start, d.end]], d.mode))], rng);
  });
  const arrivals: string[] = [];
  // every arrival, of an update's state or a whole state, as the pipeline hands it over
  const pipe = data.pipeline as unknown as { receive: (m: Arrival) => void };
  const receive = pipe.receive;
  pipe.receive = (m) => {
    const label = 'whole' in m.state ? 'whole' : `@${(m.state.ts as number).toFixed(7)}`;
    arrivals.push(`${m.from}>${m.to} ${label} arrives ${sim.now.toFixed(6)}`);
    receive(m);
  };
  for (const u of h.updates) sim.scheduleAt(u.t, () => data.update(u.copy, u.key, u.delta));
  // a livelock (retries at one instant) stops here instead of hanging the test
  sim.run({ untilMs: RUN_MS, maxEvents: 1e5 });
  const s = summarizeReplicated(stats);
  return {
    arrivals: arrivals.sort(),
    held: s.held,
    retried: s.retried,
    dropped: s.dropped ?? 0,
    messages: hops.map((x) => x?.messages ?? 0),
    received: s.merges + s.discarded,
  };
}

/** A message as the pipeline hands it over (replicated-sync.ts SyncMessage). */
interface Arrival {
  from: number;
  to: number;
  state: { ts?: number; whole?: true };
}

describe('replicated data on struck links, against a brute-force reference', () => {
  it('delivers every message once, never through a cut link, at the time the rules give', () => {
    let backToBack = 0;
    let neverHealed = 0;
    let dropped = 0;
    let wholes = 0;
    const crashed = { held: 0, dropped: 0 };
    for (let seed = 1; seed <= 2000; seed++) {
      const h = history(seed);
      for (const lossy of [false, true]) {
        const p = { lossy, reconcile: seed % 3 === 0 };
        const want = reference(h, p);
        const got = model(h, p);
        const where = `history ${seed} ${JSON.stringify(p)}`;
        expect(got.arrivals, where).toEqual(want.arrivals);
        expect([got.held, got.retried, got.dropped], where).toEqual([
          want.held,
          want.retried,
          want.dropped,
        ]);
        expect(got.messages, where).toEqual(want.messages);
        const updates = want.arrivals.filter((a) => !a.includes('whole')).length;
        expect(got.received, where).toBe(updates);
        dropped += want.dropped;
        wholes += want.arrivals.length - updates;
        crashed.held += want.crashed.held;
        crashed.dropped += want.crashed.dropped;
      }
      for (const ws of h.links) {
        const cuts = ws.filter((w) => w.kind === 'partition');
        if (cuts.some((a) => cuts.some((b) => a !== b && a.end === b.start))) backToBack++;
        if (cuts.some((w) => w.end > RUN_MS)) neverHealed++;
      }
    }
    // the histories do reach the edges the brute force is for
    expect(backToBack).toBeGreaterThan(50);
    expect(neverHealed).toBeGreaterThan(50);
    // and the lossy pipeline loses, and the reconciliations arrive
    expect(dropped).toBeGreaterThan(1000);
    expect(wholes).toBeGreaterThan(1000);
    // and the copies' crashes hold (and lose: in `dropped`) what reaches them
    expect(crashed.held).toBeGreaterThan(5000);
    expect(crashed.dropped).toBeGreaterThan(2000);
  });
});
