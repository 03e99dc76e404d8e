/**
 * End-to-end tests of `msasim sweep` and `msasim merge` on the built CLI with a tiny scenario
 * (a queue with two variants, 2 s simulated): the files do not depend on the number of
 * workers; shards merged give the single-machine files byte for byte; --resume runs only the
 * missing points and ends with the same files; and every bad input gives a clear message with
 * exit code 1 (scenario, saved state) or 2 (usage), never a stack trace. The first sweep, the
 * reference of the others, runs through the binary (bin/msasim); the others in-process in the
 * tests' folder (test-support/cli.ts), with worker threads loading dist/cli/replication-worker.js
 * just the same.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, fileTree, msasimInProcess } from '../test-support/cli.ts';
import { TINY_YAML } from '../test-support/yaml.ts';
import { VERSION } from './version.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'msasim');
const exec = promisify(execFile);

const TINY = `${TINY_YAML}variants:
  fast: {}
  slow:
    set:
      services.server.endpoints.serve.steps[0].cpu: { dist: exponential, mean: 6ms }
`;

let dir: string;
let scenario: string;
/** The sweep of the tests: tiny.yaml over a grid of 3 × 2 points × 2 variants × 2 replications. */
const SWEEP = [
  'sweep',
  'tiny.yaml',
  '--param',
  'services.server.instances=1,2,3',
  '--param',
  'workloads.arrivals.rate=100/s,200/s',
  '--replications',
  '2',
];

/** `msasim <args>` in the tests' folder, in-process (the built CLI, test-support/cli.ts). */
function msasim(args: string[]): Promise<CliResult> {
  return msasimInProcess(args, { cwd: dir });
}

/** `msasim <args>` in the tests' folder, through the built binary. */
async function binary(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await exec('node', [bin, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let single: Record<string, string>;

/**
 * The shards and resumed sweeps run on one worker: their runs are tiny, so a second worker
 * thread costs more to start than it saves ('gives the same bytes with one worker' shows that
 * the count does not change the files).
 */
const ONE_WORKER = ['--workers', '1'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'msasim-sweep-'));
  scenario = join(dir, 'tiny.yaml');
  await writeFile(scenario, TINY);
  const r = await binary([...SWEEP, '--workers', '2', '--out', 'single']);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code).toBe(0);
  single = await fileTree(join(dir, 'single'));
});

/** The error output of `msasim <args>`, which must refuse them as bad input (exit 1). */
async function refusal(args: string[]): Promise<string> {
  const r = await msasim(args);
  expect(r.code, r.stderr).toBe(1);
  return r.stderr;
}

describe('msasim sweep (built CLI)', () => {
  it('writes the plan, one file per point and the final files, and prints a table', async () => {
    // .msasim-report: the marker saying the folder is a sweep msasim wrote (see cli/out-rules.ts)
    expect(single['.msasim-report']).toBe(`{"msasim":"${VERSION}","kind":"sweep"}\n`);
    expect(Object.keys(single)).toEqual([
      '.msasim-report',
      'points/0.json',
      'points/1.json',
      'points/2.json',
      'points/3.json',
      'points/4.json',
      'points/5.json',
      'sweep-plan.json',
      'sweep.csv',
      'sweep.html',
      'sweep.json',
    ]);
    const data = JSON.parse(single['sweep.json']);
    expect(data.params).toEqual([
      { path: 'services.server.instances', values: [1, 2, 3] },
      { path: 'workloads.arrivals.rate', values: ['100/s', '200/s'] },
    ]);
    expect(data.seeds).toEqual([1, '1/2']);
    expect(
      data.points.map((p: { index: number; variant: string }) => `${p.index}${p.variant}`),
    ).toEqual([
      '0fast',
      '0slow',
      '1fast',
      '1slow',
      '2fast',
      '2slow',
      '3fast',
      '3slow',
      '4fast',
      '4slow',
      '5fast',
      '5slow',
    ]);
    expect(data.points[6].values).toEqual({
      'services.server.instances': 2,
      'workloads.arrivals.rate': '200/s',
    });
    const csv = single['sweep.csv'].split('\n');
    expect(csv[0]).toBe(
      'index,services.server.instances,workloads.arrivals.rate,variant,scope,id,metric,n,mean,sd,lo,hi',
    );
    expect(csv[1]).toMatch(/^0,1,100\/s,fast,overall,,p50Ms,2,/);
    const html = single['sweep.html'];
    expect(html).toContain('<script type="application/json" id="msasim-charts">');
    expect(html).toContain('p99 latency vs services.server.instances');
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|href)=["']?(https?:)?\/\//i);
  });

  it('gives the same bytes with one worker', async () => {
    const r = await msasim([...SWEEP, '--workers', '1', '--out', 'one']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ran 6 of 6 points, 24 runs on 1 worker/);
    expect(await fileTree(join(dir, 'one'))).toEqual(single);
  });

  it('merges shards into the single-machine files byte for byte', async () => {
    for (const i of [1, 2, 3]) {
      const r = await msasim([...SWEEP, '--shard', `${i}/3`, ...ONE_WORKER, '--out', `shard${i}`]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`shard ${i}/3: ran 2 of 2 points`));
    }
    const shard2 = await fileTree(join(dir, 'shard2'));
    expect(Object.keys(shard2)).toEqual([
      '.msasim-report',
      'points/1.json',
      'points/4.json',
      'sweep-plan.json',
      'sweep-shard.json',
    ]);
    const partial = await msasim(['merge', 'shard1', 'shard3', '--out', 'partial']);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatchInlineSnapshot(`
      "✖ the sweep is incomplete: 2 of its 6 points are missing from shard1, shard3: 1, 4 (run by --shard 2/3).
        → run the missing shards (or rerun them with --resume), then merge again. Nothing was written.
      "
    `);
    const r = await msasim(['merge', 'shard1', 'shard2', 'shard3', '--out', 'merged']);
    expect(r.code).toBe(0);
    expect(await fileTree(join(dir, 'merged'))).toEqual(single);
  });

  it('resumes: runs only the missing point and ends with the same files', async () => {
    const r1 = await msasim([...SWEEP, '--shard', '1/3', ...ONE_WORKER, '--out', 'resumed']);
    expect(r1.code).toBe(0);
    await rm(join(dir, 'resumed', 'points', '3.json'));
    const resume = [...SWEEP, '--resume', ...ONE_WORKER, '--out', 'resumed'];
    const r2 = await msasim(resume);
    expect(r2.code).toBe(0);
    expect(r2.stderr).toMatch(/ran 5 of 6 points \(1 already done\), 20 runs/);
    await rm(join(dir, 'resumed', 'points', '4.json'));
    const r3 = await msasim(resume);
    expect(r3.stderr).toMatch(/ran 1 of 6 points \(5 already done\), 4 runs/);
    const resumed = await fileTree(join(dir, 'resumed'));
    delete resumed['sweep-shard.json'];
    expect(resumed).toEqual(single);
  });

  it('speaks Korean with --lang ko: the last lines of a shard and of merge, and their refusals', async () => {
    const ko = ['--lang', 'ko'];
    for (const i of [1, 2]) {
      const r = await msasim([
        ...SWEEP,
        '--shard',
        `${i}/2`,
        ...ONE_WORKER,
        '--out',
        `ko${i}`,
        ...ko,
      ]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `, 샤드 ${i}/2: 점 3개 중 3개 실행, 워커 1개로 실행 12회, 실제 시간 `,
      );
      expect(r.stderr).toContain(`쓴 파일: sweep-plan.json, points/ (폴더 ko${i})`);
      expect(r.stderr).toContain('  → 모든 샤드가 끝나면: msasim merge <샤드 폴더들> --out <폴더>');
    }
    const partial = await msasim(['merge', 'ko1', '--out', 'ko-partial', ...ko]);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toBe(
      '✖ 스윕이 완전하지 않습니다: 점 6개 중 3개가 ko1에 없습니다: 1, 3, 5 (실행할 샤드: --shard 2/2).\n' +
        '  → 빠진 샤드를 실행하고 (또는 --resume으로 다시 실행하고) 다시 합치세요. 아무것도 쓰지 않았습니다.\n',
    );
    const merged = await msasim(['merge', 'ko1', 'ko2', '--out', 'ko-merged', ...ko]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain(
      '의 점 6개를 폴더 2개에서 합쳤습니다. 쓴 파일: sweep.json, sweep.csv, sweep.html (폴더 ko-merged)',
    );
    const other = await refusal([...SWEEP, '--seed', '7', '--resume', '--out', 'ko1', ...ko]);
    expect(other).toBe(
      '✖ 이어서 할 수 없습니다: ko1/sweep-plan.json은 다른 스윕의 것입니다. 다른 점: --seed (저장된 것: 없음, 지금: 7).\n' +
        '  → 같은 시나리오와 옵션으로 다시 실행하거나, --resume 없이 (또는 다른 --out으로) 처음부터 시작하세요.\n',
    );
  });

  it('refuses to resume a different sweep, saying what differs', async () => {
    const stderr = await refusal([...SWEEP, '--seed', '7', '--resume', '--out', 'single']);
    expect(stderr).toMatchInlineSnapshot(`
      "✖ cannot resume: single/sweep-plan.json was written for a different sweep; these differ: --seed (saved: none, now: 7).
        → rerun with the same scenario and options, or start over without --resume (or with another --out).
      "
    `);
  });
});

describe('msasim sweep: bad input', () => {
  it('names an unknown path with a did-you-mean, located in the file (exit 1)', async () => {
    const stderr = await refusal(['sweep', 'tiny.yaml', '--param', 'services.sever.instances=1,2']);
    expect(stderr).toMatchInlineSnapshot(`
      "tiny.yaml:8:3  services.sever
        ✖ in --param services.sever.instances: there is no "sever" here
        → known: server; did you mean "server"?

      1 error
      "
    `);
  });

  it('reports the problems of every grid point at once before running anything', async () => {
    const stderr = await refusal([
      'sweep',
      'tiny.yaml',
      '--param',
      'services.server.threads=0,2,-1',
      '--out',
      'never',
    ]);
    expect(stderr).toMatchInlineSnapshot(`
      "tiny.yaml:9:14  services.server.threads
        ✖ in --param services.server.threads=0: must be >= 1, received 0

      tiny.yaml:9:14  services.server.threads
        ✖ in --param services.server.threads=-1: must be >= 1, received -1

      2 errors
      "
    `);
    await expect(readdir(join(dir, 'never'))).rejects.toThrow();
  });

  it('gives usage errors exit code 2', async () => {
    for (const args of [
      ['--param', 'services.server.instances'],
      ['--param', 'services.server.instances=1', '--shard', '4/3'],
      ['--param', 'services.server.instances=1', '--duration', '100ms'],
      [],
    ]) {
      const r = await msasim(['sweep', 'tiny.yaml', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('merge refuses folders that are not sweeps', async () => {
    const r = await msasim(['merge', '.', '--out', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds no sweep-plan.json/);
  });
});
