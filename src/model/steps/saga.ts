/**
 * `saga`: actions in several services without a shared transaction, compensated backwards on
 * a failure; orchestrated by calls from this endpoint, or choreographed by events through a
 * broker (model/saga.ts SagaRuntime).
 */
import * as z from 'zod';
import type { DocPath } from '../../scenario/issues.ts';
import * as msg from '../../scenario/messages.ts';
import { checkEndpointRef, errorAt } from '../../scenario/names.ts';
import { splitRef } from '../../scenario/normalize.ts';
import { Bytes, Duration, EndpointRef, id, Percent } from '../../scenario/schema.ts';
import { parseBytes, parseDurationMs, parsePercent } from '../../scenario/units.ts';
import type { SagaPayload } from '../saga.ts';
import { declareSyntax } from './declare-syntax.ts';

/**
 * One action of a saga: a call to a participant, which fails as a business outcome with
 * probability `fails` (or by a fault), and the call that undoes it (`compensate`; none: the
 * action cannot be undone, like an SMS), which fails with `compensationFails`.
 */
const SagaActionStep = z.strictObject({
  call: EndpointRef,
  timeout: Duration.optional(),
  fails: Percent.default(0),
  compensate: EndpointRef.optional(),
  compensationFails: Percent.default(0),
});

/**
 * A saga: actions in several services without a shared transaction. On a failure the actions
 * already done are compensated in reverse order; a compensation that fails, or an action that
 * cannot be undone, leaves the data inconsistent and raises an operator alert. `orchestrated`:
 * this endpoint calls each participant and waits (holding its thread); `choreographed`: each
 * participant reacts to the previous one's event through `broker`, and the request returns
 * after the first action (the rest completes in the background).
 */
const Saga = z.strictObject({
  name: id.optional(),
  mode: z.enum(['orchestrated', 'choreographed']).default('orchestrated'),
  broker: id.optional(),
  steps: z.array(SagaActionStep).min(1),
  payload: z
    .strictObject({
      call: Bytes.default('1KB'),
      reply: Bytes.default('256B'),
      event: Bytes.default('1KB'),
    })
    .optional(),
});

/**
 * The size of a saga's messages when `payload:` leaves it out: a call carries the request
 * (1 KB), its reply a status (256 B); an event 1 KB (the order it is about).
 */
export const SAGA_PAYLOAD_DEFAULTS = { callBytes: 1024, replyBytes: 256, eventBytes: 1024 };

const SagaStep = z.strictObject({ saga: Saga });

/** One action of a saga, normalized. */
export interface SagaActionDef {
  service: string;
  endpoint: string;
  timeoutMs: number;
  fails: number;
  compensate: { service: string; endpoint: string } | null;
  compensationFails: number;
}

/** A saga step, normalized. */
export interface SagaStepDef {
  kind: 'saga';
  /** Its name in reports ('' : named after where it is). */
  name: string;
  mode: 'orchestrated' | 'choreographed';
  broker: string | null;
  steps: SagaActionDef[];
  /** The size of each message, bytes: a call, its reply (orchestrated), an event (choreographed). */
  payload: SagaPayload;
}

/** A saga step as parsed. */
export type SagaRaw = z.output<typeof SagaStep>;

export const sagaSyntax = declareSyntax<SagaRaw, SagaStepDef>('saga', SagaStep, {
  normalize: ({ saga: s }) => ({
    name: s.name ?? '',
    mode: s.mode,
    broker: s.broker ?? null,
    steps: s.steps.map((a) => ({
      ...splitRef(a.call),
      timeoutMs: a.timeout === undefined ? Number.POSITIVE_INFINITY : parseDurationMs(a.timeout),
      fails: parsePercent(a.fails),
      compensate: a.compensate === undefined ? null : splitRef(a.compensate),
      compensationFails: parsePercent(a.compensationFails),
    })),
    payload:
      s.payload === undefined
        ? SAGA_PAYLOAD_DEFAULTS
        : {
            callBytes: parseBytes(s.payload.call),
            replyBytes: parseBytes(s.payload.reply),
            eventBytes: parseBytes(s.payload.event),
          },
  }),
  check({ saga: s }, path, { names }) {
    const at: DocPath = [...path, 'saga'];
    const issues = s.steps.flatMap((a, i) => [
      ...checkEndpointRef(a.call, [...at, 'steps', i, 'call'], names),
      ...(a.compensate === undefined
        ? []
        : checkEndpointRef(a.compensate, [...at, 'steps', i, 'compensate'], names)),
    ]);
    if (s.broker !== undefined && !names.has.brokers.has(s.broker))
      issues.push(
        errorAt(msg.unknownReference('broker', s.broker, names.brokers), [...at, 'broker']),
      );
    if (s.mode === 'choreographed' && s.broker === undefined)
      issues.push(
        errorAt(
          msg.missingKey(
            'broker',
            'a choreographed saga passes events through a broker: broker: kafka',
          ),
          at,
        ),
      );
    return issues;
  },
  // it calls its participants (and, on a failure, their compensations)
  calls: ({ saga: s }, at) =>
    s.steps.flatMap((a, i) =>
      [a.call, a.compensate]
        .filter((to): to is string => to !== undefined)
        .map((to) => ({
          to,
          path: [...at, 'saga', 'steps', i, to === a.call ? 'call' : 'compensate'],
          conditional: to !== a.call,
        })),
    ),
});
