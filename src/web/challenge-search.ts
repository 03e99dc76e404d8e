/**
 * The gallery's search over the workshop challenges (challenge-panel.ts hides those that do not
 * answer it): every word of the query in the challenge's name, or in its title or brief in
 * some language, as the scenarios answer it (web/app.ts). Apart from challenge.ts, which the
 * page must not load (it runs attempts: the worker's part).
 */
import type { ShippedChallenge } from './challenge.ts';

/** Whether challenge `c` answers the search `query` (every challenge answers an empty one). */
export function challengeMatches(c: ShippedChallenge, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [c.name, ...Object.values(c.words).flatMap((w) => [w.title, w.brief])]
    .join('\n')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}
