/**
 * The ScenarioResults of a loaded scenario and its runs: what `msasim run` and the browser
 * playground both hand to the analysis (one place, so the two write the same bytes): the
 * scenario's name, description, file and lesson (with its language and translations), its declared highlights, its language and the
 * descriptions of its parts, the first replication of every variant and, with more than one,
 * the summaries of every replication.
 */
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import type { LessonLang, LessonRefs, LessonTranslation } from '../scenario/lesson-types.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { describeParts } from './features/descriptions/part-description.ts';
import type { LessonTranslations, ScenarioResults } from './results.ts';

/** The lesson's language and its translations (scenario/lesson-translation.ts). */
export interface LessonLanguages {
  lang: LessonLang;
  translations: readonly LessonTranslation[];
}

/** The translations by language, in a fixed order (so results.json's bytes do not depend on reads). */
function translationsOf(
  file: string,
  translations: readonly LessonTranslation[],
): LessonTranslations | undefined {
  if (translations.length === 0) return undefined;
  const out: LessonTranslations = {};
  for (const t of [...translations].sort((a, b) => (a.lang < b.lang ? -1 : 1)))
    out[t.lang] = {
      lesson: t.text,
      lessonRefs: { ...t.refs, file: file.replace(/\.(ya?ml|json)$/i, `.${t.lang}.md`) },
    };
  return out;
}

export function scenarioResults(
  loaded: LoadedScenario,
  file: string,
  lesson: string | null | undefined,
  runs: RunResult[],
  replications?: RunSummary[][],
  lessonRefs?: LessonRefs,
  languages?: LessonLanguages,
): ScenarioResults {
  const translations =
    lesson == null || languages === undefined
      ? undefined
      : translationsOf(file, languages.translations);
  const results: ScenarioResults = {
    name: loaded.name,
    description: loaded.description,
    file,
    runs,
    lesson,
    // the lesson's file named beside the scenario's, as the results name it (CLI and playground alike)
    ...(lessonRefs === undefined || lesson == null
      ? {}
      : { lessonRefs: { ...lessonRefs, file: file.replace(/\.(ya?ml|json)$/i, '.md') } }),
    ...(lesson == null || languages === undefined ? {} : { lessonLang: languages.lang }),
    ...(translations === undefined ? {} : { lessonTranslations: translations }),
    highlights: loaded.highlights,
    ...(loaded.lang === undefined ? {} : { lang: loaded.lang }),
    descriptions: describeParts(loaded.variants[0]),
  };
  if (replications?.some((r) => r.length > 1)) results.replications = replications;
  return results;
}
