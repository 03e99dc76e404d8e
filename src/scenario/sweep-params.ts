/**
 * The parameters of a sweep as written by the user: `path=v1,v2,…` (one per `--param` of
 * `msasim sweep`, one per line in the playground). Bad values throw SweepParamError with the
 * words both shells show (the CLI as a usage error, exit 2; the page under its sweep box).
 * Whether a path exists in the scenario is checked later, by the loader at every grid point.
 */
import { setPathProblem } from './overrides.ts';

/** A parameter's value: numbers and booleans as written, any other text a string. */
export type SweepParamValue = number | string | boolean;

/** A swept parameter (report/sweep-data.ts `SweepParam` has the same shape). */
export interface SweepParamSpec {
  path: string;
  values: SweepParamValue[];
}

/** A malformed parameter; its message is the user's. */
export class SweepParamError extends Error {}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A parameter value as written: `4` and `0.5` are numbers, `true` and `false` booleans,
 * anything else a string (`50ms`, `800/s`, `lru`), which the scenario's schema then reads as it
 * reads the same text in the file.
 */
export function parseParamValue(text: string): SweepParamValue {
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

/**
 * Adds the parameter `value` (`path=v1,v2,…`) to those given before it.
 * @throws SweepParamError for a malformed one.
 */
export function parseSweepParam(value: string, previous: SweepParamSpec[] = []): SweepParamSpec[] {
  const eq = value.indexOf('=');
  if (eq < 0)
    throw new SweepParamError(
      `expected path=value,value,… such as services.orders.instances=2,4,8; got "${value}".`,
    );
  const path = value.slice(0, eq).trim();
  const problem = setPathProblem(path);
  if (problem !== undefined) throw new SweepParamError(`${problem}.`);
  if (path === 'variants' || path.startsWith('variants.'))
    throw new SweepParamError(
      'a parameter cannot change the variants; sweep the value in the base document instead (every variant is run at every point).',
    );
  if (previous.some((p) => p.path === path))
    throw new SweepParamError(`${path} is given twice; list all its values in one --param.`);
  const texts = value
    .slice(eq + 1)
    .split(',')
    .map((t) => t.trim());
  if (texts.some((t) => t === ''))
    throw new SweepParamError(
      `${path} has an empty value; separate values with single commas, such as ${path}=2,4,8.`,
    );
  const values = texts.map(parseParamValue);
  const seen = new Set<string>();
  for (const v of values) {
    const key = `${typeof v}:${v}`;
    if (seen.has(key)) throw new SweepParamError(`${path} lists the value ${v} twice.`);
    seen.add(key);
  }
  return [...previous, { path, values }];
}
