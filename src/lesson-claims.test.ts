/**
 * Every shipped lesson (scenarios/**\/<name>.md beside <name>.yaml) against its scenario and its
 * committed golden (scenarios/expected/<name>/summary.json, which cli.e2e.test.ts holds to real
 * runs): every figure and claim names something the scenario measures, and every claim of its
 * ```claims block holds on the shipped seed. A failing claim names the lesson, the claim and the
 * values, so a change of the model that contradicts a lesson breaks the build. Every shipped
 * translation (`<name>.ko.md`, `<name>.en.md`: scenario/lesson-translation.ts) too: it has no
 * claims block, its figures are the same set as its original's (so it cannot quote another
 * number), each resolves against the scenario and is measured by the golden run, as the
 * original's are; and no translation lies about without a lesson to translate. No simulation
 * runs here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioFiles, scenariosDir } from './cli/commands/list.ts';
import { loadScenario } from './model/language.ts';
import {
  checkClaims,
  claimWords,
  estimateOf,
  fillLesson,
  type VariantEstimates,
} from './report/lesson-figures.ts';
import { formatIssues } from './scenario/format.ts';
import { parseLesson } from './scenario/lesson.ts';
import {
  figureSources,
  lessonLangOf,
  parseTranslation,
  translationFileOf,
  translationLangs,
} from './scenario/lesson-translation.ts';
import type { LessonRefs } from './scenario/lesson-types.ts';

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

/** The figures of `refs` the golden run does not measure, as "file:line:col {{source}}". */
const unmeasured = (refs: LessonRefs, golden: VariantEstimates[]) =>
  refs.figures
    .filter((f) => estimateOf(f.ref, golden) === null)
    .map((f) => `${refs.file}:${f.line}:${f.col} {{${f.source}}}`);

/** Every translation of a shipped lesson: [scenario file, translation file, language]. */
const TRANSLATIONS = await Promise.all(
  LESSONS.map(async (file) => {
    const loaded = await loadScenario(join(dir, file));
    const lesson = file.replace(/\.(ya?ml|json)$/, '.md');
    return translationLangs(lessonLangOf(loaded.lang))
      .map((lang) => [file, translationFileOf(lesson, lang), lang] as const)
      .filter(([, t]) => existsSync(join(dir, t)));
  }),
).then((all) => all.flat());

/** Every Markdown file under scenarios/ named like a translation (`*.en.md`, `*.ko.md`). */
function translationLike(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const path = join(folder, e.name);
    if (e.isDirectory()) return e.name === 'expected' ? [] : translationLike(path);
    return /\.(en|ko)\.md$/.test(e.name) ? [relative(dir, path)] : [];
  });
}

describe('shipped translations of the lessons: the same figures, the claims shared', () => {
  it('every file named like a translation translates a shipped lesson out of its language', () => {
    const known = new Set(TRANSLATIONS.map(([, t]) => t));
    expect(translationLike(dir).filter((f) => !known.has(f))).toEqual([]);
  });

  it('the originals’ figures are measured by their golden runs', async () => {
    const missing: string[] = [];
    for (const file of LESSONS) {
      const loaded = await loadScenario(join(dir, file));
      const lessonFile = file.replace(/\.(ya?ml|json)$/, '.md');
      const scope = loaded.lessonScope?.();
      if (scope === undefined) throw new Error('no lesson scope');
      const text = readFileSync(join(dir, lessonFile), 'utf8');
      const { refs } = parseLesson(text, `scenarios/${lessonFile}`, scope);
      missing.push(...unmeasured(refs, goldenEstimates(loaded.name)));
    }
    expect(missing).toEqual([]);
  });

  it.each(TRANSLATIONS)(
    '%s → %s: resolves like its original, the same figures, no claims of its own',
    async (file, translation) => {
      const loaded = await loadScenario(join(dir, file));
      const scope = loaded.lessonScope?.();
      if (scope === undefined) throw new Error('no lesson scope');
      const lessonFile = file.replace(/\.(ya?ml|json)$/, '.md');
      const original = parseLesson(
        readFileSync(join(dir, lessonFile), 'utf8'),
        `scenarios/${lessonFile}`,
        scope,
      ).refs;
      const text = readFileSync(join(dir, translation), 'utf8');
      const { refs, issues } = parseTranslation(text, `scenarios/${translation}`, scope, original);
      // errors (a figure that does not resolve, a claims block) and warnings (a figure set unlike
      // the original's) alike
      expect(formatIssues(issues), 'the translation resolves like its original').toBe(
        formatIssues([]),
      );
      expect(new Set(figureSources(refs)), 'the same figures as the original').toEqual(
        new Set(figureSources(original)),
      );
      const golden = goldenEstimates(loaded.name);
      expect(unmeasured(refs, golden), 'figures the golden run measures').toEqual([]);
      const filled = fillLesson(text, refs, golden, {
        lang: translation.endsWith('.ko.md') ? 'ko' : 'en',
        sharedClaims: original.claims,
      });
      expect(filled, 'every figure filled in').not.toMatch(/\{\{[^{}\n]*\}\}/);
      expect(filled).toContain(original.claims.length > 0 ? '✓' : '');
      expect(filled, 'every shared claim holds').not.toMatch(/^- [✗?] /m);
    },
  );
});
