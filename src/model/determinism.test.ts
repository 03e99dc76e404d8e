/**
 * Determinism: the same scenario and seed give byte-identical outputs (every file: summary.json,
 * the CSVs, results.json and the HTML page); another seed gives different ones; adding an
 * unrelated service leaves every existing component's figures unchanged (each component draws
 * from its own named streams). Each shipped scenario runs here shortened to 12 s (the warm-up
 * to 1 s: past the first autoscaling decisions, GC pauses, reader and refresh periods) twice
 * with seed 1, and 3 s with seeds 1 and 2 for the seed's effect. Full-length runs are checked
 * by the goldens: cli.e2e.test.ts compares each shipped scenario's full run, made in another
 * process, with the stdout.txt and summary.json committed in scenarios/expected/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioFiles, scenariosDir } from '../cli/commands/list.ts';
import { prepareWorkloadData } from '../cli/workload-files.ts';
import { buildReportHtml, type VegaAssets } from '../report/html/page.ts';
import { buildOutputs } from '../report/outputs.ts';
import type { ReportData } from '../report/report-data.ts';
import { parseScenario } from './language.ts';
import { runScenario } from './run.ts';

/** The page's own markup is under test, not the inlined libraries. */
const NO_LIBRARIES: VegaAssets = { vega: '', vegaLite: '', vegaEmbed: '' };

/** Simulated time of the two runs with the same seed, ms. */
const SAME_SEED_MS = 12_000;
/** Simulated time of the runs that show the seed's effect, ms. */
const OTHER_SEED_MS = 3_000;

/**
 * Runs every variant of a scenario text for at most `durationMs` (the warm-up at most 1 s) and
 * returns its output files, with index.html built from results.json as the CLI builds it.
 */
async function outputsOf(text: string, seed: number, durationMs = 20_000, path = 'x.yaml') {
  const loaded = parseScenario(text, path);
  // the data files a workload replays, beside the scenario (as the CLI reads them)
  const data = await prepareWorkloadData(loaded);
  const runs = [];
  for (const v of loaded.variants) {
    runs.push(
      await runScenario(
        {
          ...v,
          durationMs: Math.min(v.durationMs, durationMs),
          warmupMs: Math.min(v.warmupMs, 1000),
        },
        { seed, data: data.of(v.variant) ?? undefined },
      ),
    );
  }
  data.close();
  const files = buildOutputs({
    name: loaded.name,
    description: loaded.description,
    file: 'x.yaml',
    runs,
  });
  const results = files.get('results.json');
  if (results !== undefined)
    files.set('index.html', buildReportHtml(JSON.parse(results) as ReportData, NO_LIBRARIES));
  return files;
}

const files = await listScenarioFiles();

describe('determinism', () => {
  it.each(files)(
    '%s: seed 1 twice gives byte-identical outputs, seed 2 different ones',
    async (file) => {
      const path = join(scenariosDir(), file);
      const text = await readFile(path, 'utf8');
      const a = await outputsOf(text, 1, SAME_SEED_MS, path);
      const b = await outputsOf(text, 1, SAME_SEED_MS, path);
      expect([...a.keys()]).toEqual(
        expect.arrayContaining([
          'summary.json',
          'endpoints.csv',
          'components.csv',
          'timeseries.csv',
          'results.json',
          'index.html',
        ]),
      );
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [name, content] of a) expect(b.get(name), name).toBe(content);
      const short = await outputsOf(text, 1, OTHER_SEED_MS, path);
      const c = await outputsOf(text, 2, OTHER_SEED_MS, path);
      expect(c.get('summary.json')).not.toBe(short.get('summary.json'));
      expect(c.get('timeseries.csv')).not.toBe(short.get('timeseries.csv'));
    },
  );

  it('adding an unrelated service and workload leaves the existing components unchanged', async () => {
    const base = await readFile(join(scenariosDir(), 'shop.yaml'), 'utf8');
    const extended = base
      .replace(
        /^workloads:\n/m,
        'workloads:\n  auditors:\n    rate: 50/s\n    target: audit/check\n',
      )
      .replace(
        /^services:\n/m,
        'services:\n  audit:\n    threads: 4\n    endpoints:\n      check:\n        steps:\n          - cpu: { dist: exponential, mean: 2ms }\n',
      );
    const a = JSON.parse((await outputsOf(base, 3)).get('summary.json') as string).runs[0];
    const b = JSON.parse((await outputsOf(extended, 3)).get('summary.json') as string).runs[0];
    expect(b.components.map((c: { id: string }) => c.id)).toContain('audit');
    for (const c of a.components) {
      expect(b.components.find((x: { id: string }) => x.id === c.id)).toEqual(c);
    }
    expect(
      b.endpoints.find((e: { endpoint: string }) => e.endpoint === 'gateway/checkout'),
    ).toEqual(a.endpoints.find((e: { endpoint: string }) => e.endpoint === 'gateway/checkout'));
  });
});
