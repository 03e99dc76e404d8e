/**
 * Tests of data-files.ts in Node (the code the playground's worker runs; outside a worker the
 * page's files are read whole first): a replayed log given to the page runs, with the CLI's
 * checks: a file not given and a bad row are located problems and nothing runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { ROOT } from '../test-support/cli.ts';
import { dataFileNames } from './data-files.ts';
import { runRequest } from './run-scenario.ts';

const FILE = 'scenarios/real-data/replayed-morning.yaml';
const TEXT = readFileSync(join(ROOT, FILE), 'utf8')
  .replace(/^duration: .*$/m, 'duration: 8s')
  .replace(/^warmup: .*$/m, 'warmup: 2s');
const LOG = readFileSync(join(ROOT, 'scenarios/real-data/morning-log.csv'), 'utf8');
const ASSETS = { vega: '', vegaLite: '', vegaEmbed: '' };
/** The line of the scenario that names the log (1-based). */
const LOG_LINE = TEXT.split('\n').findIndex((l) => l.includes('file: morning-log.csv')) + 1;

describe('data files given to the page', () => {
  it('lists the files the scenario reads', () => {
    expect(dataFileNames(parseScenario(TEXT, FILE))).toEqual(['morning-log.csv']);
  });

  it('replays a log given to the page', async () => {
    const outcome = await runRequest(
      { text: TEXT, file: FILE, lesson: null, files: { 'morning-log.csv': new Blob([LOG]) } },
      ASSETS,
      () => {},
    );
    if (outcome.kind !== 'done') throw new Error(JSON.stringify(outcome));
    const summary = JSON.parse(new Map(outcome.files).get('summary.json') ?? '');
    expect(summary.runs[0].overall.arrivals).toBeGreaterThan(100);
  });

  it('never runs without the file, or with a bad row; both are located', async () => {
    const missing = await runRequest({ text: TEXT, file: FILE, lesson: null }, ASSETS, () => {});
    if (missing.kind !== 'invalid') throw new Error(missing.kind);
    expect(LOG_LINE).toBeGreaterThan(0);
    expect(missing.issues[0]).toMatchObject({
      file: FILE,
      line: LOG_LINE,
      message: expect.stringMatching(/morning-log\.csv.*the page was not given it/s),
    });
    const bad = LOG.replace('0.146,gateway/search', '0.146,gateway/serch');
    const outcome = await runRequest(
      { text: TEXT, file: FILE, lesson: null, files: { 'morning-log.csv': new Blob([bad]) } },
      ASSETS,
      () => {},
    );
    if (outcome.kind !== 'invalid') throw new Error(outcome.kind);
    expect(outcome.issues[0]).toMatchObject({
      file: 'scenarios/real-data/morning-log.csv',
      line: 3,
      hint: expect.stringMatching(/gateway\/search/),
    });
  });
});
