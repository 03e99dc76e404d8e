/**
 * Translations of a lesson. `x.md` beside `x.yaml` is the lesson in its own language — Korean
 * when the scenario says `lang: ko` (e.g. scenarios/ko/), English otherwise — and `x.<lang>.md`
 * beside it is its translation into `<lang>` (`x.ko.md` for an English lesson, `x.en.md` for a
 * Korean one; LESSON_LANGS lists the languages). A translation carries the same figures
 * (`{{variant: reference}}`, resolved like the original's) and shares the original's claims: it
 * has no ```claims block (a located error); the claims are checked once, on the original, and
 * the page lists them at the end of the translated lesson in the page's language. A translation
 * quoting a figure the original does not (or leaving one out) gets a located warning: the test
 * of the shipped lessons (src/lesson-claims.test.ts) holds the two sets equal.
 */
import type { ScenarioIssue } from './issues.ts';
import { type LessonScope, parseLesson } from './lesson.ts';
import { LESSON_LANGS, type LessonLang, type LessonRefs } from './lesson-types.ts';
import * as msg from './messages-lesson.ts';

/** The language of a scenario's own lesson (`x.md`): its `lang:` when that is Korean, else English. */
export function lessonLangOf(scenarioLang: string | undefined): LessonLang {
  return scenarioLang !== undefined && /^ko(-|$)/i.test(scenarioLang) ? 'ko' : 'en';
}

/** The languages a lesson in `original` may be translated into (the others of LESSON_LANGS). */
export function translationLangs(original: LessonLang): LessonLang[] {
  return LESSON_LANGS.filter((l) => l !== original);
}

/** The translation into `lang` of the lesson `lessonFile` (`x.md` → `x.ko.md`). */
export function translationFileOf(lessonFile: string, lang: LessonLang): string {
  return lessonFile.replace(/\.md$/i, `.${lang}.md`);
}

/** The text between the braces of each figure of `refs`, once each, in order of first use. */
export function figureSources(refs: LessonRefs): string[] {
  return [...new Set(refs.figures.map((f) => f.source))];
}

/**
 * The translation `text` (read from `file`) of the lesson whose resolved references are
 * `original` (read from `original.file`), resolved in `scope`: its figures, the errors (a figure
 * that does not resolve, a claims block) and the warnings (a figure set unlike the original's).
 */
export function parseTranslation(
  text: string,
  file: string,
  scope: LessonScope,
  original: LessonRefs,
): { refs: LessonRefs; issues: ScenarioIssue[] } {
  const { refs, issues } = parseLesson(text, file, scope);
  const at = (line: number, col: number, path: string) => ({ file, line, col, path: [path] });
  // a claims block is an error whatever it holds: its own claims' problems say nothing more
  const out = issues.filter((i) => i.path[0] !== 'claims');
  const originalName = original.file.replace(/^.*[\\/]/, '');
  for (const b of refs.claimBlocks)
    out.push({
      ...msg.translationHasClaims(originalName),
      severity: 'error',
      ...at(b.start, 1, 'claims'),
    });
  const result = { refs: { ...refs, claims: [], claimBlocks: [] }, issues: out };
  // the sets are compared once every figure resolves (a typo is one error, not two problems)
  if (out.some((i) => i.path[0] === 'figure')) return result;
  const theirs = new Set(figureSources(original));
  const ours = new Set(refs.figures.map((f) => f.source));
  for (const f of refs.figures) {
    if (theirs.has(f.source)) continue;
    theirs.add(f.source); // once per figure text
    out.push({
      ...msg.translationFigureExtra(f.source, originalName),
      severity: 'warning',
      ...at(f.line, f.col + 2, 'figure'),
    });
  }
  for (const source of figureSources(original)) {
    if (ours.has(source)) continue;
    out.push({
      ...msg.translationFigureMissing(source, originalName),
      severity: 'warning',
      ...at(1, 1, 'figure'),
    });
  }
  return result;
}
