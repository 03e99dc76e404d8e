/**
 * Lists the steps of an endpoint with the ones nested in `parallel` and `branch`, each with its
 * document path and whether it runs only by chance (inside a branch option with probability < 1).
 */
import type { DocPath } from './issues.ts';
import type { ScenarioParsed } from './schema.ts';

/** One step as written in a parsed scenario (any kind). */
export type StepInput = ScenarioParsed['services'][string]['endpoints'][string]['steps'][number];

/** A step found by listSteps. */
export interface StepVisit {
  step: StepInput;
  path: DocPath;
  /** True inside a branch option whose probability is below 1. */
  conditional: boolean;
}

/**
 * Every step in `steps` and below, parents before their children, in document order. `path` is
 * the path of the `steps` list itself.
 */
export function listSteps(
  steps: readonly StepInput[],
  path: DocPath,
  conditional = false,
): StepVisit[] {
  return steps.flatMap((step, i) => visit(step, [...path, i], conditional));
}

function visit(step: StepInput, path: DocPath, conditional: boolean): StepVisit[] {
  const here: StepVisit = { step, path, conditional };
  if ('parallel' in step) {
    const children = step.parallel.flatMap((lane, i) =>
      Array.isArray(lane)
        ? listSteps(lane, [...path, 'parallel', i], conditional)
        : visit(lane, [...path, 'parallel', i], conditional),
    );
    return [here, ...children];
  }
  if ('branch' in step) {
    const children = step.branch.flatMap((option, i) =>
      listSteps(
        option.steps,
        [...path, 'branch', i, 'steps'],
        conditional || option.probability < 1,
      ),
    );
    return [here, ...children];
  }
  if ('transaction' in step) {
    const t = step.transaction;
    return [
      here,
      ...listSteps(t.steps, [...path, 'transaction', 'steps'], conditional),
      // compensations run only on a conflict
      ...listSteps(t.compensate ?? [], [...path, 'transaction', 'compensate'], true),
    ];
  }
  return [here];
}
