/**
 * Two-phase commit (issue 18; the source: "2PC raises the coupling between services, so
 * asynchronous events are used instead"). The endpoint holding a `twoPhaseCommit` step is the
 * coordinator of one distributed transaction per request:
 *
 * 1. prepare: it sends a prepare to every participant at once. At the participant the prepare
 *    first takes the row lock of the transaction's key there (drawn from the participant's key
 *    space; FIFO behind another transaction holding it), then runs the participant's prepare
 *    endpoint (its work). The participant votes yes when that visit succeeds and no business
 *    refusal is drawn (`fails`), else no. A yes keeps the lock: the participant has promised
 *    to commit and may not let go until it hears the decision. A no releases it at once.
 * 2. decision: when every vote is in (commit), at the first no, or when the prepare round times
 *    out (abort), the coordinator sends the decision to each participant that prepared; each
 *    releases its lock when the decision arrives. The request goes on (commit) or fails (abort)
 *    as the decision is sent.
 *
 * The coordinator is the instance running the step. If it crashes before it decided, it loses
 * the round: votes arriving meanwhile go unheard, and the participants that prepared stay
 * locked, blocked in doubt, for the whole outage. When the instance is up again it reads its
 * log, finds no decision and aborts (presumed abort), releasing them. A prepare still running
 * or queued for a lock when the transaction is decided learns the outcome when it finishes
 * (it asks the coordinator) and releases at once.
 *
 * Simplifications (also in the lesson): a participant's lock is one row per transaction, no
 * deadlocks; a prepare waiting for a lock holds no thread (it waits in the database); a no
 * vote releases its lock when it reaches the coordinator, one hop later than the participant
 * decides; writing the decision to the coordinator's log and the commit at a participant take
 * no time; the acknowledgements are counted as messages but nothing waits for them; a crash of
 * the coordinator after it decided does not stop the decision messages already sent.
 */
import type { Simulation } from '../engine/index.ts';
import type { KeySampler } from '../engine/key-distributions.ts';
import type { RandomStream } from '../engine/random.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { TwoPhaseStats } from '../metrics/two-phase-stats.ts';
import type { FaultState } from './faults.ts';
import { CallData, type Frame, Invocation, type ReplyWaiter } from './frame.ts';
import { activeTracer, arriveAtService } from './journey.ts';
import { type Hop, travel } from './network.ts';
import type { EndpointRuntime, Instance } from './service.ts';
import type { OpenSpan } from './trace/tracer.ts';

/** A participant of a two-phase commit step, resolved. */
export interface TwoPhaseParticipant {
  target: EndpointRuntime;
  hopOut: Hop;
  hopBack: Hop;
  fails: number;
  keys: KeySampler;
  /** Its row locks: key → the prepare holding it; and the prepares queued for each key. */
  holders: Map<number, Invocation>;
  waiting: Map<number, Invocation[]>;
}

/** Where each participant of a transaction is. */
const P = {
  sent: 0,
  queued: 1,
  /** Holding its lock, its prepare visit running. */
  preparing: 2,
  /** Voted yes: holding its lock until the decision arrives. */
  prepared: 3,
  released: 4,
} as const;

/** One distributed transaction in progress. */
export class TwoPhaseRun implements ReplyWaiter {
  readonly keys: Int32Array;
  readonly state: Uint8Array;
  readonly lockedAt: Float64Array;
  votes = 0;
  decided = false;
  /** Its coordinator crashed before it decided. */
  lost = false;
  messages = 0;
  /** Traced runs: each participant's lock span, and the decision round's. */
  locks: OpenSpan[] | null = null;
  round: OpenSpan = null;
  /** Traced runs: when the decision left, and what it was (the decisions' hop spans). */
  decidedMs = 0;
  decision = '';
  constructor(
    readonly tx: TwoPhaseRuntime,
    readonly frame: Frame,
    readonly coordinator: Coordinator,
    readonly startMs: number,
    n: number,
  ) {
    this.keys = new Int32Array(n);
    this.state = new Uint8Array(n);
    this.lockedAt = new Float64Array(n);
  }
  onReply(inv: Invocation): void {
    this.tx.voted(this, (inv.data as CallData).refIndex, inv);
  }
}

/** A coordinator instance: its transactions not decided yet, and those it lost in a crash. */
class Coordinator {
  readonly open = new Set<TwoPhaseRun>();
  constructor(readonly name: string) {}
}

/** A two-phase commit step: its participants, its counters, its coordinators. */
export class TwoPhaseRuntime {
  readonly #coordinators = new Map<Instance | null, Coordinator>();
  readonly #timeoutCause: string;

  constructor(
    readonly name: string,
    readonly sim: Simulation,
    readonly stats: TwoPhaseStats,
    readonly participants: TwoPhaseParticipant[],
    /** The prepare round's timeout (Infinity: none). */
    readonly timeoutMs: number,
    /** Business refusals of prepares. */
    private readonly rng: RandomStream,
    /** Resumes a frame (advance). */
    private readonly resume: (f: Frame) => void,
  ) {
    this.#timeoutCause = `2PC ${name} aborted: prepare timed out`;
  }

  /** The coordinator state of the instance running frame `f` (watching its crashes). */
  #coordinatorOf(f: Frame): Coordinator {
    const inst = f.inv.instance;
    let c = this.#coordinators.get(inst);
    if (c !== undefined) return c;
    c = new Coordinator(inst === null ? this.name : `${inst.service.id}[${inst.index}]`);
    this.#coordinators.set(inst, c);
    const fs: FaultState | null = inst?.fault ?? null;
    if (fs !== null) {
      const co = c;
      fs.onDown.push(() => this.#crashed(co));
      fs.onUp.push(() => this.#recovered(co));
    }
    return c;
  }

  /** The step of frame `f` starts a transaction: prepares go to every participant. */
  start(f: Frame): void {
    this.stats.started++;
    const n = this.participants.length;
    const c = this.#coordinatorOf(f);
    const run = new TwoPhaseRun(this, f, c, this.sim.now, n);
    c.open.add(run);
    const req = f.inv.request;
    for (let i = 0; i < n; i++) {
      const p = this.participants[i];
      run.keys[i] = p.keys.next();
      req.callCount++;
      const call = new Invocation(req, p.target, f);
      call.replyHop = p.hopBack;
      call.data = new CallData(run, 1, null, i);
      run.messages += 2; // the prepare and its vote
      travel(this.sim, p.hopOut, this.#atParticipant, call);
    }
    if (Number.isFinite(this.timeoutMs)) this.sim.schedule(this.timeoutMs, this.#timedOut, run);
  }

  /** A prepare reaches its participant: it takes the row lock (or queues for it), then runs. */
  readonly #atParticipant = (call: Invocation): void => {
    const run = (call.data as CallData).waiter as TwoPhaseRun;
    const i = (call.data as CallData).refIndex;
    if (activeTracer !== null) this.#traceHop(run, i, 'prepare', run.startMs);
    if (run.decided) {
      // aborted already (a no elsewhere, a timeout): the participant does nothing
      run.state[i] = P.released;
      return;
    }
    const p = this.participants[i];
    const key = run.keys[i];
    if (!p.holders.has(key)) {
      this.#lock(run, i, call, 0);
      return;
    }
    this.stats.lockWaits++;
    run.state[i] = P.queued;
    run.lockedAt[i] = this.sim.now; // when it started waiting, until it gets the lock
    let q = p.waiting.get(key);
    if (q === undefined) {
      q = [];
      p.waiting.set(key, q);
    }
    q.push(call);
  };

  #lock(run: TwoPhaseRun, i: number, call: Invocation, waitedMs: number): void {
    const p = this.participants[i];
    p.holders.set(run.keys[i], call);
    run.state[i] = P.preparing;
    run.lockedAt[i] = this.sim.now;
    if (activeTracer !== null) this.#traceLock(run, i, waitedMs);
    this.stats.lockWait.record(waitedMs);
    arriveAtService(call);
  }

  /** Participant `i` lets go of its row lock; the next prepare queued for the row takes it. */
  #release(run: TwoPhaseRun, i: number): void {
    if (run.state[i] !== P.preparing && run.state[i] !== P.prepared) return;
    run.state[i] = P.released;
    const now = this.sim.now;
    if (run.locks !== null) this.#traceRelease(run, i, now);
    const held = now - run.lockedAt[i];
    const ps = this.stats.participants[i];
    ps.locks++;
    ps.holdSumMs += held;
    if (held > ps.holdMaxMs) ps.holdMaxMs = held;
    this.stats.lockHold.record(held);
    const p = this.participants[i];
    const key = run.keys[i];
    const q = p.waiting.get(key);
    for (;;) {
      const next = q?.shift();
      if (next === undefined) {
        p.holders.delete(key);
        if (q !== undefined) p.waiting.delete(key);
        return;
      }
      const other = (next.data as CallData).waiter as TwoPhaseRun;
      const j = (next.data as CallData).refIndex;
      if (other.decided) {
        other.state[j] = P.released; // decided while it waited: it never runs
        continue;
      }
      this.#lock(other, j, next, now - other.lockedAt[j]);
      return;
    }
  }

  /** Traced: participant `i` took its lock (after `waitedMs` queued for it). */
  #traceLock(run: TwoPhaseRun, i: number, waitedMs: number): void {
    const t = activeTracer;
    if (t === null) return;
    const now = this.sim.now;
    const at = this.participants[i].target.service.id;
    if (waitedMs > 0)
      t.span(
        run.frame.inv,
        'lock-wait',
        `2PC ${this.name}: waiting for the lock at ${at}`,
        now - waitedMs,
        now,
      );
    run.locks ??= new Array<OpenSpan>(this.participants.length).fill(null);
    run.locks[i] = t.open(run.frame.inv, 'lock', `2PC ${this.name}: lock held at ${at}`, now);
  }

  /** Traced: participant `i` let go of its lock; the decision round ends with the last one. */
  #traceRelease(run: TwoPhaseRun, i: number, nowMs: number): void {
    const t = activeTracer;
    const locks = run.locks as OpenSpan[];
    if (t === null) return;
    t.close(locks[i], nowMs);
    locks[i] = null;
    if (run.round !== null && !run.state.some((s) => s === P.preparing || s === P.prepared)) {
      t.close(run.round, nowMs);
      run.round = null;
    }
  }

  /** Participant `i`'s vote reaches the coordinator (`inv`: its prepare visit). */
  voted(run: TwoPhaseRun, i: number, inv: Invocation): void {
    const p = this.participants[i];
    const yes = inv.error === Outcome.ok && !(p.fails > 0 && this.rng.next() < p.fails);
    if (!yes) {
      this.stats.votedNo++;
      this.stats.participants[i].votedNo++;
      this.#release(run, i);
      if (!run.decided && !run.lost)
        this.#decide(
          run,
          false,
          `2PC ${this.name} aborted: ${p.target.service.id}/${p.target.name} voted no`,
        );
      return;
    }
    this.stats.participants[i].prepared++;
    run.state[i] = P.prepared;
    if (run.decided) {
      // decided (abort) while it prepared: it asks the coordinator and lets go
      this.#release(run, i);
      return;
    }
    if (run.lost) {
      // the coordinator is down: nobody hears the vote, and the participant is blocked
      this.stats.blockedLevel.add(this.sim.now, 1);
      return;
    }
    run.votes++;
    if (run.votes === this.participants.length) this.#decide(run, true, '');
  }

  readonly #timedOut = (run: TwoPhaseRun): void => {
    if (run.decided || run.lost) return;
    this.stats.timeouts++;
    this.#decide(run, false, this.#timeoutCause);
  };

  /** The coordinator decides: the decision goes to every participant that prepared. */
  #decide(run: TwoPhaseRun, commit: boolean, cause: string): void {
    run.decided = true;
    run.coordinator.open.delete(run);
    const now = this.sim.now;
    run.decidedMs = now;
    run.decision = commit ? 'commit' : 'abort';
    // before the decisions leave: one may arrive at once (a hop that takes no time)
    if (activeTracer !== null && run.locks !== null)
      run.round = activeTracer.open(
        run.frame.inv,
        'round',
        `2PC ${this.name}: ${commit ? 'commit' : 'abort'} round`,
        now,
      );
    for (let i = 0; i < this.participants.length; i++) {
      if (run.state[i] !== P.prepared) continue;
      run.messages += 2; // the decision and its acknowledgement
      travel(this.sim, this.participants[i].hopOut, this.#decisionArrives, [run, i]);
    }
    this.stats.messages += run.messages;
    if (commit) {
      this.stats.committed++;
      this.stats.duration.record(now - run.startMs);
    } else {
      this.stats.aborted++;
      run.frame.error = Outcome.failed;
      run.frame.cause = cause;
    }
    this.resume(run.frame);
  }

  readonly #decisionArrives = ([run, i]: [TwoPhaseRun, number]): void => {
    if (activeTracer !== null) this.#traceHop(run, i, run.decision, run.decidedMs);
    this.#release(run, i);
  };

  /** Traced: a prepare or a decision sent at `sentMs` reached participant `i` (a hop span). */
  #traceHop(run: TwoPhaseRun, i: number, what: string, sentMs: number): void {
    const from = run.frame.inv.endpoint.service.id;
    const to = this.participants[i].target.service.id;
    activeTracer?.message(
      run.frame.inv,
      `${from} → ${to}: 2PC ${this.name} ${what}`,
      sentMs,
      this.sim.now,
    );
  }

  /** The coordinator instance crashed: the transactions it had not decided are in doubt. */
  #crashed(c: Coordinator): void {
    for (const run of c.open) {
      if (run.lost) continue;
      run.lost = true;
      this.stats.inDoubt++;
      this.stats.blockedLevel.add(this.sim.now, this.#prepared(run));
    }
  }

  /** How many participants of `run` have prepared and hold their lock, waiting for a decision. */
  #prepared(run: TwoPhaseRun): number {
    let n = 0;
    for (let i = 0; i < this.participants.length; i++) if (run.state[i] === P.prepared) n++;
    return n;
  }

  /** The coordinator is back: it finds no decision for its lost transactions and aborts them. */
  #recovered(c: Coordinator): void {
    const now = this.sim.now;
    const lost = [...c.open].filter((r) => r.lost);
    for (const run of lost) {
      this.stats.blockedLevel.add(now, -this.#prepared(run));
      for (let i = 0; i < this.participants.length; i++) {
        if (run.state[i] !== P.prepared) continue;
        this.stats.blocked++;
        this.stats.participants[i].blocked++;
        this.stats.blockedTime.record(now - run.lockedAt[i]);
      }
      this.#decide(
        run,
        false,
        `2PC ${this.name} aborted: coordinator ${c.name} crashed in doubt (presumed abort)`,
      );
    }
  }
}
