/**
 * The words a reader sees in a report page's charts, for the tests that check a Korean page
 * shows no English word msasim wrote there: every title (chart, axis, legend, header, tooltip),
 * the tooltip keys of fields without one (their field names), and the values of every field a
 * channel shows (facet and row headers, axis labels, legend entries, tooltips, text marks).
 * A field only filters use (a layer's key such as `kind`) is not seen, and not listed. The names
 * a user wrote come from results.json (`userNames`) and are taken out before looking for English.
 */
import { pageCharts } from './chart-render.ts';

/** Channels whose field a reader sees as a header, an axis label, a legend entry or a tooltip. */
const SHOWN = new Set([
  'x',
  'y',
  'color',
  'fill',
  'stroke',
  'opacity',
  'shape',
  'size',
  'strokeDash',
  'text',
  'tooltip',
  'row',
  'column',
  'facet',
]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The strings of `v` (a string or an array of them, a title's text). */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : [];

/** Every string a reader sees in one chart spec. */
export function shownChartStrings(spec: unknown): string[] {
  const shown: string[] = [];
  const fields = new Set<string>();
  const rows: Obj[] = [];
  const definition = (d: unknown, tooltip: boolean) => {
    if (!isObj(d)) return;
    if (typeof d.field === 'string') {
      fields.add(d.field);
      // a tooltip's key: its title, else its field name
      if (tooltip && !('title' in d)) shown.push(d.field);
    }
    for (const k of ['row', 'column'] as const) definition(d[k], false);
  };
  const walk = (v: unknown, key = ''): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
      return;
    }
    if (!isObj(v)) return;
    if (SHOWN.has(key))
      for (const d of Array.isArray(v) ? v : [v]) definition(d, key === 'tooltip');
    for (const [k, x] of Object.entries(v)) {
      if (k === 'title' || k === 'subtitle') {
        shown.push(...strings(x));
        if (isObj(x)) shown.push(...strings(x.text), ...strings(x.subtitle));
      } else if (k === 'values' && Array.isArray(x)) rows.push(...x.filter(isObj));
      else if (k === 'tooltip' && Array.isArray(x)) for (const d of x) definition(d, true);
      else walk(x, k);
    }
  };
  walk(spec);
  for (const r of rows) for (const f of fields) shown.push(...strings(r[f]));
  return shown;
}

/** The keys of results.json whose strings are names a user wrote (or a fault's kind keyword). */
const NAME_KEYS = new Set([
  'name',
  'variant',
  'id',
  'endpoint',
  'component',
  'from',
  'to',
  'target',
  'fault',
  'service',
  'group',
  'broker',
  'topic',
  'entry',
  'workload',
]);

/** The names a user wrote in the scenario, as results.json holds them; a fault's kind too. */
export function userNames(resultsJson: string): string[] {
  const names = new Set<string>();
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      if (NAME_KEYS.has(key) && v !== '') names.add(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (isObj(v)) {
      if (typeof v.target === 'string' && typeof v.kind === 'string') names.add(v.kind);
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(JSON.parse(resultsJson));
  return [...names].sort((a, b) => b.length - a.length);
}

/**
 * Units, percentiles and abbreviations a Korean chart keeps as they are, and the English terms
 * the glossary keeps beside their Korean ("prepare된", "데이터 지연(staleness)").
 */
const ALLOWED =
  /^(?:ms|s|p\d+(?:\.\d+)?|DB|SLO|CPU|CDF|IdP|symlog|ack|KB|MB|GB|2PC|prepare|staleness)$/;

/** `text` without the names in `names` (whole: not inside a longer word). */
function withoutNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const n of names) {
    const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`, 'g'), ' ');
  }
  return out;
}

/**
 * The English words each chart of `page` shows that are neither a name of `names` nor an allowed
 * unit, as "chart-3: 'warm-up (not counted)'" (the whole string the word is in).
 */
export function englishChartWords(page: string, names: readonly string[]): string[] {
  const found = new Set<string>();
  for (const { id, spec } of pageCharts(page))
    for (const s of shownChartStrings(spec)) {
      // a command-line option ("--replications 5") is msasim's, in every language
      const words =
        withoutNames(s, names)
          .replace(/--[a-z][a-z-]*/g, ' ')
          .match(/[A-Za-z0-9][A-Za-z0-9'-]*(?:\.\d+)?/g) ?? [];
      // a word has a letter: "30", "2.5" are figures
      if (words.some((w) => /[A-Za-z]/.test(w) && !ALLOWED.test(w)))
        found.add(`${id}: ${JSON.stringify(s)}`);
    }
  return [...found];
}
