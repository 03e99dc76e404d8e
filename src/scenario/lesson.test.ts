/**
 * A lesson's figures and claims in the scenario language (lesson.ts): references that resolve
 * per variant (a figure, a format, a claim with a factor or a constant, a `%` constant, a
 * comment), the positions of the claims blocks, fenced code left alone, and the located,
 * worded problems (an unknown variant with did-you-mean, a missing variant, an unknown metric,
 * a bad format, a line that is not a claim), through the real parser.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../model/language.ts';
import { parseLesson } from './lesson.ts';

const BASE = {
  version: 1,
  name: 'shop',
  duration: '60s',
  workloads: { browse: { rate: '10/s', target: 'gateway/home' } },
  services: {
    gateway: { endpoints: { home: { steps: [{ call: 'orders/get' }] } } },
    orders: { endpoints: { get: { steps: [{ query: 'orders-db' }] } } },
  },
  databases: { 'orders-db': {} },
};
const WITH_VARIANTS = {
  ...BASE,
  variants: { small: { set: { duration: '30s' } }, big: { set: { duration: '90s' } } },
};

/** The lesson `text` of a scenario (with variants unless `plain`). */
function lesson(text: string, plain = false) {
  const loaded = parseScenario(stringify(plain ? BASE : WITH_VARIANTS), 'shop.yaml');
  if (loaded.lessonScope === undefined) throw new Error('no lesson scope');
  return parseLesson(text, 'shop.md', loaded.lessonScope());
}

/** The problems of a lesson as "line:col message → hint". */
const problems = (text: string, plain = false) =>
  lesson(text, plain).issues.map((i) => `${i.line}:${i.col} ${i.message} → ${i.hint ?? ''}`);

describe('lesson figures', () => {
  it('resolve a variant and a key metric, with their place and format', () => {
    const { refs, issues } = lesson(
      'The p99 is {{small: p99}}; the db {{ big: orders-db utilisation | interval }}.',
    );
    expect(issues).toEqual([]);
    expect(refs.figures.map((f) => [f.line, f.col, f.source, f.format, f.ref.variant])).toEqual([
      [1, 12, 'small: p99', 'value', 'small'],
      [1, 35, 'big: orders-db utilisation | interval', 'interval', 'big'],
    ]);
    expect(refs.figures[1].ref.def).toMatchObject({
      scope: 'component',
      id: 'orders-db',
      metric: 'utilisation',
    });
  });

  it('need no variant in a scenario without variants', () => {
    const { refs, issues } = lesson('{{gateway/home p99 | mean}}', true);
    expect(issues).toEqual([]);
    expect(refs.figures[0].ref).toMatchObject({ variant: null, def: { metric: 'p99Ms' } });
  });

  it('are not read inside fenced code', () => {
    expect(lesson('```yaml\nx: {{nothing}}\n```\n').refs.figures).toEqual([]);
  });

  it('report an unknown variant, a missing one, an unknown metric and a bad format, located', () => {
    expect(
      problems('a {{smal: p99}}\n{{p99}}\nb {{big: p9}} {{big: p99 | fancy}}'),
    ).toMatchInlineSnapshot(`
        [
          "1:5 the scenario has no variant "smal" → did you mean "small"? variants: small, big",
          "2:3 "p99" does not say which variant's figure it is → write {{variant: reference}}, e.g. "small: p99"; variants: small, big",
          "3:10 variant "big": "p9" names no key metric → did you mean "p90"? write [item] metric, e.g. "p99", "orders-db utilisation"; key metrics here: p50, p90, p99, p99.9, mean latency, throughput, error rate, availability, calls per request, DB rows per request, DB queries/s, cache hit ratio, cache sync messages/s, cache memory per instance, utilisation, load, … (msasim schema lists them all)",
          "3:28 "fancy" is not a way to show a figure → after | write mean (the mean alone) or interval (the 95 % confidence interval), e.g. {{sticky: sessions lost | mean}}",
        ]
      `);
  });
});

describe('lesson claims', () => {
  const text = [
    '# Lesson',
    '```claims',
    'big: p99 < 2× small: p99   # a factor',
    '',
    'small: error rate <= 1%',
    'big: orders-db utilisation ≥ small: orders-db utilisation',
    '```',
    'after {{big: p50}}',
  ].join('\n');

  it('read operands, factors, constants and comments, and the block lines', () => {
    const { refs, issues } = lesson(text);
    expect(issues).toEqual([]);
    expect(refs.claimBlocks).toEqual([{ start: 2, end: 7 }]);
    expect(
      refs.claims.map((c) => [
        c.line,
        c.left.ref?.text,
        c.op,
        c.right.factor,
        c.right.ref?.text ?? c.right.constant,
      ]),
    ).toEqual([
      [3, 'big: p99', '<', 2, 'small: p99'],
      [5, 'small: error rate', '<=', 1, 0.01],
      [6, 'big: orders-db utilisation', '>=', 1, 'small: orders-db utilisation'],
    ]);
    expect(refs.figures.map((f) => f.line)).toEqual([8]);
  });

  it('report a line that is not a claim and a bad reference at its column', () => {
    expect(
      problems('```claims\nbig: p99 << 3\n1 < 2\nbig: p99 < smal: p99\n```'),
    ).toMatchInlineSnapshot(`
      [
        "2:1 "big: p99 << 3" is not a claim → write one claim a line: <reference> <op> <reference or number>, op one of < <= > >= = != ≈ (≤ ≥ ≠ ~=), e.g. "batch+cache: rows per request < join: rows per request", "sticky: sessions lost > 0", "events-old: p50 >= 6× crud: p50"; # starts a comment",
        "3:1 "1 < 2" is not a claim → write one claim a line: <reference> <op> <reference or number>, op one of < <= > >= = != ≈ (≤ ≥ ≠ ~=), e.g. "batch+cache: rows per request < join: rows per request", "sticky: sessions lost > 0", "events-old: p50 >= 6× crud: p50"; # starts a comment",
        "4:12 the scenario has no variant "smal" → did you mean "small"? variants: small, big",
      ]
    `);
  });
});
