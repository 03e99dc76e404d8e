/**
 * The interface a step kind implements, in one module of this folder: how a definition is
 * compiled into what runs, and how it runs. The six hot kinds (cpu, sleep, call, query,
 * parallel, branch) build a step the interpreter (`advance`, model/journey.ts) runs inline;
 * every other kind compiles a payload that its own `run` executes through the interpreter's
 * generic path. The kinds are listed, in order, in registry.ts.
 */
import type { StepDef } from '../../scenario/types.ts';
import type { BuildContext } from '../build-context.ts';
import { type Frame, handlerStep, type StepRuntime } from '../frame.ts';

/** Where a step is: the service it belongs to, and its path (`orders/get/0/parallel1/0`). */
export interface StepSite {
  serviceId: string;
  /** Names the step's random streams and its entries in the report. */
  where: string;
}

/** A kind run through the generic path: a payload, and the handler that runs it. */
export interface HandledStepKind<D, P> {
  readonly kind: string;
  /** Resolves the definition into what the step needs at run time (names become objects). */
  compile(def: D, at: StepSite, ctx: BuildContext): P;
  /**
   * Runs the step for frame `f`: true when the frame goes on with its next step at once, false
   * when it waits (what the step started resumes the frame later with `advance`).
   */
  run(f: Frame, step: StepRuntime<P>): boolean;
}

/** One of the interpreter's own kinds (StepKind.cpu …): it builds its step with its fields set. */
export interface InlineStepKind<D> {
  readonly kind: string;
  inline(def: D, at: StepSite, ctx: BuildContext): StepRuntime;
}

/** A step kind (see the file header). */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of every definition and payload
export type StepKindModule<D = any, P = any> = HandledStepKind<D, P> | InlineStepKind<D>;

/** Compiles `def` with its kind's module. */
export function compileWith(
  module: StepKindModule<StepDef>,
  def: StepDef,
  at: StepSite,
  ctx: BuildContext,
): StepRuntime {
  if ('inline' in module) return module.inline(def, at, ctx);
  return handlerStep(module, module.compile(def, at, ctx));
}
