/**
 * The command-line values of `msasim sweep`: how --param values are read (numbers, booleans,
 * strings such as durations and rates), what a malformed --param or --shard says.
 */
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseParamOption, parseParamValue, parseShardOption } from './sweep-args.ts';

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('--param values', () => {
  it('read numbers and booleans, and keep anything else as text', () => {
    expect(
      ['4', '-2', '0.5', '.5', '1e3', 'true', 'false', '50ms', '800/s', 'lru', '1.2.3'].map(
        parseParamValue,
      ),
    ).toEqual([4, -2, 0.5, 0.5, 1000, true, false, '50ms', '800/s', 'lru', '1.2.3']);
  });

  it('collect repeated --param options in order', () => {
    const one = parseParamOption('services.orders.instances=2,4, 8');
    const two = parseParamOption('network.latency=1ms,2ms', one);
    expect(two).toEqual([
      { path: 'services.orders.instances', values: [2, 4, 8] },
      { path: 'network.latency', values: ['1ms', '2ms'] },
    ]);
  });

  it('accept list indexes in paths', () => {
    expect(parseParamOption('services.a.endpoints.get.steps[0].cpu=1ms')[0].path).toBe(
      'services.a.endpoints.get.steps[0].cpu',
    );
  });

  it('explain what is wrong with a malformed --param', () => {
    expect(message(() => parseParamOption('services.orders.instances'))).toMatch(
      /expected path=value,value,… such as services.orders.instances=2,4,8/,
    );
    expect(message(() => parseParamOption('services..x=1'))).toMatch(
      /not a path into the scenario/,
    );
    expect(message(() => parseParamOption('a=1,,2'))).toMatch(/empty value/);
    expect(message(() => parseParamOption('a=1,2,1'))).toMatch(/lists the value 1 twice/);
    expect(message(() => parseParamOption('a=3', parseParamOption('a=1')))).toMatch(/given twice/);
    expect(message(() => parseParamOption('variants.big.set=1'))).toMatch(
      /cannot change the variants/,
    );
    // the sweep is named after the scenario: a swept name would name it after its first point
    for (const label of ['name', 'description'])
      expect(message(() => parseParamOption(`${label}=a,b`))).toMatch(
        /only describes it and changes nothing a run does/,
      );
  });
});

describe('--shard', () => {
  it('reads i/n with 1 ≤ i ≤ n', () => {
    expect(parseShardOption('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShardOption('1/1')).toEqual({ index: 1, count: 1 });
  });

  it('refuses anything else, pointing at the Kubernetes form', () => {
    for (const bad of ['0/4', '5/4', '2', 'a/b', '2/0', '-1/3'])
      expect(message(() => parseShardOption(bad))).toMatch(/JOB_COMPLETION_INDEX\+1/);
  });
});
