/**
 * `pending`: creates an entity (an order) in a pending state and goes on at once; the
 * confirmation is asked for in the background and confirms or cancels it (model/pending.ts).
 */
import * as z from 'zod';
import type { DocPath } from '../../scenario/issues.ts';
import { checkEndpointRef } from '../../scenario/names.ts';
import { splitRef } from '../../scenario/normalize.ts';
import { Duration, EndpointRef, id, Percent } from '../../scenario/schema.ts';
import { parseDurationMs, parsePercent } from '../../scenario/units.ts';
import { declareSyntax } from './declare-syntax.ts';

/**
 * A pending state named `name` (what `readPending` steps read), confirmed by a call to
 * `confirm` (its answer confirms; an error, a refusal drawn with `cancels`, or no answer within
 * `timeout` cancels).
 */
const PendingStep = z.strictObject({
  pending: z.strictObject({
    name: id,
    confirm: EndpointRef,
    cancels: Percent.default(0),
    timeout: Duration.optional(),
  }),
});

/** A pending step, normalized. */
export interface PendingStepDef {
  kind: 'pending';
  name: string;
  confirm: { service: string; endpoint: string };
  cancels: number;
  timeoutMs: number;
}

/** A pending step as parsed. */
export type PendingRaw = z.output<typeof PendingStep>;

export const pendingSyntax = declareSyntax<PendingRaw, PendingStepDef>('pending', PendingStep, {
  normalize: ({ pending: p }) => ({
    name: p.name,
    confirm: splitRef(p.confirm),
    cancels: parsePercent(p.cancels),
    timeoutMs: p.timeout === undefined ? Number.POSITIVE_INFINITY : parseDurationMs(p.timeout),
  }),
  check: ({ pending: p }, path, { names }) => {
    const at: DocPath = [...path, 'pending', 'confirm'];
    return checkEndpointRef(p.confirm, at, names);
  },
  // it calls the confirmation endpoint (in the background)
  calls: ({ pending: p }, at) => [
    { to: p.confirm, path: [...at, 'pending', 'confirm'], conditional: false },
  ],
});
