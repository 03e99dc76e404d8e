/**
 * Replicated data against a reference that follows every change by name: random short histories
 * of three copies of one key (same-instant updates, updates made on a state received at that
 * instant, sync delays of 0, fractions and ties, a warm-up or none), with the set of updates
 * each copy's state holds tracked beside the model (the set a message carries is the sender's
 * at the send; a copy that adopts a state takes its set). Once the messages are delivered:
 * every copy holds the same set (lww converges), each copy's value is the sum of its set's
 * deltas, and the model's lost updates are exactly the window's updates missing from that set;
 * a PN-counter's copies all equal the truth and lose none. (A reviewer's harness found two
 * faults this way: copies that stayed apart with a delay of 0, and the warm-up cut.) Then the
 * same with a lossy pipeline (a random third of the messages lost, reconciliations' too) and
 * with a reconciliation every RECONCILE_MS (a copy's whole state, its set with it, from before
 * the warm-up's end too): the model's lost updates are the window's updates missing from the set
 * of the latest write (lww order: time, sequence, copy name), and `unsynced` is 1 exactly when
 * some copy's set differs from it; a lossy history that reconciles after its last loss converges.
 * In every history a quarter of the copies' services are down for a while (crashed, hanging or
 * frozen: model/replicated-sync.ts `liveIn`): what reaches a down copy is held (durable, or
 * frozen only) or lost (lossy and crashed), counted in `held` and `dropped` exactly as the
 * reference counts it, and a held message counts as on its way until the copy takes it.
 */
import { describe, expect, it } from 'vitest';
import { type Distribution, RandomStream, Simulation } from '../engine/index.ts';
import { ReplicatedStats, summarizeReplicated } from '../metrics/replicated-stats.ts';
import { crash, liveIn } from '../test-support/model-replicated.ts';
import { ReplicatedData } from './replicated.ts';

const MODES = ['refuse', 'hang', 'freeze'] as const;

const COPIES = ['p', 'q', 'r'];
/** A reconciliation's period: its rounds at 7, 14, … reach every copy by 3.5 later (the sync's most). */
const RECONCILE_MS = 7;
/** A reconciling history's end: 5 after a round (56), 2 before the next: nothing on its way. */
const RECONCILING_END = 61;

/** A message as the model schedules it, with the reference's set (and lww sequence) put on its state. */
interface Traced {
  state: { set?: Set<number>; refSeq?: number };
  from: number;
  to: number;
}

/** How a history's messages travel: a third of them lost, and a reconciliation. */
interface Pipeline {
  lossy: boolean;
  reconcile: boolean;
}

/** One random history; returns what the reference and the model say. */
function history(
  merge: 'lww' | 'crdt',
  rng: RandomStream,
  { lossy, reconcile }: Pipeline = { lossy: false, reconcile: false },
) {
  const u = () => rng.next();
  const sim = new Simulation();
  const stats = new ReplicatedStats('s', merge, COPIES.length, 1);
  const zeros = u() < 0.4;
  const sync: Distribution = {
    mean: 1,
    sample: () => (zeros && u() < 0.5 ? 0 : Math.floor(u() * 4) + (u() < 0.5 ? 0 : 0.5)),
  };
  const warm = u() < 0.4 ? 0.5 + Math.floor(u() * 8) : -1;
  // a reconciling history loses messages until `lossUntil` only (none at all: Infinity), so
  // that the rounds after it are whole
  const lossUntil = reconcile ? 10 + Math.floor(u() * 30) : Number.POSITIVE_INFINITY;
  // lossy: the pipeline's own losses need a fault on a link, which these have none of; the
  // wrapped transmit below loses the messages instead
  const def = {
    copies: COPIES,
    keys: 1,
    merge,
    delivery: lossy ? ('lossy' as const) : ('durable' as const),
    reconcileMs: reconcile ? RECONCILE_MS : null,
  };
  const data = new ReplicatedData(def, sim, stats, sync, warm < 0);
  // a quarter of the copies' services crashed, hanging or frozen for a while (before 16, so that
  // a reconciling history's last rounds are whole); their windows start before anything is sent
  const downs = COPIES.map((_, copy) => {
    if (u() >= 0.25) return [];
    const start = Math.floor(u() * 11);
    const down = { start, end: start + 1 + Math.floor(u() * 5), mode: MODES[Math.floor(u() * 3)] };
    liveIn(data, copy, [[crash([[down.start, down.end]], down.mode)]]);
    return [down];
  });
  // what reaches a down copy: lost (lossy, crashed) or held (durable, or frozen only)
  const crashed = { held: 0, dropped: 0 };
  const lostAt = (copy: number): boolean => {
    const down = downs[copy].filter((d) => d.start <= sim.now && sim.now < d.end);
    const lost = lossy && down.some((d) => d.mode !== 'freeze');
    if (down.length > 0) crashed[lost ? 'dropped' : 'held']++;
    return lost;
  };
  const sets = COPIES.map(() => new Set<number>());
  // lww: the sequence each copy's state has, and each update's (time, sequence, copy) and set
  const seqs = COPIES.map(() => 0);
  const writes: { t: number; seq: number; copy: number; set: Set<number> }[] = [];
  const deltas: number[] = [];
  const inWindow: boolean[] = [];
  let open = warm < 0;
  // a lossy history without reconciliation ends, half the time, while messages are on their way
  // (after its warm-up, as a run does: before, its window has not opened)
  const endMs = reconcile ? RECONCILING_END : lossy && u() < 0.5 ? 8 + u() * 4 : undefined;
  // the messages on their way
  const onTheirWay = new Set<Traced>();
  // the reference: the sender's set rides on the state it sends; an adopted state brings its set
  const schedule = sim.schedule.bind(sim);
  sim.schedule = (delay, handler, arg, priority) => {
    const m = arg as Traced | undefined;
    if (m?.state !== undefined && m.state.set === undefined) {
      m.state.set = new Set(sets[m.from]);
      m.state.refSeq = seqs[m.from];
    }
    if (m?.state === undefined) return schedule(delay, handler, arg, priority);
    onTheirWay.add(m);
    // one a crashed copy loses is on its way no more (one it holds still is)
    const reach = (a: unknown) => {
      if (lostAt(m.to)) onTheirWay.delete(m);
      handler(a);
    };
    schedule(delay, reach, arg, priority);
  };
  if (lossy) {
    const transmit = data.pipeline.transmit.bind(data.pipeline);
    data.pipeline.transmit = (m) => {
      if (!(sim.now < lossUntil && u() < 1 / 3)) transmit(m);
      else onTheirWay.delete(m as Traced); // a held one sent again, lost
    };
  }
  // a state (an update's or a whole one) arrives: the copy that adopts it takes its set
  const pipeline = data.pipeline as unknown as { receive: (m: Traced) => void };
  const arrive = pipeline.receive;
  pipeline.receive = (m) => {
    onTheirWay.delete(m);
    const changes = stats.merges + stats.repaired;
    arrive(m);
    const set = m.state.set as Set<number>;
    if (stats.merges + stats.repaired === changes) return;
    sets[m.to] = merge === 'lww' ? new Set(set) : new Set([...sets[m.to], ...set]);
    seqs[m.to] = m.state.refSeq as number;
  };
  const update = (copy: number, delta: number) => {
    deltas.push(delta);
    inWindow.push(open);
    sets[copy].add(deltas.length - 1);
    seqs[copy] += 1;
    writes.push({ t: sim.now, seq: seqs[copy], copy, set: new Set(sets[copy]) });
    data.update(copy, 0, delta);
  };
  const n = 3 + Math.floor(u() * 10);
  for (let i = 0; i < n; i++) {
    const [t, copy, delta, later] = [
      Math.floor(u() * 10),
      Math.floor(u() * 3),
      u() < 0.3 ? -1 : 1,
      u() < 0.3,
    ];
    // `later`: made at the same instant but after what is already due then (a state received)
    sim.scheduleAt(t, () =>
      later ? sim.schedule(0, () => update(copy, delta)) : update(copy, delta),
    );
  }
  if (warm >= 0)
    sim.scheduleAt(warm, () => {
      stats.reset(warm);
      Object.assign(crashed, { held: 0, dropped: 0 });
      data.startWindow();
      open = true;
    });
  sim.run(endMs === undefined ? {} : { untilMs: endMs });
  const sum = (set: Set<number>) => [...set].reduce((a, i) => a + deltas[i], 0);
  const key = (set: Set<number>) => [...set].sort((a, b) => a - b).join(',');
  // the state every copy converges to: lww, the latest write's (copies' names are in order);
  // crdt, every update
  const later = (a: (typeof writes)[0], b: (typeof writes)[0]) =>
    a.t !== b.t ? a.t > b.t : a.seq !== b.seq ? a.seq > b.seq : a.copy > b.copy;
  const latest = writes.reduce((a, b) => (later(b, a) ? b : a), writes[0]);
  const final = merge === 'lww' ? (latest?.set ?? new Set()) : new Set(deltas.keys());
  // each copy once the messages on their way arrive (lww: a state is its set's latest update)
  const writeOf = (set: Set<number>) => writes[Math.max(-1, ...set)];
  const arrived = sets.map((x) => new Set(x));
  for (const m of onTheirWay) {
    const [set, to] = [m.state.set as Set<number>, arrived[m.to]];
    if (merge === 'crdt') arrived[m.to] = new Set([...to, ...set]);
    else if (set.size > 0 && (to.size === 0 || later(writeOf(set), writeOf(to))))
      arrived[m.to] = new Set(set);
  }
  const windowUpdates = inWindow.filter(Boolean).length;
  const kept = [...final].filter((i) => inWindow[i]).length;
  const summary = summarizeReplicated(stats);
  return {
    converged: sets.every((s) => key(s) === key(sets[0])),
    valuesMatch: COPIES.every((_, c) => data.value(c, 0) === sum(sets[c])),
    truthMatch: COPIES.every((_, c) => data.value(c, 0) === data.truth(0)),
    referenceLost: windowUpdates - kept,
    lost: summary.lost,
    referenceUnsynced: arrived.some((s) => key(s) !== key(final)) ? 1 : 0,
    unsynced: summary.unsynced ?? 0,
    crashed,
    crashCounted: crashed.held === summary.held && crashed.dropped === (summary.dropped ?? 0),
  };
}

describe('replicated data against a reference that names every update', () => {
  it('lww: 3,000 random histories converge, and their lost updates are exactly the reference’s', () => {
    const rng = new RandomStream('replicated-reference', 'lww');
    const bad: string[] = [];
    let struck = 0;
    for (let i = 0; i < 3000; i++) {
      const h = history('lww', rng);
      struck += h.crashed.held;
      if (!h.converged || !h.valuesMatch || h.lost !== h.referenceLost || !h.crashCounted)
        bad.push(`#${i}: ${JSON.stringify(h)}`);
    }
    expect(bad.slice(0, 3)).toEqual([]);
    // the crashes held states that the copies then took
    expect(struck).toBeGreaterThan(500);
  });

  it('crdt: 3,000 random histories end with every copy at the truth, none lost', () => {
    const rng = new RandomStream('replicated-reference', 'crdt');
    const bad: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const h = history('crdt', rng);
      if (
        !h.converged ||
        !h.valuesMatch ||
        !h.truthMatch ||
        h.lost !== 0 ||
        h.referenceLost !== 0 ||
        !h.crashCounted
      )
        bad.push(`#${i}: ${JSON.stringify(h)}`);
    }
    expect(bad.slice(0, 3)).toEqual([]);
  });

  const PIPELINES: [string, Pipeline][] = [
    ['lossy', { lossy: true, reconcile: false }],
    ['reconciling', { lossy: false, reconcile: true }],
    ['lossy and reconciling', { lossy: true, reconcile: true }],
  ];

  it.each(
    (['lww', 'crdt'] as const).flatMap((merge) =>
      PIPELINES.map(([n, p]) => [merge, n, p] as const),
    ),
  )(
    '%s, %s: 2,000 random histories lose and leave unsynced exactly what the reference does',
    (merge, name, p) => {
      const rng = new RandomStream('replicated-reference', `${merge} ${name}`);
      const bad: string[] = [];
      // what reached a copy whose service was down (the histories do reach it)
      let struck = 0;
      for (let i = 0; i < 2000; i++) {
        const h = history(merge, rng, p);
        struck += h.crashed.held + h.crashed.dropped;
        const whole = p.reconcile && h.converged && h.unsynced === 0 && h.referenceUnsynced === 0;
        if (
          !h.valuesMatch ||
          h.lost !== h.referenceLost ||
          !h.crashCounted ||
          h.unsynced !== h.referenceUnsynced ||
          (p.reconcile && !whole) ||
          (merge === 'crdt' && h.lost !== 0)
        )
          bad.push(`#${i}: ${JSON.stringify(h)}`);
      }
      expect(bad.slice(0, 3)).toEqual([]);
      expect(struck).toBeGreaterThan(500);
    },
  );
});
