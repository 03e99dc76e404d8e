/**
 * Reading CSV files back in tests: the RFC 4180 records of a text (quoted fields may hold
 * commas, doubled quotes and line ends), and the rows as objects keyed by the header.
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

/** The rows of a CSV text as objects keyed by its header. */
export function rowsOf(text: string): Record<string, string>[] {
  const [header, ...lines] = parseCsv(text);
  return lines.map((l) => Object.fromEntries(l.map((x, i) => [header[i], x])));
}
