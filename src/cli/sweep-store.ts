/**
 * What a sweep keeps on disk, so that it can be resumed, sharded and merged:
 * `sweep-plan.json` (what is swept, with a fingerprint of everything that decides the results)
 * and `points/<index>.json` (the finished grid points, each written atomically as soon as it is
 * done, tagged with the plan's fingerprint). The final files (sweep.json, sweep.csv, sweep.html)
 * are always assembled from the point files, so a single run, a resumed run and a merge of
 * shards write the same bytes. A sweep folder is marked `.msasim-report` (kind sweep) before
 * anything else is written to it; files are only ever added or replaced in it, never deleted
 * (apart from the temporary files of dead runs). Saved files are read with safe-read.ts
 * (regular files only, size-capped).
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Shard } from '../report/sweep.ts';
import type { PointFile, SweepPlan } from '../report/sweep-plan.ts';
import { SweepError } from './errors.ts';
import { isProcessAlive, writeFailure, writeFileAtomically, writeFileSynced } from './io.ts';
import { MARKER_FILE, markerText } from './out-rules.ts';
import { type OutTarget, recheckOut } from './out-target.ts';
import { readRegularFile, UnsafeFileError } from './safe-read.ts';
import { VERSION } from './version.ts';

/** The plan file's name in a sweep folder. */
export const PLAN_FILE = 'sweep-plan.json';
/** The folder of finished points in a sweep folder. */
export const POINTS_DIR = 'points';
/** Which shard wrote a sweep folder (only in a shard's folder; not part of the results). */
export const SHARD_FILE = 'sweep-shard.json';
/** The largest saved sweep file msasim reads (a plan or a point). */
const SAVED_MAX_BYTES = 256 * 1024 * 1024;

/** The plan saved in sweep folder `dir`, or undefined when it has none. @throws SweepError when unreadable. */
export async function readPlan(dir: string): Promise<SweepPlan | undefined> {
  const path = join(dir, PLAN_FILE);
  let text: string;
  try {
    text = await readRegularFile(path, SAVED_MAX_BYTES);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof UnsafeFileError)
      throw new SweepError(`${e.message}; a sweep writes its plan as a regular file.`, {
        ko: `${e.message}; 스윕은 plan을 일반 파일로 씁니다.`,
      });
    throw new SweepError(`cannot read ${path}: ${(e as Error).message}`, {
      ko: `${path}: 읽을 수 없습니다: ${(e as Error).message}`,
    });
  }
  try {
    const plan = JSON.parse(text) as SweepPlan;
    if (typeof plan.fingerprint !== 'string' || !Array.isArray(plan.params)) throw new Error();
    return plan;
  } catch {
    throw new SweepError(
      `${path} is not a sweep plan (damaged, or written by something else).\n` +
        '  → run the sweep again without --resume, into an empty --out folder.',
      {
        ko:
          `${path}: 스윕 plan이 아닙니다 (손상되었거나 다른 것이 썼습니다).\n` +
          '  → --resume 없이, 빈 --out 폴더로 스윕을 다시 실행하세요.',
      },
    );
  }
}

/** Records which shard writes folder `dir`. */
export async function writeShard(dir: string, shard: Shard): Promise<void> {
  await writeFileAtomically(join(dir, SHARD_FILE), `${JSON.stringify(shard)}\n`);
}

/** The shard that wrote folder `dir`, if it says so. */
export async function readShard(dir: string): Promise<Shard | undefined> {
  try {
    const shard = JSON.parse(await readRegularFile(join(dir, SHARD_FILE), 4096)) as Shard;
    return Number.isInteger(shard.count) && shard.count >= 1 ? shard : undefined;
  } catch {
    return undefined;
  }
}

/** The path of a point's file in sweep folder `dir`. */
export function pointPath(dir: string, index: number): string {
  return join(dir, POINTS_DIR, `${index}.json`);
}

/**
 * The text of point `index` in sweep folder `dir` when it is there and belongs to `plan`;
 * undefined otherwise (missing, damaged, or of another sweep).
 */
export async function readPointText(
  dir: string,
  index: number,
  plan: SweepPlan,
): Promise<string | undefined> {
  let text: string;
  try {
    text = await readRegularFile(pointPath(dir, index), SAVED_MAX_BYTES);
  } catch {
    return undefined;
  }
  try {
    const file = JSON.parse(text) as PointFile;
    return file.plan === plan.fingerprint && file.index === index ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The indexes of the finished points of `plan` among `indexes` in `dir`. */
export async function finishedPoints(
  dir: string,
  plan: SweepPlan,
  indexes: readonly number[],
): Promise<Set<number>> {
  const done = new Set<number>();
  for (const i of indexes) if ((await readPointText(dir, i, plan)) !== undefined) done.add(i);
  return done;
}

/**
 * Makes `target` ready for a sweep's files, after checking it again: creates it, marks it (once)
 * and removes the temporary files dead runs left in it and in points/. @throws OutPathError
 * when it is no longer a folder msasim may write to; OutputWriteError when the disk refuses.
 */
export async function prepareSweepFolder(target: OutTarget): Promise<void> {
  const { path } = await recheckOut(target);
  try {
    await mkdir(path, { recursive: true });
    await writeFileSynced(join(path, MARKER_FILE), markerText({ msasim: VERSION, kind: 'sweep' }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
      throw writeFailure(e, `the sweep to ${target.given}`, 'nothing was written', {
        where: `스윕 (${target.given})`,
        state: '아무것도 쓰지 않았습니다',
      });
  }
  await removeStaleTemporaries(path);
  await removeStaleTemporaries(join(path, POINTS_DIR));
}

/** A temporary file of writeFileAtomically: `.<name>.tmp-<pid>`. */
const TEMPORARY = /^\.[\w.-]+\.tmp-(\d+)$/;

/** Removes the temporary files in `dir` whose writing process is gone. */
async function removeStaleTemporaries(dir: string): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const m = TEMPORARY.exec(e.name);
    if (m !== null && e.isFile() && !isProcessAlive(Number(m[1])))
      await unlink(join(dir, e.name)).catch(() => undefined);
  }
}

// the sweep's files are written by io.ts writeFileAtomically (re-exported for its importers)
export { writeFileAtomically };
