/**
 * The page opens with "Read this first" when a run says the scenario itself is wrong: no request
 * completed (a 50 ms run: a unitless duration is milliseconds), or a timeout failed every
 * request; a sound run has no such section. Notes are text, escaped by the page's template.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVariants } from '../../../cli/run-variants.ts';
import { dataOf, NO_LIBRARIES, sectionIds } from '../../../test-support/report-data.ts';
import { tempFolder } from '../../../test-support/temp-folder.ts';
import { sleepyApi } from '../../../test-support/yaml.ts';
import { buildReportHtml } from '../../html/page.ts';

const folder = tempFolder('msasim-run-notes-');

/** The page of `yaml` (written to the temp folder, run as `msasim run` runs it). */
async function pageOf(yaml: string): Promise<string> {
  const file = join(folder.path, 's.yaml');
  await writeFile(file, yaml);
  const silent = { out: () => {}, err: () => {} };
  const opts = { maxEvents: 1e7, maxWall: 60_000, quiet: true };
  const { results } = await runVariants(file, opts, silent);
  return buildReportHtml(dataOf(results), NO_LIBRARIES);
}

describe('run notes: the page says first what is wrong with the run', () => {
  it('a run in which no request completed', async () => {
    // one request a second, each sleeping 1 s, for 50 ms: nothing can finish
    const page = await pageOf(sleepyApi('5s', '1s', '50').replace('rate: 10/s', 'rate: 1/s'));
    expect(sectionIds(page)[0]).toBe('read-first');
    expect(page).toContain(
      '⚠ No request completed: its figures are empty (no latency, no throughput). The run lasted 50 ms of simulated time',
    );
  });

  it('a timeout that failed every request; nothing for a sound run', async () => {
    const page = await pageOf(sleepyApi('0.2', '5ms', '5s'));
    expect(sectionIds(page)[0]).toBe('read-first');
    expect(page).toMatch(/⚠ Every request to api\/get timed out \(\d+ of \d+\)/);
    const fine = await pageOf(sleepyApi('200ms', '5ms', '5s'));
    expect(sectionIds(fine)).not.toContain('read-first');
  });
});
