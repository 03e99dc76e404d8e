/**
 * The language of a challenge file (`*.challenge.yaml`, issue 17): a workshop exercise over a
 * base scenario. It names the scenario to start from, the goal (SLO bounds written as in a
 * scenario's `slos:`), the constraints (which document paths an attempt may change, as
 * glob-like dotted paths, and a budget: total instances, threads, connections or a cost per
 * hour from the scenario's `costs:`), hints, and predict-first questions whose answers are key
 * metrics of the run (named as `highlights:` name them), revealed by the checker, never typed.
 * `msasim schema --challenge` prints its JSON Schema.
 */
import * as z from 'zod';
import { id, Slo } from '../scenario/schema.ts';

/** A dotted document path with `*` (one segment) and `**` (any number of segments). */
const PathGlob = z
  .string()
  .min(1)
  .max(300)
  .meta({
    description:
      'A document path an attempt may change, dotted as in a variant\'s set: (services.orders.instances), with * for one segment and ** for any number: "services.*.instances", "databases.orders-db.**", "services.orders.endpoints.export.steps[1].**". A change below a path listed is allowed.',
    examples: ['services.*.instances', 'databases.*.connections', 'services.orders.**'],
  });

/**
 * The budget: the most the attempt's architecture may use, in every variant. Instances count
 * each service's instances (an autoscaled service its `max`, a scheduled one its largest
 * count); threads are instances × threads; connections each database's connections × shards;
 * costPerHour the total of the costs feature (needs `costs:` in the scenario).
 */
export const Budget = z.strictObject({
  instances: z.number().int().positive().optional(),
  threads: z.number().int().positive().optional(),
  connections: z.number().int().positive().optional(),
  costPerHour: z.number().positive().optional(),
});

/** A predict-first question: asked before the run, answered by key metrics of the run. */
export const Question = z.strictObject({
  ask: z.string().min(1).max(1000),
  /** Key metrics that answer it, named as in `highlights:` ("orders/place p99", "error rate"). */
  reveal: z.array(z.string().min(1).max(200)).min(1).max(8),
});

/**
 * A goal on any key metric of the report (messages applied twice, sessions lost, a cache's hit
 * ratio…), named as `highlights:` name it, with a bound on its mean over the replications;
 * shares are fractions (0.01) or percentages ("1%"), latencies milliseconds.
 */
export const MetricGoal = z.strictObject({
  description: z.string().optional(),
  metric: z.string().min(1).max(200),
  max: z
    .union([
      z.number(),
      z.string().regex(/^\d+(\.\d+)?%$/, 'expected a number or a percentage such as "1%"'),
    ])
    .optional(),
  min: z
    .union([
      z.number(),
      z.string().regex(/^\d+(\.\d+)?%$/, 'expected a number or a percentage such as "99%"'),
    ])
    .optional(),
});

/**
 * A title: one line (it heads the brief, `--list`'s row and the first line of the starting
 * attempt, a YAML comment a line break would end).
 */
const Title = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\r\n]*$/, 'expected a title of one line (no line break)');

/**
 * The challenge's own texts in another language (issue 17): inline, so that a challenge stays
 * one file and its translation travels with it (a lesson's `x.ko.md` is prose beside a
 * scenario; these are a handful of short strings tied to the challenge's lists by position and
 * by goal name, which load.ts checks: the same number of hints and questions, the goals that
 * have a description). Paths, metric names, goal names and numbers are not translated.
 */
export const ChallengeTranslation = z
  .strictObject({
    title: Title,
    /** Required when the challenge has a description. */
    description: z.string().min(1).optional(),
    /** One per hint, in the same order. */
    hints: z.array(z.string().min(1).max(1000)).max(20).optional(),
    /** One per question (its `ask`), in the same order. */
    questions: z.array(z.string().min(1).max(1000)).max(8).optional(),
    /** The description of each goal that has one, by the goal's name. */
    goals: z.record(id, z.string().min(1).max(1000)).optional(),
  })
  .meta({
    description:
      "The challenge's texts in this language: title, description, hints and questions (in the original's order and number) and goal descriptions by goal name. msasim challenge --lang ko (or a Korean locale) shows them.",
  });

/** A whole challenge document. */
export const ChallengeDocument = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  /** The challenge's name (what `msasim challenge --list` shows). */
  name: id,
  title: Title,
  /** The experiment of the catalogue it belongs to (README, docs/workshop.md). */
  experiment: z.number().int().min(1).max(11),
  description: z.string().default(''),
  /** The base scenario (relative to the challenge file): the starting attempt. */
  scenario: z.string().min(1).max(500),
  /** The reference solution (relative to the challenge file), checked in CI. */
  solution: z.string().min(1).max(500).optional(),
  /** Replications of each variant an attempt is judged over (default 1). */
  replications: z.number().int().min(1).max(10).default(1),
  /**
   * Every bound must hold in every variant of the attempt: SLOs as in a scenario's `slos:`, or
   * bounds on a key metric (`metric:` with `max:`/`min:`).
   */
  goal: z
    .record(id, z.union([MetricGoal, Slo]))
    .refine((g) => Object.keys(g).length > 0, { message: 'expected at least one goal' }),
  constraints: z.strictObject({
    change: z.array(PathGlob).min(1).max(50),
    budget: Budget.optional(),
  }),
  hints: z.array(z.string().min(1).max(1000)).max(20).default([]),
  questions: z.array(Question).max(8).default([]),
  /** The challenge's texts in other languages (English is the original). */
  translations: z.strictObject({ ko: ChallengeTranslation.optional() }).optional(),
});

/** The challenge document after zod (defaults filled). */
export type ChallengeParsed = z.output<typeof ChallengeDocument>;

/** The budget measures, in the order they are checked and printed. */
export const BUDGET_MEASURES = ['instances', 'threads', 'connections', 'costPerHour'] as const;
export type BudgetMeasure = (typeof BUDGET_MEASURES)[number];

/** JSON Schema (draft 2020-12) of a challenge document, for editors. */
export function challengeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ChallengeDocument, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
