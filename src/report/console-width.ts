/**
 * The console summary fitted to a terminal of CONSOLE_WIDTH columns (`--wide` skips it): a
 * table wider than that is stacked — its columns split into several tables of the same rows,
 * each repeating the first (label) column — and a longer line of text is wrapped at spaces
 * under its own indent. Works on the text the tables print (text-table.ts `formatTable`: a
 * header, a rule of `─` runs separated by two spaces, rows exactly as wide as the rule), so every
 * feature's tables fit without being told. Deterministic; widths are display columns
 * (text-table.ts `displayWidth`: a Hangul or CJK character takes two), so tables of Korean
 * names stack along the same columns as their rule.
 */
import { CONSOLE_WIDTH, displayWidth, keepUnits, padEndTo } from './text-table.ts';

export { CONSOLE_WIDTH };

/** A rule line of a table: optional indent, then `─` runs separated by two spaces. */
const RULE = /^( *)(─+(?: {2}─+)*)$/;

/** The columns of a rule: [start, end) of each `─` run (start includes the indent). */
function ruleColumns(rule: string): [number, number][] {
  const cols: [number, number][] = [];
  const re = /─+/g;
  for (let m = re.exec(rule); m !== null; m = re.exec(rule))
    cols.push([m.index, m.index + m[0].length]);
  return cols;
}

/**
 * Groups the columns after the first into chunks that fit `width` with the first column
 * repeated (a column that alone is too wide gets a chunk of its own).
 */
function chunksOf(cols: [number, number][], width: number): [number, number][][] {
  const first = cols[0][1];
  const chunks: [number, number][][] = [];
  let current: [number, number][] = [];
  let used = first;
  for (const c of cols.slice(1)) {
    const w = 2 + c[1] - c[0];
    if (current.length > 0 && used + w > width) {
      chunks.push(current);
      current = [];
      used = first;
    }
    current.push(c);
    used += w;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The display columns [start, end) of `line` (a wide character belongs where it starts). */
function columnSlice(line: string, start: number, end: number): string {
  let col = 0;
  let out = '';
  for (const ch of line) {
    const w = displayWidth(ch);
    if (col >= start && col < end) out += ch;
    col += w;
    if (col >= end) break;
  }
  return out;
}

/** The table lines `lines` (header, rule, rows) stacked into chunks of columns that fit. */
function stackTable(lines: string[], width: number): string[] {
  const cols = ruleColumns(lines[1]);
  const [, firstEnd] = cols[0];
  const out: string[] = [];
  chunksOf(cols, width).forEach((chunk, i) => {
    if (i > 0) out.push('');
    for (const line of lines) {
      const padded = padEndTo(line, lines[1].length);
      const cells = chunk.map(([s, e]) => `  ${columnSlice(padded, s, e)}`).join('');
      out.push(`${columnSlice(padded, 0, firstEnd)}${cells}`.trimEnd());
    }
  });
  return out;
}

/**
 * `line` wrapped at spaces into lines of at most `width`, continuing 2 columns under its indent;
 * a figure keeps its unit (keepUnits).
 */
function wrapLine(line: string, width: number): string[] {
  const indent = /^ */.exec(line)?.[0] ?? '';
  const rest = `${indent}  `;
  const words = keepUnits(line.slice(indent.length).split(' '));
  const out: string[] = [];
  let current = indent;
  let empty = true;
  for (const word of words) {
    if (!empty && displayWidth(current) + 1 + displayWidth(word) > width) {
      out.push(current.trimEnd());
      current = rest + word;
    } else current = empty ? current + word : `${current} ${word}`;
    empty = false;
  }
  out.push(current.trimEnd());
  return out;
}

/**
 * `text` fitted to `width` columns: tables wider than it stacked (their columns split into
 * several tables, the first column repeated), longer lines wrapped at spaces. A word (or a
 * single table column) longer than `width` stays whole.
 */
export function fitConsole(text: string, width = CONSOLE_WIDTH): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const rule = lines[i + 1];
    if (
      rule !== undefined &&
      RULE.test(rule) &&
      displayWidth(lines[i]) === rule.length &&
      rule.length > width
    ) {
      // the rows: the lines after the rule exactly as wide as it (a row's last cell is filled)
      let end = i + 2;
      while (end < lines.length && displayWidth(lines[end]) === rule.length) end++;
      out.push(...stackTable(lines.slice(i, end), width));
      i = end;
      continue;
    }
    const line = lines[i];
    if (displayWidth(line) > width) out.push(...wrapLine(line, width));
    else out.push(line);
    i++;
  }
  return out.join('\n');
}
