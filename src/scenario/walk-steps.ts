/**
 * Lists the steps of an endpoint with the ones nested in other steps (a parallel's lanes, a
 * branch's options, a transaction's steps: each kind says what it holds), each with its
 * document path and whether it runs only by chance (inside a branch option with probability
 * < 1, or a compensation).
 */
import type { DocPath } from './issues.ts';
import type { RawStep } from './schema.ts';
import type { StepLanguage, StepSyntax } from './step-syntax.ts';

/** A step found by listSteps, with its kind. */
export interface StepVisit {
  step: RawStep;
  kind: StepSyntax;
  path: DocPath;
  /** True inside a branch option whose probability is below 1 (or a compensation). */
  conditional: boolean;
}

/**
 * Every step in `steps` and below, parents before their children, in document order. `path` is
 * the path of the `steps` list itself.
 */
export function listSteps(
  language: StepLanguage,
  steps: readonly RawStep[],
  path: DocPath,
  conditional = false,
): StepVisit[] {
  return steps.flatMap((step, i) => visit(language, step, [...path, i], conditional));
}

function visit(
  language: StepLanguage,
  step: RawStep,
  path: DocPath,
  conditional: boolean,
): StepVisit[] {
  const kind = language.kindOf(step);
  const here: StepVisit = { step, kind, path, conditional };
  const nested = kind.children?.(step, path) ?? [];
  return [
    here,
    ...nested.flatMap((n) => {
      const chance = conditional || n.conditional === true;
      return n.step !== undefined
        ? visit(language, n.step, n.path, chance)
        : listSteps(language, n.steps, n.path, chance);
    }),
  ];
}

/** Every step of every endpoint of the document, service by service, in document order. */
export function everyStep(
  language: StepLanguage,
  services: {
    readonly [id: string]: { endpoints: { readonly [name: string]: { steps: RawStep[] } } };
  },
): (StepVisit & { serviceId: string; endpoint: string })[] {
  const found: (StepVisit & { serviceId: string; endpoint: string })[] = [];
  for (const [serviceId, s] of Object.entries(services))
    for (const [name, endpoint] of Object.entries(s.endpoints))
      for (const v of listSteps(language, endpoint.steps, [
        'services',
        serviceId,
        'endpoints',
        name,
        'steps',
      ]))
        found.push({ ...v, serviceId, endpoint: name });
  return found;
}
