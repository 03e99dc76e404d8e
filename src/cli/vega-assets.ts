/**
 * Reads the minified vega, vega-lite and vega-embed builds from node_modules for the offline
 * HTML report (the packages' `exports` hide their build/ folders, so each is found from the
 * resolved entry point by walking up to the folder holding its package.json). Read once per
 * process.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { VegaAssets } from '../report/html/page.ts';

const require = createRequire(import.meta.url);

/** The root folder of installed package `name` (the nearest folder above its entry with a package.json named `name`). */
export function packageRoot(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (require(manifest) as { name?: string }).name === name) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package folder of ${name}`);
    dir = parent;
  }
}

let cached: Promise<VegaAssets> | undefined;

/** The three library texts inlined in every HTML report. */
export function loadVegaAssets(): Promise<VegaAssets> {
  cached ??= (async () => {
    const read = (pkg: string, file: string) =>
      readFile(join(packageRoot(pkg), 'build', file), 'utf8');
    const [vega, vegaLite, vegaEmbed] = await Promise.all([
      read('vega', 'vega.min.js'),
      read('vega-lite', 'vega-lite.min.js'),
      read('vega-embed', 'vega-embed.min.js'),
    ]);
    return { vega, vegaLite, vegaEmbed };
  })();
  return cached;
}
