/**
 * How a message shows the values and names it quotes: lists of known names cut to a readable
 * length, values quoted or named by their type. Shared by the English texts (messages.ts) and the
 * Korean ones (messages-ko.ts); re-exported by messages.ts.
 */
import { printable } from './identifiers.ts';
import { didYouMean, sortedNames } from './suggest.ts';
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

/** How a message names a value that is not a string, a number or a boolean (per language). */
export interface ValueWords {
  undefined: string;
  null: string;
  list: string;
  object: string;
}

/** showValue's words. */
const ENGLISH_VALUE_WORDS: ValueWords = {
  undefined: 'nothing',
  null: 'an empty value',
  list: 'a list',
  object: 'an object',
};

/**
 * A value as a message in the language of `words` shows it: strings quoted (and cut when long),
 * numbers and booleans as they are, the rest named by `words`.
 */
export function valueIn(words: ValueWords, value: unknown): string {
  if (typeof value === 'string') {
    return printable(JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value));
  }
  if (value === undefined) return words.undefined;
  if (value === null) return words.null;
  if (Array.isArray(value)) return words.list;
  if (typeof value === 'object') return words.object;
  return String(value);
}

/** A value with its type (string, number, boolean) before it, as valueIn shows it. */
export function typedValueIn(words: ValueWords, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return `${typeof value} ${valueIn(words, value)}`;
  }
  return valueIn(words, value);
}

/** A value as it appears in a message: strings quoted (and cut when long), lists and maps named. */
export function showValue(value: unknown): string {
  return valueIn(ENGLISH_VALUE_WORDS, value);
}

/** A number or a duration as written, without quotes: `5`, `20ms`. */
export function showPlain(value: unknown): string {
  return typeof value === 'string' ? value.trim() : showValue(value);
}

/** A value with its type, for expected-vs-received messages: `string "abc"`, `number 5`. */
export function showTypedValue(value: unknown): string {
  return typedValueIn(ENGLISH_VALUE_WORDS, value);
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

/** A chain of names (calls, endpoints): `a → b → c`, a long one cut to its first three and its last. */
export function showChain(chain: readonly string[]): string {
  return chain.length <= 6
    ? chain.join(' → ')
    : `${chain.slice(0, 3).join(' → ')} → … → ${chain.at(-1)}`;
}

/**
 * The hint of a name that names nothing: `ask(guess)` when a name of `known` is close to `name`
 * (did you mean …?), else `otherwise`. Each language words its own question and fallback.
 */
export function guessOr(
  name: string,
  known: readonly string[],
  ask: (guess: string) => string,
  otherwise: string,
): string {
  const guess = didYouMean(name, known);
  return guess === undefined ? otherwise : ask(guess);
}

/**
 * `prefix; ask(guess)`: a hint and, when a name of `known` is close to `name`, its did-you-mean
 * question (worded by each language); either part alone, undefined when there is neither.
 */
export function withGuess(
  prefix: string | undefined,
  name: string,
  known: readonly string[],
  ask: (guess: string) => string,
): string | undefined {
  const guess = didYouMean(name, known);
  const parts = [prefix, guess === undefined ? undefined : ask(guess)];
  const hint = parts.filter((p) => p !== undefined).join('; ');
  return hint === '' ? undefined : hint;
}

/** A wall-clock duration for people: `5 s`, `0.001 ms`, `10 min`. */
export function showWall(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(3))} s`;
  return `${Number(ms.toPrecision(3))} ms`;
}

/** A number of bytes for people: `2.4 GB`. */
export function showBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

/**
 * Words other tools use for a key of this language (Kubernetes' `replicas`, a pool's `poolSize`,
 * a load tester's `rps`), each with the keys it may mean, in order of likelihood: an unknown key
 * that is none of the known ones misspelt is offered the first of these that is valid there.
 */
const KEY_ALIASES = new Map<string, readonly string[]>(
  Object.entries({
    replicas: ['instances'],
    replicacount: ['instances'],
    pods: ['instances'],
    nodes: ['instances'],
    workers: ['threads'],
    concurrency: ['threads', 'bulkhead'],
    threadpool: ['threads'],
    poolsize: ['connections', 'threads'],
    pool: ['connections', 'threads'],
    maxconnections: ['connections'],
    db: ['database'],
    datastore: ['database'],
    rps: ['rate'],
    qps: ['rate'],
    tps: ['rate'],
    arrivalrate: ['rate'],
    endpoint: ['target'],
    capacity: ['queueCapacity'],
    queuesize: ['queueCapacity'],
    retries: ['retry'],
    circuitbreaker: ['breaker'],
    servicetime: ['cpu'],
    latency: ['queryTime', 'opTime', 'publishTime'],
  }),
);

/**
 * The key of `known` that `key`, a word of another tool, may mean (see KEY_ALIASES; a Map, so a
 * key such as `constructor` finds nothing rather than Object.prototype's).
 */
export function keyAlias(key: string, known: readonly string[]): string | undefined {
  return KEY_ALIASES.get(key.toLowerCase().replace(/[-_]/g, ''))?.find((k) => known.includes(k));
}

/**
 * The hint for an endpoint reference without its service (`endpoint: checkout`), in a language's
 * `words`: the endpoints of that name (`named`, with the list quoted and whether it holds more
 * than one), else the endpoints of the service of that name (`ofService`), else the closest of
 * every reference (`closest`: none when nothing is close); each reference is "service/endpoint".
 */
export function endpointHint(
  received: string,
  refs: readonly { service: string; endpoint: string }[],
  words: {
    named: (quoted: string, many: boolean) => string;
    ofService: (quoted: string) => string;
    closest: (all: string[]) => string | undefined;
  },
): string | undefined {
  const name = (r: { service: string; endpoint: string }) => `${r.service}/${r.endpoint}`;
  const quoted = (xs: readonly string[]) => listNames(xs.map((x) => `"${x}"`));
  const named = refs.filter((r) => r.endpoint === received).map(name);
  if (named.length > 0) return words.named(quoted(named), named.length > 1);
  const ofService = refs.filter((r) => r.service === received).map(name);
  if (ofService.length > 0) return words.ofService(quoted(ofService));
  return words.closest(refs.map(name));
}

/**
 * Which of `names` is meant, in a language's `words`: `none` when there are none, the one name
 * in quotes, else `many` of the quoted list ("one of "a", "b"", "“a”, “b” 중 하나").
 */
export function oneOfQuoted(
  names: readonly string[],
  words: { none: string; many: (list: string) => string },
): string {
  if (names.length === 0) return words.none;
  if (names.length === 1) return `"${names[0]}"`;
  return words.many(listNames(names.map((e) => `"${e}"`)));
}
