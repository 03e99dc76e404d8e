/**
 * `msasim validate <file…>`: checks scenarios and prints every problem with its position, in
 * `lang` (--lang; Korean texts from scenario/messages-ko.ts, English for those it lacks).
 */

import { loadScenario } from '../../model/language.ts';
import { readsDataFiles } from '../../model/replay/arrivals.ts';
import type { Lang } from '../../report/i18n/lang.ts';
import { formatIssues } from '../../scenario/format.ts';
import { ScenarioError } from '../../scenario/issues.ts';
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

/** `✔ shop.yaml: scenario "shop" is valid (3 variants)`, or its Korean. */
function validLine(file: string, name: string, variants: number, lang: Lang): string {
  if (lang === 'ko') {
    const ko = variants > 1 ? ` (변형 ${variants}개)` : '';
    return `✔ ${file}: 시나리오 "${name}"에 문제가 없습니다${ko}`;
  }
  return `✔ ${file}: scenario "${name}" is valid${variants > 1 ? ` (${variants} variants)` : ''}`;
}
