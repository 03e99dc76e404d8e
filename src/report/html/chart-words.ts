/**
 * The words msasim writes into a chart, in the page's language (i18n/ko-terms*.ts). Two kinds:
 * - titles (chart titles and subtitles, axis, legend, header and tooltip titles) and the
 *   tooltip keys a field without a title shows (its field name): the page layout translates
 *   them on every chart (`chartTitlesIn`), since a title or a field name is always msasim's;
 * - the values of a chart's data that a reader sees as facet and row headers, legend entries,
 *   axis labels and tooltips ("warm-up", "lost", "session store"). Only the chart's builder
 *   knows which fields hold msasim's words and which hold the names a user wrote (a service
 *   called "cache" stays "cache"), so it names them (`valuesIn`), and each such value is
 *   translated everywhere the spec refers to it (data rows, sort orders, scale domains,
 *   filters and filter expressions): a chart draws the same marks in every language.
 * English: the spec itself, so an English page keeps its bytes.
 */
import type { Lang } from '../i18n/lang.ts';
import { term } from '../i18n/t.ts';

/** A JSON-like value of a spec. */
type Json = unknown;

/** `v` with every array and plain object rebuilt by `visit` (key order kept). */
function rebuild(v: Json, visit: (o: Record<string, Json>) => Record<string, Json>): Json {
  if (Array.isArray(v)) return v.map((x) => rebuild(x, visit));
  if (v === null || typeof v !== 'object') return v;
  const o = visit(v as Record<string, Json>);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, rebuild(x, visit)]));
}

/** A vega expression's string literal of `s` (single quotes, as the specs write theirs). */
const literal = (s: string): string => (/['\\\n\r]/.test(s) ? JSON.stringify(s) : `'${s}'`);

/**
 * `spec` with the values of `fields` in `lang`: fields whose every value is msasim's own word
 * (never a name the user wrote). Translated in the rows of every inline data set, in the
 * `sort`, `scale.domain` and filter predicate (`equal`, `oneOf`) of every definition of one of
 * those fields, and in the comparisons `datum.<field> === '<word>'` of filter and calculate
 * expressions, so filters, colours and orders keep matching.
 */
export function valuesIn<T>(lang: Lang, fields: readonly string[], spec: T): T {
  if (lang === 'en' || fields.length === 0) return spec;
  const mine = new Set(fields);
  const word = (x: Json): Json => (typeof x === 'string' ? term(lang, x) : x);
  const words = (x: Json): Json => (Array.isArray(x) ? x.map(word) : x);
  const comparison = /datum\.(\w+)(\s*[!=]==?\s*)'([^'\\]*)'/g;
  const expression = (x: Json): Json =>
    typeof x === 'string'
      ? x.replace(comparison, (all, f: string, op: string, w: string) =>
          mine.has(f) ? `datum.${f}${op}${literal(term(lang, w))}` : all,
        )
      : x;
  return rebuild(spec, (o) => {
    const out = { ...o };
    if (Array.isArray(o.values))
      out.values = o.values.map((row) =>
        row !== null && typeof row === 'object' && !Array.isArray(row)
          ? Object.fromEntries(Object.entries(row).map(([k, x]) => [k, mine.has(k) ? word(x) : x]))
          : row,
      );
    if (typeof o.field === 'string' && mine.has(o.field)) {
      if ('sort' in o) out.sort = words(o.sort);
      if ('equal' in o) out.equal = word(o.equal);
      if ('oneOf' in o) out.oneOf = words(o.oneOf);
      const scale = o.scale as Record<string, Json> | null | undefined;
      if (scale && typeof scale === 'object' && Array.isArray(scale.domain))
        out.scale = { ...scale, domain: words(scale.domain) };
    }
    for (const k of ['filter', 'calculate'] as const) if (k in o) out[k] = expression(o[k]);
    return out;
  }) as T;
}

/** Whether `x` is a plain object (a definition, a title object), not an array or a value. */
const isDefinition = (x: Json): x is Record<string, Json> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * `spec` with its titles (chart titles and subtitles, axis, legend, header and tooltip field
 * titles) in `lang`: each that is a term of the glossary is replaced, so a title msasim made is
 * translated and a name the user wrote (never a glossary term as a whole) is left as written.
 * A tooltip field without a title shows its field name, msasim's: it gets the term's words as
 * its title when the glossary has them. English: the spec itself.
 */
export function chartTitlesIn<T>(spec: T, lang: Lang): T {
  if (lang === 'en') return spec;
  const words = (v: Json): Json =>
    typeof v === 'string'
      ? term(lang, v)
      : Array.isArray(v)
        ? v.map(words)
        : isDefinition(v)
          ? walk(v, true)
          : v;
  // a tooltip's field without a title: its field name's words
  const keyed = (d: Json): Json => {
    if (!isDefinition(d) || 'title' in d || typeof d.field !== 'string') return d;
    const title = term(lang, d.field);
    return title === d.field ? d : { ...d, title };
  };
  const walk = (v: Json, inTitle = false): Json => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (!isDefinition(v)) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        k === 'title' || k === 'subtitle' || (inTitle && k === 'text')
          ? words(x)
          : k === 'tooltip' && (Array.isArray(x) || isDefinition(x))
            ? walk(Array.isArray(x) ? x.map(keyed) : keyed(x))
            : walk(x),
      ]),
    );
  };
  return walk(spec) as T;
}
