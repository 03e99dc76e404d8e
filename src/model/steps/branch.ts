/**
 * `branch`: runs one of its options, drawn by probability (none when the draw falls past the
 * last; probabilities add up to at most 1). Run inline by the interpreter (model/journey.ts).
 */
import * as z from 'zod';
import * as msg from '../../scenario/messages.ts';
import { errorAt } from '../../scenario/names.ts';
import { probability, type RawStep } from '../../scenario/schema.ts';
import type { StepDef } from '../../scenario/types.ts';
import { declareSyntax } from './declare-syntax.ts';

const branchSchema = (step: z.ZodType<RawStep>) =>
  z.strictObject({
    branch: z.array(z.strictObject({ probability, steps: z.array(step) })).min(1),
  });

/** A branch step, normalized: its options. */
export interface BranchDef {
  kind: 'branch';
  options: { probability: number; steps: StepDef[] }[];
}

/** Slack when adding probabilities written as decimals (0.1 + 0.2 > 0.3 in floats). */
const PROBABILITY_EPSILON = 1e-9;

/** A branch step as parsed. */
export type BranchRaw = z.output<ReturnType<typeof branchSchema>>;

export const branchSyntax = declareSyntax<BranchRaw, BranchDef>('branch', branchSchema, {
  normalize: (raw, ctx) => ({
    options: raw.branch.map((o) => ({ probability: o.probability, steps: ctx.steps(o.steps) })),
  }),
  check(raw, at) {
    const sum = raw.branch.reduce((total, option) => total + option.probability, 0);
    return sum > 1 + PROBABILITY_EPSILON
      ? [errorAt(msg.branchProbabilities(sum), [...at, 'branch'])]
      : [];
  },
  children: (raw, at) =>
    raw.branch.map((option, i) => ({
      steps: option.steps,
      path: [...at, 'branch', i, 'steps'],
      conditional: option.probability < 1,
    })),
});
