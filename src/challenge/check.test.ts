/**
 * The challenge checker on a tiny challenge (one server, 2 threads, 450/s of 4 ms work): a
 * change outside the allowed paths is rejected with its path and place, a budget exceeded
 * fails, a goal missed fails with ✗ and exit-3 semantics (pass false), and an attempt within
 * the rules passes; the questions are answered from the run. The runs are 2 s of simulated
 * time.
 */
import { describe, expect, it } from 'vitest';
import {
  tinyChallenge as challenge,
  judgeTiny as judge,
  TINY_BASE,
  TINY_CHALLENGE,
} from '../test-support/challenges.ts';
import { expectParts } from '../test-support/expect-parts.ts';
import { grouped } from './check.ts';
import { formatBrief, formatVerdict } from './format.ts';

describe('the challenge checker', () => {
  it('prints the brief: goal, what may change, budget, hints, questions', () => {
    expectParts(formatBrief(challenge), [
      'fast: server/serve: p90 ≤ 15ms',
      'not-too-busy: server utilisation ≤ 70%',
      '  • services.server.threads',
      'at most 4 threads in total',
      '1. How busy will the server be?',
      'More threads help',
    ]);
  });

  it('rejects a change outside the allowed paths, naming the path and its line', async () => {
    const v = await judge(TINY_BASE.replace('rate: 450/s', 'rate: 20/s'));
    expect(v.pass).toBe(false);
    expect(v.score).toBe(0);
    expect(v.goals).toBeNull();
    expect(v.violations.map((x) => x.path)).toEqual([['workloads', 'arrivals', 'rate']]);
    const text = formatVerdict(v, 'attempt.yaml');
    expect(text).toContain('✗ workloads.arrivals.rate: "450/s" → "20/s"  (attempt.yaml:6:');
    expect(text).toContain('score 0/100 — FAIL');
  });

  it('names an added key below a path that is not allowed, and a removed one', async () => {
    const added = await judge(TINY_BASE.replace('threads: 2', 'threads: 2\n    instances: 3'));
    expect(added.violations.map((x) => x.path.join('.'))).toEqual(['services.server.instances']);
    const removed = await judge(TINY_BASE.replace('warmup: 200ms\n', ''));
    expect(removed.violations.map((x) => [x.path.join('.'), x.at])).toEqual([['warmup', null]]);
  });

  it('fails an attempt over its budget', async () => {
    const v = await judge(TINY_BASE.replace('threads: 2', 'threads: 8'));
    expect(v.violations).toEqual([]);
    expect(v.budget).toMatchObject([{ measure: 'threads', used: 8, limit: 4, pass: false }]);
    expect(v.pass).toBe(false);
    expect(formatVerdict(v, 'attempt.yaml')).toContain('✗ threads: 8 of 4');
  });

  it('fails the base scenario, which misses the goal, with a ✗ per bound missed', async () => {
    const v = await judge(TINY_BASE);
    expect(v.violations).toEqual([]);
    expect(v.budget[0].pass).toBe(true);
    const lines = v.goals?.[0].lines ?? [];
    expect(lines.map((l) => [l.name, l.pass])).toEqual([
      ['fast', false],
      ['not-too-busy', false],
    ]);
    expect(v.pass).toBe(false);
    const text = formatVerdict(v, 'attempt.yaml');
    expect(text).toMatch(/✗ fast: p90 ≤ 15ms — \d/);
    expect(text).toContain('✗ goal: 0 of 2 bounds met');
    expect(text).toMatch(/server utilisation: tiny 9\d\.\d %/);
  });

  it('groups the thousands of a latency, as its other figures are ("1,613.82 ms", not "1613.82 ms")', async () => {
    expect(['1613.82 ms', '905.73 ms', '24611.00 ms', '100.00 %', '1045.2/s'].map(grouped)).toEqual(
      ['1,613.82 ms', '905.73 ms', '24,611.00 ms', '100.00 %', '1,045.2/s'],
    );
    // the verdict's goal lines go through it: one thread for 450/s of 4 ms, p90 near a second
    const v = await judge(TINY_BASE.replace('threads: 2', 'threads: 1'));
    expect(formatVerdict(v, 'attempt.yaml')).toMatch(/✗ fast: p90 ≤ 15ms — [\d,]+\.\d\d ms/);
  });

  it('says a key-metric bound on a latency is milliseconds ("p99 ≤ 15,000 ms", was "p99 ≤ 15000")', async () => {
    const slow = TINY_CHALLENGE.replace(
      'not-too-busy: { metric: server utilisation, max: 70% }',
      'not-too-slow: { metric: p99, max: 15000 }',
    );
    const v = await judge(TINY_BASE, slow);
    expect(formatVerdict(v, 'attempt.yaml')).toMatch(/ not-too-slow: p99 ≤ 15,000 ms — [\d.,]+ ms/);
  });

  it('passes an attempt within the rules that meets every bound, and scores the budget left', async () => {
    const v = await judge(TINY_BASE.replace('threads: 2', 'threads: 3\n    cores: 4'));
    expect(v.violations).toEqual([]);
    expect(v.goals?.[0].lines.every((l) => l.pass)).toBe(true);
    expect(v.pass).toBe(true);
    // 80 for the goal, 20 × (1 − 3/4) for the budget left
    expect(v.score).toBe(85);
    expect(formatVerdict(v, 'attempt.yaml')).toContain('score 85/100 — PASS');
    expect(v.answers[0].reveal[0].name).toBe('server utilisation');
  });
});
