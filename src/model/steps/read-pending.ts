/**
 * `readPending`: a user reads one recent entity of a pending state (the order status screen)
 * and the model counts whether it was still pending (model/pending.ts).
 */
import * as z from 'zod';
import type { DocPath } from '../../scenario/issues.ts';
import * as msg from '../../scenario/messages.ts';
import { errorAt } from '../../scenario/names.ts';
import { Duration, id } from '../../scenario/schema.ts';
import { parseDurationMs } from '../../scenario/units.ts';
import { declareSyntax } from './declare-syntax.ts';

/** Reads one entity of pending state `of`, among those created in the last `within`. */
const ReadPendingStep = z.strictObject({
  readPending: z.strictObject({ of: id, within: Duration.default('1m') }),
});

/** A readPending step, normalized. */
export interface ReadPendingStepDef {
  kind: 'readPending';
  of: string;
  withinMs: number;
}

/** The names of the pending states a document defines (`pending: { name }` anywhere in its services). */
function pendingNames(doc: unknown): string[] {
  const found = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'pending' && v !== null && typeof v === 'object' && 'name' in v)
          found.add(String((v as { name: unknown }).name));
        walk(v);
      }
    }
  };
  walk((doc as { services?: unknown }).services);
  return [...found].sort();
}

/** A readPending step as parsed. */
export type ReadPendingRaw = z.output<typeof ReadPendingStep>;

export const readPendingSyntax = declareSyntax<ReadPendingRaw, ReadPendingStepDef>(
  'readPending',
  ReadPendingStep,
  {
    normalize: ({ readPending: r }) => ({
      of: r.of,
      withinMs: parseDurationMs(r.within),
    }),
    check: ({ readPending: r }, path, { doc }) => {
      const known = pendingNames(doc);
      const at: DocPath = [...path, 'readPending', 'of'];
      return known.includes(r.of)
        ? []
        : [errorAt(msg.unknownReference('pending state', r.of, known), at)];
    },
  },
);
