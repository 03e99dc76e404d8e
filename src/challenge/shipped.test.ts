/**
 * Every shipped challenge (scenarios/challenges/*.challenge.yaml) is sound: it parses against
 * its base scenario, its reference solution keeps to the constraints and the budget and passes,
 * and the base scenario (the starting attempt) fails the goal. Together they cover every
 * experiment of the catalogue (1–11). Each run is a few seconds of simulated time at most.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeAttempt } from './check.ts';
import { formatVerdict } from './format.ts';
import { bindChallenge, parseAttempt, parseChallenge } from './load.ts';
import { runAttempt } from './run.ts';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios', 'challenges');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.challenge.yaml'))
  .sort();
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

async function verdict(challengeFile: string, attemptFile: string) {
  const c = parseChallenge(read(challengeFile), challengeFile);
  const base = bindChallenge(c, read(c.def.scenario), c.def.scenario);
  const attempt = parseAttempt(c, read(attemptFile), attemptFile);
  const analysis = await runAttempt(c, attempt, attemptFile);
  return judgeAttempt(c, base.raw, attempt, analysis);
}

describe('the shipped challenges', () => {
  it('cover every experiment of the catalogue, each with a reference solution', () => {
    const defs = FILES.map((f) => parseChallenge(read(f), f).def);
    expect(new Set(defs.map((d) => d.experiment))).toEqual(
      new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    );
    for (const d of defs) expect(d.solution, d.name).toBeDefined();
  });

  for (const file of FILES) {
    it(`${file}: the solution passes, the base fails`, async () => {
      const c = parseChallenge(read(file), file);
      const solved = await verdict(file, c.def.solution as string);
      expect(solved.violations, formatVerdict(solved, 'solution')).toEqual([]);
      expect(solved.pass, formatVerdict(solved, 'solution')).toBe(true);
      const start = await verdict(file, c.def.scenario);
      expect(start.violations).toEqual([]);
      expect(start.budget.every((b) => b.pass)).toBe(true);
      expect(start.pass, formatVerdict(start, 'base')).toBe(false);
    });
  }
});
