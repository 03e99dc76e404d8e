/** Tests of text-table.ts inWords: the column of msasim's words in the table's language. */
import { describe, expect, it } from 'vitest';
import { inWords, type TextColumn, tableOf } from './text-table.ts';

type Row = { id: string; kind: string };
const COLUMNS: TextColumn<Row>[] = [
  ['component', (r) => r.id],
  ['kind', (r) => r.kind],
];
const ROWS: Row[] = [{ id: 'service', kind: 'service' }];

describe('inWords', () => {
  it('translates the cells of the column it names, and only those (a name stays a name)', () => {
    const [id, kind] = inWords(COLUMNS, 'kind', 'ko');
    expect(id[1](ROWS[0])).toBe('service');
    expect(kind[1](ROWS[0])).toBe('서비스');
    expect(tableOf(inWords(COLUMNS, 'kind', 'ko'), ROWS, 'ko')).toContain('서비스');
  });

  it('leaves English words and words outside the glossary as they are', () => {
    expect(inWords(COLUMNS, 'kind', 'en')[1][1](ROWS[0])).toBe('service');
    expect(inWords(COLUMNS, 'kind', 'ko')[1][1]({ id: 'x', kind: 'gizmo' })).toBe('gizmo');
  });
});
