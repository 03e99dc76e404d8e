/**
 * Columns shown only when some row's count is not 0 (text-table.ts `countColumnsIfAny`,
 * `shownColumns`): in a console table, in an item section with its legend line, and in a page's
 * data table. Counts of what happens only under faults (a replicated data's held and retried
 * states) stay out of the tables of runs without them.
 */
import { describe, expect, it } from 'vitest';
import { dataTable } from './html/data-table.ts';
import { html } from './html/template.ts';
import { itemSection, type NamedItems } from './item-table.ts';
import {
  countColumns,
  countColumnsIfAny,
  shownColumns,
  type TextColumn,
  tableOf,
} from './text-table.ts';

type Row = { id: string; sent: number; held: number; retried: number };
const COLUMNS: TextColumn<Row>[] = [
  ['id', (r) => r.id],
  ...countColumns<Row>('sent'),
  ...countColumnsIfAny<Row>('held', 'retried'),
];
const quiet: Row[] = [
  { id: 'a', sent: 5, held: 0, retried: 0 },
  { id: 'b', sent: 7, held: 0, retried: 0 },
];
const struck: Row[] = [quiet[0], { id: 'b', sent: 7, held: 3, retried: 0 }];

const headerOf = (table: string) => table.split('\n')[0].split(/\s+/);

describe('columns shown only when some count is not 0', () => {
  it('shownColumns: every ordinary column; a nonzero one when some cell is not "0"', () => {
    const cols = [
      ['a', 0],
      ['b', 0, 'nonzero'],
      ['c', 0, 'nonzero'],
    ] as const;
    expect(
      shownColumns(cols, [
        ['1', '0', '0'],
        ['0', '0', '2'],
      ]),
    ).toEqual([true, false, true]);
    expect(shownColumns(cols, [])).toEqual([true, false, false]);
  });

  it('a console table leaves out the nonzero columns of zeros, and keeps an ordinary 0', () => {
    expect(headerOf(tableOf(COLUMNS, quiet))).toEqual(['id', 'sent']);
    expect(headerOf(tableOf(COLUMNS, struck))).toEqual(['id', 'sent', 'held']);
    const zeros = quiet.map((r) => ({ ...r, sent: 0 }));
    expect(headerOf(tableOf(COLUMNS, zeros))).toEqual(['id', 'sent']);
  });

  it('an item section leaves out the legend line of a column it left out', () => {
    const items = (rows: Row[]): NamedItems<Row> => ({
      rows: rows.map((x) => ({ name: 'v', x })),
      several: true,
      ids: rows.map((r) => r.id),
    });
    const legend = ['sent: states sent', 'held: states held', 'retried: states retried'];
    const section = (rows: Row[]) =>
      itemSection(items(rows), 'things', 'thing', (x) => x.id, [COLUMNS.slice(1)], legend);
    expect(section(quiet)).toContain('sent: states sent');
    expect(section(quiet)).not.toContain('held');
    expect(section(quiet)).not.toContain('retried');
    expect(section(struck)).toContain('held: states held');
    expect(section(struck)).not.toContain('retried');
  });

  it('in Korean too: the rule reads the English legend line, before it is translated', () => {
    const items = (rows: Row[]): NamedItems<Row> => ({
      rows: rows.map((x) => ({ name: 'v', x })),
      several: true,
      ids: rows.map((r) => r.id),
    });
    // the replicated data's own legend lines, which have Korean terms
    const legend = [
      'held: copy states a partition of their link held until it healed',
      'retried: sendings of copy states an error-rate fault on their link failed, each sent again (a state can fail many times)',
    ];
    const section = (rows: Row[]) =>
      itemSection(items(rows), 'things', 'thing', (x) => x.id, [COLUMNS.slice(1)], legend, 'ko');
    expect(section(quiet)).not.toContain('붙잡힘');
    expect(section(quiet)).not.toContain('재전송');
    expect(section(struck)).toContain('붙잡힘: 링크가 분할된 동안');
    expect(section(struck)).not.toContain('재전송');
    expect(section(struck)).not.toContain('held: copy states'); // translated, not left in English
  });

  it('a page table leaves them out too, headers and cells', () => {
    const page = (rows: Row[]) =>
      String(
        dataTable<Row>(
          ['id', (r) => html`<th>${r.id}</th>`],
          [
            ['sent', (r) => String(r.sent)],
            ['held', (r) => String(r.held), 'nonzero'],
          ],
          rows,
        ),
      );
    expect(page(quiet)).not.toContain('held');
    expect(page(quiet).match(/<td/g)?.length).toBe(2); // sent, per row
    expect(page(struck)).toContain('held');
    expect(page(struck).match(/<td/g)?.length).toBe(4); // sent and held, per row
  });
});
