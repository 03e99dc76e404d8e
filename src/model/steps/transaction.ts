/**
 * `transaction`: a local transaction on one row of a key space around its own steps, with a
 * row lock (pessimistic) or a version check and compensate-and-retry (optimistic). Its steps
 * run in a frame of their own between a begin and an end step (model/transaction.ts).
 */
import * as z from 'zod';
import type { KeyDistributionSpec } from '../../engine/index.ts';
import { keyAccess } from '../../scenario/dist-spec.ts';
import { LIMITS } from '../../scenario/limits.ts';
import * as msg from '../../scenario/messages.ts';
import { errorAt } from '../../scenario/names.ts';
import { Duration, id, KeyAccess, type RawStep } from '../../scenario/schema.ts';
import type { StepDef } from '../../scenario/types.ts';
import { parseDurationMs } from '../../scenario/units.ts';
import { declareSyntax } from './declare-syntax.ts';

// A local transaction on one row of a key space (`keys`, drawn by `access`: hot keys with a
// skew) around `steps`, which may call other services. pessimistic: the row is locked before
// the steps and until the end; a transaction waits for it up to `lockWait` (0: fail fast), and
// holds its thread meanwhile. optimistic: no lock; the row's version is checked at commit, and
// a conflict (another transaction committed the row meanwhile) runs `compensate` (undoing
// what the steps did elsewhere) and starts again, up to `retries` times, then fails.
const transactionSchema = (step: z.ZodType<RawStep>) =>
  z.strictObject({
    transaction: z.strictObject({
      name: id.optional(),
      keys: id,
      access: KeyAccess.default('uniform'),
      locking: z.enum(['pessimistic', 'optimistic']).default('pessimistic'),
      lockWait: Duration.default('1s'),
      retries: z.number().int().min(0).max(LIMITS.retries).default(2),
      steps: z.array(step),
      compensate: z.array(step).default(() => []),
    }),
  });

/** A transaction step, normalized. */
export interface TransactionStepDef {
  kind: 'transaction';
  name: string;
  keys: string;
  access: KeyDistributionSpec;
  locking: 'pessimistic' | 'optimistic';
  lockWaitMs: number;
  retries: number;
  steps: StepDef[];
  compensate: StepDef[];
}

/** A transaction step as parsed. */
export type TransactionRaw = z.output<ReturnType<typeof transactionSchema>>;

export const transactionSyntax = declareSyntax<TransactionRaw, TransactionStepDef>(
  'transaction',
  transactionSchema,
  {
    normalize: ({ transaction: t }, ctx) => ({
      name: t.name ?? '',
      keys: t.keys,
      access: keyAccess(t.access),
      locking: t.locking,
      lockWaitMs: parseDurationMs(t.lockWait),
      retries: t.retries,
      steps: ctx.steps(t.steps),
      compensate: ctx.steps(t.compensate),
    }),
    check: ({ transaction: t }, at, { names }) =>
      names.has.keys.has(t.keys)
        ? []
        : [
            errorAt(msg.unknownReference('key space', t.keys, names.keys), [
              ...at,
              'transaction',
              'keys',
            ]),
          ],
    children: ({ transaction: t }, at) => [
      { steps: t.steps, path: [...at, 'transaction', 'steps'] },
      // compensations run only on a conflict
      { steps: t.compensate, path: [...at, 'transaction', 'compensate'], conditional: true },
    ],
  },
);
