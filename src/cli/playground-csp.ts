/**
 * The playground's Content-Security-Policy, a `<meta http-equiv>` in its page (the folder
 * `npm run build:web` writes and the single file of `msasim playground`): what may run and what
 * may be fetched, so that even a text that slipped past the escaping could not run a script or
 * reach the network.
 *
 * - Scripts: only the page's own, by SHA-256 hash (the inlined app.js; in the folder, app.js
 *   from the page's origin), and the report's four inlined scripts (the vega libraries and the
 *   page script, report/html/layout.ts `pageScripts`): the report is shown in a `srcdoc` frame,
 *   which inherits this policy. No 'unsafe-eval': the report draws its charts with vega's
 *   expression interpreter (`ast: true`), and the worker uses zod without its compiled fast path
 *   (web/worker.ts). 'wasm-unsafe-eval' lets the worker compile hdr-histogram-js's WebAssembly
 *   (it allows WebAssembly only, not JavaScript's eval).
 * - Workers: from a blob: URL (the single file) or the page's origin (the folder's worker.js).
 * - Network: none. connect-src 'none' in the single file; the folder fetches its data files
 *   (scenarios.json, schema.json, the vega libraries) from its own origin and nothing else.
 * - Styles: inline ('unsafe-inline'): CodeMirror and vega-embed add style elements at run time.
 *   A style cannot run script, nor fetch anything (font-src 'none', images only from data:).
 * - Images: data: URLs only (CodeMirror draws the lint underline and gutter marks as data: SVG
 *   images; an SVG shown as an image runs no script).
 */
import { createHash } from 'node:crypto';
import { pageScripts } from '../report/html/layout.ts';

/** The meta element's form in the page, found and replaced by its content. */
export const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/** The two forms of the playground. */
export type PlaygroundForm = 'single-file' | 'folder';

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy of a playground page. `inlineScripts`: the executable scripts the page itself
 * inlines (their exact texts); `read`: the folder's files (the vega libraries the report inlines).
 */
export function playgroundCsp(
  form: PlaygroundForm,
  inlineScripts: readonly string[],
  read: (name: string) => string,
): string {
  const report = pageScripts({
    vega: read('vega.min.js'),
    vegaLite: read('vega-lite.min.js'),
    vegaEmbed: read('vega-embed.min.js'),
  });
  const hashes = [...new Set([...inlineScripts, ...report].map(sha256))];
  const self = form === 'folder' ? ["'self'"] : [];
  return [
    "default-src 'none'",
    `script-src ${[...self, "'wasm-unsafe-eval'", ...hashes].join(' ')}`,
    `worker-src ${form === 'folder' ? "'self'" : 'blob:'}`,
    "style-src 'unsafe-inline'",
    `connect-src ${form === 'folder' ? "'self'" : "'none'"}`,
    'img-src data:',
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** `index` with its CSP meta element's content set to `policy` (which holds no `"`). */
export function withCsp(index: string, policy: string): string {
  if (!CSP_META.test(index)) throw new Error('index.html lacks its Content-Security-Policy meta');
  if (policy.includes('"')) throw new Error('a policy cannot hold a double quote');
  return index.replace(
    CSP_META,
    () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
  );
}
