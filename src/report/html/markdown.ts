/**
 * A small, safe Markdown renderer for the lesson beside a scenario: headings, paragraphs,
 * bullet and numbered lists (nested by indentation), block quotes, fenced code, simple pipe
 * tables, rules, and inline `code`, **bold**, *emphasis* and [links](https://…). Everything is
 * escaped: raw HTML in the text shows as text, and only http(s) links become anchors (others
 * keep their text). Not CommonMark: no reference links, images, setext headings or HTML blocks.
 */
import { escapeHtml } from './escape.ts';

/** Options of renderMarkdown. */
export interface MarkdownOptions {
  /** Added to every heading level (`#` becomes h1 + offset), capped at h6. Default 0. */
  headingOffset?: number;
}

const FENCE = /^\s*(```+|~~~+)\s*([\w+-]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The HTML of `markdown`: a sequence of block elements, every text escaped. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  return renderBlocks(lines, options.headingOffset ?? 0);
}

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    ITEM.test(line) ||
    QUOTE.test(line) ||
    (line.includes('|') && next !== undefined && TABLE_RULE.test(next))
  );
}

function renderBlocks(lines: string[], offset: number): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith(fence[1]); i++) body.push(lines[i]);
      i++; // the closing fence
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1].length + offset);
      out.push(`<h${level}>${renderInline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) {
      i = renderTable(lines, i, out);
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]); i++)
        body.push((QUOTE.exec(lines[i]) as RegExpExecArray)[1]);
      out.push(`<blockquote>${renderBlocks(body, offset)}</blockquote>`);
      continue;
    }
    if (ITEM.test(line)) {
      i = renderList(lines, i, offset, out);
      continue;
    }
    const para: string[] = [line.trim()];
    for (
      i++;
      i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i], lines[i + 1]);
      i++
    ) {
      para.push(lines[i].trim());
    }
    out.push(`<p>${renderInline(para.join(' '))}</p>`);
  }
  return out.join('\n');
}

/** A list starting at `start`; its items hold their continuation lines (indented, or after a blank). */
function renderList(lines: string[], start: number, offset: number, out: string[]): number {
  const first = ITEM.exec(lines[start]) as RegExpExecArray;
  const indent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    const m = ITEM.exec(line);
    if (m && m[1].length === indent && /\d/.test(m[2]) === ordered) {
      items.push([m[3]]);
      i++;
      continue;
    }
    const lead = line.length - line.trimStart().length;
    if (line.trim() === '') {
      // a blank line continues the list only if an indented line or a sibling item follows
      const next = lines[i + 1];
      if (next === undefined || next.trim() === '') break;
      const nm = ITEM.exec(next);
      const nextLead = next.length - next.trimStart().length;
      if (!(nextLead > indent || (nm && nm[1].length === indent))) break;
      items[items.length - 1].push('');
      i++;
      continue;
    }
    if (lead <= indent && (m || startsBlock(line, lines[i + 1]))) break;
    if (lead <= indent && items[items.length - 1].at(-1) === '') break;
    items[items.length - 1].push(line.slice(Math.min(lead, indent + 2)));
    i++;
  }
  const tag = ordered ? 'ol' : 'ul';
  const startAttr =
    ordered && Number.parseInt(first[2], 10) !== 1
      ? ` start="${Number.parseInt(first[2], 10)}"`
      : '';
  const body = items.map((item) => {
    const html = renderBlocks(item, offset);
    // the item's first paragraph without its <p>, so a tight list stays tight
    const lead = /^<p>([\s\S]*?)<\/p>/.exec(html);
    return `<li>${lead ? lead[1] + html.slice(lead[0].length) : html}</li>`;
  });
  out.push(`<${tag}${startAttr}>\n${body.join('\n')}\n</${tag}>`);
  return i;
}

/** The cells of a pipe-table row (outer pipes optional, `\|` is a literal pipe). */
function cells(row: string): string[] {
  const trimmed = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function renderTable(lines: string[], start: number, out: string[]): number {
  const head = cells(lines[start]);
  const align = cells(lines[start + 1]).map((c) =>
    c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : '',
  );
  const style = (k: number) => (align[k] ? ` style="text-align:${align[k]}"` : '');
  const rows: string[] = [];
  let i = start + 2;
  for (; i < lines.length && lines[i].trim() !== '' && lines[i].includes('|'); i++) {
    const row = cells(lines[i]);
    rows.push(
      `<tr>${head.map((_, k) => `<td${style(k)}>${renderInline(row[k] ?? '')}</td>`).join('')}</tr>`,
    );
  }
  const th = head.map((h, k) => `<th${style(k)}>${renderInline(h)}</th>`).join('');
  out.push(
    `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
  );
  return i;
}

/**
 * Inline Markdown of one block's text: code spans, links, bold and emphasis; everything else
 * escaped. Code spans and links are replaced by placeholders while emphasis is applied, so
 * neither their contents nor a URL can be mistaken for `*` or `_` markers.
 */
export function renderInline(text: string): string {
  const held: string[] = [];
  const hold = (html: string) => `\uE000${held.push(html) - 1}\uE000`;
  let s = text.replace(/\uE000/g, '');
  s = s.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) =>
    hold(`<code>${escapeHtml(code.trim())}</code>`),
  );
  s = s.replace(
    /\[([^\]]+)\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)/g,
    (_, label: string, url: string) => {
      const inner = emphasis(escapeHtml(label));
      return hold(/^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${inner}</a>` : inner);
    },
  );
  s = emphasis(escapeHtml(s));
  return s.replace(/\uE000(\d+)\uE000/g, (_, k: string) => held[Number(k)]);
}

/** Bold (** or __) and emphasis (* or _) in already escaped text; `snake_case` stays as it is. */
function emphasis(s: string): string {
  return s
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1<strong>$2</strong>')
    .replace(/\*([^\s*](?:[^*]*?[^\s*])?)\*/g, '<em>$1</em>')
    .replace(/(^|[^\w])_([^\s_](?:[^_]*?[^\s_])?)_(?!\w)/g, '$1<em>$2</em>');
}
