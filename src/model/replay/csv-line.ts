/**
 * One line of a CSV data file split into cells, with the column (1-based) where each starts, so
 * a bad cell is reported at file:line:col. RFC 4180 cells on one line: separated by commas,
 * optionally quoted ("a ""b"" c"); a quoted cell cannot span lines (a data file's rows are
 * streamed line by line). Surrounding spaces of an unquoted cell are trimmed.
 */

/** A split line: its cells and the 1-based column of each, or null when a quote is unbalanced. */
export interface CsvCells {
  cells: string[];
  cols: number[];
}

/** The cells of `line` (without its line break), or null when a quote is not closed. */
export function splitCsvLine(line: string): CsvCells | null {
  const cells: string[] = [];
  const cols: number[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && line[i] === ' ') i++;
    cols.push(i + 1);
    if (line[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        text += line.slice(i, q);
        if (line[q + 1] === '"') {
          text += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      while (i < n && line[i] === ' ') i++;
      if (i < n && line[i] !== ',') return null;
      cells.push(text);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      cells.push(line.slice(i, end).trim());
      i = end;
    }
    if (i >= n) return { cells, cols };
    i++; // the comma
  }
}
