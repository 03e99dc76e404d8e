/**
 * `call`: a child visit to another service's endpoint, with an optional timeout and, with
 * retry / breaker / bulkhead / fallback, a CallPolicy (model/call-policy.ts). Run inline by the
 * interpreter (startCall in model/journey.ts).
 */
import { TimeoutQueue } from '../../engine/index.ts';
import type { StepDef } from '../../scenario/types.ts';
import { CallPolicy } from '../call-policy.ts';
import { StepKind, StepRuntime } from '../frame.ts';
import { advance, arriveAtService, callTimedOut, isCallPending } from '../journey.ts';
import type { InlineStepKind } from './step-kind.ts';

type CallDef = Extract<StepDef, { kind: 'call' }>;

export const call: InlineStepKind<CallDef> = {
  kind: 'call',
  inline(def, { serviceId, where }, ctx) {
    const step = new StepRuntime(StepKind.call);
    const target = ctx.endpoint(def.service, def.endpoint, 'call');
    step.target = target;
    const link = ctx.network.link(serviceId, def.service, 'call');
    step.hopOut = link.out;
    step.hopBack = link.back;
    if (def.timeoutMs !== Number.POSITIVE_INFINITY)
      step.timeouts = new TimeoutQueue(ctx.sim, def.timeoutMs, isCallPending, callTimedOut);
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
