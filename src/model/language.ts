/**
 * The scenario language with the built-in step kinds (their language parts,
 * model/steps/syntax-registry.ts): what the CLI and the library parse scenarios with. The
 * pipeline itself (scenario/load.ts) parses with whatever kinds it is given; these functions
 * give it BUILTIN_STEP_SYNTAXES unless told otherwise (a whole kind, `StepKindModule`, is a
 * language part too). This module loads zod and scenario/ only, never the simulator.
 */
import {
  type LoadedScenario,
  loadScenario as loadWith,
  type ParseOptions,
  parseScenario as parseWith,
} from '../scenario/load.ts';
import { type StepSyntax, stepLanguage } from '../scenario/step-syntax.ts';
import { BUILTIN_STEP_SYNTAXES } from './steps/syntax-registry.ts';

/** Options of parseScenario and loadScenario: the step kinds default to the built-in ones. */
export type LanguageOptions = Omit<ParseOptions, 'steps'> & { steps?: readonly StepSyntax[] };

/**
 * Parses scenario text (YAML or JSON). `file` is used in messages only.
 * @throws ScenarioError with every problem found (syntax, schema, references), sorted by position.
 */
export function parseScenario(
  text: string,
  file: string,
  options: LanguageOptions = {},
): LoadedScenario {
  return parseWith(text, file, { ...options, steps: options.steps ?? BUILTIN_STEP_SYNTAXES });
}

/** Reads and parses a scenario file. @throws ScenarioError with every problem found. */
export function loadScenario(path: string, options: LanguageOptions = {}): Promise<LoadedScenario> {
  return loadWith(path, { ...options, steps: options.steps ?? BUILTIN_STEP_SYNTAXES });
}

/** JSON Schema (draft 2020-12) of the language, for editors (`msasim schema`). */
export function scenarioJsonSchema(
  steps: readonly StepSyntax[] = BUILTIN_STEP_SYNTAXES,
): Record<string, unknown> {
  return stepLanguage(steps).jsonSchema();
}
