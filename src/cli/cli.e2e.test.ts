/**
 * End-to-end tests of the command line: every shipped scenario runs (once per test run, shared
 * with the browser test: test-support/shipped-runs.ts), prints its summary and writes its
 * files; stdout and summary.json match the committed goldens in scenarios/expected/<name>/;
 * the built binary (bin/msasim → dist/) prints and writes the same bytes as the in-process
 * run; compare prints the same comparison as run and writes compare.csv/.json; usage and
 * scenario errors give exit codes 2 and 1; a run stopped by a guard writes nothing.
 * Commands run in-process (test-support/cli.ts) unless the binary itself is under test.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitConsole } from '../report/console-width.ts';
import {
  fileTree,
  msasimInProcess as msasim,
  msasimSpawned,
  ROOT as root,
} from '../test-support/cli.ts';
import { SHIPPED as files, shippedRun } from '../test-support/shipped-runs.ts';
import { scenariosDir } from './commands/list.ts';

/** The words of a command line as typed (none holds a space). */
const words = (line: string) => line.split(' ');

/** A new empty folder under the system's temporary folder. */
const tempDir = () => mkdtemp(join(tmpdir(), 'msasim-e2e-'));

describe('msasim run: every shipped scenario', () => {
  it.each(files)('%s runs, prints its summary and writes the report files', async (file) => {
    const r = await shippedRun(file);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/endpoint\s+requests\s+ok\/s/);
    for (const f of ['summary.json', 'endpoints.csv', 'components.csv', 'timeseries.csv']) {
      expect(existsSync(join(r.out, f)), f).toBe(true);
    }
    const summary = JSON.parse(await readFile(join(r.out, 'summary.json'), 'utf8'));
    const name = summary.scenario.name as string;
    await expect(r.stdout).toMatchFileSnapshot(
      join(scenariosDir(), 'expected', name, 'stdout.txt'),
    );
    await expect(await readFile(join(r.out, 'summary.json'), 'utf8')).toMatchFileSnapshot(
      join(scenariosDir(), 'expected', name, 'summary.json'),
    );
    // the console fits 100 columns (without --wide): tables stacked, long lines wrapped
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    // the page's highlight cards print the console's figures ("± 18.3 %" in both, not "± 18.4 %"
    // on a page built from figures rounded twice)
    const page = await readFile(join(r.out, 'index.html'), 'utf8');
    const consoleText = r.stdout.replace(/\s+/g, ' ');
    const values = [
      ...page.matchAll(
        /<span class="hl-value">((?:[^<]|<br>|<span class="hl-hw">[^<]*<\/span>)*)<\/span>/g,
      ),
    ].map((m) =>
      m[1]
        .replace(/<br>/g, ' ')
        .replace(/<[^>]*>/g, '')
        .replaceAll('&lt;', '<')
        .replaceAll('&amp;', '&'),
    );
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(consoleText, `${file}: ${v}`).toContain(v);
  });

  it('--wide prints the tables at their full width, the same figures', async () => {
    const out = await mkdtemp(join(tmpdir(), 'msasim-e2e-'));
    const args = ['run', 'scenarios/shop.yaml', '--duration', '8s'];
    const wide = await msasim([...args, '--out', join(out, 'wide'), '--wide']);
    const fitted = await msasim([...args, '--out', join(out, 'fitted')]);
    expect(wide.code).toBe(0);
    expect(Math.max(...wide.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(100);
    expect(fitConsole(wide.stdout)).toBe(fitted.stdout);
  });

  it('the built binary prints and writes the same bytes as the in-process run (shop.yaml)', async () => {
    const out = join(await tempDir(), 'report');
    const spawned = await msasimSpawned(['run', 'scenarios/shop.yaml', '--out', out]);
    expect(spawned.stderr).not.toMatch(/internal error/);
    expect(spawned.code).toBe(0);
    const shared = await shippedRun('shop.yaml');
    expect(spawned.stdout).toBe(shared.stdout);
    const files = await fileTree(out);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['summary.json', 'results.json', 'index.html', '.msasim-report']),
    );
    expect(files).toEqual(await fileTree(shared.out));
  });

  it('--format json prints summary.json', async () => {
    const out = await tempDir();
    const r = await msasim([
      ...words('run scenarios/shop.yaml --format json --duration 8s --out'),
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await readFile(join(out, 'summary.json'), 'utf8'));
  });

  it.each(['run', 'compare'])(
    '%s stopped by its event budget exits 1 and writes nothing',
    async (cmd) => {
      const out = join(await tempDir(), 'report');
      const r = await msasim([cmd, ...words('scenarios/shop.yaml --max-events 5000 --out'), out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/exceeded its event budget of 5000 events/);
      expect(r.stderr).toMatch(/Nothing was written/);
      expect(existsSync(out)).toBe(false);
    },
  );
});

describe('msasim compare', () => {
  it('prints one comparison of the variants and writes compare.csv and compare.json', async () => {
    const out = await tempDir();
    const r = await msasim(['compare', 'scenarios/01-shared-db.yaml', '--out', out]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const [header, , ...rest] = r.stdout.trimEnd().split('\n');
    expect(header).toBe('compare shared-db (scenarios/01-shared-db.yaml): 2 variants, seed 1');
    // the highlights first, then the comparison
    expect(rest[0]).toBe('■ highlights: declared in the scenario');
    // the comparison table, up to the blank line before the sections of the scenario's 3
    // replications (replications: 3)
    const fromTable = rest.slice(rest.indexOf('■ comparison (all entry endpoints)'));
    const end = fromTable.indexOf('');
    const table = end < 0 ? fromTable : fromTable.slice(0, end);
    expect(fromTable).toContain(
      '■ 3 replications: mean ± half-width of the 95 % confidence interval (all entry endpoints)',
    );
    expect(table[0]).toBe('■ comparison (all entry endpoints)');
    expect(rest.slice(0, rest.indexOf(table[0]))).toContain('products/search p99');
    expect(table[3]).toMatch(/^db-per-service /);
    expect(table[4]).toMatch(/^shared-db /);
    for (const line of table) expect(line.length, line).toBeLessThanOrEqual(120);
    const runStdout = await readFile(
      join(scenariosDir(), 'expected', 'shared-db', 'stdout.txt'),
      'utf8',
    );
    expect(runStdout).toContain(table.join('\n')); // run prints the same comparison
    const csv = (await readFile(join(out, 'compare.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toMatch(/^variant,description,p50Ms,/);
    const json = JSON.parse(await readFile(join(out, 'compare.json'), 'utf8'));
    expect(json.scenario.name).toBe('shared-db');
    expect(json.rows.map((row: { variant: string }) => row.variant)).toEqual([
      'db-per-service',
      'shared-db',
    ]);
    for (const f of ['summary.json', 'endpoints.csv', 'components.csv', 'timeseries.csv']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
  });

  it('--format json prints compare.json, as run’s --format json prints summary.json', async () => {
    const out = await mkdtemp(join(tmpdir(), 'msasim-e2e-'));
    const r = await msasim([
      'compare',
      'scenarios/01-shared-db.yaml',
      '--out',
      out,
      '--duration',
      '12s',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await readFile(join(out, 'compare.json'), 'utf8'));
    expect(JSON.parse(r.stdout).rows).toHaveLength(2);
  });

  it('a scenario without variants prints its one row and says so (--seed shown)', async () => {
    const out = await tempDir();
    const r = await msasim([...words('compare scenarios/validation/mm1.yaml --seed 7 --out'), out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^compare mm1 \(.*mm1\.yaml\): no variants, seed 7\n/);
    expect(r.stdout).toMatch(/\nmm1 +[\d.]+ +0\.0% /);
    expect(r.stdout).toMatch(/note: mm1 has no variants/);
    expect(existsSync(join(out, 'compare.csv'))).toBe(false);
  });
});

describe('msasim validate, schema, list and usage', () => {
  it('validate accepts every shipped scenario', async () => {
    const r = await msasim(['validate', ...files.map((f) => join('scenarios', f))]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/✔/g)?.length).toBe(files.length);
  });

  it('validate reports every problem with file:line:col and exits 1', async () => {
    const dir = await tempDir();
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      'version: 1\nname: bad\nduration: 10s\nworkloads:\n  w: { rate: -5, target: custmer/get }\nservices:\n  customer:\n    endpoints:\n      get: { steps: [ { cpu: 2ms } ] }\n',
    );
    const r = await msasim(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.yaml:5:\d+ +workloads\.w\.rate/);
    expect(r.stdout).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('schema prints a JSON Schema', async () => {
    const r = await msasim(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['version', 'services', 'workloads', 'databases']),
    );
  });

  it('list shows the shipped scenarios, one short line each', async () => {
    const r = await msasim(['list']);
    expect(r.code).toBe(0);
    for (const f of files) expect(r.stdout).toContain(f);
    const lines = r.stdout.split('\n').filter((l) => files.some((f) => l.startsWith(f)));
    expect(lines).toHaveLength(files.length);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
  });

  it('usage errors exit 2 with commander’s message (the first through the built binary)', async () => {
    const r = await msasimSpawned(['run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'scenario'/);
    const u = await msasim(['frobnicate']);
    expect(u.code).toBe(2);
    const d = await msasim(['run', 'scenarios/shop.yaml', '--duration', 'soon']);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/argument 'soon' is invalid/);
    const w = await msasim(['run', 'scenarios/shop.yaml', '--duration', '2s']);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/not longer than the scenario's warm-up/);
  });
});

describe('a bug outside any command', () => {
  it.each([
    ['an uncaught exception', "setTimeout(() => { throw new Error('late failure'); });"],
    ['an unhandled rejection', "Promise.reject(new Error('late failure'));"],
  ])('%s prints the internal-error report and exits 70', async (_, bug) => {
    // the handlers main() installs for the process's own console, from the built files
    const script = [
      `import { exitOnUncaught } from ${JSON.stringify(join(root, 'dist', 'cli', 'errors.js'))};`,
      'exitOnUncaught({ err: (t) => process.stderr.write(t) });',
      bug,
    ].join('\n');
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile('node', ['--input-type=module', '-e', script], (error, _stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number), stderr }),
      );
    });
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^✖ internal error: late failure\n {2}This is a bug in msasim /);
  });
});

describe('the shipped JSON Schema', () => {
  it('scenarios/msasim.schema.json is what `msasim schema` prints (regenerate it when the language changes)', async () => {
    // the binary itself: its bundle is written ASCII-only, which once changed the patterns
    const r = await msasimSpawned(['schema']);
    expect(await readFile(join(scenariosDir(), 'msasim.schema.json'), 'utf8')).toBe(r.stdout);
  });
});

describe('the README', () => {
  it('its ten-line scenario is valid and runs', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const dir = await mkdtemp(join(tmpdir(), 'msasim-readme-'));
    await writeFile(join(dir, 'hello.yaml'), yaml as string);
    const r = await msasim([
      'run',
      join(dir, 'hello.yaml'),
      '--out',
      join(dir, 'out'),
      '--duration',
      '10s',
    ]);
    expect(r.stderr).not.toMatch(/✖/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/web\/home/);
  });
});
