/**
 * The net for English left in a Korean text (issue 17): the longest run of English words once
 * option names (--lang), quoted values ('x', "x"), placeholders (<dir>), paths and file names
 * (a/b, x.json) are taken out. A leftover English sentence shows as a run of several words;
 * fewer than four in a row passes (a metric name, `msasim run`). Used by the tests of the
 * Korean command line (cli/usage-ko-commands.test.ts) and of the Korean challenges.
 */
import { expect } from 'vitest';

/** The longest run of English words in `text` (see above). */
export function englishRun(text: string): string {
  const bare = text
    .replace(/'[^']*'|"[^"]*"|<[^>]*>/g, ' ')
    .replace(/--[\w-]+/g, ' ')
    .replace(/\S*[/.]\S*[\w]\S*/g, ' ');
  let longest = '';
  for (const chunk of bare.split(/[^A-Za-z\s-]+/)) {
    const words = chunk.split(/\s+/).filter((w) => /^[A-Za-z]{2,}$/.test(w));
    if (words.length > longest.split(' ').filter(Boolean).length) longest = words.join(' ');
  }
  return longest;
}

/** Fewer than four English words in a row. */
export function expectNoEnglishSentence(text: string): void {
  expect(englishRun(text).split(' ').filter(Boolean).length, text).toBeLessThan(4);
}
