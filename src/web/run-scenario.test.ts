/**
 * Tests of run-scenario.ts in Node (the code the playground's worker runs): a run gives the
 * report files in the CLI's order, the what-if values reach the model, an invalid scenario
 * never runs, and the CLI's guards stop a runaway run with the CLI's message.
 */
import { describe, expect, it } from 'vitest';
import { TINY_YAML } from '../test-support/scenarios.ts';
import { runRequest, validateText } from './run-scenario.ts';

const TEXT = TINY_YAML;
const ASSETS = { vega: '/*vega*/', vegaLite: '/*vega-lite*/', vegaEmbed: '/*vega-embed*/' };

describe('runRequest', () => {
  it('runs every variant and builds the CLI’s files, the page last', async () => {
    const seen: number[] = [];
    const outcome = await runRequest(
      { text: TEXT, file: 'tiny.yaml', lesson: '# Hi' },
      ASSETS,
      (p) => seen.push(p.simMs),
    );
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    const names = outcome.files.map(([n]) => n);
    expect(names.slice(0, 2)).toEqual(['summary.json', 'endpoints.csv']);
    expect(names.at(-1)).toBe('index.html');
    const summary = JSON.parse(new Map(outcome.files).get('summary.json') ?? '');
    expect(JSON.stringify(summary)).toContain('"durationMs":3000');
    expect(new Map(outcome.files).get('index.html')).toContain('/*vega-lite*/');
  });

  it('builds the page in the language asked (the page’s choice), the data files the same', async () => {
    const run = (lang?: 'en' | 'ko') =>
      runRequest({ text: TEXT, file: 'tiny.yaml', lesson: null, lang }, ASSETS, () => {});
    const [en, ko] = await Promise.all([run(), run('ko')]);
    if (en.kind !== 'done' || ko.kind !== 'done') throw new Error('not done');
    const [enFiles, koFiles] = [new Map(en.files), new Map(ko.files)];
    expect(koFiles.get('index.html')).toContain('<html lang="ko">');
    expect(koFiles.get('index.html')).toContain('<h2>요약</h2>');
    expect(enFiles.get('index.html')).toContain('<h2>Summary</h2>');
    expect(koFiles.get('results.json')).toBe(enFiles.get('results.json'));
    expect(koFiles.get('endpoints.csv')).toBe(enFiles.get('endpoints.csv'));
  });

  it('says its notes in the language asked (a run in which no request completed)', async () => {
    const text = TEXT.replace('mean: 2ms', 'mean: 1h');
    const run = (lang: 'en' | 'ko') =>
      runRequest({ text, file: 'tiny.yaml', lesson: null, lang }, ASSETS, () => {});
    const [en, ko] = await Promise.all([run('en'), run('ko')]);
    if (en.kind !== 'done' || ko.kind !== 'done') throw new Error('not done');
    expect(en.notes.join('\n')).toMatch(/no request completed/);
    expect(ko.notes.join('\n')).toMatch(/완료된 요청이 없습니다/);
  });

  it('applies a what-if value as an override of the base document', async () => {
    const outcome = await runRequest(
      {
        text: TEXT,
        file: 'tiny.yaml',
        lesson: null,
        whatIf: [{ path: 'services.api.threads', value: 1 }],
      },
      ASSETS,
      () => {},
    );
    if (outcome.kind !== 'done') throw new Error(outcome.kind);
    expect(new Map(outcome.files).get('summary.json')).toMatch(/"capacityPerInstance": 1,/);
  });

  it('never runs an invalid scenario; its issues are located', async () => {
    const bad = TEXT.replace('target: api/get', 'target: apj/get');
    const outcome = await runRequest(
      { text: bad, file: 'tiny.yaml', lesson: null },
      ASSETS,
      () => {},
    );
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.issues[0]).toMatchObject({
      file: 'tiny.yaml',
      line: 7,
      hint: expect.stringMatching(/did you mean "api"/),
    });
    expect(validateText(bad, 'tiny.yaml')).toEqual(outcome.issues);
    expect(validateText(TEXT, 'tiny.yaml')).toEqual([]);
  });

  it('stops a run past its budget with the CLI’s guard message', async () => {
    const outcome = await runRequest(
      { text: TEXT, file: 'tiny.yaml', lesson: null },
      ASSETS,
      () => {},
      { maxEvents: 1000 },
    );
    expect(outcome).toEqual({
      kind: 'stopped',
      message: expect.stringMatching(
        /^run of "tiny" stopped: .*1,?000 events.*\n {2}→ .*Nothing was written\.$/s,
      ),
    });
    // in the page's language, as `msasim run --lang ko` says it
    const ko = await runRequest(
      { text: TEXT, file: 'tiny.yaml', lesson: null, lang: 'ko' },
      ASSETS,
      () => {},
      { maxEvents: 1000 },
    );
    expect(ko).toEqual({
      kind: 'stopped',
      message: expect.stringMatching(
        /^"tiny" 실행 중단: .*1,?000.*\n {2}→ .*아무것도 쓰지 않았습니다\.$/s,
      ),
    });
  });

  it('runs the replications the page asks for, with the seeds the CLI gives them', async () => {
    const outcome = await runRequest(
      { text: TEXT, file: 'tiny.yaml', lesson: null, replications: 3 },
      ASSETS,
      () => {},
    );
    if (outcome.kind !== 'done') throw new Error(outcome.kind);
    const summary = JSON.parse(new Map(outcome.files).get('summary.json') ?? '');
    expect(summary.replications).toBe(3);
    expect(summary.seeds).toEqual([1, '1/2', '1/3']);
    expect(summary.runs[0].estimates[0].estimate.n).toBe(3);
  });

  it('adds replications until a precision target is reached, or stops at the cap', async () => {
    const results = (files: [string, string][]) =>
      JSON.parse(new Map(files).get('results.json') ?? '');
    const loose = await runRequest(
      { text: TEXT, file: 'tiny.yaml', lesson: null, precision: 0.5 },
      ASSETS,
      () => {},
    );
    if (loose.kind !== 'done') throw new Error(loose.kind);
    // at least two replications (one has no interval), as `run --precision` starts
    const n = results(loose.files).replications;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThan(30);
    expect(results(loose.files).notes.precision).toEqual({
      target: 0.5,
      reached: true,
      cap: 30,
      worst: null,
    });
    expect(loose.notes.join('\n')).toContain(`within 50 % of its mean after ${n} replications`);
    // a target no run reaches stops at the cap, and says which highlight was furthest
    const strict = await runRequest(
      {
        text: TEXT.replace('duration: 3s', 'duration: 1100ms'),
        file: 'tiny.yaml',
        lesson: null,
        precision: 0.000001,
      },
      ASSETS,
      () => {},
    );
    if (strict.kind !== 'done') throw new Error(strict.kind);
    expect(results(strict.files).replications).toBe(30);
    expect(results(strict.files).notes.precision).toMatchObject({ reached: false, cap: 30 });
    expect(strict.notes.join('\n')).toMatch(/NOT reached: stopped at the cap of 30/);
  });
});
