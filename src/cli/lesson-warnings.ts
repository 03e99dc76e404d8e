/**
 * The warnings of a run whose lesson (lesson-file.ts) makes claims the run does not bear out.
 * Apart from lesson-file.ts so that `validate`, which reads the lesson, does not load the
 * report's text tables.
 */
import type { Analysis } from '../report/analysis.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { t } from '../report/i18n/t.ts';
import { checkClaims, claimWords } from '../report/lesson-figures.ts';

/** One warning line per claim of the lesson that the run of `a` does not bear out, in `lang`. */
export function lessonWarnings(a: Analysis, lang: Lang = 'en'): string[] {
  const refs = a.results.lessonRefs;
  if (refs === undefined) return [];
  const variants = a.variants.map((v) => ({
    variant: v.run.summary.scenario.variant ?? null,
    estimates: v.estimates,
  }));
  return checkClaims(refs, variants)
    .filter((c) => c.holds !== true)
    .map((c) =>
      t(lang, 'run.lessonWarning', {
        file: refs.file,
        line: c.claim.line,
        claim: claimWords(c, lang),
      }),
    );
}
