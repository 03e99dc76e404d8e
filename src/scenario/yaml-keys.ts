/**
 * The key of a YAML map entry as the JavaScript object made from the document holds it (yaml's
 * toJS): a scalar's value as a string (`1` and `"1"` are one key), `~` and a missing key as "".
 * The tree's checks (yaml-guards.ts) name the keys of their paths with it, and the locator
 * (locate.ts) finds the keys of the object's paths with it, so both say a key the same way.
 */
import { isScalar } from 'yaml';

/** A map key as JavaScript objects hold it. */
export function keyText(key: unknown): string {
  const value = isScalar(key) ? key.value : key;
  return value === null || value === undefined ? '' : String(value);
}
