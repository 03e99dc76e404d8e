/**
 * `msasim validate <file…>`: checks scenarios (and challenge files, `*.challenge.yaml`, with
 * their starting scenario and solution) and prints every problem with its position, in `lang`
 * (--lang; Korean texts from scenario/messages-ko.ts, English for those it lacks).
 */

import { dirname, join } from 'node:path';
import { parseAttempt } from '../../challenge/load.ts';
import { loadScenario } from '../../model/language.ts';
import { readsDataFiles } from '../../model/replay/arrivals.ts';
import type { Lang } from '../../report/i18n/lang.ts';
import { formatIssues } from '../../scenario/format.ts';
import { ScenarioError } from '../../scenario/issues.ts';
import { readScenarioText } from '../../scenario/load.ts';
import type { CliIo } from '../io.ts';
import { loadLesson } from '../lesson-file.ts';

/** Validates each file; returns 1 when any has an error. */
export async function validateCommand(
  files: string[],
  io: CliIo,
  lang: Lang = 'en',
): Promise<number> {
  let code = 0;
  for (const file of files) {
    try {
      if (file.endsWith('.challenge.yaml')) {
        io.out(`${await validChallenge(file, lang)}\n`);
        continue;
      }
      const loaded = await loadScenario(file);
      // the data files its workloads replay, checked row by row (their reader is loaded only
      // for a scenario that has some)
      if (readsDataFiles(loaded.variants)) {
        const { prepareWorkloadData } = await import('../workload-files.ts');
        (await prepareWorkloadData(loaded)).close();
      }
      // the lesson beside it: its figures and claims name what the scenario measures
      await loadLesson(file, loaded, io, lang);
      io.out(`${validLine(file, loaded.name, loaded.variants.length, lang)}\n`);
      if (loaded.warnings.length > 0) io.out(`${formatIssues(loaded.warnings, lang)}\n`);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      io.out(`${formatIssues(e.issues, lang)}\n`);
      code = 1;
    }
  }
  return code;
}

/**
 * Checks a challenge file (`*.challenge.yaml`: challenge.ts CHALLENGE_SUFFIX) as `msasim challenge` reads it: the challenge,
 * its starting scenario (the goal, questions and globs against it) and, when it names one, its
 * reference solution as an attempt. Returns the ✔ line. @throws ScenarioError.
 */
async function validChallenge(file: string, lang: Lang): Promise<string> {
  // on demand: the challenge command's module brings the runs along (validate starts without them)
  const { loadChallenge } = await import('./challenge.ts');
  const { challenge } = await loadChallenge(file);
  const { scenario, solution } = challenge.def;
  if (solution !== undefined) {
    const solutionFile = join(dirname(file), solution);
    parseAttempt(challenge, await readScenarioText(solutionFile), solutionFile);
  }
  const parts = solution === undefined ? scenario : `${scenario}, ${solution}`;
  return lang === 'ko'
    ? `✔ ${file}: 챌린지 "${challenge.def.name}"에 문제가 없습니다 (${parts})`
    : `✔ ${file}: challenge "${challenge.def.name}" is valid (${parts})`;
}

/** `✔ shop.yaml: scenario "shop" is valid (3 variants)`, or its Korean. */
function validLine(file: string, name: string, variants: number, lang: Lang): string {
  if (lang === 'ko') {
    const ko = variants > 1 ? ` (변형 ${variants}개)` : '';
    return `✔ ${file}: 시나리오 "${name}"에 문제가 없습니다${ko}`;
  }
  return `✔ ${file}: scenario "${name}" is valid${variants > 1 ? ` (${variants} variants)` : ''}`;
}
