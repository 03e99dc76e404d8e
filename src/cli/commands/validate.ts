/** `msasim validate <file…>`: checks scenarios and prints every problem with its position. */

import { loadScenario } from '../../model/language.ts';
import { readsDataFiles } from '../../model/replay/arrivals.ts';
import { formatIssues } from '../../scenario/format.ts';
import { ScenarioError } from '../../scenario/issues.ts';
import type { CliIo } from '../io.ts';
import { loadLesson } from '../lesson-file.ts';

/** Validates each file; returns 1 when any has an error. */
export async function validateCommand(files: string[], io: CliIo): Promise<number> {
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
      await loadLesson(file, loaded, io);
      const variants = loaded.variants.length > 1 ? ` (${loaded.variants.length} variants)` : '';
      io.out(`✔ ${file}: scenario "${loaded.name}" is valid${variants}\n`);
      if (loaded.warnings.length > 0) io.out(`${formatIssues(loaded.warnings)}\n`);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      io.out(`${formatIssues(e.issues)}\n`);
      code = 1;
    }
  }
  return code;
}
