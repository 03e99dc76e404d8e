/**
 * `twoPhaseCommit`: one distributed transaction across several services, run by this endpoint
 * as its coordinator: prepare everywhere (each participant locks a row and votes), then commit
 * or abort everywhere (model/two-phase.ts TwoPhaseRuntime).
 */
import * as z from 'zod';
import type { KeyDistributionSpec } from '../../engine/index.ts';
import { keyAccess } from '../../scenario/dist-spec.ts';
import type { DocPath } from '../../scenario/issues.ts';
import * as msg from '../../scenario/messages.ts';
import { checkEndpointRef, errorAt } from '../../scenario/names.ts';
import { splitRef } from '../../scenario/normalize.ts';
import { Duration, EndpointRef, id, KeyAccess, Percent } from '../../scenario/schema.ts';
import { parseDurationMs, parsePercent } from '../../scenario/units.ts';
import { declareSyntax } from './declare-syntax.ts';

/**
 * One participant: the endpoint that does its part of the work when asked to prepare, the
 * probability it votes no (`fails`, a business refusal), and the rows it locks from prepare to
 * decision (a row of key space `keys`, drawn by `access`; without `keys`, a row of its own per
 * transaction: no contention).
 */
const Participant = z.strictObject({
  prepare: EndpointRef,
  fails: Percent.default(0),
  keys: id.optional(),
  access: KeyAccess.default('uniform'),
});

/**
 * A two-phase commit: prepares to every participant at once, then the decision; `timeout`
 * bounds the prepare round (the coordinator aborts when a vote is missing by then).
 */
const TwoPhaseCommit = z.strictObject({
  name: id.optional(),
  timeout: Duration.optional(),
  participants: z.array(Participant).min(1),
});

const TwoPhaseCommitStep = z.strictObject({ twoPhaseCommit: TwoPhaseCommit });

/** A participant, normalized. */
export interface TwoPhaseParticipantDef {
  service: string;
  endpoint: string;
  fails: number;
  keys: string | null;
  access: KeyDistributionSpec;
}

/** A two-phase commit step, normalized. */
export interface TwoPhaseCommitStepDef {
  kind: 'twoPhaseCommit';
  /** Its name in reports ('': named after where it is). */
  name: string;
  timeoutMs: number;
  participants: TwoPhaseParticipantDef[];
}

/** A twoPhaseCommit step as parsed. */
export type TwoPhaseCommitRaw = z.output<typeof TwoPhaseCommitStep>;

export const twoPhaseCommitSyntax = declareSyntax<TwoPhaseCommitRaw, TwoPhaseCommitStepDef>(
  'twoPhaseCommit',
  TwoPhaseCommitStep,
  {
    normalize: ({ twoPhaseCommit: t }) => ({
      name: t.name ?? '',
      timeoutMs: t.timeout === undefined ? Number.POSITIVE_INFINITY : parseDurationMs(t.timeout),
      participants: t.participants.map((p) => ({
        ...splitRef(p.prepare),
        fails: parsePercent(p.fails),
        keys: p.keys ?? null,
        access: keyAccess(p.access),
      })),
    }),
    check({ twoPhaseCommit: t }, path, { names }) {
      const at: DocPath = [...path, 'twoPhaseCommit'];
      return t.participants.flatMap((p, i) => [
        ...checkEndpointRef(p.prepare, [...at, 'participants', i, 'prepare'], names),
        ...(p.keys === undefined || names.has.keys.has(p.keys)
          ? []
          : [
              errorAt(msg.unknownReference('key space', p.keys, names.keys), [
                ...at,
                'participants',
                i,
                'keys',
              ]),
            ]),
      ]);
    },
    // it calls every participant's prepare endpoint
    calls: ({ twoPhaseCommit: t }, at) =>
      t.participants.map((p, i) => ({
        to: p.prepare,
        path: [...at, 'twoPhaseCommit', 'participants', i, 'prepare'],
        conditional: false,
      })),
  },
);
