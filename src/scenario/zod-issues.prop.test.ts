/**
 * Property test: explaining a failed parse never throws, whatever JSON the user wrote, and every
 * explained issue has a code and a message. Fixed seed and run count keep it deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_STEP_KINDS } from '../model/steps/registry.ts';
import { checkReferences } from './check-references.ts';
import { stepLanguage } from './step-syntax.ts';

const LANGUAGE = stepLanguage(BUILTIN_STEP_KINDS);
const ScenarioDocument = LANGUAGE.document;

import { fromZodIssues } from './zod-issues.ts';

const json = fc.jsonValue({ maxDepth: 4 });

/** Arbitrary JSON anywhere a user is likely to get it wrong: steps, services, the whole file. */
const documents = fc.oneof(
  json,
  fc.record({ version: fc.constant(1), name: fc.constant('x'), duration: json, services: json }),
  fc
    .array(
      fc.oneof(
        json,
        fc.dictionary(fc.constantFrom('cpu', 'call', 'query', 'parallel', 'branch', 'x'), json),
      ),
      { maxLength: 3 },
    )
    .map((steps) => ({
      version: 1,
      name: 'x',
      duration: '1s',
      workloads: { w: { rate: 1, target: 'a/b' } },
      services: { a: { endpoints: { b: { steps } } } },
    })),
);

describe('fromZodIssues on arbitrary input', () => {
  it('explains every failed parse without throwing', () => {
    fc.assert(
      fc.property(documents, (input) => {
        const result = ScenarioDocument.safeParse(input);
        const issues = result.success
          ? checkReferences(result.data, LANGUAGE)
          : fromZodIssues(result.error.issues, input, ScenarioDocument);
        if (!result.success) expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(issue.code).not.toBe('');
          expect(issue.message).not.toBe('');
        }
      }),
      { seed: 1, numRuns: 500 },
    );
  });
});
