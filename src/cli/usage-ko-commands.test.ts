/**
 * The Korean command line, command by command (issue 17): with --lang ko, every usage error of
 * run, compare, sweep, spof, merge and report — commander's frames, the option parsers' own
 * sentences, the checks after parsing — and the errors of a sweep folder or a report folder are
 * Korean, with nothing of the English sentence left. The net: no run of more than three English
 * words outside option names, quoted values and paths (englishRun).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishRun, expectNoEnglishSentence } from '../test-support/english-run.ts';
import { sourceMsasim } from '../test-support/source-cli.ts';

const S = 'scenarios/01-shared-db.yaml';

const cli = sourceMsasim;

describe('englishRun', () => {
  it('finds an English sentence left inside the Korean frame, and nothing in option names or paths', () => {
    expect(
      englishRun(
        "오류: 옵션 '--replications <n>'에 쓸 수 없는 값 '0'. expected a whole number above 0.",
      ),
    ).toBe('expected whole number above');
    expect(
      englishRun(
        '오류: --duration 1 ms: 시나리오의 워밍업(10 s)보다 길어야 합니다. (msasim run <scenario>)',
      ),
    ).toBe('msasim run');
    expect(englishRun('✖ /tmp/x/results.json: 읽을 수 없습니다.')).toBe('');
  });
});

describe('usage errors with --lang ko', () => {
  it.each([
    // the option parsers' sentences (cli/option-parsers.ts, sweep-args.ts)
    [['run', S, '--duration', '0'], '0보다 큰 시간이어야 합니다'],
    [['run', S, '--duration', '9000h'], '최대 168h여야 합니다'],
    [['run', S, '--series-resolution', '1.5s'], '초 단위의 정수여야 합니다'],
    [['run', S, '--replications', '0'], '0보다 큰 정수여야 합니다'],
    [['compare', S, '--replications', '99999'], '복제는 최대'],
    [['run', S, '--precision', '2'], '0보다 크고 100 %보다 작은 비율'],
    [['run', S, '--warmup', '5s'], '"auto"여야 합니다'],
    [['run', S, '--jobs', '5000'], '작업(jobs)은 최대 1024개'],
    [['run', S, '--seed', ''], '빈 시드는 시드가 아닙니다'],
    [['run', S, '--max-memory', '0'], '0보다 큰 크기여야 합니다'],
    [['run', S, '--max-events', 'x'], '0보다 큰 정수여야 합니다'],
    [['run', S, '--trace-every', '-1'], '0 이상의 정수여야 합니다'],
    [['run', S, '--trace-replication', '0'], '복제 번호(1 이상)나 all'],
    [['sweep', S, '--workers', '5000'], '워커는 최대 1024개'],
    [['sweep', S, '--shard', '5/2'], '1 ≤ i ≤ n인 i/n이어야 합니다. 받은 값: "5/2"'],
    [['sweep', S, '--param', 'x'], 'path=value,value,… 꼴이어야 합니다'],
    [['sweep', S, '--param', 'services.a.instances=1,,2'], '빈 값이 있습니다'],
    [['sweep', S, '--param', 'services.a.instances=1,1'], '같은 값이 두 번 나옵니다: 1'],
    [
      ['sweep', S, '--param', 'a=1', '--param', 'a=2'],
      'a: 두 번 주어졌습니다. 값을 모두 한 --param에 나열하세요',
    ],
    [['sweep', S, '--param', 'variants.x=1'], '매개변수로는 변형을 바꿀 수 없습니다'],
    [['spof', S, '--at', '0s'], '0보다 큰 시간이어야 합니다'],
    // the checks after parsing (UsageError with its Korean)
    [['sweep', S], '스윕에는'],
    [
      ['sweep', S, '--param', 'services.orders.instances=1,2', '--duration', '2s'],
      '--duration 2 s: 시나리오의 워밍업(10 s)보다 길어야 합니다.',
    ],
    [
      ['spof', S, '--variant', 'nope'],
      '--variant nope: 그런 변형이 없습니다. shared-db의 변형: db-per-service, shared-db.',
    ],
    [['spof', S, '--at', '1s'], '--at 1 s: 워밍업(10 s) 뒤, 끝(90 s) 전이어야 합니다.'],
    [['spof', S, '--duration', '5s'], '--duration 5 s: 워밍업(10 s)보다 길어야 합니다.'],
  ])('%j', async (args, korean) => {
    const r = await cli([...args, '--lang', 'ko']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('오류: ');
    expect(r.err).toContain(korean);
    expect(r.err).toContain('(사용법은 "msasim --help"로 볼 수 있습니다)');
    expectNoEnglishSentence(r.err);
    // the same command line in English keeps its English sentence
    const en = await cli(args);
    expect(en.code).toBe(2);
    expect(englishRun(en.err).split(' ').length).toBeGreaterThanOrEqual(3);
  });

  it('follows a Korean locale too, and run --duration and --trace-replication speak Korean', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'msasim-ko-usage-')), 'o');
    const locale = await cli(['run', S, '--replications', '0'], { LANG: 'ko_KR.UTF-8' });
    expect(locale.err).toContain('0보다 큰 정수여야 합니다');
    const short = await cli(['run', S, '--duration', '1', '--out', out, '--lang', 'ko']);
    expect(short.code).toBe(2);
    expect(short.err).toContain('⚠ --duration 1 값은 1 ms입니다');
    expect(short.err).toContain(
      '오류: --duration 1 ms: 시나리오의 워밍업(10 s)보다 길어야 합니다.',
    );
    expectNoEnglishSentence(short.err);
    const trace = await cli(['run', S, '--trace-replication', '5', '--out', out, '--lang', 'ko']);
    expect(trace.code).toBe(2);
    expect(trace.err).toContain('--trace-replication 5: 이 실행의 복제는 최대 3회입니다.');
    expectNoEnglishSentence(trace.err);
  });
});

describe('errors of saved folders with --lang ko', () => {
  it('report: a missing folder, a scenario file, a foreign or outdated results.json, an empty path', async () => {
    const root = await mkdtemp(join(tmpdir(), 'msasim-ko-report-'));
    const missing = await cli(['report', join(root, 'none'), '--lang', 'ko']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('그런 폴더가 없습니다');
    const file = await cli(['report', S, '--lang', 'ko']);
    expect(file.err).toContain('보고서 폴더가 아니라 파일입니다');
    const foreign = join(root, 'foreign');
    await mkdir(foreign);
    await writeFile(join(foreign, 'results.json'), '{"x": 1}');
    const notOurs = await cli(['report', foreign, '--lang', 'ko']);
    expect(notOurs.err).toContain('msasim의 results.json이 아닙니다 ("format"이 없습니다)');
    await writeFile(join(foreign, 'results.json'), '{"format": 0}');
    const old = await cli(['report', foreign, '--lang', 'ko']);
    expect(old.err).toContain('format 0입니다');
    for (const r of [missing, file, notOurs, old]) expectNoEnglishSentence(r.err);
    const empty = await cli(['report', '', '--lang', 'ko']);
    expect(empty).toMatchObject({ code: 2 });
    expect(empty.err).toContain(
      "report '': 경로가 비어 있습니다.\n  → run이 쓴 폴더를 주세요. 아무것도 쓰지 않았습니다.",
    );
  });

  it('merge: a folder without a plan, and a damaged plan', async () => {
    const root = await mkdtemp(join(tmpdir(), 'msasim-ko-merge-'));
    const r = await cli(['merge', root, '--lang', 'ko']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('sweep-plan.json이 없습니다. 샤드들의 --out 폴더를 주세요');
    expectNoEnglishSentence(r.err);
    await writeFile(join(root, 'sweep-plan.json'), 'not json');
    const damaged = await cli(['merge', root, '--lang', 'ko']);
    expect(damaged.err).toContain('스윕 plan이 아닙니다');
    expectNoEnglishSentence(damaged.err);
  });
});

describe('refused output paths with --lang ko', () => {
  it('run, sweep and spof refuse a file as --out in Korean, exit 2, touching nothing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'msasim-ko-out-'));
    const file = join(root, 'notes.txt');
    await writeFile(file, 'mine');
    for (const args of [
      ['run', S],
      ['sweep', S, '--param', 'services.orders.instances=1,2'],
      ['spof', S],
    ]) {
      const r = await cli([...args, '--out', file, '--lang', 'ko']);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(
        `✖ --out ${file}: 폴더가 아니라 파일입니다. msasim은 파일들을 담은 폴더를 씁니다.\n` +
          '  → 다른 폴더를 고르세요 (새 이름도 됩니다: msasim이 만듭니다). 아무것도 쓰지 않았습니다.\n',
      );
      expectNoEnglishSentence(r.err);
    }
    expect(await readFile(file, 'utf8')).toBe('mine');
  });

  it('challenge --out onto a file msasim did not write is refused in Korean', async () => {
    const root = await mkdtemp(join(tmpdir(), 'msasim-ko-challenge-'));
    const file = join(root, 'a.yaml');
    await writeFile(file, 'mine');
    const r = await cli(['challenge', '01-blast-radius', '--out', file, '--lang', 'ko']);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(`✖ --out ${file}: 파일이 이미 있습니다`);
    expect(r.err).toContain('아무것도 쓰지 않았습니다.');
    expectNoEnglishSentence(r.err);
    expect(await readFile(file, 'utf8')).toBe('mine');
  });
});
