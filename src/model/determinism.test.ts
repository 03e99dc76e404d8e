/**
 * Determinism: the same scenario and seed give byte-identical outputs (every file: summary.json,
 * the CSVs, results.json and the HTML page); another seed gives different ones; adding an
 * unrelated service leaves every existing component's figures unchanged (each component draws
 * from its own named streams). Each shipped scenario runs here shortened to 12 s (the warm-up
 * to 1 s: past the first autoscaling decisions, GC pauses, reader and refresh periods) twice
 * with seed 1, and 3 s with seeds 1 and 2 for the seed's effect. Full-length runs are checked
 * by the goldens: cli.e2e.test.ts compares each shipped scenario's full run, made in another
 * process, with the stdout.txt and summary.json committed in scenarios/expected/. The seed's
 * effect is read in summary.json and timeseries.csv, the only files made of those runs. The
 * runs use the built modules (dist/), as the CLI does.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioFiles, scenariosDir } from '../cli/commands/list.ts';
import { builtModule } from '../test-support/cli.ts';

// the built modules (the e2e project's global setup checks dist/ is newer than src/), loaded by
// Node itself: through vitest's module runner the simulations run about 10 % slower
const { buildReportHtml } =
  await builtModule<typeof import('../report/html/page.ts')>('report/html/page.ts');
const { buildOutputs, summaryJson, timeseriesCsv } =
  await builtModule<typeof import('../report/outputs.ts')>('report/outputs.ts');
const { parseScenario } = await builtModule<typeof import('./language.ts')>('model/language.ts');
const { runScenario } = await builtModule<typeof import('./run.ts')>('model/run.ts');
const { prepareWorkloadData } =
  await builtModule<typeof import('../cli/workload-files.ts')>('cli/workload-files.ts');
type VegaAssets = import('../report/html/page.ts').VegaAssets;
type ReportData = import('../report/report-data.ts').ReportData;

/** The page's own markup is under test, not the inlined libraries. */
const NO_LIBRARIES: VegaAssets = { vega: '', vegaLite: '', vegaEmbed: '' };

/** Simulated time of the two runs with the same seed, ms. */
const SAME_SEED_MS = 12_000;
/** Simulated time of the runs that show the seed's effect, ms. */
const OTHER_SEED_MS = 3_000;

/**
 * Runs every variant of a scenario text for at most `durationMs` (the warm-up at most 1 s) and
 * returns its results, as `msasim run` gathers them.
 */
async function resultsOf(text: string, seed: number, durationMs: number, path = 'x.yaml') {
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
  return { name: loaded.name, description: loaded.description, file: 'x.yaml', runs };
}

/** Every output file of a run (see resultsOf), with index.html built from results.json as the CLI builds it. */
async function outputsOf(text: string, seed: number, durationMs: number, path?: string) {
  const files = buildOutputs(await resultsOf(text, seed, durationMs, path));
  const results = files.get('results.json');
  if (results !== undefined)
    files.set('index.html', buildReportHtml(JSON.parse(results) as ReportData, NO_LIBRARIES));
  return files;
}

/** summary.json and timeseries.csv of a run (see resultsOf): what a seed's effect is read in. */
async function figuresOf(text: string, seed: number, durationMs = 20_000, path?: string) {
  const results = await resultsOf(text, seed, durationMs, path);
  return { summary: summaryJson(results), timeseries: timeseriesCsv(results) };
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
      const short = await figuresOf(text, 1, OTHER_SEED_MS, path);
      const c = await figuresOf(text, 2, OTHER_SEED_MS, path);
      expect(c.summary).not.toBe(short.summary);
      expect(c.timeseries).not.toBe(short.timeseries);
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
    const a = JSON.parse((await figuresOf(base, 3)).summary).runs[0];
    const b = JSON.parse((await figuresOf(extended, 3)).summary).runs[0];
    expect(b.components.map((c: { id: string }) => c.id)).toContain('audit');
    for (const c of a.components) {
      expect(b.components.find((x: { id: string }) => x.id === c.id)).toEqual(c);
    }
    expect(
      b.endpoints.find((e: { endpoint: string }) => e.endpoint === 'gateway/checkout'),
    ).toEqual(a.endpoints.find((e: { endpoint: string }) => e.endpoint === 'gateway/checkout'));
  });
});
