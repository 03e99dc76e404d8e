/**
 * The end of a sweep, shared by `msasim sweep` and `msasim merge`: read every saved point of
 * the plan from a sweep folder, assemble the SweepData and write sweep.json, sweep.csv and
 * sweep.html (each atomically). Both commands go through here with the same point files, so a merged sweep is
 * byte for byte the single-machine one.
 */
import { join } from 'node:path';
import { withCsvBom } from '../report/csv.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { formatSweepTable, sweepCsv, sweepJson } from '../report/sweep.ts';
import { sweepPage } from '../report/sweep-page.ts';
import { assembleSweep, formatIndexes, type SweepPlan } from '../report/sweep-plan.ts';
import { SweepError } from './errors.ts';
import { readPointText, writeFileAtomically } from './sweep-store.ts';
import { loadVegaAssets } from './vega-assets.ts';

/** The points of `plan` missing from folder `dir`, and the texts of those present. */
export async function readPoints(
  dir: string,
  plan: SweepPlan,
): Promise<{ texts: (string | undefined)[]; missing: number[] }> {
  const texts: (string | undefined)[] = [];
  const missing: number[] = [];
  for (let i = 0; i < plan.points; i++) {
    const text = await readPointText(dir, i, plan);
    texts.push(text);
    if (text === undefined) missing.push(i);
  }
  return { texts, missing };
}

/**
 * Writes the final files of the sweep saved in `dir` (which must hold every point) and returns
 * their names and the console table. @throws SweepError when a point is missing.
 */
export async function writeSweepResults(
  dir: string,
  plan: SweepPlan,
  options: { csvBom?: boolean; lang?: Lang } = {},
): Promise<{ files: string[]; table: string }> {
  const { texts, missing } = await readPoints(dir, plan);
  if (missing.length > 0)
    throw new SweepError(
      `${dir} lacks ${missing.length} of the sweep's ${plan.points} points: ${formatIndexes(missing)}.`,
      {
        ko: `${dir}: 스윕의 점 ${plan.points}개 중 ${missing.length}개가 없습니다: ${formatIndexes(missing)}.`,
      },
    );
  const data = assembleSweep(plan, texts as string[]);
  const files = new Map([
    ['sweep.json', sweepJson(data)],
    ['sweep.csv', sweepCsv(data)],
    ['sweep.html', sweepPage(data, await loadVegaAssets(), options.lang)],
  ]);
  if (options.csvBom) withCsvBom(files);
  for (const [name, text] of files) await writeFileAtomically(join(dir, name), text);
  return { files: [...files.keys()], table: formatSweepTable(data, options.lang) };
}
