/**
 * `highlights:`: the key metrics a scenario's lesson is about, which the report shows first.
 * A highlight is a short text, `[kind:] [item] metric`:
 *
 *   - p99                       the overall p99 (all entry endpoints)
 *   - web/page p99              an entry endpoint's p99
 *   - orders-db utilisation     a component's utilisation
 *   - sessions lost             a figure of the whole run's sessions
 *   - billing messages lost     a consumer group's (the group may be left out when it is the only one)
 *   - cache:redis hit ratio     `kind:` picks the scope when a name is ambiguous
 *
 * The metric is a key metric's label or name (case ignored), matched at the end of the text;
 * what stands before it is the item. The names come from the catalogue (highlight-catalogue.ts),
 * the items from the document. A highlight is valid when the base document or one of its
 * variants measures it (a component that only some variants have is fine). Each resolves to a
 * `HighlightDef` (scope, item, metric: the `scope|id|metric` key of the report's key metrics).
 */
import {
  type CatalogueMetric,
  type CatalogueScope,
  HIGHLIGHT_CATALOGUE,
  type HighlightContext,
} from './highlight-catalogue.ts';
import type { DocPath, UnlocatedIssue } from './issues.ts';
import type { IssueText } from './messages.ts';
import * as msg from './messages-highlights.ts';
import { didYouMean } from './suggest.ts';
import type { HighlightDef } from './types.ts';

/** One way a text can be read: a scope's metric, with the item before it (undefined: none). */
interface Reading {
  scope: CatalogueScope;
  metric: CatalogueMetric;
  item: string | undefined;
  /** The length of the metric's words matched. */
  length: number;
}

/**
 * Every name a metric answers to, lowercased: its label, its aliases, and its name in the files
 * when that is a compound (`p99Ms`, `hitRatio`; a plain word such as `lost` would read
 * "sesions lost" as a consumer group called "sesions").
 */
const namesOf = (x: CatalogueMetric) =>
  [x.label, ...(/[A-Z]/.test(x.metric) ? [x.metric] : []), ...(x.aliases ?? [])].map((n) =>
    n.toLowerCase(),
  );

/** The readings of `text` in `scopes` that match the longest metric name. */
function readingsOf(text: string, scopes: readonly CatalogueScope[]): Reading[] {
  const lower = text.toLowerCase();
  const found: Reading[] = [];
  for (const scope of scopes)
    for (const metric of scope.metrics)
      for (const name of namesOf(metric)) {
        if (lower === name) found.push({ scope, metric, item: undefined, length: name.length });
        else if (lower.endsWith(` ${name}`)) {
          const item = text.slice(0, text.length - name.length).trim();
          found.push({ scope, metric, item, length: name.length });
        }
      }
  const longest = Math.max(0, ...found.map((r) => r.length));
  // one reading per scope and metric (a label and its alias can both match)
  const seen = new Set<string>();
  return found.filter((r) => {
    const key = `${r.scope.scope}|${r.metric.metric}`;
    if (r.length !== longest || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Why a reading does not fit a document, or its item id (null: the scope's only item). */
function fitOf(r: Reading, c: HighlightContext): IssueText | { id: string | null } {
  const items = r.scope.items(c);
  const count = r.scope.count?.(c) ?? items.length;
  const label = r.metric.label;
  if (r.scope.item === null) {
    if (r.item !== undefined) return msg.highlightTakesNoItem(label, r.item);
    return items.length === 0 ? msg.highlightNotMeasured(label, r.scope.scope) : { id: '' };
  }
  const kind = r.scope.item;
  if (r.item === undefined) {
    if (count === 0) return msg.highlightNotMeasured(label, `${kind}s`);
    return count === 1 ? { id: null } : msg.highlightNeedsItem(label, kind, items);
  }
  return items.includes(r.item)
    ? { id: r.item }
    : msg.unknownHighlightItem(kind, r.item, label, items);
}

/** Every label of `scopes` (for a did-you-mean). */
const allLabels = (scopes: readonly CatalogueScope[]) =>
  scopes.flatMap((s) => s.metrics.map((x) => x.label));

/**
 * The text with its metric words replaced by the nearest label ("orders utilsation" → "orders
 * utilisation"), trying the last 4, 3, 2 and 1 words; undefined when none is near.
 */
function nearest(text: string, labels: readonly string[]): string | undefined {
  const words = text.split(' ');
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    const guess = didYouMean(words.slice(-k).join(' '), labels);
    if (guess !== undefined) return [...words.slice(0, -k), guess].join(' ');
  }
  return undefined;
}

/** The key metric labels the documents measure (for a hint). */
function labelsMeasured(contexts: readonly HighlightContext[]): string[] {
  return HIGHLIGHT_CATALOGUE.filter((s) =>
    contexts.some((c) => (s.count?.(c) ?? s.items(c).length) > 0),
  ).flatMap((s) => s.metrics.map((x) => x.label));
}

/**
 * The key metric `text` names in the documents `contexts` (the base, then each variant), or the
 * problem with it (the base's, or the first variant's when the base has no reading).
 */
export function resolveHighlight(
  text: string,
  contexts: readonly HighlightContext[],
): HighlightDef | IssueText {
  const clean = text.trim().replace(/\s+/g, ' ');
  let scopes = HIGHLIGHT_CATALOGUE;
  let rest = clean;
  const prefixed = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(clean);
  if (prefixed !== null) {
    const prefixes = HIGHLIGHT_CATALOGUE.flatMap((s) => s.prefixes);
    const wanted = prefixed[1].toLowerCase();
    scopes = HIGHLIGHT_CATALOGUE.filter((s) => s.prefixes.includes(wanted));
    if (scopes.length === 0) return msg.unknownHighlightScope(prefixed[1], prefixes);
    rest = prefixed[2];
  }
  const readings = readingsOf(rest, scopes);
  if (readings.length === 0)
    return msg.unknownHighlight(clean, labelsMeasured(contexts), nearest(rest, allLabels(scopes)));
  let problem: IssueText | undefined;
  for (const c of contexts) {
    const fits: { r: Reading; id: string | null }[] = [];
    // with an item, the problem of a scope of items says more than "a figure of the whole run"
    const ordered =
      readings[0].item === undefined
        ? readings
        : [
            ...readings.filter((r) => r.scope.item !== null),
            ...readings.filter((r) => r.scope.item === null),
          ];
    for (const r of ordered) {
      const f = fitOf(r, c);
      if ('code' in f) problem ??= f;
      else fits.push({ r, id: f.id });
    }
    if (fits.length === 0) continue;
    // a figure of the whole run wins over the same figure of the only item ("p99")
    const whole = fits.filter((x) => x.r.scope.item === null);
    const chosen = whole.length > 0 ? whole : fits;
    if (chosen.length > 1)
      return msg.highlightAmbiguous(
        clean,
        chosen.map((x) => `${x.r.scope.prefixes[0]}:${rest}`),
      );
    const { r, id } = chosen[0];
    return {
      text: clean,
      scope: r.scope.scope,
      id,
      metric: r.metric.metric,
      label: r.metric.label,
    };
  }
  return problem as IssueText;
}

/**
 * The highlights of a document (`texts` at `highlights:`), resolved against it and its variants,
 * with a located issue for each that does not resolve or repeats another.
 */
export function checkHighlights(
  texts: readonly string[],
  contexts: readonly HighlightContext[],
  path: DocPath = ['highlights'],
): { highlights: HighlightDef[]; issues: UnlocatedIssue[] } {
  const highlights: HighlightDef[] = [];
  const issues: UnlocatedIssue[] = [];
  texts.forEach((text, i) => {
    const r = resolveHighlight(text, contexts);
    if ('code' in r) {
      issues.push({ ...r, severity: 'error', path: [...path, i] });
      return;
    }
    const same = highlights.find(
      (h) => h.scope === r.scope && h.id === r.id && h.metric === r.metric,
    );
    if (same !== undefined)
      issues.push({
        ...msg.duplicateHighlight(text, same.text),
        severity: 'error',
        path: [...path, i],
      });
    else highlights.push(r);
  });
  return { highlights, issues };
}

/** Every key metric a highlight may name, by scope, for `msasim schema` and the docs. */
export function highlightNames(): { scope: string; item: string | null; metrics: string[] }[] {
  return HIGHLIGHT_CATALOGUE.map((s) => ({
    scope: s.scope,
    item: s.item,
    metrics: s.metrics.map((x) => x.label),
  }));
}
