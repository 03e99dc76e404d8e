/**
 * `msasim merge <dir…> --out <dir>`: the folders written by the shards of one sweep
 * (`msasim sweep … --shard i/n`) → one sweep folder with the plan, every point and the final
 * files, byte for byte what the sweep writes on one machine. The shards' plans must be the
 * same sweep, and together they must hold every grid point; otherwise nothing final is written
 * and the error lists what is missing. The --out folder must be absent, empty or a sweep's
 * (one of the shard folders will do); it is checked before anything is written.
 */

import { join, resolve } from 'node:path';
import { fitConsole } from '../../report/console-width.ts';
import type { Lang } from '../../report/i18n/lang.ts';
import { shardsOf } from '../../report/sweep.ts';
import {
  formatIndexes,
  planDifferences,
  planText,
  type SweepPlan,
} from '../../report/sweep-plan.ts';
import { isIdentifier } from '../../scenario/identifiers.ts';
import { SweepError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { checkOut } from '../out-target.ts';
import { readPoints, writeSweepResults } from '../sweep-results.ts';
import {
  PLAN_FILE,
  pointPath,
  prepareSweepFolder,
  readPlan,
  readShard,
  writeFileAtomically,
} from '../sweep-store.ts';

/** Options of `msasim merge`. */
export interface MergeCommandOptions {
  out?: string;
  /** Print the table at its full width (default: fitted to 100 columns). */
  wide?: boolean;
  /** Start sweep.csv with a UTF-8 byte-order mark (for Excel). */
  csvBom?: boolean;
  /** The language of sweep.html's words (cli/lang.ts; default English). */
  lang?: Lang;
}

/** Merges shard folders into one sweep folder; returns the exit code. */
export async function mergeCommand(
  dirs: string[],
  opts: MergeCommandOptions,
  io: CliIo,
): Promise<number> {
  const ko = opts.lang === 'ko';
  const plan = await commonPlan(dirs);
  // the name comes from a file on disk: only an identifier (as the scenario language allows)
  // makes the default folder, so a doctored plan cannot aim it elsewhere
  if (opts.out === undefined && !isIdentifier(String(plan.scenario?.name)))
    throw new SweepError(
      `${join(dirs[0], PLAN_FILE)} names its scenario ${JSON.stringify(plan.scenario?.name)}, which is no folder name.\n  → give the output folder: msasim merge … --out <folder>.`,
      {
        ko: `${join(dirs[0], PLAN_FILE)}: 시나리오 이름 ${JSON.stringify(plan.scenario?.name)}은 폴더 이름이 될 수 없습니다.\n  → 출력 폴더를 주세요: msasim merge … --out <폴더>.`,
      },
    );
  const outDir = opts.out ?? join('reports', `${plan.scenario.name}-sweep`);
  const target = await checkOut(outDir, 'sweep');
  const found = await locatePoints(dirs, plan);
  const missing = found.flatMap((point, i) => (point === undefined ? [i] : []));
  if (missing.length > 0) throw await incomplete(plan, dirs, missing);
  await prepareSweepFolder(target);
  await writeFileAtomically(join(outDir, PLAN_FILE), planText(plan));
  for (const [i, point] of found.entries()) {
    const { dir, text } = point as { dir: string; text: string };
    const to = pointPath(outDir, i);
    if (resolve(pointPath(dir, i)) !== resolve(to)) await writeFileAtomically(to, text);
  }
  const result = await writeSweepResults(outDir, plan, { csvBom: opts.csvBom, lang: opts.lang });
  io.out(opts.wide ? result.table : fitConsole(result.table));
  const files = result.files.join(', ');
  io.err(
    ko
      ? `${plan.scenario.name}의 점 ${plan.points}개를 폴더 ${dirs.length}개에서 합쳤습니다. 쓴 파일: ${files} (폴더 ${outDir})\n`
      : `merged ${plan.points} points of ${plan.scenario.name} from ${dirs.length} folder${dirs.length === 1 ? '' : 's'}; wrote ${files} to ${outDir}\n`,
  );
  return 0;
}

/** The plan every folder shares. @throws SweepError when one has none or another sweep's. */
async function commonPlan(dirs: string[]): Promise<SweepPlan> {
  const plans: SweepPlan[] = [];
  for (const dir of dirs) {
    const plan = await readPlan(dir);
    if (plan === undefined)
      throw new SweepError(
        `${dir} holds no ${PLAN_FILE}: give the --out folders of the shards (msasim sweep … --shard i/n --out <folder>).`,
        {
          ko: `${dir}: ${PLAN_FILE}이 없습니다. 샤드들의 --out 폴더를 주세요 (msasim sweep … --shard i/n --out <폴더>).`,
        },
      );
    plans.push(plan);
  }
  const other = plans.findIndex((p) => p.fingerprint !== plans[0].fingerprint);
  if (other >= 0)
    throw new SweepError(
      `${dirs[other]} and ${dirs[0]} hold different sweeps; these differ: ${planDifferences(plans[0], plans[other], [dirs[0], dirs[other]]).join('; ')}.\n` +
        '  → merge only the shards of one sweep (same scenario file, --param, --replications, --seed and --duration).',
      {
        ko:
          `${dirs[other]}, ${dirs[0]}: 서로 다른 스윕입니다. 다른 점: ${planDifferences(plans[0], plans[other], [dirs[0], dirs[other]], 'ko').join('; ')}.\n` +
          '  → 한 스윕의 샤드만 합치세요 (같은 시나리오 파일, --param, --replications, --seed, --duration).',
      },
    );
  return plans[0];
}

/** For each grid point, the first folder that holds it and its text (undefined when none does). */
async function locatePoints(
  dirs: string[],
  plan: SweepPlan,
): Promise<({ dir: string; text: string } | undefined)[]> {
  const found: ({ dir: string; text: string } | undefined)[] = new Array(plan.points).fill(
    undefined,
  );
  for (const dir of dirs) {
    const { texts } = await readPoints(dir, plan);
    texts.forEach((text, i) => {
      if (text !== undefined) found[i] ??= { dir, text };
    });
  }
  return found;
}

/** The error of an incomplete grid, naming the shards the missing points belong to. */
async function incomplete(plan: SweepPlan, dirs: string[], missing: number[]): Promise<SweepError> {
  const counts = new Set<number>();
  for (const dir of dirs) {
    const shard = await readShard(dir);
    if (shard !== undefined) counts.add(shard.count);
  }
  const owners = [...counts].map(
    (n) =>
      `--shard ${shardsOf(missing, n)
        .map((s) => `${s}/${n}`)
        .join(', ')}`,
  );
  return new SweepError(
    `the sweep is incomplete: ${missing.length} of its ${plan.points} points are missing from ${dirs.join(', ')}: ${formatIndexes(missing)}` +
      (owners.length > 0 ? ` (run by ${owners.join('; ')})` : '') +
      '.\n  → run the missing shards (or rerun them with --resume), then merge again. Nothing was written.',
    {
      ko:
        `스윕이 완전하지 않습니다: 점 ${plan.points}개 중 ${missing.length}개가 ${dirs.join(', ')}에 없습니다: ${formatIndexes(missing)}` +
        (owners.length > 0 ? ` (실행할 샤드: ${owners.join('; ')})` : '') +
        '.\n  → 빠진 샤드를 실행하고 (또는 --resume으로 다시 실행하고) 다시 합치세요. 아무것도 쓰지 않았습니다.',
    },
  );
}
