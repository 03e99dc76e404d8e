/**
 * Determinism: the same scenario and seed give byte-identical outputs; another seed gives
 * different ones; adding an unrelated service leaves every existing component's figures
 * unchanged (each component draws from its own named streams).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioFiles, scenariosDir } from '../cli/commands/list.ts';
import { buildOutputs } from '../report/outputs.ts';
import { parseScenario } from './language.ts';
import { runScenario } from './run.ts';

/** Runs every variant of a scenario text for at most `durationMs` and returns its output files. */
async function outputsOf(text: string, seed: number, durationMs = 20_000) {
  const loaded = parseScenario(text, 'x.yaml');
  const runs = [];
  for (const v of loaded.variants) {
    runs.push(
      await runScenario(
        {
          ...v,
          durationMs: Math.min(v.durationMs, durationMs),
          warmupMs: Math.min(v.warmupMs, 1000),
        },
        { seed },
      ),
    );
  }
  return buildOutputs({ name: loaded.name, description: loaded.description, file: 'x.yaml', runs });
}

const files = await listScenarioFiles();

describe('determinism', () => {
  it.each(files)(
    '%s: seed 1 twice gives byte-identical outputs, seed 2 different ones',
    async (file) => {
      const text = await readFile(join(scenariosDir(), file), 'utf8');
      const a = await outputsOf(text, 1);
      const b = await outputsOf(text, 1);
      expect([...a.keys()]).toEqual(
        expect.arrayContaining([
          'summary.json',
          'endpoints.csv',
          'components.csv',
          'timeseries.csv',
        ]),
      );
      for (const [name, content] of a) expect(b.get(name), name).toBe(content);
      const c = await outputsOf(text, 2);
      expect(c.get('summary.json')).not.toBe(a.get('summary.json'));
      expect(c.get('timeseries.csv')).not.toBe(a.get('timeseries.csv'));
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
