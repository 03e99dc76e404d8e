/**
 * The texts of problems with `highlights:` (the key metrics a scenario's report shows first) and
 * `replications:`, one function per issue code (highlights.ts reads them from here: messages.ts
 * re-exporting them would close an import loop).
 */
import type { IssueText } from './messages.ts';
import * as ko from './messages-ko-highlights.ts';
import { listCut as list } from './messages-values.ts';
import { didYouMean, sortedNames } from './suggest.ts';

const guess = (input: string, known: readonly string[]) => {
  const g = didYouMean(input, known);
  return g === undefined ? '' : `did you mean "${g}"? `;
};

/** A highlight whose metric is none of the key metrics this scenario has. */
export function unknownHighlight(
  text: string,
  known: readonly string[],
  nearest: string | undefined,
): IssueText {
  return {
    code: 'unknown-highlight',
    message: `"${text}" names no key metric`,
    hint: `${nearest === undefined ? '' : `did you mean "${nearest}"? `}write [item] metric, e.g. "p99", "orders-db utilisation"; key metrics here: ${list(known)} (msasim schema lists them all)`,
    ko: ko.unknownHighlight(text, known, nearest),
  };
}

/** A highlight with a scope prefix (`component:`) that is not one. */
export function unknownHighlightScope(prefix: string, known: readonly string[]): IssueText {
  return {
    code: 'unknown-highlight',
    message: `"${prefix}:" is not a kind of item a key metric is about`,
    hint: `${guess(prefix, known)}prefixes: ${list(known)}`,
    ko: ko.unknownHighlightScope(prefix, known),
  };
}

/** A highlight naming an item (endpoint, component …) the scenario does not have. */
export function unknownHighlightItem(
  kind: string,
  item: string,
  label: string,
  known: readonly string[],
): IssueText {
  return {
    code: 'unknown-reference',
    message: `unknown ${kind} "${item}" in a highlight of "${label}"`,
    hint: `${guess(item, known)}${known.length === 0 ? `this scenario has no ${kind}s` : `${kind}s: ${list(sortedNames(known))}`}`,
    ko: ko.unknownHighlightItem(kind, item, label, known),
  };
}

/** A highlight of a metric measured per item, without the item, when there are several. */
export function highlightNeedsItem(
  label: string,
  kind: string,
  known: readonly string[],
): IssueText {
  return {
    code: 'highlight-needs-item',
    message: `"${label}" is measured per ${kind}; say which`,
    hint: `for example "${known[0] ?? kind} ${label}"; ${kind}s: ${list(sortedNames(known))}`,
    ko: ko.highlightNeedsItem(label, kind, known),
  };
}

/** A highlight of a whole-run metric with an item before it. */
export function highlightTakesNoItem(label: string, item: string): IssueText {
  return {
    code: 'unknown-highlight',
    message: `"${label}" is a figure of the whole run, not of "${item}"`,
    hint: `write "${label}" alone`,
    ko: ko.highlightTakesNoItem(label, item),
  };
}

/** A highlight of something this scenario never measures (sessions lost without sessions …). */
export function highlightNotMeasured(label: string, kind: string): IssueText {
  return {
    code: 'highlight-not-measured',
    message: `"${label}" is not measured in this scenario: it has no ${kind}`,
    hint: 'highlight a key metric this scenario produces (msasim schema lists them)',
    ko: ko.highlightNotMeasured(label, kind),
  };
}

/** A highlight that fits several scopes. */
export function highlightAmbiguous(text: string, choices: readonly string[]): IssueText {
  return {
    code: 'highlight-ambiguous',
    message: `"${text}" could mean ${list(choices)}`,
    hint: `put the kind first: ${list(choices.map((c) => `"${c}"`))}`,
    ko: ko.highlightAmbiguous(text, choices),
  };
}

/** The same highlight twice. */
export function duplicateHighlight(text: string, first: string): IssueText {
  return {
    code: 'duplicate-highlight',
    message: `"${text}" is the same key metric as "${first}" above`,
    hint: 'list each highlight once',
    ko: ko.duplicateHighlight(text, first),
  };
}
