/** The lesson renderer: Markdown constructs, and everything escaped (no raw HTML, no script links). */
import { describe, expect, it } from 'vitest';
import * as markdown from './markdown.ts';

const renderMarkdown = (...args: Parameters<typeof markdown.renderMarkdown>) =>
  String(markdown.renderMarkdown(...args));
const renderInline = (text: string) => String(markdown.renderInline(text));

describe('renderMarkdown', () => {
  it('escapes raw HTML everywhere: text, headings, lists, tables, code', () => {
    const md = [
      '# Title <script>alert(1)</script>',
      '',
      'Text <img src=x onerror=alert(1)> & more.',
      '',
      '- item <b>bold?</b>',
      '',
      '| a <i> | b |',
      '| --- | --- |',
      '| <script> | x |',
      '',
      '```',
      '</script><script>alert(2)</script>',
      '```',
    ].join('\n');
    const html = renderMarkdown(md);
    expect(html).not.toMatch(/<(script|img|b|i)[\s>]/);
    expect(html).toContain('<h1>Title &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<p>Text &lt;img src=x onerror=alert(1)&gt; &amp; more.</p>');
    expect(html).toContain(
      '<pre><code>&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;</code></pre>',
    );
  });

  it('renders headings (with an offset), paragraphs joined from lines, rules and quotes', () => {
    const html = renderMarkdown('# One\n## Two\nline one\nline two\n\n---\n\n> a **quote**', {
      headingOffset: 2,
    });
    expect(html).toBe(
      [
        '<h3>One</h3>',
        '<h4>Two</h4>',
        '<p>line one line two</p>',
        '<hr>',
        '<blockquote><p>a <strong>quote</strong></p></blockquote>',
      ].join('\n'),
    );
  });

  it('renders bullet and numbered lists with continuation lines and nesting', () => {
    const md =
      '- first item\n  continues here\n- second\n  - nested a\n  - nested b\n\n3. three\n4. four';
    expect(renderMarkdown(md)).toBe(
      [
        '<ul>',
        '<li>first item continues here</li>',
        '<li>second',
        '<ul>',
        '<li>nested a</li>',
        '<li>nested b</li>',
        '</ul></li>',
        '</ul>',
        '<ol start="3">',
        '<li>three</li>',
        '<li>four</li>',
        '</ol>',
      ].join('\n'),
    );
  });

  it('renders a pipe table with its alignment', () => {
    const html = renderMarkdown(
      '| variant | calls |\n| --- | ---: |\n| `join` | **0** |\n| n+1 | 120 |',
    );
    expect(html).toBe(
      [
        '<table>',
        '<thead><tr><th>variant</th><th style="text-align:right">calls</th></tr></thead>',
        '<tbody>',
        '<tr><td><code>join</code></td><td style="text-align:right"><strong>0</strong></td></tr>',
        '<tr><td>n+1</td><td style="text-align:right">120</td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('keeps a fenced block verbatim, with its language as a class', () => {
    expect(renderMarkdown('```yaml\na: *b*\n  - c\n```')).toBe(
      '<pre><code class="language-yaml">a: *b*\n  - c</code></pre>',
    );
  });

  it('renders every shipped-lesson construct without leaving Markdown markers behind', () => {
    const md = '## What it teaches\nA **JOIN** over *four* tables; `calls/req` and `x*y`.';
    expect(renderMarkdown(md)).toBe(
      '<h2>What it teaches</h2>\n<p>A <strong>JOIN</strong> over <em>four</em> tables; <code>calls/req</code> and <code>x*y</code>.</p>',
    );
  });
});

describe('renderInline', () => {
  it('makes anchors of http(s) links only; other schemes keep their text', () => {
    expect(renderInline('[docs](https://example.org/a_b_c?x=1&y=2)')).toBe(
      '<a href="https://example.org/a_b_c?x=1&amp;y=2">docs</a>',
    );
    expect(renderInline('[click](javascript:alert)')).toBe('click');
    expect(renderInline('[x](data:text/html,hi)')).toBe('x');
    expect(renderInline('[a "q"](http://e.org/"onmouseover=")')).not.toContain('"onmouseover');
  });

  it('keeps balanced parentheses in a link destination (a Wikipedia title, say)', () => {
    expect(
      renderInline('see [Erlang](https://en.wikipedia.org/wiki/Erlang_(unit)) and (this)'),
    ).toBe('see <a href="https://en.wikipedia.org/wiki/Erlang_(unit)">Erlang</a> and (this)');
    expect(renderInline('([M/M/1](https://e.org/M/M/1_queue))')).toBe(
      '(<a href="https://e.org/M/M/1_queue">M/M/1</a>)',
    );
    // a refused scheme with parentheses keeps its text whole, without a stray ")"
    expect(renderInline('[click](javascript:alert(1)) now')).toBe('click now');
  });

  it('makes an image a link named by its alt text, and <https://…> an autolink', () => {
    expect(renderInline('a ![queue diagram](https://e.org/q.png) here')).toBe(
      'a <a href="https://e.org/q.png">queue diagram</a> here',
    );
    // no alt text: the address names it; a refused scheme keeps the alt text only
    expect(renderInline('![](https://e.org/q.png)')).toBe(
      '<a href="https://e.org/q.png">https://e.org/q.png</a>',
    );
    expect(renderInline('![x](javascript:alert(1))')).toBe('x');
    expect(renderInline('see <https://e.org/a_b?x=1&y=2> or <mailto:t@e.org>')).toBe(
      'see <a href="https://e.org/a_b?x=1&amp;y=2">https://e.org/a_b?x=1&amp;y=2</a> or <a href="mailto:t@e.org">mailto:t@e.org</a>',
    );
    // not an autolink: raw HTML and other schemes stay escaped text; [](…) stays as written
    expect(renderInline('<b>x</b> <javascript:alert(1)> [](https://e.org)')).toBe(
      '&lt;b&gt;x&lt;/b&gt; &lt;javascript:alert(1)&gt; [](https://e.org)',
    );
  });

  it('leaves snake_case and lone asterisks alone', () => {
    expect(renderInline('snake_case_name and 2 * 3 * 4')).toBe('snake_case_name and 2 * 3 * 4');
    expect(renderInline('__bold__ _em_ *e*')).toBe('<strong>bold</strong> <em>em</em> <em>e</em>');
  });
});
