/**
 * The runtime part of `call` (call.ts says what it does and holds its language part): run inline
 * by the interpreter (startCall in model/journey.ts), compiled with its target, hops, timeouts and
 * resilience policies (model/call-policy.ts).
 */
import { type Simulation, TimeoutQueue } from '../../engine/index.ts';
import type { CallTimeoutStats } from '../../metrics/call-timeout-stats.ts';
import { CallPolicy } from '../call-policy.ts';
import { type Invocation, StepKind, StepRuntime } from '../frame.ts';
import { advance, arriveAtService, callTimedOut, isCallPending } from '../journey.ts';
import { type CallDef, type CallRaw, callSyntax } from './call.ts';
import type { InlineStepKind } from './step-kind.ts';

export const call: InlineStepKind<CallRaw, CallDef> = {
  ...callSyntax,
  inline(def, { serviceId, where }, ctx) {
    const step = new StepRuntime(StepKind.call);
    const target = ctx.endpoint(def.service, def.endpoint, 'call');
    step.target = target;
    // sized hops when the call or the network declares a payload (model/network.ts)
    const link = ctx.network.carrying(
      ctx.network.link(serviceId, def.service, 'call'),
      def.payload ?? ctx.scenario.network.payload,
    );
    step.hopOut = link.out;
    step.hopBack = link.back;
    if (def.timeoutMs !== Number.POSITIVE_INFINITY) {
      const counts = ctx.metrics.addCallTimeout(where, serviceId, `${def.service}/${def.endpoint}`);
      step.timeouts = new CountedTimeouts(ctx.sim, def.timeoutMs, counts);
    }
    step.timeoutCause = `timeout: ${serviceId} → ${def.service}/${def.endpoint}`;
    const p = def.policy;
    if (p !== null)
      step.policy = new CallPolicy(
        p,
        ctx.sim,
        ctx.metrics.addCallPolicy(where, serviceId, `${def.service}/${def.endpoint}`),
        target,
        link.out,
        link.back,
        step.timeouts,
        step.timeoutCause,
        ctx.maxInstancesOf(serviceId),
        ctx.rng.stream(`${where}/retry-jitter`),
        p.fallback?.time ? ctx.dist(p.fallback.time, `${where}/fallback-time`) : null,
        arriveAtService,
        advance,
      );
    return step;
  },
};

/**
 * A call step's timeouts, counted (calls started, calls timed out) so that a timeout no call can
 * meet is named in a warning. The counting is two field increments per timed call.
 */
class CountedTimeouts extends TimeoutQueue<Invocation> {
  constructor(
    sim: Simulation,
    delayMs: number,
    private readonly counts: CallTimeoutStats,
  ) {
    super(
      sim,
      delayMs,
      isCallPending,
      (child) => {
        counts.timedOut++;
        callTimedOut(child);
      },
      true, // a caller that stopped waiting never waits again (engine/timeout-queue.ts)
    );
  }
  override add(child: Invocation): void {
    this.counts.calls++;
    super.add(child);
  }
}
