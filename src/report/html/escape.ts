/**
 * Escaping for the HTML report: text and attribute values, JSON inlined in a <script> element,
 * and library code inlined in a <script> element. Every string that comes from a scenario
 * (names, descriptions, lesson text, endpoint and component ids) goes through one of these.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` safe as HTML text or as a quoted attribute value (& < > " ' escaped). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * `value` as JSON that can sit inside a <script> element: `<`, `>` and `&` become \u003c,
 * \u003e, \u0026 (so no `</script` or `<!--` can appear), and U+2028/U+2029 are escaped too.
 * JSON.parse reads the result back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * JavaScript source that can sit inside a <script> element: every `</script` (any case) becomes
 * `<\/script` and every `<!--` becomes `\x3C!--`, which mean the same inside JS strings,
 * templates and regular expressions, where they can occur in minified library code. The source-map comment is
 * dropped (the map is not inlined, and a browser's devtools would try to fetch it).
 */
export function scriptForHtml(source: string): string {
  return source
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '\\x3C!--')
    .replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
}
