/**
 * What a reader of a report page sees, for the tests that check the page's language: its
 * visible text (no scripts, styles or tags; entities decoded) and every title, subtitle and
 * title text of its chart specs.
 */

/** The text a reader sees on a page: no scripts, styles or tags; entities decoded. */
export function visibleText(page: string): string {
  return page
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every title, subtitle and title text of the page's chart specs. */
export function chartTitles(page: string): string[] {
  const json = /<script type="application\/json" id="msasim-charts">([\s\S]*?)<\/script>/.exec(
    page,
  )?.[1];
  const out: string[] = [];
  const walk = (v: unknown, key?: string): void => {
    if (typeof v === 'string') {
      if (key === 'title' || key === 'subtitle' || key === 'text') out.push(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(JSON.parse(json ?? '[]'));
  return out;
}

/** The phrases of `phrases` that `text` holds (whole words, case as written). */
export const phrasesIn = (text: string, phrases: readonly string[]): string[] =>
  phrases.filter((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
