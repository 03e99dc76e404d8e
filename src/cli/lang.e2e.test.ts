/**
 * `--lang ko|en` (issue 17): the shipped Hangul scenario run with `--lang ko` prints its summary
 * in Korean (a golden: scenarios/expected/상담-목록-화면/stdout.ko.txt), writes a page whose own
 * words are Korean (`<html lang="ko">`, no English chrome word left in its visible text or its
 * charts' titles) and the same data files as the English run (results.json and summary.json byte
 * for byte: the language is a view), its CSV files starting with a byte-order mark unless
 * `--no-csv-bom`; `msasim report --lang` rebuilds either page from results.json alone; without
 * the option the locale decides (LC_ALL, LC_MESSAGES, LANG), which the built binary reads.
 */
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../report/text-table.ts';
import { englishChartWords, userNames } from '../test-support/chart-words.ts';
import { msasimInProcess as msasim, msasimSpawned } from '../test-support/cli.ts';
import { expectParts } from '../test-support/expect-parts.ts';
import { chartTitles, phrasesIn, visibleText } from '../test-support/page-text.ts';
import {
  allShippedRuns,
  KOREAN_LANG_RUN,
  SHIPPED,
  sharedRun,
  shippedRun,
} from '../test-support/shipped-runs.ts';
import { scenariosDir } from './commands/list.ts';

const FILE = 'ko/join-vs-n-plus-1.yaml';
const PATH = join('scenarios', FILE);
const BOM = '\uFEFF';

/** The Korean run of the shipped Hangul scenario, as the English one is made plus `--lang ko`. */
const koreanRun = () => sharedRun(KOREAN_LANG_RUN.key, KOREAN_LANG_RUN.args);

const tempDir = () => mkdtemp(join(tmpdir(), 'msasim-lang-'));

/**
 * Words of the page's English chrome (titles, headers, verdicts, sentences) that a Korean page
 * must not show. The scenario's own text is Korean, so any of them would be msasim's.
 */
const ENGLISH_CHROME = [
  'Highlights',
  'Summary',
  'Comparison',
  'baseline',
  'better',
  'worse',
  'replication',
  'variant',
  'Read this first',
  'Lesson',
  'Topology',
  'Latency',
  'Over time',
  'Load',
  'Service-level',
  'Key metrics',
  'significant',
  'Differences',
  'Endpoints',
  'Components',
  'Caches',
  'Descriptions',
  'Made by',
  'scenario file',
  'simulated',
  'seed',
  'warm-up',
  'requests',
  'errors',
  'utilisation',
  'throughput',
  'instances',
  'per request',
  'mean wait',
  'hit ratio',
  'error rate',
  'percentile',
  'latency',
  'confidence',
  // the item sections, readers, messaging, sensitivity and fault propagation (issue 17, part 2)
  'First replication of each variant',
  'blocked in doubt',
  'pending',
  'snapshots',
  'frozen',
  'Runtime',
  'sensitivity',
  'service time',
  'One example of each',
  'reading saga',
  'read model',
  'How the faults spread',
  'bytes moved',
];

/**
 * Phrases of the sections a shipped scenario's Korean page may have (two-phase commits, pending
 * states, event stores, frozen instances, runtime effects, readers' cards and the anomalies
 * they recorded, the messages' examples, bytes moved, fault propagation and its warnings,
 * messaging's charts): msasim's words, not found in
 * any shipped scenario's own English text, so none may show on a Korean page.
 */
const SECTION_PHRASES = [
  'First replication of each variant',
  'Participants blocked in doubt',
  'Lock hold time',
  'Time pending',
  'What the reads saw',
  'Replay length as history grows',
  'The effect of snapshots',
  'A frozen process',
  'Costs of the services',
  'Bytes carried over each link',
  'How the faults spread',
  'One example of each',
  'The first anomaly',
  'reads were',
  'reading saga',
  'reading the read model',
  'What became of the messages',
  'Consumer lag over time',
  'What the readers saw',
  'counts after the warm-up',
  'noisy episodes',
  'further left is shorter',
  // what a run records as it goes: readers' anomalies, messages' examples (by pattern)
  'read key',
  'update pending',
  'updates pending',
  'oldest written at',
  'started at',
  'not done',
  'done at',
  'was never applied by',
  'and again at',
  'offset committed',
  // a fault that never struck
  'never struck',
  'struck only during',
  // the request traces section (replayed-morning is traced)
  'The requests kept by tracing',
  'kept as',
  'more traces in',
  'more spans in',
  'spans drawn',
  'waiting for a thread',
  'waiting for a connection',
  'Hover for times',
];

/**
 * Words of the traces section (captions, tooltips, span labels, the model's span names, its
 * failure causes and events' names) that its Korean version must not show.
 */
const TRACE_WORDS = [
  ...SECTION_PHRASES.slice(SECTION_PHRASES.indexOf('The requests kept by tracing')),
  'request',
  'query',
  'ok',
  'slowest',
  'sampled',
  'rejected',
  'timed out',
  'from',
  'at',
  'to',
  'of replication',
  'key',
  'waiting for the lock',
  'lock held',
  'prepare',
  'commit',
  'round',
  'pending',
  'events replayed',
  // failure causes and events
  'aborted',
  'voted no',
  'timeout',
  'retry',
  'fallback',
  'queue full',
  'gave up',
  'failed fast',
  'lock wait',
  'compensated',
  'voted',
];

/** The English chrome words `text` holds. */
const englishIn = (text: string) =>
  ENGLISH_CHROME.filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(text));

describe('msasim run --lang ko', () => {
  it('prints the summary in Korean (golden), fitted to 100 display columns', async () => {
    const r = await koreanRun();
    expect(r.code, r.stderr).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(
      join(scenariosDir(), 'expected', '상담-목록-화면', 'stdout.ko.txt'),
    );
    expect(r.stdout).toContain('■ 주요 지표: 시나리오에 선언됨');
    expect(r.stdout).toContain('■ 비교 (모든 진입 엔드포인트)');
    for (const line of r.stdout.split('\n'))
      expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  });

  it('writes the same results.json and summary.json as the English run (a view, not data)', async () => {
    const [ko, en] = await Promise.all([koreanRun(), shippedRun(FILE)]);
    for (const f of ['results.json', 'summary.json'])
      expect(await readFile(join(ko.out, f), 'utf8'), f).toBe(
        await readFile(join(en.out, f), 'utf8'),
      );
  });

  it('starts every CSV file with a byte-order mark, the English run’s text after it', async () => {
    const [ko, en] = await Promise.all([koreanRun(), shippedRun(FILE)]);
    const csvs = (await readdir(ko.out)).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(3);
    for (const f of csvs)
      expect(await readFile(join(ko.out, f), 'utf8'), f).toBe(
        BOM + (await readFile(join(en.out, f), 'utf8')),
      );
  });

  it('writes a page in Korean: <html lang="ko">, no English chrome in its text or chart titles', async () => {
    const page = await readFile(join((await koreanRun()).out, 'index.html'), 'utf8');
    expectParts(page, [
      '<html lang="ko">',
      '<nav aria-label="목차">',
      '<p class="eyebrow">msasim 보고서</p>',
      '<h2>주요 지표</h2>',
      '<h2>변형 비교</h2>',
      '<h3>설명</h3>',
      // the user's words stay as written
      '고객 정보를 가진 서비스',
    ]);
    // the lesson is the lesson writer's text (its language is the lesson's own)
    const text = visibleText(page.replace(/<section id="lesson">[\s\S]*?<\/section>/, ''));
    expect(englishIn(text)).toEqual([]);
    expect(englishIn(chartTitles(page).join('\n'))).toEqual([]);
  });

  it('--no-csv-bom writes the CSV files without a byte-order mark (compare)', async () => {
    const out = join(await tempDir(), 'report');
    const r = await msasim([
      ...['compare', PATH, '--duration', '6s', '--out', out, '--lang', 'ko', '--no-csv-bom'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^compare 상담-목록-화면 \(scenarios\/ko\/join-vs-n-plus-1\.yaml\): 변형 3개, 시드 1\n/,
    );
    const csvs = (await readdir(out)).filter((f) => f.endsWith('.csv'));
    expect(csvs).toContain('compare.csv');
    for (const f of csvs)
      expect((await readFile(join(out, f), 'utf8')).startsWith(BOM), f).toBe(false);
  });
});

describe('msasim sweep --lang ko', () => {
  it('prints its table with Korean column titles, the same table under "Every point"', async () => {
    const out = join(await tempDir(), 'sweep');
    const r = await msasim([
      ...['sweep', PATH, '--param', 'services.상담.instances=2,3', '--duration', '6s'],
      ...['--workers', '1', '--out', out, '--lang', 'ko'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const header = r.stdout.split('\n').find((l) => l.startsWith('services.상담.instances'));
    expect(header?.split(/\s{2,}/)).toEqual([
      'services.상담.instances',
      '변형',
      'p50 ms',
      'p99 ms',
      '성공/s',
      '오류 %',
    ]);
    const page = await readFile(join(out, 'sweep.html'), 'utf8');
    const table = /<section id="table">[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(table).toContain('오류 %');
    expect(phrasesIn(visibleText(table), ['variant', 'ok/s', 'errors'])).toEqual([]);
  });
});

describe('the request traces section in Korean', () => {
  it('words its intro, captions, tooltips, span labels, causes and events in Korean', async () => {
    const out = join(await tempDir(), 'traced');
    const r = await msasim([
      'run',
      'scenarios/transactions/two-phase-vs-saga.yaml',
      '--trace',
      '--duration',
      '25s',
      '--lang',
      'ko',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const page = await readFile(join(out, 'index.html'), 'utf8');
    const section = /<section id="traces">[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(section).toContain('<h2>요청 트레이스</h2>');
    expect(section).toContain('트레이싱이 남긴 요청을 느린 순서로 보여 줍니다.');
    expect(section).toMatch(/<figcaption><strong>orders\/place<\/strong> 요청 \d+: /);
    expect(section).toMatch(/— 남긴 이유: (가장 느림|실패|표본)/);
    expect(section).toContain('의 락 보유');
    expect(section).toContain('중단 라운드');
    const text = visibleText(section);
    expect(englishIn(text)).toEqual([]);
    expect(phrasesIn(text, TRACE_WORDS)).toEqual([]);
  });
});

describe('msasim report --lang', () => {
  it('rebuilds the Korean page from the English run’s results.json, and the English one back', async () => {
    const [ko, en] = await Promise.all([koreanRun(), shippedRun(FILE)]);
    const dir = join(await tempDir(), 'report');
    await cp(en.out, dir, { recursive: true });
    const toKorean = await msasim(['report', dir, '--lang', 'ko']);
    expect(toKorean.code, toKorean.stderr).toBe(0);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe(
      await readFile(join(ko.out, 'index.html'), 'utf8'),
    );
    const back = await msasim(['report', dir, '--lang', 'en']);
    expect(back.code, back.stderr).toBe(0);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe(
      await readFile(join(en.out, 'index.html'), 'utf8'),
    );
  });

  it('rebuilds every shipped scenario’s page in Korean (every feature’s words, no missing value, no English word msasim wrote in a chart)', async () => {
    const root = await tempDir();
    for (const [i, run] of (await allShippedRuns()).entries()) {
      // `msasim report` reads results.json alone (and writes index.html): ~100 MB of the other files not copied
      const dir = join(root, String(i));
      await mkdir(dir);
      await copyFile(join(run.out, 'results.json'), join(dir, 'results.json'));
      const r = await msasim(['report', dir, '--lang', 'ko']);
      expect(r.code, `${SHIPPED[i]}: ${r.stderr}`).toBe(0);
      const page = await readFile(join(dir, 'index.html'), 'utf8');
      expect(page, SHIPPED[i]).toContain('<html lang="ko">');
      expect(page, SHIPPED[i]).toContain('<p class="eyebrow">msasim 보고서</p>');
      const shown = [visibleText(page), ...chartTitles(page)].join('\n');
      expect(phrasesIn(shown, SECTION_PHRASES), SHIPPED[i]).toEqual([]);
      // headers, axis labels, legends, tooltips and text marks: only the user's names in English
      const names = userNames(await readFile(join(dir, 'results.json'), 'utf8'));
      expect(englishChartWords(page, names), SHIPPED[i]).toEqual([]);
    }
  });

  it('refuses a language it does not have (usage, exit 2)', async () => {
    const r = await msasim(['report', 'reports/none', '--lang', 'ja']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--lang <lang>' argument 'ja' is invalid\. Allowed choices are en, ko/,
    );
  });
});

describe('the language of the locale (the built binary)', () => {
  const run = async (env: Record<string, string>, extra: string[] = []) => {
    const out = join(await tempDir(), 'report');
    const r = await msasimSpawned(['compare', PATH, '--duration', '6s', '--out', out, ...extra], {
      env,
    });
    expect(r.code, r.stderr).toBe(0);
    return { ...r, out };
  };

  it('LANG=ko_KR.UTF-8 gives Korean, with a byte-order mark', async () => {
    const r = await run({ LANG: 'ko_KR.UTF-8', LC_ALL: '', LC_MESSAGES: '' });
    expect(r.stdout).toContain('■ 비교 (모든 진입 엔드포인트)');
    expect((await readFile(join(r.out, 'compare.csv'), 'utf8')).startsWith(BOM)).toBe(true);
    expect(await readFile(join(r.out, 'index.html'), 'utf8')).toContain('<h2>변형 비교</h2>');
  });

  it('LC_ALL=C over LANG=ko_KR gives English; --lang en over the locale too', async () => {
    const c = await run({ LANG: 'ko_KR.UTF-8', LC_ALL: 'C' });
    expect(c.stdout).toContain('■ comparison (all entry endpoints)');
    expect((await readFile(join(c.out, 'compare.csv'), 'utf8')).startsWith(BOM)).toBe(false);
    const asked = await run({ LANG: 'ko_KR.UTF-8', LC_ALL: '' }, ['--lang', 'en']);
    expect(asked.stdout).toBe(c.stdout);
  });
});
