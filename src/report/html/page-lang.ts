/**
 * The language of a report page, for `<html lang>` (it picks the browser's fonts for Hangul and
 * Han characters, hyphenation and a screen reader's voice). The page's own words are English;
 * what decides is the language of the names a user gave: the scenario's `lang:` when it has one,
 * else "ko" when a name (the scenario, a variant, a service or database, an endpoint, a
 * workload) has Hangul in it, else "en". A scenario in another language states it with `lang:`.
 */
import type { ReportData } from '../report-data-types.ts';

/** A Hangul syllable or jamo. */
const HANGUL = /\p{Script=Hangul}/u;

/** "ko" when one of `names` has Hangul in it, else "en". */
export function langOfNames(names: readonly string[]): string {
  return names.some((n) => HANGUL.test(n)) ? 'ko' : 'en';
}

/** The `<html lang>` of the report of `data` (see the header). */
export function pageLang(data: ReportData): string {
  if (data.scenario.lang !== undefined) return data.scenario.lang;
  const names = [data.scenario.name];
  for (const v of data.variants) {
    names.push(v.variant ?? '');
    for (const c of v.summary.components) names.push(c.id);
    for (const e of v.summary.endpoints) names.push(e.endpoint);
    for (const w of v.summary.workloads) names.push(w.workload);
  }
  return langOfNames(names);
}
