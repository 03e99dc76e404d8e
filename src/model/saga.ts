/**
 * Sagas (issue 7, experiment 9): an operation made of actions in several services that cannot
 * share a transaction. The actions run in order; when one fails (its participant refuses with
 * probability `fails`, or an error, a fault or a timeout), the actions already done are
 * compensated in reverse order. A compensation that fails — or an action that cannot be undone
 * (no `compensate`: an SMS, an e-mail) — leaves the data inconsistent: the run counts an
 * inconsistent outcome and an operator alert, and carries on compensating the rest.
 *
 * - orchestrated: the endpoint holding the saga step calls each participant and waits for its
 *   answer, holding its thread throughout (2 messages per action: the call and its reply); the
 *   request ends when the saga does, failed if it had to roll back.
 * - choreographed: each participant reacts to the previous one's event through the broker
 *   (a hop to it, `publishTime`, a hop to the next), and a failure event flows back upstream to
 *   each participant to compensate (1 message per event, plus the final "completed" event).
 *   The request returns once the first event is published; the saga ends in the background.
 *
 * Every message is counted with its size (`payload:`: a call, a reply, an event), per saga, and
 * kept apart for the sagas that completed and those that rolled back (compensated or left
 * inconsistent): what a compensation costs in messages and bytes. Simplification: a message's
 * size is fixed by its kind; a compensation's call or event is as large as a forward one.
 *
 * The inconsistency window runs from the first action done to the moment the data is
 * consistent again: the last action done, or the last compensation. Simplifications: a
 * participant's action is the whole visit of its endpoint (a business refusal is drawn when it
 * answers, after its work); an action that timed out counts as failed even if it completes
 * later; choreographed events do not queue on the broker's threads nor stop for its faults.
 */
import type { Distribution, RandomStream, Simulation } from '../engine/index.ts';
import { TimeoutQueue } from '../engine/index.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { SagaStats } from '../metrics/saga-stats.ts';
import { CallData, Frame, Invocation, type ReplyWaiter, type Request } from './frame.ts';
import { arriveAtService, callTimedOut, isCallPending } from './journey.ts';
import { type Hop, travel } from './network.ts';
import type { EndpointRuntime } from './service.ts';

/** The size of a saga's messages, bytes (`payload:` of the saga step; counted per saga). */
export interface SagaPayload {
  callBytes: number;
  replyBytes: number;
  eventBytes: number;
}

/** One action of a saga, resolved: its participant, its compensation, and how to reach them. */
export interface SagaAction {
  target: EndpointRuntime;
  /** Orchestrated: the call's hops; choreographed: the hop from the broker to the participant. */
  hopOut: Hop;
  hopBack: Hop;
  timeouts: TimeoutQueue<Invocation> | null;
  fails: number;
  compensate: EndpointRuntime | null;
  compensateOut: Hop | null;
  compensateBack: Hop | null;
  compensationFails: number;
  /** Choreographed: the hop from this participant to the broker (its events). */
  toBroker: Hop | null;
}

const Phase = { forward: 0, compensate: 1 } as const;

/** One saga in progress (an entity written in several services). */
export class SagaRun implements ReplyWaiter {
  /** The action being done or compensated. */
  index = 0;
  phase: number = Phase.forward;
  /** When the first action was done (-1: none yet). */
  firstDoneMs = -1;
  inconsistent = false;
  messages = 0;
  /** The bytes of its messages. */
  bytes = 0;
  /** The action that failed (for the cause). */
  failedAt = -1;
  /** What could not be undone (for the cause), '' while nothing. */
  stuck = '';
  /** Its number, and when each action was done and undone (-1: not), kept for readers only. */
  id = 0;
  appliedAt: Float64Array | null = null;
  undoneAt: Float64Array | null = null;
  constructor(
    readonly saga: SagaRuntime,
    /** The frame waiting for the saga (orchestrated), or the anchor of background calls. */
    readonly frame: Frame,
    readonly startMs: number,
  ) {}
  onReply(inv: Invocation): void {
    this.saga.answered(this, inv.error === Outcome.ok);
  }
  onTimeout(): void {
    this.saga.answered(this, false);
  }
}

/** A saga step: its actions, its counters, and the runs in progress. */
export class SagaRuntime {
  readonly #anchor: Frame;
  /** The runs by start time, kept while a reader may still read them (null: no reader). */
  history: SagaRun[] | null = null;
  #nextId = 0;

  constructor(
    readonly name: string,
    readonly choreographed: boolean,
    readonly sim: Simulation,
    readonly stats: SagaStats,
    readonly actions: SagaAction[],
    /** Business failures of actions and compensations. */
    private readonly rng: RandomStream,
    /** Choreographed: the broker's time to take an event. */
    private readonly publishTime: Distribution | null,
    /** Choreographed: the hop from the saga's own service to the broker (its first event). */
    private readonly firstToBroker: Hop | null,
    /** Choreographed sagas' calls belong to no client request: counted on this one. */
    background: Request,
    /** Resumes a frame (advance). */
    private readonly resume: (f: Frame) => void,
    /** The size of each kind of message, bytes. */
    private readonly payload: SagaPayload,
  ) {
    this.#anchor = new Frame(background, [], null, false);
  }

  /** The saga step of frame `f` starts. */
  start(f: Frame): void {
    this.stats.started++;
    const now = this.sim.now;
    if (!this.choreographed) {
      this.#forward(this.#track(new SagaRun(this, f, now)));
      return;
    }
    // choreographed: publish the first event and let the request go on
    const run = this.#track(new SagaRun(this, this.#anchor, now));
    this.#event(run, this.firstToBroker as Hop, this.#forwardLater);
    this.resume(f);
  }

  /** Numbers a run and, when someone reads the saga's entities, keeps its history. */
  #track(run: SagaRun): SagaRun {
    run.id = ++this.#nextId;
    if (this.history !== null) {
      run.appliedAt = new Float64Array(this.actions.length).fill(-1);
      run.undoneAt = new Float64Array(this.actions.length).fill(-1);
      this.history.push(run);
    }
    return run;
  }

  readonly #forwardLater = (run: SagaRun): void => this.#forward(run);
  readonly #compensateLater = (run: SagaRun): void => this.#compensate(run);

  /** An event travels to the broker, waits publishTime, then `next` runs (towards a participant). */
  #event(run: SagaRun, toBroker: Hop, next: (run: SagaRun) => void): void {
    run.messages++;
    run.bytes += this.payload.eventBytes;
    travel(
      this.sim,
      toBroker,
      (r: SagaRun) => this.sim.schedule((this.publishTime as Distribution).sample(), next, r),
      run,
    );
  }

  /** Does the run's current action (or completes the saga after the last). */
  #forward(run: SagaRun): void {
    if (run.index === this.actions.length) {
      this.#complete(run);
      return;
    }
    const a = this.actions[run.index];
    this.#call(run, a.target, a.hopOut, a.hopBack, a.timeouts);
  }

  #call(
    run: SagaRun,
    target: EndpointRuntime,
    hopOut: Hop,
    hopBack: Hop,
    timeouts: TimeoutQueue<Invocation> | null,
  ): void {
    const f = run.frame;
    const req = f.inv.request;
    req.callCount++;
    const call = new Invocation(req, target, f);
    call.replyHop = hopBack;
    call.data = new CallData(run, 1, null, 0);
    if (timeouts !== null) timeouts.add(call);
    // orchestrated: the call and its reply; choreographed: the event was counted already
    if (!this.choreographed) {
      run.messages += 2;
      run.bytes += this.payload.callBytes + this.payload.replyBytes;
    }
    travel(this.sim, hopOut, arriveAtService, call);
  }

  /** A participant answered (`ok`: its visit succeeded); a business refusal is drawn now. */
  answered(run: SagaRun, ok: boolean): void {
    const a = this.actions[run.index];
    if (run.phase === Phase.forward) {
      if (ok && !(a.fails > 0 && this.rng.next() < a.fails)) {
        if (run.firstDoneMs < 0) run.firstDoneMs = this.sim.now;
        if (run.appliedAt !== null) run.appliedAt[run.index] = this.sim.now;
        run.index++;
        if (this.choreographed) {
          // the participant publishes its event: the next reacts (or "completed")
          this.#event(run, a.toBroker as Hop, this.#forwardLater);
        } else this.#forward(run);
        return;
      }
      this.stats.actionFailures++;
      run.failedAt = run.index;
      run.phase = Phase.compensate;
      run.index--;
      this.#nextCompensation(run, a.toBroker);
      return;
    }
    if (!ok || (a.compensationFails > 0 && this.rng.next() < a.compensationFails)) {
      this.stats.compensationFailures++;
      const c = a.compensate as EndpointRuntime;
      this.#alert(run, `${c.service.id}/${c.name} failed`);
    } else if (run.undoneAt !== null) run.undoneAt[run.index] = this.sim.now;
    run.index--;
    this.#nextCompensation(run, a.toBroker);
  }

  /** Goes on to compensate the run's current action (from `from`'s failure event, if choreographed). */
  #nextCompensation(run: SagaRun, from: Hop | null): void {
    if (this.choreographed && run.index >= 0 && from !== null) {
      this.#event(run, from, this.#compensateLater);
      return;
    }
    this.#compensate(run);
  }

  #compensate(run: SagaRun): void {
    while (run.index >= 0) {
      const a = this.actions[run.index];
      if (a.compensate !== null) {
        this.#call(run, a.compensate, a.compensateOut as Hop, a.compensateBack as Hop, a.timeouts);
        return;
      }
      // done, and cannot be undone (an SMS sent): the data stays inconsistent
      this.stats.uncompensable++;
      this.#alert(run, `${a.target.service.id}/${a.target.name} cannot be undone`);
      run.index--;
    }
    this.#end(run);
  }

  #alert(run: SagaRun, what: string): void {
    this.stats.alerts++;
    run.inconsistent = true;
    if (run.stuck === '') run.stuck = what;
  }

  #complete(run: SagaRun): void {
    const now = this.sim.now;
    this.stats.completed++;
    this.stats.completion.record(now - run.startMs);
    if (run.firstDoneMs >= 0) this.stats.window.record(now - run.firstDoneMs);
    this.stats.messages += run.messages;
    this.stats.completedMessages += run.messages;
    this.stats.completedBytes += run.bytes;
    if (!this.choreographed) this.resume(run.frame);
  }

  /** The roll-back is over: compensated, or inconsistent. */
  #end(run: SagaRun): void {
    const now = this.sim.now;
    this.stats.messages += run.messages;
    this.stats.rolledBackMessages += run.messages;
    this.stats.rolledBackBytes += run.bytes;
    this.stats.completion.record(now - run.startMs);
    const failed = this.actions[run.failedAt].target;
    const where = `${failed.service.id}/${failed.name}`;
    if (run.inconsistent) this.stats.inconsistent++;
    else {
      this.stats.compensated++;
      if (run.firstDoneMs >= 0) this.stats.window.record(now - run.firstDoneMs);
    }
    if (this.choreographed) return;
    const f = run.frame;
    f.error = Outcome.failed;
    f.cause = run.inconsistent
      ? `saga ${this.name} inconsistent: ${where} failed, ${run.stuck} (operator alert)`
      : `saga ${this.name} compensated: ${where} failed`;
    this.resume(f);
  }
}

/** A call timeout queue for a saga action (null without a timeout). */
export function actionTimeouts(
  sim: Simulation,
  timeoutMs: number,
): TimeoutQueue<Invocation> | null {
  return Number.isFinite(timeoutMs)
    ? new TimeoutQueue(sim, timeoutMs, isCallPending, callTimedOut, true)
    : null;
}
