/**
 * The one way msasim makes HTML: the `html` tagged template. Its literal parts are markup
 * written in this repository; every value put in a `${…}` is escaped (& < > " ' — safe as
 * text and as a quoted attribute value) unless it is already an `Html` value, and arrays are
 * joined. An `Html` can only come from `html`, `joinHtml`, or the escape hatches below, so a
 * plain string — a scenario name, a description, a lesson, a seed, an id read from
 * results.json — cannot reach a page without being escaped: the page assembly
 * (`buildChartsPage`, `PageSection`) takes `Html`, and the type checker enforces it.
 *
 *     html`<td class="label">${name}</td>`          // name is escaped
 *     html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`
 *
 * Rules for the templates themselves (a reviewer checks these; escaping cannot):
 * - put scenario text only into text or into a QUOTED attribute value (`title="${x}"`), never
 *   into a tag or attribute name (code's own constants and numbers may go there: `<h${level}>`),
 *   an unquoted attribute, a `<script>` or `<style>` element, an event-handler attribute, or a
 *   `style=` (CSS can fetch a URL);
 * - an href or src made from scenario text goes through `safeUrl` first;
 * - besides `html` and `joinHtml`, an Html comes only from `scriptForHtml` (the inlined
 *   libraries and the page's own script, never scenario text), `jsonForScript` (JSON in a
 *   script element), and `rawHtml`, for markup msasim vouches for itself: the page's CSS and
 *   the lesson's emphasis (markdown.ts escapes the text before it adds its tags).
 *   `template.test.ts` lists the files allowed to call `rawHtml`.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\u0000': '\uFFFD',
};

/**
 * `text` safe as HTML text or as a quoted attribute value: & < > " ' escaped, and a NUL
 * replaced by U+FFFD (what a browser's parser would make of it; a page holds no NUL byte).
 */
export function escapeText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL is one of the characters replaced
  return text.replace(/[&<>"'\u0000]/g, (c) => HTML_ESCAPES[c]);
}

/** Only this module can make an Html from a string without escaping it. */
const TRUSTED: unique symbol = Symbol('trusted markup');

/**
 * Markup that is safe to put in a page as it is: built by `html` (its values escaped) or
 * allowed through `rawHtml`. The private field makes the type nominal: no other object, and
 * no string, is an Html.
 */
export class Html {
  readonly #markup: string;

  /** Not callable from outside this module (the token is not exported): use `html`. */
  constructor(token: typeof TRUSTED, markup: string) {
    if (token !== TRUSTED) throw new TypeError('Html values are made by the html template');
    this.#markup = markup;
  }

  /** The markup. */
  toString(): string {
    return this.#markup;
  }
}

/** What a `${…}` of `html` accepts: markup as it is, text and numbers escaped, lists joined. */
export type HtmlValue = Html | string | number | readonly HtmlValue[];

/** The markup of one interpolated value. */
function render(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(render).join('');
  // a value the types forbid (a boolean, null, an object from untyped code): refuse it
  // rather than guess how to show it
  throw new TypeError(`html: cannot interpolate a ${value === null ? 'null' : typeof value}`);
}

/** The tagged template: literal markup, every value escaped (see the header). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(TRUSTED, out);
}

/** `parts` (each escaped unless Html) joined by `separator` (escaped unless Html). */
export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  return new Html(TRUSTED, parts.map(render).join(render(separator)));
}

/** The empty markup. */
export const EMPTY_HTML: Html = new Html(TRUSTED, '');

/**
 * The escape hatch: `trusted` as markup, unescaped. Only for text msasim generates itself and
 * has made safe by other means (see the header; template.test.ts keeps the list of callers).
 */
export function rawHtml(trusted: string): Html {
  return new Html(TRUSTED, trusted);
}

/**
 * `url` if it is safe as an href: http(s) or mailto, a #fragment, or a relative path whose
 * first segment has no ':' (so no javascript:, data:, vbscript:, file: …); otherwise null.
 * Control characters and whitespace inside are refused (browsers strip them, which can hide
 * a scheme: "java\tscript:").
 */
export function safeUrl(url: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (url === '' || /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) return null;
  if (/^(https?:\/\/|mailto:)/i.test(url)) return url;
  if (url.startsWith('//')) return null; // protocol-relative: another host, any scheme
  const firstSegment = url.split(/[/?#]/, 1)[0];
  return firstSegment.includes(':') ? null : url;
}

/**
 * `value` as JSON that can sit inside a <script> element: `<`, `>` and `&` become \u003c,
 * \u003e, \u0026 (so no `</script` or `<!--` can appear), and U+2028/U+2029 are escaped too.
 * JSON.parse reads the result back unchanged.
 */
export function jsonForScript(value: unknown): Html {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return new Html(TRUSTED, json);
}

/**
 * JavaScript source that can sit inside a <script> element: every `</script` (any case) becomes
 * `<\/script` and every `<!--` becomes `\x3C!--`, which mean the same inside JS strings,
 * templates and regular expressions, where they can occur in minified library code. The
 * source-map comment is dropped (the map is not inlined, and a browser's devtools would try to
 * fetch it). For msasim's own code and the vega libraries, never for scenario text.
 */
export function scriptForHtml(source: string): Html {
  const safe = source
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '\\x3C!--')
    .replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
  return new Html(TRUSTED, safe);
}
