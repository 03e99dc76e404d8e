/**
 * A small, safe Markdown renderer for the lesson beside a scenario: headings, paragraphs,
 * bullet and numbered lists (nested by indentation), block quotes, fenced code, simple pipe
 * tables, rules, and inline `code`, **bold**, *emphasis*, [links](https://…) and <https://…>
 * autolinks. Everything is escaped: raw HTML in the text shows as text, and only http(s) and
 * mailto links become anchors (others keep their text). An image `![alt](url)` becomes a link
 * named by its alt text (a report is self-contained: it loads no image). Not CommonMark: no
 * reference links, setext headings or HTML blocks. Blocks are made with the `html` template; inline text is escaped first and then gets
 * its `<code>`, `<a>`, `<strong>` and `<em>` tags, which is the one place this module vouches
 * for its markup with `rawHtml` (`renderInline`).
 */
import { escapeText, type Html, html, joinHtml, rawHtml, safeUrl } from './template.ts';

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
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): Html {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  return joinBlocks(renderBlocks(lines, options.headingOffset ?? 0));
}

/** A block: its markup, and for a paragraph its inline content (a tight list item drops the <p>). */
interface Block {
  html: Html;
  inline?: Html;
}

const joinBlocks = (blocks: readonly Block[]): Html =>
  joinHtml(
    blocks.map((b) => b.html),
    '\n',
  );

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

function renderBlocks(lines: string[], offset: number): Block[] {
  const out: Block[] = [];
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
      const lang = fence[2] ? html` class="language-${fence[2]}"` : '';
      out.push({ html: html`<pre><code${lang}>${body.join('\n')}</code></pre>` });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1].length + offset);
      out.push({ html: html`<h${level}>${renderInline(heading[2])}</h${level}>` });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push({ html: html`<hr>` });
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
      out.push({ html: html`<blockquote>${joinBlocks(renderBlocks(body, offset))}</blockquote>` });
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
    const inline = renderInline(para.join(' '));
    out.push({ html: html`<p>${inline}</p>`, inline });
  }
  return out;
}

/** A list starting at `start`; its items hold their continuation lines (indented, or after a blank). */
function renderList(lines: string[], start: number, offset: number, out: Block[]): number {
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
      ? html` start="${Number.parseInt(first[2], 10)}"`
      : '';
  const body = items.map((item) => {
    const blocks = renderBlocks(item, offset);
    // the item's first paragraph without its <p>, so a tight list stays tight
    const lead = blocks[0]?.inline;
    if (lead === undefined) return html`<li>${joinBlocks(blocks)}</li>`;
    return html`<li>${joinHtml([lead, ...blocks.slice(1).map((b) => b.html)], '\n')}</li>`;
  });
  out.push({ html: html`<${tag}${startAttr}>\n${joinHtml(body, '\n')}\n</${tag}>` });
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

function renderTable(lines: string[], start: number, out: Block[]): number {
  const head = cells(lines[start]);
  const align = cells(lines[start + 1]).map((c) =>
    c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : '',
  );
  const style = (k: number) => (align[k] ? html` style="text-align:${align[k]}"` : '');
  const rows: Html[] = [];
  let i = start + 2;
  for (; i < lines.length && lines[i].trim() !== '' && lines[i].includes('|'); i++) {
    const row = cells(lines[i]);
    rows.push(
      html`<tr>${head.map((_, k) => html`<td${style(k)}>${renderInline(row[k] ?? '')}</td>`)}</tr>`,
    );
  }
  const th = head.map((h, k) => html`<th${style(k)}>${renderInline(h)}</th>`);
  out.push({
    html: html`<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${joinHtml(rows, '\n')}\n</tbody>\n</table>`,
  });
  return i;
}

/**
 * Inline Markdown of one block's text: code spans, links, bold and emphasis; everything else
 * escaped. Code spans and links are replaced by placeholders while emphasis is applied, so
 * neither their contents nor a URL can be mistaken for `*` or `_` markers. Emphasis is applied
 * to text already escaped and adds only its own tags; that is why its result may be `rawHtml`.
 */
export function renderInline(text: string): Html {
  const held: Html[] = [];
  const hold = (h: Html) => `\uE000${held.push(h) - 1}\uE000`;
  let s = text.replace(/\uE000/g, '');
  s = s.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) =>
    hold(html`<code>${code.trim()}</code>`),
  );
  // autolinks: <https://…>, <mailto:…>
  s = s.replace(/<((?:https?:\/\/|mailto:)[^\s<>]+)>/gi, (whole: string, url: string) => {
    const href = safeUrl(url);
    return href === null ? whole : hold(html`<a href="${href}">${url}</a>`);
  });
  // a destination may hold balanced parentheses, one level deep (…/wiki/Erlang_(unit)), as in CommonMark;
  // an image (![alt](url)) is a link to it named by its alt text: the report loads nothing
  s = s.replace(
    /(!?)\[([^\]]*)\]\(\s*((?:[^()\s]|\([^()\s]*\))+)(?:\s+"[^"]*")?\s*\)/g,
    (whole: string, bang: string, label: string, url: string) => {
      if (bang === '' && label === '') return whole;
      const inner = emphasis(label === '' ? url : label);
      const href = LINK_SCHEME.test(url) ? safeUrl(url) : null;
      return hold(href === null ? inner : html`<a href="${href}">${inner}</a>`);
    },
  );
  const out = emphasis(s).toString();
  return rawHtml(out.replace(/\uE000(\d+)\uE000/g, (_, k: string) => held[Number(k)].toString()));
}

/** The links a lesson may have: web pages and mail addresses (a report has no other pages). */
const LINK_SCHEME = /^(https?:\/\/|mailto:)/i;

/** `text` escaped, with bold (** or __) and emphasis (* or _); `snake_case` stays as it is. */
function emphasis(text: string): Html {
  const markup = escapeText(text)
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1<strong>$2</strong>')
    .replace(/\*([^\s*](?:[^*]*?[^\s*])?)\*/g, '<em>$1</em>')
    .replace(/(^|[^\w])_([^\s_](?:[^_]*?[^\s_])?)_(?!\w)/g, '$1<em>$2</em>');
  return rawHtml(markup);
}
