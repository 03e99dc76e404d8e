/**
 * The command-line values of `msasim sweep`: `--param path=v1,v2,…` (repeatable) and
 * `--shard i/n`. Bad values throw commander's InvalidArgumentError, which the CLI turns into a
 * usage error (exit 2). Whether a path exists in the scenario is checked later, by the loader.
 */
import { InvalidArgumentError } from 'commander';
import type { ParamValue, Shard, SweepParam } from '../report/sweep.ts';
import { setPathProblem } from '../scenario/overrides.ts';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A parameter value as written on the command line: `4` and `0.5` are numbers, `true` and
 * `false` booleans, anything else a string (`50ms`, `800/s`, `lru`), which the scenario's schema
 * then reads as it reads the same text in the file.
 */
export function parseParamValue(text: string): ParamValue {
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

/**
 * Commander's parser of a repeatable `--param path=v1,v2,…`: adds the parameter to those
 * given before it. @throws InvalidArgumentError for a malformed option.
 */
export function parseParamOption(value: string, previous: SweepParam[] = []): SweepParam[] {
  const eq = value.indexOf('=');
  if (eq < 0)
    throw new InvalidArgumentError(
      `expected path=value,value,… such as services.orders.instances=2,4,8; got "${value}".`,
    );
  const path = value.slice(0, eq).trim();
  const problem = setPathProblem(path);
  if (problem !== undefined) throw new InvalidArgumentError(`${problem}.`);
  if (path === 'variants' || path.startsWith('variants.'))
    throw new InvalidArgumentError(
      'a parameter cannot change the variants; sweep the value in the base document instead (every variant is run at every point).',
    );
  if (previous.some((p) => p.path === path))
    throw new InvalidArgumentError(`${path} is given twice; list all its values in one --param.`);
  const texts = value
    .slice(eq + 1)
    .split(',')
    .map((t) => t.trim());
  if (texts.some((t) => t === ''))
    throw new InvalidArgumentError(
      `${path} has an empty value; separate values with single commas, such as ${path}=2,4,8.`,
    );
  const values = texts.map(parseParamValue);
  const seen = new Set<string>();
  for (const v of values) {
    const key = `${typeof v}:${v}`;
    if (seen.has(key)) throw new InvalidArgumentError(`${path} lists the value ${v} twice.`);
    seen.add(key);
  }
  return [...previous, { path, values }];
}

/** Commander's parser of `--shard i/n` (1 ≤ i ≤ n). */
export function parseShardOption(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!(count >= 1 && index >= 1 && index <= count))
    throw new InvalidArgumentError(
      `expected i/n with 1 ≤ i ≤ n, such as 2/4 (the second of four shards); got "${value}". ` +
        'From a Kubernetes Indexed Job: --shard $((JOB_COMPLETION_INDEX+1))/N.',
    );
  return { index, count };
}
