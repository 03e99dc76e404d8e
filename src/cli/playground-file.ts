/**
 * The playground as one HTML file: dist-web/index.html (built by scripts/build-web.mjs) with
 * every asset it names put inside it, so the file works opened from disk with no server and
 * no network. `<script src="x.js">` becomes an inline script; `<script data-inline="x">`
 * (data the page reads: the scenarios, the JSON Schema, the vega libraries, the worker's code)
 * gets the file's text. Script text is made safe to sit in HTML as the report's scripts are
 * (`scriptForHtml`: no `</script`, no `<!--`); JSON gets its `<`, `>` and `&` as \u escapes.
 * The page's Content-Security-Policy is then set for a single file (cli/playground-csp.ts: the
 * inlined scripts by hash, workers from blob: URLs, no network at all).
 */
import { scriptForHtml } from '../report/html/template.ts';
import { playgroundCsp, withCsp } from './playground-csp.ts';

/** What every playground file holds in its first bytes (how msasim knows it wrote one). */
export const PLAYGROUND_MARKER = '<meta name="generator" content="msasim playground">';

/** JSON text that can sit inside a <script> element (same meaning: escapes inside strings). */
function jsonForHtml(text: string): string {
  return JSON.stringify(JSON.parse(text)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The single file: `index` with each named asset read through `read` and inlined. */
export function inlinePlayground(index: string, read: (name: string) => string): string {
  if (!index.includes(PLAYGROUND_MARKER)) throw new Error('index.html lacks the playground marker');
  const asset = (name: string): string => {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`unexpected asset name ${name}`);
    return read(name);
  };
  const scripts: string[] = [];
  const html = index
    .replace(
      /<script type="application\/json" id="([\w-]+)" data-inline="([\w.-]+)"><\/script>/g,
      (_, id: string, name: string) =>
        `<script type="application/json" id="${id}" data-inline="${name}">${jsonForHtml(asset(name))}</script>`,
    )
    .replace(
      /<script type="text\/plain" id="([\w-]+)" data-inline="([\w.-]+)"><\/script>/g,
      (_, id: string, name: string) =>
        `<script type="text/plain" id="${id}" data-inline="${name}">${scriptForHtml(asset(name))}</script>`,
    )
    .replace(/<script src="([\w.-]+)"><\/script>/g, (_, name: string) => {
      const text = scriptForHtml(asset(name)).toString();
      scripts.push(text);
      return `<script>${text}</script>`;
    });
  const left = /<script[^>]* src=|<link[^>]* href=|data-inline="[^"]*"><\/script>/.exec(html);
  if (left !== null) throw new Error(`index.html names an asset it cannot inline: ${left[0]}`);
  return withCsp(html, playgroundCsp('single-file', scripts, asset));
}
