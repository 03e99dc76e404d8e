/**
 * Bundles the command line into dist/bundle/ (run after `tsc`: `npm run build` does both), so
 * that `msasim` starts from a few files instead of ~230 modules: `bin/msasim` imports
 * dist/bundle/main.js. Node's module loader pays per module (resolve, read, compile), and that
 * was most of what `msasim validate` cost over a bare `node` (~0.3 s CPU unbundled, ~0.1 s
 * bundled). Code splitting keeps each command's lazy import lazy: `validate` never loads the
 * report, a run of one replication never loads the worker pool (piscina).
 *
 * What is bundled: dist/ (tsc's output) and the pure-JS packages on the start-up path. Left
 * external (loaded from node_modules as before): packages that find files of their own next to
 * their code (piscina starts its worker from its own folder) and the large report-only ones.
 * The library entry (dist/index.js, the package's `exports`) is not bundled.
 *
 * Paths: a few CLI modules resolve files relative to where they live (the package.json for the
 * version, scenarios/, dist-web/, the replications' worker, packages through createRequire). In the
 * bundle every `import.meta.url` of a dist/ module is rewritten to that module's own URL in
 * dist/ (relative to the bundle, so the package can live anywhere), so those paths resolve as
 * unbundled; the worker threads (sweep, run --jobs) run the unbundled dist/cli/replication-worker.js.
 */
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(dist, 'bundle');

/** Packages loaded from node_modules at run time rather than bundled (see the header). */
const EXTERNAL = [
  'piscina',
  'vega',
  'vega-lite',
  'vega-embed',
  'cli-progress',
  'csv-stringify',
  'string-width',
];

/** Gives each dist/ module its own `import.meta.url` (its unbundled place; see the header). */
const ownModuleUrl = {
  name: 'msasim-own-module-url',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + sep) || args.path.startsWith(out + sep)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      const rel = relative(out, args.path).split(sep).join('/');
      const own = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', own), loader: 'js' };
    });
  },
};

await rm(out, { recursive: true, force: true });
await esbuild.build({
  entryPoints: { main: join(dist, 'cli/main.js') },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  external: EXTERNAL,
  // the CommonJS packages bundled (yaml, seedrandom, hdr-histogram-js) call require()
  banner: {
    js: "import { createRequire as __msasimRequire } from 'node:module'; const require = __msasimRequire(import.meta.url);",
  },
  plugins: [ownModuleUrl],
  legalComments: 'inline',
  logLevel: 'warning',
});
