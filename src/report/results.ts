/**
 * What the report builders take: the results of every variant of one scenario, and the
 * version of the output formats. Kept apart from outputs.ts so that every builder (files,
 * comparison, console) can import it without import cycles.
 */
import type { RunResult } from '../metrics/summary.ts';

/** Results of every variant of one scenario. */
export interface ScenarioResults {
  name: string;
  description: string;
  file: string;
  runs: RunResult[];
}

/** Version of the output formats; bump when a column or key changes meaning. */
export const OUTPUT_FORMAT_VERSION = 1;
