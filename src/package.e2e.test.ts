/**
 * The package as others get it: `npm pack` (without its prepack, which would rebuild dist/
 * under the other e2e tests; `npm test` has just built it) holds the binary, the built library
 * with its declarations and the scenarios, and no goldens, tests or sources; unpacked into a
 * fresh project (its dependencies linked from this repository, as an offline install would
 * place them), README.md's library example type-checks against the declarations through the
 * `exports` map and runs, a type error against them is caught, and the packed binary starts
 * and writes the playground.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './test-support/cli.ts';

const exec = promisify(execFile);
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

/** The TypeScript block of README.md's "Use as a library" section. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use as a library'));
  const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (example === undefined)
    throw new Error('README.md has no ```ts block under "Use as a library"');
  return example;
}

/** Type-checks `files` in `project` with the repository's TypeScript; the diagnostics or ''. */
async function typecheck(project: string, files: string[]): Promise<string> {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
    },
    files,
  };
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify(config));
  try {
    await exec(TSC, ['-p', 'tsconfig.json'], { cwd: project });
    return '';
  } catch (e) {
    return (e as { stdout: string }).stdout;
  }
}

let files: string[];
let packed: { name: string; version: string; filename: string };
let project: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'msasim-pack-'));
  const { stdout } = await exec(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  const [info] = JSON.parse(stdout) as [typeof packed & { files: { path: string }[] }];
  packed = info;
  files = info.files.map((f) => f.path).sort();
  project = join(dir, 'project');
  const installed = join(project, 'node_modules', 'msasim');
  await mkdir(installed, { recursive: true });
  await exec('tar', ['-xzf', join(dir, info.filename), '-C', installed, '--strip-components=1']);
  // the package's dependencies and Node's types, where an install would put them
  await symlink(join(ROOT, 'node_modules'), join(installed, 'node_modules'), 'dir');
  await symlink(join(ROOT, 'node_modules', '@types'), join(project, 'node_modules', '@types'));
  await writeFile(join(project, 'package.json'), '{ "type": "module", "private": true }\n');
});

describe('the packed package', () => {
  it('holds the binary, the library with declarations and the scenarios, nothing else', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.scripts.prepack).toMatch(/npm run build$/);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'bin/msasim',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli/main.js',
        // the command line's bundle and its code cache (scripts/build-cli.mjs)
        'dist/cli/code-cache.js',
        'dist/bundle/cli.cjs',
        'dist/bundle/cli.cache',
        'scenarios/shop.yaml',
        'scenarios/shop.md',
        'scenarios/msasim.schema.json',
        // the workshop kit: challenges (msasim challenge --list) and the guide
        'scenarios/challenges/01-blast-radius.challenge.yaml',
        'scenarios/challenges/msasim-challenge.schema.json',
        'docs/workshop.md',
        'docs/workshop.ko.md',
        // the playground msasim playground inlines
        'dist-web/index.html',
        'dist-web/worker.js',
      ]),
    );
    expect(manifest.exports['.']).toEqual({
      types: './dist/index.d.ts',
      default: './dist/index.js',
    });
    for (const target of [manifest.exports['.'].types, manifest.exports['.'].default])
      expect(files).toContain(target.replace(/^\.\//, ''));
    const unwanted = files.filter((f) =>
      /^scenarios\/expected\/|^src\/|test-support|\.test\.|^reports\/|^node_modules\//.test(f),
    );
    expect(unwanted).toEqual([]);
    expect(packed.name).toBe('msasim');
  });

  it('type-checks the README example against the declarations (types, not any)', async () => {
    await writeFile(join(project, 'example.ts'), await readmeExample());
    // a wrong use must be caught, or the declarations would not be read at all
    await writeFile(
      join(project, 'wrong.ts'),
      [
        "import { runScenario, validateScenario } from 'msasim';",
        "const check = validateScenario('version: 1', 'x.yaml');",
        'if (check.valid) {',
        '  const result = await runScenario(check.scenario.variants[0]);',
        '  const p99: string = result.summary.overall.latency.p99Ms;',
        '  console.log(p99);',
        '}',
        '',
      ].join('\n'),
    );
    const diagnostics = (await typecheck(project, ['example.ts', 'wrong.ts'])).trim().split('\n');
    expect(diagnostics).toEqual([
      "wrong.ts(5,9): error TS2322: Type 'number' is not assignable to type 'string'.",
    ]);
  });

  it('runs the README example through the exports map', async () => {
    // the example has no type annotations, so it runs as JavaScript unchanged
    await writeFile(join(project, 'example.mjs'), await readmeExample());
    const { stdout } = await exec('node', ['example.mjs'], { cwd: project });
    expect(stdout).toMatch(
      /^shared-db: p99 [+−][\d.]+ % vs db-per-service, 95 % CI \[[+−][\d.]+ %, [+−][\d.]+ %\]\n$/,
    );
  });

  it('starts its binary', async () => {
    const { stdout } = await exec('node', ['node_modules/msasim/bin/msasim', '--version'], {
      cwd: project,
    });
    expect(stdout.trim()).toBe(packed.version);
  });

  it('writes the playground from its own dist-web/', async () => {
    await exec('node', ['node_modules/msasim/bin/msasim', 'playground', '--out', 'p.html'], {
      cwd: project,
    });
    const html = await readFile(join(project, 'p.html'), 'utf8');
    expect(html).toContain('<meta name="generator" content="msasim playground">');
    expect(html).toContain('data-inline="worker.js">');
  });
});
