/**
 * itemSummaryTable: the item and its columns, a column of words (kind, type) translated and
 * left-aligned, a cell of markup kept as it is, and one row per variant that has the item.
 */
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../report-data-types.ts';
import { itemSummaryTable, type SummaryColumn } from './summary-table.ts';
import { html } from './template.ts';

type Item = { id: string; kind: string; load: number };

/** Report data of variants whose summaries list `items` (only what the table reads). */
const dataOf = (...variants: [name: string | null, items: Item[]][]) =>
  ({
    scenario: { name: 'shop' },
    variants: variants.map(([variant, items]) => ({ variant, summary: { items } })),
  }) as unknown as ReportData;

const itemsOf = (v: ReportData['variants'][number]) =>
  (v.summary as unknown as { items: Item[] }).items;

const COLUMNS: SummaryColumn<Item>[] = [
  ['kind', (x) => x.kind],
  ['load', (x) => String(x.load)],
  ['tinted', (x) => html`<td style="color:red">${x.load}</td>`],
];

describe('itemSummaryTable', () => {
  it('names the item, then a cell per column: words translated and left-aligned', () => {
    const data = dataOf([null, [{ id: 'orders', kind: 'service', load: 12 }]]);
    const text = itemSummaryTable(
      data,
      'Components',
      'component',
      itemsOf,
      COLUMNS,
      'ko',
    ).toString();
    expect(text).toContain('<th class="label">종류</th>');
    expect(text).toContain('<td class="label">서비스</td><td>12</td><td style="color:red">12</td>');
  });

  it('keeps a word it cannot translate, and numbers right-aligned, in English', () => {
    const data = dataOf([null, [{ id: 'orders', kind: 'gizmo', load: 3 }]]);
    const text = itemSummaryTable(data, 'Components', 'component', itemsOf, COLUMNS).toString();
    expect(text).toContain('<th class="label">kind</th><th>load</th>');
    expect(text).toContain('<td class="label">gizmo</td><td>3</td>');
  });

  it('gives a row to each variant that has the item, none to one without', () => {
    const data = dataOf(
      ['a', [{ id: 'orders', kind: 'service', load: 1 }]],
      ['b', []],
      ['c', [{ id: 'orders', kind: 'service', load: 2 }]],
    );
    const text = itemSummaryTable(data, 'Components', 'component', itemsOf, COLUMNS).toString();
    expect(text.match(/<tr/g)).toHaveLength(3); // the header and two variants
    expect(text).toContain('rowspan="2"');
  });
});
