/**
 * How a message shows the values and names it quotes: lists of known names cut to a readable
 * length, values quoted or named by their type. Shared by the English texts (messages.ts) and the
 * Korean ones (messages-ko.ts); re-exported by messages.ts.
 */
import { printable } from './identifiers.ts';
import { sortedNames } from './suggest.ts';
/** How many names a "known: …" list shows before it ends in "…". */
export const MAX_LISTED = 12;

/** `a, b, c`: sorted, without duplicates, cut after MAX_LISTED names with "…". */
export function listNames(names: readonly string[]): string {
  // the sorted list is kept for long lists, which many messages name (known: services …)
  const sorted = sortedNames(names);
  const shown: string[] = [];
  for (const name of sorted) {
    if (name === shown.at(-1)) continue;
    if (shown.length === MAX_LISTED) return `${shown.join(', ')}, …`;
    shown.push(name);
  }
  return shown.join(', ');
}

/** A value as it appears in a message: strings quoted (and cut when long), lists and maps named. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    return printable(JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value));
  }
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** A number or a duration as written, without quotes: `5`, `20ms`. */
export function showPlain(value: unknown): string {
  return typeof value === 'string' ? value.trim() : showValue(value);
}

/** A value with its type, for expected-vs-received messages: `string "abc"`, `number 5`. */
export function showTypedValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return `${typeof value} ${showValue(value)}`;
  }
  return showValue(value);
}

/** A duration as the user wrote it; a bare number gets its implied unit, ms. */
export function showDuration(value: number | string): string {
  return typeof value === 'number' ? `${value}ms` : value.trim();
}

/** A whole number with thousands separators: 1,000,000. */
export function showCount(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21) return String(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A written duration as a message quotes it: a long one cut at 40 characters. */
export function showLongDuration(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)
    : String(value);
}

/** `a, b, c` in the given order, without duplicates, cut with "…" after `max` names. */
export function listCut(names: readonly string[], max = 16): string {
  const unique = [...new Set(names)];
  return unique.length > max ? `${unique.slice(0, max).join(', ')}, …` : unique.join(', ');
}
