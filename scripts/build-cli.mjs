/**
 * Bundles the command line into dist/bundle/ (run after `tsc`: `npm run build` does both) and
 * writes V8's code cache for it, so that `msasim` starts from one compiled-in-advance script
 * instead of ~230 modules to resolve, read and compile (issue 15, fast start). Node's module
 * loader pays per module, and that was most of what `msasim validate` cost over a bare `node`
 * (~0.3 s CPU unbundled, ~0.12 s bundled); compiling the bundle was then most of the rest.
 *
 * 1. esbuild bundles dist/cli/main.js (tsc's output) and the pure-JS packages into one
 *    CommonJS-shaped script, dist/bundle/cli.cjs: the body of a function that
 *    src/cli/code-cache.ts compiles through `vm.Script` (Node 20 caches no compiled ESM). Each
 *    command's `import('./commands/x.js')` stays lazy: esbuild wraps every module in a function
 *    run on its first import, so `validate` never runs the report's or the simulator's top level
 *    (with the cache V8 does not parse them either; without it, it pre-parses the whole script).
 *    Left external (loaded from node_modules with `require`): packages that find files of their
 *    own next to their code (piscina starts its worker from its own folder) and the report-only
 *    ones; string-width, ESM-only (Node 20 cannot `require` it), is bundled.
 *    `"use strict"` opens the script: ESM code, as bundled before, was strict. The script has
 *    no `import()`: through `vm.Script` that needs Node's experimental loader hook (which warns
 *    on stderr), so a dist/ module's lazy `import('node:…')` of a built-in becomes
 *    `Promise.resolve(require('node:…'))` (the same functions), and any other `import()` left
 *    in the bundle fails the build.
 * 2. The characters esbuild leaves outside ASCII (comments, regular expressions, the `html`
 *    templates) are written as escapes (src/cli/ascii-source.ts): an ASCII file becomes a
 *    V8 string by a copy, any other by decoding UTF-8 (~9 ms more for `validate`). The
 *    script's last line is a key, the SHA-256 of everything before it.
 * 3. A fresh `node` (no flags, no NODE_OPTIONS: V8 rejects a cache made under other flags) runs
 *    `msasim validate scenarios/shop.yaml` from the script, then writes the key and
 *    `script.createCachedData()` into dist/bundle/cli.cache: the top level and every function
 *    that run compiled. src/cli/code-cache.ts explains how the cache is checked and what
 *    happens when it does not fit (a normal compile).
 *
 * Paths: a few CLI modules resolve files relative to where they live (the package.json for the
 * version, scenarios/, dist-web/, the replications' worker, packages through createRequire). In the
 * bundle every `import.meta.url` of a dist/ module becomes that module's own URL in dist/
 * (relative to the bundle's URL, `__msasimBundleUrl`, so the package can live anywhere), so
 * those paths resolve as unbundled. The worker threads (sweep, run --jobs) start from
 * dist/cli/replication-thread.js, which compiles this bundle with its cache too and runs the
 * replication task from it. The library entry (dist/index.js, the package's `exports`) is not
 * bundled.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(dist, 'bundle');
const bundle = join(out, 'cli.cjs');
const cache = join(out, 'cli.cache');

/** Packages loaded from node_modules at run time rather than bundled (see the header). */
const EXTERNAL = ['piscina', 'vega', 'vega-lite', 'vega-embed', 'cli-progress', 'csv-stringify'];

/** A Node built-in loaded lazily: `import('node:fs/promises')`. */
const BUILTIN_IMPORT = /\bimport\((['"])(node:[a-z_/]+)\1\)/g;

/**
 * Gives each dist/ module its own `import.meta.url` (its unbundled place; see the header) and
 * turns its lazy `import()` of a Node built-in into `require` (see the header).
 */
const asScriptModule = {
  name: 'msasim-as-script-module',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + sep) || args.path.startsWith(out + sep)) return undefined;
      const rel = relative(out, args.path).split(sep).join('/');
      const own = `new URL(${JSON.stringify(rel)}, __msasimBundleUrl).href`;
      const text = (await readFile(args.path, 'utf8'))
        .replaceAll('import.meta.url', own)
        .replace(BUILTIN_IMPORT, 'Promise.resolve(require($1$2$1))');
      return { contents: text, loader: 'js' };
    });
  },
};

await rm(out, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: [join(dist, 'cli/main.js')],
  outfile: bundle,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  banner: { js: '"use strict";' },
  plugins: [asScriptModule],
  legalComments: 'inline',
  logLevel: 'warning',
  write: false,
});
const { keyOf, KEY_MARK } = await import(pathToFileURL(join(dist, 'cli/code-cache.js')).href);
const { asciiSource } = await import(pathToFileURL(join(dist, 'cli/ascii-source.js')).href);
// the tags of the templates the CLI writes whose raw strings nothing reads (report/html/template.ts)
const ascii = asciiSource(result.outputFiles[0].text, ['html']);
if (ascii.kept.length > 0)
  console.warn(
    `build-cli: the bundle is not ASCII (tagged templates ${ascii.kept.join(', ')}): it loads slower`,
  );
const text = ascii.text;
const left = text.match(/\bimport\([^)]{0,80}/);
if (left)
  throw new Error(`build-cli: the bundle keeps a dynamic import (see the header): ${left[0]}`);
const key = createHash('sha256').update(text).digest('hex');
const source = `${text}${KEY_MARK}${key}\n`;
if (keyOf(source) !== key) throw new Error('build-cli: the key written is not the key read');
await mkdir(out, { recursive: true });
await writeFile(bundle, source);

// the warm-up and the cache, in a clean `node` (see the header)
const env = { ...process.env };
delete env.NODE_OPTIONS;
execFileSync(process.execPath, [join(root, 'scripts/cli-code-cache.mjs'), 'scenarios/shop.yaml'], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const written = await readFile(cache);
if (written.length < 1000) throw new Error(`build-cli: ${cache} is too small to be a code cache`);
