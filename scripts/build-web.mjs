/**
 * Builds the browser playground into dist-web/ (run after `tsc`: `npm run build` and
 * `npm run build:web` do both): esbuild bundles src/web/app.ts (the page) and src/web/worker.ts
 * (the engine, the scenario pipeline and the report builders) for browsers; the vega libraries
 * the report inlines, the shipped scenarios with their lessons (and the lessons' translations,
 * x.ko.md beside x.md), the workshop challenges (challenges.json: each challenge with its base
 * scenario and solution) and the scenario JSON Schema are
 * copied beside them. Any static host serves the folder; `msasim playground` inlines it into one
 * HTML file (cli/playground-file.ts).
 *
 * The engine and the pipeline import a few Node built-ins on paths the browser never takes or
 * needs in another form; the bundle maps exactly these to the stand-ins in src/web/shims/ and
 * fails on any other Node import, so a new one cannot slip in unnoticed:
 * node:fs and node:fs/promises (scenario/load.ts reads files: the playground parses text),
 * node:v8 (the memory guard: Chromium's performance.memory), node:module (cli/version.ts reads
 * package.json: the version is built in). A package's own bare `require('crypto')` is left to
 * esbuild, which follows the package's `browser` field (seedrandom maps it away).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-web');
const shims = {
  'node:fs': 'node-fs.ts',
  'node:fs/promises': 'node-fs.ts',
  'node:v8': 'node-v8.ts',
  'node:module': 'node-module.ts',
};

/** Maps the Node built-ins listed in `shims` to their stand-ins and refuses any other. */
const browserPlatform = {
  name: 'msasim-browser-platform',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => {
      const shim = shims[args.path];
      if (shim !== undefined) return { path: join(root, 'src/web/shims', shim) };
      return {
        errors: [
          {
            text: `${args.path} (imported by ${args.importer.replace(`${root}/`, '')}) has no browser stand-in: keep Node built-ins off the playground's paths, or add a stand-in in src/web/shims/ and scripts/build-web.mjs`,
          },
        ],
      };
    });
  },
};

/**
 * hdr-histogram-js's browser build probes for Node's zlib with `eval` when it loads (in a
 * try/catch, falling back to pako): under the playground's Content-Security-Policy (no
 * 'unsafe-eval', cli/playground-csp.ts) the probe is refused and reported as a violation. The
 * bundle makes the probe fail without eval, as it fails in any browser; msasim never encodes
 * histograms, so nothing else changes. Fails if the library's text changes.
 */
const noEvalProbe = {
  name: 'msasim-no-eval-probe',
  setup(build) {
    build.onLoad(
      { filter: /hdr-histogram-js[\\/]dist[\\/]hdrhistogram\.umd\.js$/ },
      async (args) => {
        const text = await readFile(args.path, 'utf8');
        const probe = /eval\('require\("zlib"\)\.(deflate|inflate)Sync'\)/g;
        const found = text.match(probe)?.length ?? 0;
        if (found !== 2)
          return {
            errors: [
              { text: `hdr-histogram-js: expected 2 zlib probes with eval, found ${found}` },
            ],
          };
        return {
          contents: text.replace(probe, '(() => { throw new Error("no zlib") })()'),
          loader: 'js',
        };
      },
    );
  },
};

const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await esbuild.build({
  entryPoints: { app: join(root, 'src/web/app.ts'), worker: join(root, 'src/web/worker.ts') },
  outdir: out,
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  legalComments: 'none',
  // cli/version.ts passes import.meta.url to createRequire, which the stand-in ignores
  define: { MSASIM_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '""' },
  // csv-stringify's Node build uses Buffer; its browser build is the same code with a polyfill
  alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
  plugins: [browserPlatform, noEvalProbe],
  metafile: true,
  logLevel: 'warning',
});

const { listScenarioFiles, scenariosDir } = await import('../dist/cli/commands/list.js');
const { packageRoot } = await import('../dist/cli/vega-assets.js');
const { LESSON_LANGS } = await import('../dist/scenario/lesson-types.js');
const dir = scenariosDir();
const scenarios = [];
for (const file of await listScenarioFiles(dir)) {
  const text = await readFile(join(dir, file), 'utf8');
  const lessonFile = join(dir, file.replace(/\.(ya?ml|json)$/i, '.md'));
  const lesson = await readFile(lessonFile, 'utf8').catch(() => null);
  // the lesson's translations (x.en.md, x.ko.md): the worker keeps those the CLI reads
  const translations = {};
  for (const lang of LESSON_LANGS) {
    const t = await readFile(lessonFile.replace(/\.md$/, `.${lang}.md`), 'utf8').catch(() => null);
    if (t !== null && lesson !== null) translations[lang] = t;
  }
  scenarios.push({
    file: `scenarios/${file}`,
    text,
    lesson,
    ...(Object.keys(translations).length > 0 ? { translations } : {}),
  });
}
await writeFile(join(out, 'scenarios.json'), JSON.stringify(scenarios));
// the workshop challenges (scenarios/challenges/): each with its base scenario and solution
const { playgroundChallenges } = await import('../dist/cli/commands/challenge.js');
const challenges = await playgroundChallenges();
await writeFile(join(out, 'challenges.json'), JSON.stringify(challenges));
await writeFile(join(out, 'schema.json'), await readFile(join(dir, 'msasim.schema.json'), 'utf8'));
for (const [pkgName, file] of [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
]) {
  await writeFile(join(out, file), await readFile(join(packageRoot(pkgName), 'build', file)));
}
// the folder's Content-Security-Policy (cli/playground-csp.ts): app.js and worker.js from the
// page's origin, the report's inlined scripts by hash, fetches of its own files only
const { playgroundCsp, withCsp } = await import('../dist/cli/playground-csp.js');
const { readFileSync } = await import('node:fs');
const folderPolicy = playgroundCsp('folder', [], (name) => readFileSync(join(out, name), 'utf8'));
await writeFile(
  join(out, 'index.html'),
  withCsp(await readFile(join(root, 'src/web/index.html'), 'utf8'), folderPolicy),
);
const bytes = Object.values(result.metafile.outputs).reduce((a, o) => a + o.bytes, 0);
process.stdout.write(
  `dist-web/: app.js + worker.js ${(bytes / 1024).toFixed(0)} KB, ${scenarios.length} scenarios, ${challenges.length} challenges\n`,
);
