/** `msasim list`: the shipped scenarios with their one-line descriptions. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { displayWidth, padEndTo } from '../../report/text-table.ts';
import type { CliIo } from '../io.ts';

/** The folder of shipped scenarios (…/scenarios beside src/ or dist/). */
export function scenariosDir(): string {
  return fileURLToPath(new URL('../../../scenarios/', import.meta.url));
}

/** Scenario files are .yaml, .yml or .json, except the JSON Schema shipped beside them. */
function isScenarioName(name: string): boolean {
  return /\.(ya?ml|json)$/.test(name) && !name.endsWith('.schema.json');
}

/** Every shipped scenario file, sorted, relative paths. */
export async function listScenarioFiles(dir = scenariosDir()): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isScenarioName(e.name) && !e.parentPath.includes('expected'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Prints each shipped scenario and its description. */
export async function listCommand(io: CliIo): Promise<number> {
  const dir = scenariosDir();
  const files = await listScenarioFiles(dir);
  const rows = await Promise.all(
    files.map(async (f) => {
      let description = '';
      try {
        const doc = parse(await readFile(join(dir, f), 'utf8')) as { description?: string };
        description = String(doc?.description ?? '').split('\n')[0];
      } catch {
        description = '(unreadable)';
      }
      return [f, description] as const;
    }),
  );
  const width = Math.max(...rows.map(([f]) => displayWidth(f)));
  for (const [f, d] of rows) io.out(`${padEndTo(f, width)}  ${d}\n`);
  io.out(
    `\nrun one with: msasim run ${join(relative(process.cwd(), dir) || '.', rows[0]?.[0] ?? '')}\n`,
  );
  return 0;
}
