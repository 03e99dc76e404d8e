/**
 * Adding a step kind is one module and one registry line: this file is the module. `audit`
 * writes an audit record to a database it names and waits a fixed time for it, without a
 * connection (a toy: `- audit: { db: orders-db, delay: 5ms }`). It is registered here alone,
 * beside the built-in kinds, with its schema, normalization, reference check, compilation and
 * handler, and goes through the whole pipeline: parse, validate (a located error with
 * did-you-mean), build, run, report.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { DistributionSpec } from '../../engine/index.ts';
import { durationDist } from '../../scenario/dist-spec.ts';
import * as msg from '../../scenario/messages.ts';
import { checkDatabaseRef, errorAt } from '../../scenario/names.ts';
import { Duration, id } from '../../scenario/schema.ts';
import { parseDurationMs } from '../../scenario/units.ts';
import { scenarioProblems } from '../../test-support/scenarios.ts';
import { advance } from '../journey.ts';
import { parseScenario, scenarioJsonSchema } from '../language.ts';
import { runScenario } from '../run.ts';
import { BUILTIN_STEP_KINDS } from './registry.ts';
import type { HandledStepKind, StepKindModule } from './step-kind.ts';

const AuditStep = z.strictObject({
  audit: z.strictObject({ db: id, delay: Duration.default('5ms') }),
});

interface AuditDef {
  kind: 'audit';
  db: string;
  delayMs: number;
}

/** The toy kind: its schema, normalization, check, compilation (a delay in ms) and handler. */
const audit: HandledStepKind<z.output<typeof AuditStep>, AuditDef, number> = {
  kind: 'audit',
  schema: () => AuditStep,
  normalize: ({ audit: a }) => ({ kind: 'audit', db: a.db, delayMs: parseDurationMs(a.delay) }),
  check: ({ audit: a }, at, { names }) => [
    ...checkDatabaseRef(a.db, [...at, 'audit', 'db'], names),
    // wording comes from the message catalogue, as for the built-in kinds
    ...(parseDurationMs(a.delay) > 60_000
      ? [
          errorAt(msg.overLimit('delay', 60, parseDurationMs(a.delay) / 1000, ' s'), [
            ...at,
            'audit',
            'delay',
          ]),
        ]
      : []),
  ],
  compile: (def, _at, ctx) => {
    if (!ctx.databases.has(def.db)) throw new Error(`unresolved database ${def.db}`);
    return def.delayMs;
  },
  run: (f, step) => {
    f.inv.endpoint.service.sim.schedule(step.payload as number, advance, f);
    return false; // the frame waits: advance resumes it after the delay
  },
};

const STEPS = [...BUILTIN_STEP_KINDS, audit];

/** One service, a constant 1 ms of CPU, no network: every request takes 1 ms plus `extra`. */
function scenario(extra: string): string {
  return `version: 1
name: toy
duration: 20s
workloads: { w: { rate: 50, target: orders/get } }
services:
  orders:
    endpoints:
      get:
        steps:
          - cpu: 1ms
${extra}
databases:
  orders-db: {}
`;
}

const WITH_AUDIT = scenario('          - audit: { db: orders-db, delay: 5ms }');

const problems = (text: string, steps: readonly StepKindModule[] = STEPS): string =>
  scenarioProblems(text, 'toy.yaml', '', { steps });

describe('a step kind registered from a test file alone', () => {
  it('is part of the language: the built-in kinds refuse it, the extended language accepts it', () => {
    expect(problems(WITH_AUDIT)).toBe('');
    const builtIn = BUILTIN_STEP_KINDS.map((k) => k.kind).join(', ');
    expect(builtIn).toMatch(
      /^cpu, sleep, call, query, parallel, branch, list, lookup, publish, kv, saga, /,
    );
    expect(problems(WITH_AUDIT, BUILTIN_STEP_KINDS)).toContain(
      `a step needs exactly one of: ${builtIn}; it has audit`,
    );
    // a misspelt kind is guessed among the registered ones, the new one last
    const misspelt = problems(scenario('          - audti: { db: orders-db }'));
    expect(misspelt).toContain(`a step needs exactly one of: ${builtIn}, audit;`);
    expect(misspelt).toContain('did you mean "audit" instead of "audti"?');
    const schema = JSON.stringify(scenarioJsonSchema(STEPS));
    expect(schema).toContain('"audit"');
    expect(JSON.stringify(scenarioJsonSchema())).not.toContain('"audit"');
  });

  it('normalizes its steps with its own module', () => {
    const [variant] = parseScenario(WITH_AUDIT, 'toy.yaml', { steps: STEPS }).variants;
    const steps = variant.services[0].endpoints[0].steps;
    expect(steps[1]).toEqual({ kind: 'audit', db: 'orders-db', delayMs: 5 });
    const cpu = steps[0] as { kind: string; duration: DistributionSpec };
    expect(cpu.duration).toEqual(durationDist('1ms'));
  });

  it('reports a problem its check finds where it is written, with did-you-mean', () => {
    const text = scenario('          - audit: { db: order-db, delay: 5ms }');
    expect(problems(text)).toBe(
      [
        'toy.yaml:11:26  services.orders.endpoints.get.steps[1].audit.db',
        '  ✖ unknown database "order-db"; known: orders-db',
        '  → did you mean "orders-db"?',
        '',
        '1 error',
      ].join('\n'),
    );
  });

  it('bounds its own numbers in the wording of the message catalogue', () => {
    expect(problems(scenario('          - audit: { db: orders-db, delay: 2m }'))).toContain(
      'services.orders.endpoints.get.steps[1].audit.delay\n  ✖ delay: at most 60 s (got 120 s)',
    );
  });

  it('explains a misspelt option of it as it does for the built-in kinds', () => {
    const text = scenario('          - audit: { db: orders-db, dealy: 5ms }');
    expect(problems(text)).toContain('did you mean "delay"?');
  });

  it('runs through the generic path: every request takes its delay more', async () => {
    const parsed = (text: string) => parseScenario(text, 'toy.yaml', { steps: STEPS }).variants[0];
    const plain = await runScenario(parsed(scenario('')), { steps: STEPS });
    const audited = await runScenario(parsed(WITH_AUDIT), { steps: STEPS });
    const mean = (r: typeof plain) => r.summary.overall.latency.meanMs;
    expect(mean(plain)).toBeCloseTo(1, 2);
    expect(mean(audited)).toBeCloseTo(6, 2);
    // the same arrivals (the audit draws nothing), all of them successful
    expect(audited.summary.overall.arrivals).toBe(plain.summary.overall.arrivals);
    expect(audited.summary.overall.errorRate).toBe(0);
  });
});
