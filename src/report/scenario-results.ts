/**
 * The ScenarioResults of a loaded scenario and its runs: what `msasim run` and the browser
 * playground both hand to the analysis (one place, so the two write the same bytes): the
 * scenario's name, description, file and lesson, its declared highlights, its language and the
 * descriptions of its parts, the first replication of every variant and, with more than one,
 * the summaries of every replication.
 */
import type { RunResult, RunSummary } from '../metrics/summary.ts';
import type { LessonRefs } from '../scenario/lesson-types.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { describeParts } from './features/descriptions/part-description.ts';
import type { ScenarioResults } from './results.ts';

export function scenarioResults(
  loaded: LoadedScenario,
  file: string,
  lesson: string | null | undefined,
  runs: RunResult[],
  replications?: RunSummary[][],
  lessonRefs?: LessonRefs,
): ScenarioResults {
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
    highlights: loaded.highlights,
    ...(loaded.lang === undefined ? {} : { lang: loaded.lang }),
    descriptions: describeParts(loaded.variants[0]),
  };
  if (replications?.some((r) => r.length > 1)) results.replications = replications;
  return results;
}
