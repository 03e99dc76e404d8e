/**
 * A crash of a copy's service in the report of replicated data (feature.ts): a small scenario
 * (test-support/model-replicated.ts `cutScenario`, not shipped) whose store is crashed from 5 s
 * to 10 s, durable and lossy. replicated.csv counts what the crash held and dropped, and the
 * `copyDown` column tells the copies' side from the links'; the console and the page show it
 * with its legend line (in Korean too) only when some state reached a down copy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../test-support/csv.ts';
import { cutScenario, type Merge } from '../../../test-support/model-replicated.ts';
import { replicate } from '../../../test-support/replicate.ts';
import { NO_LIBRARIES } from '../../../test-support/report-data.ts';
import { buildReportHtml } from '../../html/page.ts';
import { buildOutputs } from '../../outputs.ts';
import { buildReportData } from '../../report-data.ts';
import type { ScenarioResults } from '../../results.ts';
import { formatSummary } from '../../table.ts';
import { REPORT_FEATURES } from '../registry.ts';

/** The store crashed from 5 s to 10 s (none: no fault); variants durable and lossy. */
const yaml = (merge: Merge, crash = true) => `${cutScenario(
  merge,
  crash ? '  store-down: { kind: crash, target: store, at: 5s, for: 5s }' : '  {}',
)}variants:
  durable: {}
  lossy: { set: { replicated.stock.delivery: lossy } }
`;

const results = new Map<string, ScenarioResults>();
beforeAll(async () => {
  for (const merge of ['lww', 'crdt'] as const)
    results.set(merge, await replicate(yaml(merge), 'crash.yaml'));
  results.set('calm', await replicate(yaml('lww', false), 'calm.yaml'));
});

/** replicated.csv of `name`: its header and rows, and a row's figure by column. */
function csv(name: string) {
  const [header, ...rows] = parseCsv(
    buildOutputs(results.get(name) as ScenarioResults).get('replicated.csv') ?? '',
  );
  return {
    header,
    rows,
    cell: (row: string[], column: string) => Number(row[header.indexOf(column)]),
  };
}

describe('a crash of a copy’s service in the replicated data report', () => {
  it.each<Merge>(['lww', 'crdt'])(
    '%s: replicated.csv counts what the crash held and dropped',
    (merge) => {
      const { header, rows, cell } = csv(merge);
      const [durable, lossy] = rows;
      // the shop's states for the 5 s the store is down: 200/s, held or dropped
      expect(cell(durable, 'held')).toBeGreaterThan(900);
      expect(cell(durable, 'copyDown')).toBe(cell(durable, 'held'));
      expect(durable[header.indexOf('unsynced')]).toBe(''); // a durable data's row has none
      expect(cell(lossy, 'dropped')).toBeGreaterThan(900);
      expect(cell(lossy, 'copyDown')).toBe(cell(lossy, 'dropped'));
      expect(cell(lossy, 'held')).toBe(0);
      // the keys changed again after the crash: the copies agree at the end
      expect(cell(lossy, 'unsynced')).toBe(0);
      // lww loses more of the lossy copy's updates; the PN-counter none either way
      expect(cell(lossy, 'lost') > cell(durable, 'lost')).toBe(merge === 'lww');
    },
  );

  it('no column for data no crash strikes', () => {
    expect(csv('calm').header).not.toContain('copyDown');
    const calm = results.get('calm') as ScenarioResults;
    expect(formatSummary(calm)).not.toContain('copy down');
    expect(buildReportHtml(buildReportData(calm), NO_LIBRARIES)).not.toContain('copy down');
  });

  it('the console and the page show the column and its legend line, in Korean too', () => {
    const struck = results.get('lww') as ScenarioResults;
    const text = formatSummary(struck);
    expect(text).toMatch(
      /■ replicated data[^■]* copy down [^■]*\ncopy down: copy states that reached/,
    );
    const ko = formatSummary(struck, REPORT_FEATURES, 'ko');
    expect(ko).toMatch(/ 사본 중단 [^■]*\n사본 중단: 서비스의 인스턴스가 하나도/);
    expect(ko).not.toContain('copy down');
    const page = buildReportHtml(buildReportData(struck), NO_LIBRARIES, REPORT_FEATURES, 'ko');
    expect(page).toContain('<th>사본 중단</th>');
    expect(buildReportHtml(buildReportData(struck), NO_LIBRARIES)).toContain('<th>copy down</th>');
  });
});
