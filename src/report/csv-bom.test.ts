/** Tests of the CSV byte-order mark (csv.ts `withCsvBom`, the --csv-bom option). */
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csv, withCsvBom } from './csv.ts';

describe('withCsvBom', () => {
  it('starts every .csv text with the UTF-8 BOM, and only those', () => {
    const files = new Map([
      ['endpoints.csv', csv([['서비스'], ['주문']])],
      ['summary.json', '{}'],
      ['index.html', '<!doctype html>'],
    ]);
    withCsvBom(files);
    expect(files.get('endpoints.csv')).toBe(`${CSV_BOM}서비스\n주문\n`);
    expect(Buffer.from(files.get('endpoints.csv') ?? '', 'utf8').subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    expect(files.get('summary.json')).toBe('{}');
    expect(files.get('index.html')).toBe('<!doctype html>');
  });

  it('adds it once', () => {
    const files = withCsvBom(withCsvBom(new Map([['a.csv', 'x\n']])));
    expect(files.get('a.csv')).toBe(`${CSV_BOM}x\n`);
  });
});
