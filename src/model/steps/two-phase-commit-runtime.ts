/**
 * The runtime part of `twoPhaseCommit` (two-phase-commit.ts says what it does and holds its
 * language part): compiled to a TwoPhaseRuntime (model/two-phase.ts) with its participants' rows.
 */
import { createKeySampler } from '../../engine/index.ts';
import type { KeySampler } from '../../engine/key-distributions.ts';
import { advance } from '../journey.ts';
import { type TwoPhaseParticipant, TwoPhaseRuntime } from '../two-phase.ts';
import type { HandledStepKind } from './step-kind.ts';
import {
  type TwoPhaseCommitRaw,
  type TwoPhaseCommitStepDef,
  twoPhaseCommitSyntax,
} from './two-phase-commit.ts';

export const twoPhaseCommit: HandledStepKind<
  TwoPhaseCommitRaw,
  TwoPhaseCommitStepDef,
  TwoPhaseRuntime
> = {
  ...twoPhaseCommitSyntax,
  compile(def, { serviceId, where }, ctx) {
    const participants: TwoPhaseParticipant[] = def.participants.map((p, i) => {
      const link = ctx.network.link(serviceId, p.service, 'call');
      let keys: KeySampler = new FreshRows();
      if (p.keys !== null) {
        const ks = ctx.keySpaces.get(p.keys);
        if (ks === undefined) throw new Error(`unresolved key space ${p.keys}`);
        keys = createKeySampler(p.access, ks.size, ctx.rng.stream(`${where}/2pc-keys/${i}`));
      }
      return {
        target: ctx.endpoint(p.service, p.endpoint, '2PC participant'),
        hopOut: link.out,
        hopBack: link.back,
        fails: p.fails,
        keys,
        holders: new Map(),
        waiting: new Map(),
      };
    });
    const name = def.name === '' ? where : def.name;
    return new TwoPhaseRuntime(
      name,
      ctx.sim,
      ctx.metrics.addTwoPhase(name, def.participants),
      participants,
      def.timeoutMs,
      ctx.rng.stream(`${where}/2pc-votes`),
      advance,
    );
  },
  run(f, step) {
    (step.payload as TwoPhaseRuntime).start(f);
    return false;
  },
};

/** A fresh row per transaction (a participant without a key space: no lock is ever contended). */
class FreshRows implements KeySampler {
  readonly size = Number.MAX_SAFE_INTEGER;
  #next = 0;
  next(): number {
    return ++this.#next;
  }
  probability(): number {
    return 0;
  }
}
