/**
 * What is wrong with a report page's markup, given the hostile payloads put in its data
 * (hostile.ts puts them there): the check every hostile-text test of a page runs.
 */

/** The characters that make text markup: a payload holding one must never appear as it is. */
const MARKUP = /[<>"'&]/;

/** Attributes whose value is a URL the browser may load or run. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data']);

/** Elements a payload brings and a msasim page never has. */
const FOREIGN = new Set(['img', 'iframe', 'object', 'embed', 'base', 'link', 'form', 'frame']);

/**
 * What is wrong with a page's markup, given the payloads put in it (empty when nothing). The
 * page's own five <script> elements are set aside (their contents are checked by their
 * number: a payload that left one would add one); in the rest, a payload holding a markup
 * character must not appear as it is, and no tag may be foreign (img, iframe, object, …), a
 * second <style> or a fourth <meta>, an <svg> other than a topology or a trace waterfall, or carry an on… or
 * srcdoc attribute, a javascript:/data:/vbscript: URL or a style that fetches or runs
 * something. No NUL byte anywhere, no comment, and the chart JSON parses.
 */
export function pageProblems(page: string, payloads: readonly string[]): string[] {
  const problems: string[] = [];
  const scripts = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
  if (scripts.length !== 5) problems.push(`${scripts.length} <script> elements, not 5`);
  const markup = page.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '<script></script>');
  for (const p of payloads)
    if (MARKUP.test(p) && markup.includes(p)) problems.push(`unescaped payload: ${p}`);
  const counts = new Map<string, number>();
  const tags = markup.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g);
  for (const [tag, rawName, rawAttributes] of tags) {
    const name = rawName.toLowerCase();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) problems.push(`a foreign element: ${tag.slice(0, 80)}`);
    if (
      name === 'svg' &&
      !/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="(topology|waterfall)"/.test(tag)
    )
      problems.push(`an svg that is not a topology or a waterfall: ${tag.slice(0, 80)}`);
    const attributes = rawAttributes.matchAll(
      /([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g,
    );
    for (const [, rawAttribute, rawValue = ''] of attributes) {
      const attribute = rawAttribute.toLowerCase();
      const value = rawValue.replace(/^["']|["']$/g, '');
      if (/^on/.test(attribute) || attribute === 'srcdoc')
        problems.push(`a ${attribute} attribute: ${tag.slice(0, 80)}`);
      if (URL_ATTRIBUTES.has(attribute) && /^\s*(javascript|data|vbscript):/i.test(value))
        problems.push(`a script URL: ${tag.slice(0, 80)}`);
      if (attribute === 'style' && /url\(|expression\(|@import|javascript:/i.test(value))
        problems.push(`a style that fetches or runs: ${tag.slice(0, 80)}`);
    }
  }
  if ((counts.get('style') ?? 0) !== 1)
    problems.push(`${counts.get('style') ?? 0} <style> elements`);
  if ((counts.get('meta') ?? 0) !== 3) problems.push(`${counts.get('meta') ?? 0} <meta> elements`);
  if (page.includes('\u0000')) problems.push('a NUL byte');
  if (markup.includes('<!--')) problems.push('a comment');
  const json = /<script type="application\/json" id="msasim-charts">([\s\S]*?)<\/script>/.exec(
    page,
  );
  try {
    JSON.parse(json?.[1] ?? '');
  } catch {
    problems.push('the chart JSON does not parse');
  }
  return problems;
}
