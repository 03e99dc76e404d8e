/**
 * The data tables of the report's sections (sessions, messaging, transactions): a header row
 * whose cells may carry a second line saying what the cells hold, and escaped text cells.
 * Trusted HTML out: every text goes through escapeHtml.
 */
import { escapeHtml } from './escape.ts';

/** A text cell. */
export const td = (text: string): string => `<td>${escapeHtml(text)}</td>`;

/** A header: its words, or its words and a line below saying what the cells hold. */
export type Header = string | [head: string, sub: string];

/** A scrollable table of `rows` (each a `<tr>` already built) under `headers`. */
export function tableHtml(headers: Header[], rows: string[]): string {
  const th = headers.map((h, i) => {
    const text =
      typeof h === 'string'
        ? escapeHtml(h)
        : `${escapeHtml(h[0])}<span class="sub">${escapeHtml(h[1])}</span>`;
    return `<th${i === 0 ? ' class="label"' : ''}>${text}</th>`;
  });
  return `<div class="table-wrap"><table class="data"><thead><tr>${th.join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}
