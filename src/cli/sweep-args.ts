/**
 * The command-line values of `msasim sweep`: `--param path=v1,v2,…` (repeatable) and
 * `--shard i/n`. Bad values throw a ValueError (commander's InvalidArgumentError, in English and
 * Korean), which the CLI turns into a usage error (exit 2); the parameters' words are
 * scenario/sweep-params.ts's. Whether a path
 * exists in the scenario is checked later, by the loader.
 */
import type { ParamValue, Shard, SweepParam } from '../report/sweep.ts';
import {
  parseSweepParam,
  parseParamValue as parseValue,
  SweepParamError,
} from '../scenario/sweep-params.ts';
import { ValueError } from './option-parsers.ts';

/** A parameter value as written (scenario/sweep-params.ts, shared with the playground). */
export const parseParamValue: (text: string) => ParamValue = parseValue;

/**
 * Commander's parser of a repeatable `--param path=v1,v2,…`: adds the parameter to those
 * given before it (scenario/sweep-params.ts). @throws ValueError for a malformed option.
 */
export function parseParamOption(value: string, previous: SweepParam[] = []): SweepParam[] {
  try {
    return parseSweepParam(value, previous);
  } catch (e) {
    if (e instanceof SweepParamError) throw new ValueError(e.message, e.ko ?? e.message);
    throw e;
  }
}

/** Commander's parser of `--shard i/n` (1 ≤ i ≤ n). */
export function parseShardOption(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!(count >= 1 && index >= 1 && index <= count))
    throw new ValueError(
      `expected i/n with 1 ≤ i ≤ n, such as 2/4 (the second of four shards); got "${value}". ` +
        'From a Kubernetes Indexed Job: --shard $((JOB_COMPLETION_INDEX+1))/N.',
      `2/4(샤드 4개 중 두 번째)처럼 1 ≤ i ≤ n인 i/n이어야 합니다. 받은 값: "${value}". ` +
        'Kubernetes Indexed Job에서는: --shard $((JOB_COMPLETION_INDEX+1))/N.',
    );
  return { index, count };
}
