/**
 * Test helper: a replay workload's data-file settings as the scenario language gives them when
 * only `file:` is written — csv, at full speed, a `time` column in seconds, no endpoint or key
 * column. The parser's tests (model/replay/rows.test.ts) start from it; the language's tests
 * (scenario/replay-syntax.test.ts) expect a normalized `replay: { file }` to be exactly it.
 */
import type { ReplayDef } from '../scenario/types.ts';

/** The settings of `replay: { file }` with nothing else written. */
export function replayDefaults(file: string): ReplayDef {
  return { file, format: 'csv', speed: 1, time: 'time', unit: 's', endpoint: null, key: null };
}
