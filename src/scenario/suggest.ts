/**
 * "Did you mean …?" suggestions for misspelt keys and names, by Damerau-Levenshtein distance
 * (optimal string alignment: insertions, deletions, substitutions and swaps of neighbours).
 * Case is ignored; there is no keyboard-distance weighting. Names are compared in Unicode NFD
 * (decomposed) form, so a Hangul syllable counts as its jamo: 결재 for 결제 (one wrong vowel) is
 * one edit among six letters rather than one among two, and a longer Korean name gets the same
 * room for typos as a Latin one of as many letters. ASCII names are the same in either form.
 */

/** Shortest common prefix that counts as "one is a prefix of the other" ("ord" → "orders"). */
const MIN_PREFIX = 3;

/** Lists longer than this are sorted once and kept (a file's names: services, databases …). */
const KEPT_LIST = 50;
/** Lists longer than this answer MAX_QUESTIONS questions only. */
const LARGE_LIST = 200;
/** Questions answered about one large list, after which it gets no more suggestions. */
const MAX_QUESTIONS = 200;
/** Longer inputs are compared by prefix only (the distance of two long texts is slow to find). */
const MAX_EDITED_LENGTH = 100;

/** A large list of candidates, sorted and lowercased once, with the questions asked of it. */
interface Prepared {
  sorted: string[];
  lower: string[];
  questions: number;
}

/** Prepared large lists, by the list itself (each document's names are its own arrays). */
const prepared = new WeakMap<readonly string[], Prepared>();

/**
 * `candidates` sorted in code-unit order (kept for lists of more than 50 names, which are asked
 * about again and again: a file's services, databases …). Do not change the result.
 */
export function sortedNames(candidates: readonly string[]): readonly string[] {
  if (candidates.length <= KEPT_LIST) return [...candidates].sort(compareStrings);
  const list = prepared.get(candidates) ?? prepare(candidates);
  prepared.set(candidates, list);
  return list.sorted;
}

function prepare(candidates: readonly string[]): Prepared {
  const sorted = [...candidates].sort(compareStrings);
  return { sorted, lower: sorted.map(fold), questions: 0 };
}

/**
 * The candidate closest to `input`, or undefined when none is close enough.
 * A candidate is close enough when its distance to `input` is at most max(1, ⌊len/3⌋), len being
 * the length of `input` once decomposed, or when one of the two is a prefix of the other (at least 3 characters).
 * Ties go to the candidate that sorts first, so the answer never depends on the candidates' order.
 * A list of more than 200 names answers its first 200 questions only: a file with thousands of
 * misspelt references to thousands of names would otherwise take quadratic time. An input of
 * more than 100 characters is only matched by prefix.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let list: Prepared;
  if (candidates.length > KEPT_LIST) {
    list = prepared.get(candidates) ?? prepare(candidates);
    prepared.set(candidates, list);
    if (candidates.length > LARGE_LIST && ++list.questions > MAX_QUESTIONS) return undefined;
  } else list = prepare(candidates);
  const needle = fold(input);
  const limit = Math.max(1, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < list.sorted.length; i++) {
    const hay = list.lower[i];
    // one is a prefix of the other: the distance is the difference in length
    let distance = Math.abs(hay.length - needle.length);
    if (!isPrefixPair(needle, hay)) {
      // the distance is at least the difference in length
      if (distance > limit || needle.length > MAX_EDITED_LENGTH) continue;
      distance = editDistance(needle, hay, limit);
      if (distance > limit) continue;
    }
    if (distance < bestDistance) {
      best = list.sorted[i];
      bestDistance = distance;
    }
  }
  return best;
}

/** How a name is compared: lower case, decomposed (a Hangul syllable as its two or three jamo). */
function fold(name: string): string {
  return name.toLowerCase().normalize('NFD');
}

/** Code-unit order: unlike localeCompare it is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isPrefixPair(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX && long.startsWith(short);
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein where no substring is edited twice).
 * With `max`, a result above `max` may be any number above it (the work stops early).
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  // rows[i][j] = distance between the first i characters of a and the first j of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) rows[i].push(i === 0 ? j : 0);
  }
  for (let i = 1; i <= a.length; i++) {
    let rowMin = rows[i][0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = d;
      if (d < rowMin) rowMin = d;
    }
    // every later row is at least the smallest of this one and the one before it
    if (i > 1 && rowMin > max && Math.min(...rows[i - 1]) > max) return rowMin;
  }
  return rows[a.length][b.length];
}
