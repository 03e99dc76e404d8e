/**
 * "Did you mean …?" suggestions for misspelt keys and names, by Damerau-Levenshtein distance
 * (optimal string alignment: insertions, deletions, substitutions and swaps of neighbours).
 * Case is ignored; there is no keyboard-distance weighting.
 */

/** Shortest common prefix that counts as "one is a prefix of the other" ("ord" → "orders"). */
const MIN_PREFIX = 3;

/**
 * The candidate closest to `input`, or undefined when none is close enough.
 * A candidate is close enough when its distance to `input` is at most max(1, ⌊len/3⌋), len being
 * the length of `input`, or when one of the two is a prefix of the other (at least 3 characters).
 * Ties go to the candidate that sorts first, so the answer never depends on the candidates' order.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of [...candidates].sort(compareStrings)) {
    const hay = candidate.toLowerCase();
    const distance = editDistance(needle, hay);
    if (distance > limit && !isPrefixPair(needle, hay)) continue;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Code-unit order: unlike localeCompare it is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isPrefixPair(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX && long.startsWith(short);
}

/** Optimal string alignment distance (Damerau-Levenshtein where no substring is edited twice). */
export function editDistance(a: string, b: string): number {
  // rows[i][j] = distance between the first i characters of a and the first j of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) rows[i].push(i === 0 ? j : 0);
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}
