/**
 * The key of a YAML map entry as the JavaScript object made from the document holds it (yaml's
 * toJS): a scalar's value as a string (`1` and `"1"` are one key), `~` and a missing key as "".
 * The tree's checks (yaml-guards.ts) and the locator (locate.ts) both name and index the keys
 * of a map with this file: the checks report a key given twice, the locator finds the first
 * pair of a key, so both say a key, and which of its pairs is the first, the same way.
 */
import { isScalar, type Pair, type YAMLMap } from 'yaml';

/** A map key as JavaScript objects hold it. */
export function keyText(key: unknown): string {
  const value = isScalar(key) ? key.value : key;
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The pairs of `map` by their keys' text (keyText), the first pair of each key; `again` is
 * given every later pair whose key is already there (a key given twice). Pairs whose key is
 * not a scalar (a list, a map or an alias, which the tree's checks refuse: yaml-guards.ts) are
 * left out. One pass over the map.
 */
export function pairsByKey(
  map: YAMLMap,
  again?: (key: string, pair: Pair) => void,
): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  for (const pair of map.items as Pair[]) {
    if (!isScalar(pair.key)) continue;
    const key = keyText(pair.key);
    if (!pairs.has(key)) pairs.set(key, pair);
    else again?.(key, pair);
  }
  return pairs;
}
