/**
 * Reading CSV files back in tests: the RFC 4180 records of a text (quoted fields may hold
 * commas, doubled quotes and line ends), the header, the rows as objects keyed by it, and the row
 * a CSV of items should hold for one item of a summary.
 */

/** RFC 4180 records of `text`; outside quotes, a CR, an LF or a CRLF ends a record. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The header of a CSV text: its first record. */
export const headerOf = (text: string): string[] => parseCsv(text)[0];

/** The rows of a CSV text as objects keyed by its header. */
export function rowsOf(text: string): Record<string, string>[] {
  const [header, ...lines] = parseCsv(text);
  return lines.map((l) => Object.fromEntries(l.map((x, i) => [header[i], x])));
}

/**
 * The row a CSV of items holds for `item` of `variant`: its fields in order, `id` renamed to
 * the item's column (`opts.id`), numbers written as text (a test gives the rounded cells of
 * figures with more than 4 decimals itself), the fields of `opts.leftOut` (series, texts kept
 * out of the CSV) left out.
 */
export function cellsOf(
  variant: string,
  item: object,
  opts: { id?: string; leftOut?: string[] } = {},
): Record<string, string> {
  const cells: Record<string, string> = { variant };
  for (const [k, v] of Object.entries(item))
    if (!opts.leftOut?.includes(k)) cells[k === 'id' ? (opts.id ?? k) : k] = String(v ?? '');
  return cells;
}
