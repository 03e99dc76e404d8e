/**
 * `msasim list`: the shipped scenarios, one short line each (its file and the first clause of
 * its description, cut to fit 100 columns), in the language of `--lang` (or the locale's).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Lang } from '../../report/i18n/lang.ts';
import { t } from '../../report/i18n/t.ts';
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

/**
 * Whether a folder (relative to scenarios/) holds challenges: their base scenarios, attempts
 * and solutions are run by `msasim challenge` and its tests (src/challenge/), not listed here
 * and kept out of the goldens.
 */
export function isChallengeFolder(folder: string): boolean {
  return folder === 'challenges' || folder.startsWith('challenges/');
}

/** Every shipped scenario file (outside scenarios/challenges/), sorted, relative paths. */
export async function listScenarioFiles(dir = scenariosDir()): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter(
      (e) =>
        e.isFile() &&
        isScenarioName(e.name) &&
        !e.parentPath.includes('expected') &&
        !isChallengeFolder(relative(dir, e.parentPath)),
    )
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * A description shortened to one line of at most `room` characters: its first clause (up to
 * the first ':', ';' or '. ') that is not the source's experiment number ("Experiment 5: …"),
 * cut at a space with '…' when still too long.
 */
export function shortDescription(description: string, room: number): string {
  const line = description.split('\n')[0].trim();
  const clauses = line.split(/[:;]\s|\.\s/).map((c) => c.trim());
  const first = clauses.find((c) => c !== '' && !/^experiment\b/i.test(c)) ?? clauses[0];
  const clause = first.replace(/[.:;]$/, '');
  if (clause.length <= room) return clause;
  const cut = clause.slice(0, Math.max(1, room - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > room / 2 ? cut.slice(0, space) : cut).replace(/[,\s]+$/, '')}…`;
}

/**
 * Prints each shipped scenario and a short description, one line each; its own sentences in
 * `lang` (the descriptions as the scenarios write them).
 */
export async function listCommand(io: CliIo, lang: Lang = 'en'): Promise<number> {
  const dir = scenariosDir();
  const files = await listScenarioFiles(dir);
  const rows = await Promise.all(
    files.map(async (f) => {
      let description = '';
      try {
        const doc = parse(await readFile(join(dir, f), 'utf8')) as { description?: string };
        description = String(doc?.description ?? '');
      } catch {
        description = t(lang, 'list.unreadable');
      }
      return [f, description] as const;
    }),
  );
  const width = Math.max(...rows.map(([f]) => displayWidth(f)));
  for (const [f, d] of rows)
    io.out(`${padEndTo(f, width)}  ${shortDescription(d, 100 - width - 2)}`.trimEnd() + '\n');
  const command = `msasim run ${join(relative(process.cwd(), dir) || '.', rows[0]?.[0] ?? '')}`;
  io.out(`\n${t(lang, 'list.runOne', { command })}\n`);
  return 0;
}
