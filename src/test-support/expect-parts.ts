/**
 * Test helper: checks that a text (a console output, a brief, a verdict, a page) holds each of
 * several fragments, written as one list instead of an `expect(…).toContain(…)` line each: a
 * string must stand in it as written, a RegExp must match it. Each fragment is its own
 * assertion, so a missing one fails with its own message.
 */
import { expect } from 'vitest';

/** Expects `text` to contain every string of `parts` and to match every RegExp. */
export function expectParts(text: string, parts: readonly (string | RegExp)[]): void {
  for (const part of parts)
    if (typeof part === 'string') expect(text).toContain(part);
    else expect(text).toMatch(part);
}
