/**
 * Every shipped lesson (scenarios/**\/<name>.md beside <name>.yaml) against its scenario and its
 * committed golden (scenarios/expected/<name>/summary.json, which cli.e2e.test.ts holds to real
 * runs): every figure and claim names something the scenario measures, and every claim of its
 * ```claims block holds on the shipped seed. A failing claim names the lesson, the claim and the
 * values, so a change of the model that contradicts a lesson breaks the build. No simulation
 * runs here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioFiles, scenariosDir } from './cli/commands/list.ts';
import { loadScenario } from './model/language.ts';
import { checkClaims, claimWords, type VariantEstimates } from './report/lesson-figures.ts';
import { formatIssues } from './scenario/format.ts';
import { parseLesson } from './scenario/lesson.ts';

const dir = scenariosDir();
const LESSONS = (await listScenarioFiles(dir)).filter((f) =>
  existsSync(join(dir, f.replace(/\.(ya?ml|json)$/, '.md'))),
);

/** The key metric estimates of each variant in a golden summary.json. */
function goldenEstimates(name: string): VariantEstimates[] {
  const file = join(dir, 'expected', name, 'summary.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    runs: { scenario: { variant: string | null }; estimates: VariantEstimates['estimates'] }[];
  };
  return doc.runs.map((r) => ({ variant: r.scenario.variant ?? null, estimates: r.estimates }));
}

describe('shipped lessons: figures and claims', () => {
  it('there are lessons to check', () => {
    expect(LESSONS.length).toBeGreaterThan(20);
  });

  it.each(LESSONS)('%s: every reference resolves and every claim holds', async (file) => {
    const loaded = await loadScenario(join(dir, file));
    const lessonFile = file.replace(/\.(ya?ml|json)$/, '.md');
    const text = readFileSync(join(dir, lessonFile), 'utf8');
    const scope = loaded.lessonScope?.();
    if (scope === undefined) throw new Error('no lesson scope');
    const { refs, issues } = parseLesson(text, `scenarios/${lessonFile}`, scope);
    expect(formatIssues(issues), 'the lesson names what the scenario measures').toBe(
      formatIssues([]),
    );
    expect(refs.claims.length, `${lessonFile} has a claims block`).toBeGreaterThan(0);
    const failing = checkClaims(refs, goldenEstimates(loaded.name))
      .filter((c) => c.holds !== true)
      .map((c) => `scenarios/${lessonFile}:${c.claim.line}: ${claimWords(c)}`);
    expect(failing, 'claims the golden run does not bear out').toEqual([]);
  });
});
