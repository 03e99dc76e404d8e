/**
 * The interface a step kind implements, in two modules of this folder: its part of the scenario
 * language (`StepSyntax`: schema, normalization, reference checks, the steps it holds and the
 * calls it makes; scenario/step-syntax.ts) in `<kind>.ts`, declared with `declareSyntax`
 * (declare-syntax.ts), and the whole kind in `<kind>-runtime.ts`: the language part spread in,
 * how its definition is compiled into what runs, and how it runs (apart so that parsing a
 * scenario loads no simulator). The six hot kinds
 * (cpu, sleep, call, query, parallel, branch) build a step the interpreter (`advance`,
 * model/journey.ts) runs inline; every other kind compiles a payload that its own `run`
 * executes through the interpreter's generic path. The language parts are listed, in order, in
 * syntax-registry.ts (given to the scenario pipeline), the whole kinds in registry.ts (given
 * to the model).
 */
import type { StepSyntax } from '../../scenario/step-syntax.ts';
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
export interface HandledStep<D, P> {
  /** Resolves the definition into what the step needs at run time (names become objects). */
  compile(def: D, at: StepSite, ctx: BuildContext): P;
  /**
   * Runs the step for frame `f`: true when the frame goes on with its next step at once, false
   * when it waits (what the step started resumes the frame later with `advance`).
   */
  run(f: Frame, step: StepRuntime<P>): boolean;
  /**
   * The messages a run of the step receives back when it succeeds (a reply, an acknowledgement),
   * when that number is fixed: a service's event loop (`runtime: eventLoop`,
   * model/runtime-effects.ts) charges them after the step. Absent: none, or not a fixed number.
   */
  readonly answers?: number;
}

/** One of the interpreter's own kinds (StepKind.cpu …): it builds its step with its fields set. */
export interface InlineStep<D> {
  inline(def: D, at: StepSite, ctx: BuildContext): StepRuntime;
}

/**
 * A kind run through the generic path: `Raw` is a step as parsed (`{ kv: … }`), `D` its
 * definition (`{ kind: 'kv', … }`), `P` what its steps carry at run time.
 */
export type HandledStepKind<Raw, D extends StepDef, P> = StepSyntax<Raw, D> & HandledStep<D, P>;

/** One of the interpreter's own kinds (see HandledStepKind for `Raw` and `D`). */
export type InlineStepKind<Raw, D extends StepDef> = StepSyntax<Raw, D> & InlineStep<D>;

/** A step kind of either sort (see the file header). */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of every input and payload
export type StepKindModule = HandledStepKind<any, any, any> | InlineStepKind<any, any>;

/** Compiles `def` with its kind's module. */
export function compileWith(
  module: StepKindModule,
  def: StepDef,
  at: StepSite,
  ctx: BuildContext,
): StepRuntime {
  if ('inline' in module) return module.inline(def, at, ctx);
  return handlerStep(module, module.compile(def, at, ctx));
}
