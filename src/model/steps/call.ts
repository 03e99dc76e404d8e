/**
 * `call`: a child visit to another service's endpoint (`- call: orders/create`), with an
 * optional timeout and resilience policies (retry, breaker, bulkhead, fallback: a CallPolicy,
 * model/call-policy.ts). Run inline by the interpreter (startCall in model/journey.ts).
 */
import * as z from 'zod';
import { durationDist } from '../../scenario/dist-spec.ts';
import { LIMITS } from '../../scenario/limits.ts';
import * as msg from '../../scenario/messages.ts';
import { checkEndpointRef, errorAt } from '../../scenario/names.ts';
import { normalizePayload, splitRef } from '../../scenario/normalize.ts';
import {
  CallPayload,
  Duration,
  DurationDist,
  EndpointRef,
  Percent,
} from '../../scenario/schema.ts';
import type { PayloadDef } from '../../scenario/types.ts';
import { parseDurationMs, parsePercent } from '../../scenario/units.ts';
import type { CallPolicyDef } from '../call-policy.ts';
import { declareSyntax } from './declare-syntax.ts';

/** Retries of a failed call: `attempts` in all, waits growing from `backoff` by `multiplier`. */
const Retry = z.strictObject({
  attempts: z.number().int().min(1).max(100),
  backoff: Duration.default('50ms'),
  multiplier: z.number().min(1).max(100).default(2),
  maxBackoff: Duration.optional(),
  jitter: z.enum(['none', 'full', 'equal']).default('full'),
  /** Retries allowed per first attempt (a token bucket: each call adds `budget`, a retry takes 1). */
  budget: Percent.optional(),
  on: z
    .array(z.enum(['timedOut', 'failed', 'rejected']))
    .min(1)
    .optional(),
});

/** A circuit breaker on a call: count-based window, failure-rate and slow-call thresholds. */
const Breaker = z.strictObject({
  failureRate: Percent.default('50%'),
  slowCall: Duration.optional(),
  slowRate: Percent.default('100%'),
  window: z.number().int().min(1).max(LIMITS.calls).default(20),
  minCalls: z.number().int().min(1).max(LIMITS.calls).default(10),
  openFor: Duration.default('5s'),
  halfOpenCalls: z.number().int().min(1).max(LIMITS.calls).default(3),
});

/** What a call answers when it finally fails: a default, a cached value, or a degraded response. */
const Fallback = z.union([
  z.enum(['default', 'cached', 'degraded']),
  z.strictObject({
    kind: z.enum(['default', 'cached', 'degraded']),
    time: DurationDist.optional(),
  }),
]);

const CallStep = z.strictObject({
  call: EndpointRef,
  timeout: Duration.optional(),
  retry: Retry.optional(),
  breaker: Breaker.optional(),
  /** At most this many calls of this step in flight per caller instance; more fail at once. */
  bulkhead: z.number().int().min(1).max(LIMITS.calls).optional(),
  fallback: Fallback.optional(),
  /** The size of the request and of its reply (default: the network's `payload:`, else none). */
  payload: CallPayload.optional(),
});

export type CallRaw = z.output<typeof CallStep>;

/** A call step, normalized. */
export interface CallDef {
  kind: 'call';
  service: string;
  endpoint: string;
  timeoutMs: number;
  /** Resilience policies of the call (null when it has none). */
  policy: CallPolicyDef | null;
  /** The size of its request and reply (absent: the network's, if any). */
  payload?: PayloadDef;
}

export const callSyntax = declareSyntax<CallRaw, CallDef>('call', CallStep, {
  normalize(raw) {
    const timeoutMs =
      raw.timeout === undefined ? Number.POSITIVE_INFINITY : parseDurationMs(raw.timeout);
    const def = { ...splitRef(raw.call), timeoutMs, policy: callPolicy(raw) };
    return raw.payload === undefined ? def : { ...def, payload: normalizePayload(raw.payload) };
  },
  check(raw, at, { names }) {
    const issues = checkEndpointRef(raw.call, [...at, 'call'], names);
    // call policies whose numbers contradict each other
    if (raw.breaker !== undefined) {
      const { minCalls, window } = raw.breaker;
      if (minCalls > window)
        issues.push(
          errorAt(msg.breakerMinCallsOverWindow(minCalls, window), [...at, 'breaker', 'minCalls']),
        );
    }
    return issues;
  },
  calls: (raw, at) => [{ to: raw.call, path: [...at, 'call'], conditional: false }],
});

/** The resilience policies of a call step, or null when it has none. */
function callPolicy(step: CallRaw): CallPolicyDef | null {
  const { retry, breaker, bulkhead, fallback } = step;
  if (
    retry === undefined &&
    breaker === undefined &&
    bulkhead === undefined &&
    fallback === undefined
  )
    return null;
  return {
    retry:
      retry === undefined
        ? null
        : {
            attempts: retry.attempts,
            backoffMs: parseDurationMs(retry.backoff),
            multiplier: retry.multiplier,
            maxBackoffMs:
              retry.maxBackoff === undefined
                ? Number.POSITIVE_INFINITY
                : parseDurationMs(retry.maxBackoff),
            jitter: retry.jitter,
            budget: retry.budget === undefined ? null : parsePercent(retry.budget),
            on: retry.on ?? ['timedOut', 'failed', 'rejected'],
          },
    breaker:
      breaker === undefined
        ? null
        : {
            failureRate: parsePercent(breaker.failureRate),
            slowCallMs: breaker.slowCall === undefined ? null : parseDurationMs(breaker.slowCall),
            slowRate: parsePercent(breaker.slowRate),
            window: breaker.window,
            minCalls: breaker.minCalls,
            openForMs: parseDurationMs(breaker.openFor),
            halfOpenCalls: breaker.halfOpenCalls,
          },
    bulkhead: bulkhead ?? null,
    fallback:
      fallback === undefined
        ? null
        : typeof fallback === 'string'
          ? { kind: fallback, time: null }
          : {
              kind: fallback.kind,
              time: fallback.time === undefined ? null : durationDist(fallback.time),
            },
  };
}
