/**
 * The order vitest starts the test files in (vitest.config.ts `sequence.sequencer`): vitest's
 * own order (the e2e project first, then each project's files longest first by the durations
 * it cached, or largest first without a cache), with the few long e2e files of LONG_FIRST put
 * in front whatever the cache says. The cache is missing on a fresh clone and skewed by any
 * partial run (`MSASIM_FUZZ_RUNS=40`, one file alone); a long file that starts late leaves one
 * worker alone with it at the end of the run.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The longest test files (tens of seconds of CPU each), in the order they should start. */
export const LONG_FIRST = [
  // waits for every shipped run (helping make them), then checks every report (charts drawn in Node)
  'src/report/html/report.browser.test.ts',
  'src/model/determinism.test.ts',
  'src/scenario/hostile-input.fuzz.test.ts',
  'src/web/playground.browser.test.ts',
];

/** LONG_FIRST's files first, in its order; every other file in `order`'s order after them. */
export function longFirst<T extends { moduleId: string }>(order: T[]): T[] {
  const rank = (f: T) => {
    const i = LONG_FIRST.findIndex((p) => f.moduleId.replaceAll('\\', '/').endsWith(`/${p}`));
    return i === -1 ? LONG_FIRST.length : i;
  };
  return order
    .map((f, i) => ({ f, i, r: rank(f) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ f }) => f);
}

/** vitest's sequencer with LONG_FIRST in front. */
export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return longFirst(await super.sort(files));
  }
}
