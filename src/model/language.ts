/**
 * The scenario language with the built-in step kinds (model/steps/registry.ts): what the CLI
 * and the library parse scenarios with. The pipeline itself (scenario/load.ts) parses with
 * whatever kinds it is given; these functions give it BUILTIN_STEP_KINDS unless told otherwise.
 */
import {
  type LoadedScenario,
  loadScenario as loadWith,
  type ParseOptions,
  parseScenario as parseWith,
} from '../scenario/load.ts';
import { stepLanguage } from '../scenario/step-syntax.ts';
import { BUILTIN_STEP_KINDS } from './steps/registry.ts';
import type { StepKindModule } from './steps/step-kind.ts';

/** Options of parseScenario and loadScenario: the step kinds default to the built-in ones. */
export type LanguageOptions = Omit<ParseOptions, 'steps'> & { steps?: readonly StepKindModule[] };

/**
 * Parses scenario text (YAML or JSON). `file` is used in messages only.
 * @throws ScenarioError with every problem found (syntax, schema, references), sorted by position.
 */
export function parseScenario(
  text: string,
  file: string,
  options: LanguageOptions = {},
): LoadedScenario {
  return parseWith(text, file, { ...options, steps: options.steps ?? BUILTIN_STEP_KINDS });
}

/** Reads and parses a scenario file. @throws ScenarioError with every problem found. */
export function loadScenario(path: string, options: LanguageOptions = {}): Promise<LoadedScenario> {
  return loadWith(path, { ...options, steps: options.steps ?? BUILTIN_STEP_KINDS });
}

/** JSON Schema (draft 2020-12) of the language, for editors (`msasim schema`). */
export function scenarioJsonSchema(
  steps: readonly StepKindModule[] = BUILTIN_STEP_KINDS,
): Record<string, unknown> {
  return stepLanguage(steps).jsonSchema();
}
