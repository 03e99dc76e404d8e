/**
 * The replications asked in the page's toolbar, read as `run --replications` and `run
 * --precision` read theirs: a whole number of replications (empty: the scenario's), and a
 * precision target in percent (empty: none), or the problem with a value there (in `lang`).
 */
import type { Lang } from '../report/i18n/lang.ts';
import { ui } from './ui-words.ts';

/** What the toolbar asks for. */
export interface ReplicationChoice {
  replications?: number;
  /** A share: 5 % is 0.05. */
  precision?: number;
}

/** Most replications the page asks for at once. */
export const PAGE_MAX_REPLICATIONS = 1000;

export function replicationChoice(
  countText: string,
  percentText: string,
  lang: Lang = 'en',
): ReplicationChoice | { problem: string } {
  const count = countText.trim();
  const share = percentText.trim();
  const choice: ReplicationChoice = {};
  if (count !== '') {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > PAGE_MAX_REPLICATIONS)
      return {
        problem: ui(lang, 'choice.replications', { max: PAGE_MAX_REPLICATIONS, given: count }),
      };
    choice.replications = n;
  }
  if (share !== '') {
    const p = Number(share) / 100;
    if (!(p > 0 && p < 1)) return { problem: ui(lang, 'choice.precision', { given: share }) };
    choice.precision = p;
  }
  return choice;
}
