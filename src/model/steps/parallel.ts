/**
 * `parallel`: starts one child frame per lane (a step, or a list of steps) and waits for all of
 * them, even after one failed. Run inline by the interpreter (startParallel in
 * model/journey.ts).
 */
import * as z from 'zod';
import type { RawStep } from '../../scenario/schema.ts';
import type { StepDef } from '../../scenario/types.ts';
import { declareSyntax } from './declare-syntax.ts';

const parallelSchema = (step: z.ZodType<RawStep>) =>
  z.strictObject({ parallel: z.array(z.union([step, z.array(step).min(1)])).min(1) });

/** A parallel step, normalized: its lanes. */
export interface ParallelDef {
  kind: 'parallel';
  branches: StepDef[][];
}

/** A parallel step as parsed. */
export type ParallelRaw = z.output<ReturnType<typeof parallelSchema>>;

export const parallelSyntax = declareSyntax<ParallelRaw, ParallelDef>('parallel', parallelSchema, {
  normalize: (raw, ctx) => ({
    branches: raw.parallel.map((lane) => ctx.steps(Array.isArray(lane) ? lane : [lane])),
  }),
  children: (raw, at) =>
    raw.parallel.map((lane, i) =>
      Array.isArray(lane)
        ? { steps: lane, path: [...at, 'parallel', i] }
        : { step: lane, path: [...at, 'parallel', i] },
    ),
});
