/**
 * `--jobs` end to end (issue 14: replications on worker threads, cli/replications.ts): `run`
 * and `compare` write the same bytes and print the same text with `--jobs 1` (every
 * replication in the main thread) and `--jobs 3` (replications 2..N on worker threads) —
 * traced replications, a replayed data file, `--precision` rounds and `--warmup auto`
 * included; a guard that stops a worker's replication gives the message `--jobs 1` gives, for
 * the replication `--jobs 1` meets first; the closing line sums the threads' loops and says so
 * (in English and Korean); a bad --jobs is a usage error in both languages.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTree, msasimInProcess as msasim } from '../test-support/cli.ts';
import { TINY_YAML } from '../test-support/yaml.ts';

/** A new folder holding `files`. */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'msasim-jobs-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** Two variants of the tiny queue: one as it is, one with slower CPU. */
const TWO = `${TINY_YAML}variants:
  fast: {}
  slow:
    set:
      services.server.endpoints.serve.steps[0].cpu: { dist: exponential, mean: 6ms }
`;

/**
 * Runs `args` (after the command, before --jobs and --out) with --jobs 1 and --jobs 3 and
 * expects the same exit code 0, stdout and files byte for byte; returns the two stderr texts.
 */
async function sameWhateverJobs(
  command: 'run' | 'compare',
  file: string,
  args: string[],
): Promise<{ one: string; three: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'msasim-jobs-out-'));
  const one = await msasim([command, file, ...args, '--jobs', '1', '--out', join(dir, 'one')]);
  const three = await msasim([command, file, ...args, '--jobs', '3', '--out', join(dir, 'three')]);
  expect(one.code, one.stderr).toBe(0);
  expect(three.code, three.stderr).toBe(0);
  expect(three.stdout).toBe(one.stdout);
  const files = await fileTree(join(dir, 'one'));
  expect(Object.keys(files)).toContain('summary.json');
  expect(await fileTree(join(dir, 'three'))).toEqual(files);
  return { one: one.stderr, three: three.stderr };
}

describe('--jobs: the same bytes whatever the number of threads', () => {
  it('compare with 4 replications, every replication traced', async () => {
    const dir = await folder({ 'two.yaml': TWO });
    const { one, three } = await sameWhateverJobs('compare', join(dir, 'two.yaml'), [
      '--replications',
      '4',
      '--trace',
      '--trace-every',
      '7',
      '--trace-replication',
      'all',
    ]);
    // the closing line: the main thread's loops alone, or summed over the worker threads too
    expect(one).toMatch(/loop [\d.]+ s CPU, [\d.]+ s wall, [\d.]+[Mk] events\/s;/);
    expect(one).not.toContain('summed over');
    expect(three).toMatch(/loop [\d.]+ s CPU, [\d.]+ s wall summed over 4 threads, /);
  });

  it('run of a workload replayed from a data file', async () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) => `${(i * 0.009).toFixed(3)},${i % 3 === 0 ? 'server/other' : 'server/serve'}`,
    );
    const dir = await folder({
      'replay.yaml': TINY_YAML.replace(
        'arrivals: { rate: 200/s, target: server/serve }',
        'arrivals: { replay: { file: log.csv, endpoint: route }, mix: { server/serve: 2, server/other: 1 } }',
      ).concat('      other: { steps: [{ cpu: 1ms }] }\n'),
      'log.csv': `time,route\n${rows.join('\n')}\n`,
    });
    await sameWhateverJobs('run', join(dir, 'replay.yaml'), ['--replications', '3']);
  });

  it('run with --precision rounds and --warmup auto', async () => {
    const dir = await folder({ 'two.yaml': TWO });
    const { one, three } = await sameWhateverJobs('run', join(dir, 'two.yaml'), [
      '--precision',
      '0.1%',
      '--max-replications',
      '4',
      '--warmup',
      'auto',
    ]);
    expect(one).toContain('NOT reached: stopped at the cap of 4 replications');
    expect(three).toContain('NOT reached: stopped at the cap of 4 replications');
  });

  it('without --jobs a small run stays in the main thread (threads would cost more than they save)', async () => {
    const dir = await folder({ 'two.yaml': TWO });
    const out = await mkdtemp(join(tmpdir(), 'msasim-jobs-out-'));
    const file = join(dir, 'two.yaml');
    const args = ['--replications', '3', '--trace'];
    const auto = await msasim(['compare', file, ...args, '--out', join(out, 'auto')]);
    const one = await msasim(['compare', file, ...args, '--jobs', '1', '--out', join(out, 'one')]);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stdout).toBe(one.stdout);
    expect(auto.stderr).not.toContain('summed over');
    expect(await fileTree(join(out, 'auto'))).toEqual(await fileTree(join(out, 'one')));
  });
});

describe('--jobs: guards', () => {
  // at 200/s the first replication of `fast` takes 785 events and its fourth 830; at 230/s
  // the first of `slow` takes 912: with --max-events 800, --jobs 1 meets fast's fourth first
  // (a worker thread's, with --jobs 3), while the main thread's run of slow's first fails too
  const GUARDED = TWO.replace(
    'services.server.endpoints.serve.steps[0].cpu: { dist: exponential, mean: 6ms }',
    'workloads.arrivals.rate: 230/s',
  );

  it("a guard stopping a worker's replication: the message of --jobs 1, nothing written", async () => {
    const dir = await folder({ 'g.yaml': GUARDED });
    const args = ['run', join(dir, 'g.yaml'), '--replications', '4', '--max-events', '800'];
    const one = await msasim([...args, '--jobs', '1', '--out', join(dir, 'one')]);
    const three = await msasim([...args, '--jobs', '3', '--out', join(dir, 'three')]);
    expect(one.code).toBe(1);
    expect(three.code).toBe(1);
    expect(one.stderr).toContain(
      '✖ run of "tiny" (variant fast) stopped: it exceeded its event budget of 800 events at simulated time',
    );
    expect(three.stderr).toBe(one.stderr);
    expect(await fileTree(dir)).toEqual({ 'g.yaml': GUARDED });
  });

  it("--lang ko: a guard's message in Korean, the same from a worker thread", async () => {
    const dir = await folder({ 'g.yaml': GUARDED });
    const args = ['run', join(dir, 'g.yaml'), '--replications', '4', '--max-events', '800'];
    const one = await msasim([...args, '--jobs', '1', '--out', join(dir, 'one'), '--lang', 'ko']);
    const three = await msasim([
      ...args,
      '--jobs',
      '3',
      '--out',
      join(dir, 'three'),
      '--lang',
      'ko',
    ]);
    expect([one.code, three.code]).toEqual([1, 1]);
    expect(one.stderr).toMatch(
      /^✖ "tiny" \(변형 fast\) 실행 중단: 2 s 가운데 시뮬레이션 시각 [\d.]+ s에 이벤트 예산 800개를 넘었습니다\.\n {2}→ 시뮬레이션 시간을 줄이거나, 부하를 낮추거나, --max-events를 늘리세요\. 아무것도 쓰지 않았습니다\.\n$/,
    );
    expect(three.stderr).toBe(one.stderr);
  });

  it('--max-wall spent: the message of --jobs 1', async () => {
    const dir = await folder({ 'g.yaml': GUARDED });
    const args = ['run', join(dir, 'g.yaml'), '--replications', '4', '--max-wall', '1ms'];
    const one = await msasim([...args, '--jobs', '1', '--out', join(dir, 'one')]);
    const three = await msasim([...args, '--jobs', '3', '--out', join(dir, 'three')]);
    expect([one.code, three.code]).toEqual([1, 1]);
    expect(one.stderr).toContain('(--max-wall) was used up before the run of "tiny"');
    expect(three.stderr).toBe(one.stderr);
  });

  it('--jobs 0 is a usage error', async () => {
    const r = await msasim(['run', 'scenarios/shop.yaml', '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--jobs <n>' argument '0' is invalid");
    const ko = await msasim(['run', 'scenarios/shop.yaml', '--jobs', '0', '--lang', 'ko']);
    expect(ko.code).toBe(2);
    expect(ko.stderr).toContain("오류: 옵션 '--jobs <n>'에 쓸 수 없는 값 '0'.");
  });

  it('the closing line in Korean says over how many threads the loops are summed', async () => {
    const dir = await folder({ 'two.yaml': TWO });
    const args = ['run', join(dir, 'two.yaml'), '--replications', '2', '--lang', 'ko'];
    const r = await msasim([...args, '--jobs', '2', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/루프 \(스레드 3개 합계\): CPU [\d.]+초/);
  });
});
