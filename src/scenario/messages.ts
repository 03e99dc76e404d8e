/**
 * Every text a user reads about a problem in their scenario: one function per issue code, with
 * typed arguments, returning the code, the message (what is wrong, expected vs received) and a
 * hint (valid values, a fix). Teachers can reword messages here without touching the checks.
 * Where a problem is found and how it is printed live elsewhere (zod-issues.ts, format.ts).
 */
import { printable } from './identifiers.ts';
import type { Bilingual, IssueCode, IssueText, StoreUse } from './issues.ts';
import * as ko from './messages-ko.ts';
import {
  endpointHint,
  keyAlias,
  listNames,
  oneOfQuoted,
  showDuration,
  showPlain,
  showTypedValue,
  showValue,
  withGuess,
} from './messages-values.ts';
import { didYouMean } from './suggest.ts';

// the text of one issue (the issues' own file holds it: no import loop)
export type { IssueText } from './issues.ts';
// and those of the data files a workload replays
export * from './messages-data.ts';
// the texts of the faults' problems
export * from './messages-faults.ts';
// the texts of hostile or oversized input live beside this file
export * from './messages-limits.ts';
// and those of replicated data (replicated:, updateCopy, readCopy)
export * from './messages-replicated.ts';
// how values and names are quoted
export * from './messages-values.ts';

/** Kinds of names a scenario refers to. */
export type ReferenceKind =
  | 'service'
  | 'endpoint'
  | 'database'
  | 'component'
  | 'key space'
  | 'cache'
  | 'broker'
  | 'topic'
  | 'saga'
  | 'consumer group'
  | 'pending state'
  | 'replicated data'
  | 'instance size';

/** `a`, `a and b`, `a, b and c`. */
function joinAnd(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function withSuggestion(prefix: string | undefined, name: string, known: readonly string[]) {
  return withGuess(prefix, name, known, (guess) => `did you mean "${guess}"?`);
}

/** The scenario file cannot be read. `reason` is e.g. 'file not found'. */
export function unreadableFile(file: string, reason: string): string {
  return `cannot read ${file}: ${reason}`;
}

/**
 * The file is not UTF-8 text: `byte` (hex) at its line and column is not part of a UTF-8
 * character (a file saved as CP949/EUC-KR or Latin-1).
 */
export function notUtf8(file: string, byte: string): { message: string; hint: string } {
  return {
    message: `cannot read ${file}: it is not UTF-8 text (byte ${byte} here is not part of a UTF-8 character)`,
    hint: 'save the file as UTF-8 (an editor on Korean Windows may have saved it as CP949/EUC-KR: choose "Save as" → encoding UTF-8)',
  };
}

/** The YAML (or JSON) text cannot be parsed. `detail` is the parser's message. */
export function yamlSyntax(detail: string): string {
  return `cannot parse the file: ${parserFirstLine(detail)}`;
}

/** The parser's message without the position and quoted line it repeats (we print our own). */
export function parserFirstLine(detail: string): string {
  return detail.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
}

/** A variant's `set:` key that is not a path into the scenario. */
export function badSetPath(key: string): string {
  return `"${key}" is not a path into the scenario; write keys joined by dots and [n] for list items, such as services.orders.endpoints.get.steps[0].cpu`;
}

/** A problem that appears only once the overrides of variant `variant` are applied. */
export function inVariant(variant: string, message: string): string {
  return `in variant "${variant}": ${message}`;
}

/** A problem that appears once an override from outside the file (`label`, e.g. a sweep's `--param x=4`) is applied. */
export function inOverride(label: string, message: string): string {
  return `in ${label}: ${message}`;
}

/** An override whose path goes through a key the scenario does not have, close to one it has. */
export function unknownOverrideKey(key: string, known: readonly string[]): IssueText {
  return {
    code: 'unknown-override-path',
    message: `there is no "${key}" here`,
    hint: withSuggestion(`known: ${listNames(known)}`, key, known),
    ko: ko.unknownOverrideKey(key, known),
  };
}

/** A `set:` path (or `--param`) indexes list `list` (of `length` items) past its end. */
export function setIndexPastEnd(list: string, index: number, length: number): IssueText {
  const items = length === 1 ? '1 item' : `${length} items`;
  return {
    code: 'bad-set-path',
    message: `${list} has ${items}, so [${index}] is past its end`,
    hint:
      length === 0
        ? `${list}[0] adds its first item`
        : `${length === 1 ? 'its item is [0]' : `its items are [0] to [${length - 1}]`}; [${length}] adds one at the end`,
    ko: ko.setIndexPastEnd(list, index, length),
  };
}

/** A variant sets a path that an override also sets, so the override does not change that variant. */
export function variantHidesOverride(variant: string, path: string): IssueText {
  return {
    code: 'variant-hides-override',
    message: `variant "${variant}" sets ${path} itself, so changing ${path} from outside the file has no effect on it`,
    hint: 'remove the key from the variant, or sweep a path it does not set',
    ko: ko.variantHidesOverride(variant, path),
  };
}

/** A key that the object at this place does not have. */
export function unknownKey(key: string, known: readonly string[]): IssueText {
  if (key === '<<')
    return {
      code: 'unknown-key',
      message: 'merge keys (<<) are not supported',
      hint: 'write the keys out, or put an alias (*name) where the whole value goes',
      ko: ko.unknownKey(key, known),
    };
  const valid = known.length === 0 ? 'remove it' : `valid keys here: ${listNames(known)}`;
  // not one of them misspelt: perhaps another tool's word for one (replicas for instances)
  const alias = didYouMean(key, known) === undefined ? keyAlias(key, known) : undefined;
  return {
    code: 'unknown-key',
    message: `unknown key "${key}"`,
    hint:
      alias === undefined
        ? withSuggestion(valid, key, known)
        : withSuggestion(valid, alias, [alias]),
    ko: ko.unknownKey(key, known),
  };
}

/** A required key is absent. */
export function missingKey(key: string | number, hint?: string): IssueText {
  return {
    code: 'missing-key',
    message: `missing required key "${key}"`,
    hint,
    ko: ko.missingKey(key, hint),
  };
}

/** The value has the wrong type. `expected` is a phrase such as 'number' or 'a duration such as "2ms"'. */
export function invalidType(expected: string, received: unknown): IssueText {
  // YAML reads 1e400 as Infinity: say it is too large rather than "received number Infinity"
  const infinite = typeof received === 'number' && !Number.isFinite(received);
  return {
    code: 'invalid-type',
    message: `expected ${expected}, received ${showTypedValue(received)}`,
    ...(infinite ? { hint: 'the number is too large to be held (a finite number is needed)' } : {}),
    ko: ko.invalidType(expected, received),
  };
}

/** Bounds of a too_small / too_big check, as zod reports them. */
export interface Bound {
  /** What was measured: 'number', 'array', 'string', … */
  origin: string;
  limit: number | bigint;
  inclusive: boolean;
  received: unknown;
}

/** A number below its minimum, or a list or text shorter than its minimum length. */
export function tooSmall(bound: Bound): IssueText {
  return {
    code: 'too-small',
    message: boundMessage(bound, 'at least', '>'),
    ko: ko.boundMessage(bound, 'min'),
  };
}

/** A number above its maximum, or a list or text longer than its maximum length. */
export function tooBig(bound: Bound): IssueText {
  return {
    code: 'too-big',
    message: boundMessage(bound, 'at most', '<'),
    ko: ko.boundMessage(bound, 'max'),
  };
}

/** A share (`availability`, `errorRate`, `utilisation` …) written as a number of per cent. */
export function percentAsNumber(received: number): IssueText {
  const text = tooBig({ origin: 'number', limit: 1, inclusive: true, received });
  const fraction = Number((received / 100).toPrecision(12));
  return {
    ...text,
    hint: `a share is a fraction from 0 to 1 or a percentage string: write ${fraction} or "${received}%"`,
    ko: ko.percentAsNumber(received),
  };
}

function boundMessage(bound: Bound, words: string, op: '>' | '<'): string {
  const { origin, limit, inclusive, received } = bound;
  if (origin === 'array' || origin === 'set') {
    const count = Array.isArray(received) ? received.length : undefined;
    const got = count === undefined ? '' : `, received ${count}`;
    return `must have ${words} ${limit} item${limit === 1 ? '' : 's'}${got}`;
  }
  if (origin === 'string')
    return `must have ${words} ${limit} characters, received ${showValue(received)}`;
  return `must be ${op}${inclusive ? '=' : ''} ${limit}, received ${showValue(received)}`;
}

/** A string that does not match its pattern. `expectation` is the schema's own message. */
export function invalidFormat(expectation: string, received: unknown, hint?: string): IssueText {
  return {
    code: 'invalid-format',
    message: `${expectation}, received ${showValue(received)}`,
    hint,
    ko: ko.invalidFormat(expectation, received, hint),
  };
}

/**
 * An endpoint reference without its service (`endpoint: checkout`): the references it may mean —
 * the endpoints of that name, the endpoints of the service of that name, or the closest one.
 */
export function endpointWithoutService(
  expectation: string,
  received: string,
  refs: readonly { service: string; endpoint: string }[],
): IssueText {
  const hint = endpointHint(received, refs, {
    named: (q, many) =>
      `write the service before the endpoint: did you mean ${many ? `one of ${q}` : q}?`,
    ofService: (q) => `"${received}" is a service: name one of its endpoints, ${q}`,
    closest: (all) => withSuggestion(undefined, received, all),
  });
  return {
    ...invalidFormat(expectation, received),
    hint,
    ko: ko.endpointWithoutService(expectation, received, refs),
  };
}

/**
 * A plain value where a named entry of `section` should be, under the name of one of an entry's
 * keys (`target:` written beside the workloads instead of under one): indented one level short.
 */
export function keyOutsideEntry(
  expected: string,
  received: unknown,
  key: string,
  section: string,
  entries: readonly string[],
): IssueText {
  const under = oneOfQuoted(entries, { none: 'one of them', many: (l) => `one of ${l}` });
  return {
    ...invalidType(expected, received),
    hint: `"${key}" is a key of each entry of ${section}, not an entry's name: indent it under ${under}`,
    ko: ko.keyOutsideEntry(expected, received, key, section, entries),
  };
}

/** `key:value` without a space: YAML read it as one string, not a key and its value. */
export function noSpaceAfterColon(key: string, value: string): IssueText {
  return {
    code: 'invalid-type',
    message: `"${key}:${value}" is one string to YAML`,
    hint: `YAML needs a space after the colon: write "${key}: ${value}"`,
    ko: ko.noSpaceAfterColon(key, value),
  };
}

/** A map where a list is expected (`steps: { cpu: 1ms }`): each item starts with "- ". */
export function mapForList(key: string, keys: readonly string[]): IssueText {
  const first = keys[0] ?? 'cpu';
  return {
    code: 'invalid-type',
    message: `${key} is a list`,
    hint: `write each item of the list on a line of its own starting with "- " (${key}:, then - ${first}: …)`,
    ko: ko.mapForList(key, keys),
  };
}

/** A list where an endpoint (an object with `steps:`) is expected. */
export function listForSteps(name: string): IssueText {
  return {
    code: 'invalid-type',
    message: 'an endpoint holds its steps under steps:',
    hint: `put the list under "steps:" (${name}:, then steps:, then - cpu: …)`,
    ko: ko.listForSteps(name),
  };
}

/** A value that is not one of a fixed set (a literal or an enum). */
export function invalidValue(values: readonly unknown[], received: unknown): IssueText {
  const names = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  const expected = values.length === 1 ? showValue(values[0]) : `one of: ${listNames(names)}`;
  const hint =
    typeof received === 'string' ? withSuggestion(undefined, received, names) : undefined;
  return {
    code: 'invalid-value',
    message: `expected ${expected}, received ${showValue(received)}`,
    hint,
    ko: ko.invalidValue(values, received),
  };
}

/** `version:` is not the scenario language's version this msasim reads (1). */
export function unknownVersion(received: unknown): IssueText {
  return {
    ...invalidValue([1], received),
    hint: 'this msasim reads version 1 of the scenario language, the only one so far: write version: 1',
    ko: ko.unknownVersion(received),
  };
}

/** A map key (a service, endpoint or workload name) that is not a valid identifier. */
export function invalidName(name: string, expectation: string): IssueText {
  const message = `invalid name "${printable(name)}": ${expectation}`;
  return { code: 'invalid-name', message, ko: ko.invalidName(name, expectation) };
}

/**
 * What the value of a discriminator key chooses, in words: `dist:` a distribution, a fault's
 * `kind:` a fault kind; another key (a union added later) its own name.
 */
const CHOICE_WORDS: Record<string, string> = { dist: 'distribution', kind: 'fault kind' };
const choiceWord = (key: string): string => CHOICE_WORDS[key] ?? `${key} value`;

/**
 * `dist:` names no known distribution (or a fault's `kind:` no known fault kind: `key`, the
 * discriminator key the value is under, says which).
 */
export function unknownDistribution(
  name: unknown,
  known: readonly string[],
  key = 'dist',
): IssueText {
  const shown = typeof name === 'string' ? `"${name}"` : showTypedValue(name);
  return {
    code: 'unknown-distribution',
    message: `unknown ${choiceWord(key)} ${shown}; known: ${listNames(known)}`,
    hint: typeof name === 'string' ? withSuggestion(undefined, name, known) : undefined,
    ko: ko.unknownDistribution(name, known, key),
  };
}

/** A distribution object without `dist:` (or a fault without `kind:`: `key` says which). */
export function missingDistribution(known: readonly string[], key = 'dist'): IssueText {
  return {
    code: 'missing-key',
    message: `missing required key "${key}"`,
    hint: `add ${key}: one of ${listNames(known)}`,
    ko: ko.missingDistribution(known, key),
  };
}

/**
 * A step object that has no step kind key, or more than one. `keys` are the object's keys,
 * `kinds` the kind keys among them, `all` every step kind of the language.
 */
export function invalidStep(
  keys: readonly string[],
  kinds: readonly string[],
  all: readonly string[],
): IssueText {
  const message = `a step needs exactly one of: ${all.join(', ')}`;
  if (kinds.length > 1) {
    return {
      code: 'invalid-step',
      message: `${message}; this one has ${joinAnd(kinds)}`,
      hint: 'split it into one step per kind',
      ko: ko.invalidStep(keys, kinds, all),
    };
  }
  const guesses = keys.map((k) => [k, didYouMean(k, all)] as const);
  const guess = guesses.find(([, g]) => g !== undefined);
  const found = keys.length === 0 ? 'it is empty' : `it has ${listNames(keys)}`;
  return {
    code: 'invalid-step',
    message: `${message}; ${found}`,
    hint: guess === undefined ? undefined : `did you mean "${guess[1]}" instead of "${guess[0]}"?`,
    ko: ko.invalidStep(keys, kinds, all),
  };
}

/** A name that refers to nothing. `owner` is the service (endpoint) or broker (topic). */
export function unknownReference(
  kind: ReferenceKind,
  name: string,
  known: readonly string[],
  owner?: string,
): IssueText {
  const of = owner === undefined ? '' : ` of ${kind === 'topic' ? 'broker' : 'service'} "${owner}"`;
  const list = known.length === 0 ? `there are no ${kind}s` : `known: ${listNames(known)}`;
  return {
    code: 'unknown-reference',
    message: `unknown ${kind} "${name}"${of}; ${list}`,
    hint: withSuggestion(undefined, name, known),
    ko: ko.unknownReference(kind, name, known, owner),
  };
}

/** The key spaces hold more keys than the caches can number. */
export function tooManyKeys(total: number, max: number): IssueText {
  return {
    code: 'too-many-keys',
    message: `the key spaces hold ${total} keys together; at most ${max} are supported`,
    hint: 'make the key spaces smaller (a sample of the real table behaves the same under a skewed access pattern)',
    ko: ko.tooManyKeys(total, max),
  };
}

/** A list step uses a strategy whose option is missing. */
export function listNeeds(strategy: string, option: string, known: readonly string[]): IssueText {
  return {
    code: 'missing-key',
    message: `strategy "${strategy}" needs ${option}:`,
    hint:
      known.length > 0
        ? `add ${option}: one of ${listNames(known)}`
        : `add ${option}: and define it`,
    ko: ko.listNeeds(strategy, option, known),
  };
}

/** `call:` (or a workload target) names a database. */
export function callToDatabase(database: string): IssueText {
  return {
    code: 'call-to-database',
    message: `"${database}" is a database; only service endpoints can be called`,
    hint: `query it from an endpoint with a step such as: query: ${database}`,
    ko: ko.callToDatabase(database),
  };
}

/** `query:` (or a service's `database:`) names a service. */
export function queryToService(service: string): IssueText {
  return {
    code: 'query-to-service',
    message: `"${service}" is a service, and queries only reach databases`,
    hint: `call one of its endpoints with a step such as: call: ${service}/<endpoint>`,
    ko: ko.queryToService(service),
  };
}

/** A query without `db:` in a service that has no `database:`. */
export function queryWithoutDatabase(service: string, databases: readonly string[]): IssueText {
  const list =
    databases.length === 0 ? 'no databases are defined' : `databases: ${listNames(databases)}`;
  return {
    code: 'query-without-database',
    message: `this query names no database and service "${service}" has no database: key`,
    hint: `add db: <id> to the query, or database: <id> to the service; ${list}`,
    ko: ko.queryWithoutDatabase(service, databases),
  };
}

/** A service and a database share one id. */
export function duplicateId(id: string): IssueText {
  return {
    code: 'duplicate-id',
    message: `"${id}" names both a service and a database`,
    hint: 'services and databases share one set of ids; rename one of them',
    ko: ko.duplicateId(id),
  };
}

/** A component uses an id reserved by the simulator. */
export function reservedId(id: string): IssueText {
  return {
    code: 'reserved-id',
    message: `"${id}" is reserved: it names the sender of workload requests in network links`,
    hint: 'rename this component',
    ko: ko.reservedId(id),
  };
}

/** A workload with neither or both of `rate` and `users`. */
export function workloadArrival(found: 'none' | 'both', keys: readonly string[] = []): IssueText {
  const hint =
    'open: requests arrive at a rate whatever the response times; closed: a fixed number of users wait for each response, then think';
  if (found === 'none')
    return {
      code: 'workload-arrival',
      message:
        'a workload needs rate: (an open workload), users: (a closed workload), replay: (the arrivals of a log) or rateProfile: (a rate from a file)',
      hint: `${hint}; replay: and rateProfile: read a CSV file beside the scenario`,
      ko: ko.workloadArrival(found, keys),
    };
  const fromFile = keys.some((k) => k === 'replay' || k === 'rateProfile');
  return {
    code: 'workload-arrival',
    message: fromFile
      ? `a workload has one of rate:, users:, replay: and rateProfile:, not ${keys.map((k) => `${k}:`).join(' and ')}`
      : 'a workload has either rate: (open) or users: (closed), not both',
    hint: fromFile
      ? 'replay: sends the arrivals of a log as they are; rateProfile: gives an open workload its rate from a file; rate: and users: are formulas'
      : hint,
    ko: ko.workloadArrival(found, keys),
  };
}

/** A workload with neither or both of `target` and `mix`. */
export function workloadTarget(found: 'none' | 'both'): IssueText {
  return {
    code: 'workload-target',
    message:
      found === 'none'
        ? 'a workload needs target: (one endpoint) or mix: (endpoints with weights)'
        : 'a workload has either target: or mix:, not both',
    hint: 'for example target: orders/get, or mix: { orders/get: 9, orders/create: 1 }',
    ko: ko.workloadTarget(found),
  };
}

/** A key that only makes sense beside another one (`thinkTime` needs `users`, …). */
export function misplacedKey(key: string, needs: string, because: Bilingual): IssueText {
  return {
    code: 'misplaced-key',
    message: `${key}: only applies together with ${needs}: ${because.en}`,
    hint: `remove ${key}: or add ${needs}:`,
    ko: ko.misplacedKey(key, needs, because),
  };
}

/** An open workload whose rate is 0 and that nothing raises (no schedule item, no variant). */
export function workloadSendsNothing(id: string, rate: unknown): IssueText {
  return {
    code: 'workload-sends-nothing',
    message: `workload ${printable(id)} sends no requests: its rate is ${showPlain(rate)} and neither a schedule nor a variant raises it`,
    hint: 'give it a rate above 0 (rate: 100/s), a schedule that raises it, or remove the workload',
    ko: ko.workloadSendsNothing(id, rate),
  };
}

/** A workload mix whose weights are all zero. */
export function mixWeights(): IssueText {
  return {
    code: 'mix-weights',
    message: 'the weights of a mix must add up to more than 0',
    hint: 'give at least one endpoint a positive weight',
    ko: ko.mixWeights(),
  };
}

/** A schedule item with none or several of `rate`, `rampTo`, `spike`. */
export function scheduleItemKind(found: readonly string[]): IssueText {
  const has = found.length === 0 ? 'it has none' : `it has ${joinAnd(found)}`;
  return {
    code: 'schedule-item',
    message: `a schedule item needs exactly one of: rate, rampTo, spike; ${has}`,
    hint: 'rate: sets a new rate, rampTo: with over: changes it linearly, spike: with for: adds a burst',
    ko: ko.scheduleItemKind(found),
  };
}

/** A schedule item whose `at` is not after the previous item's. Values as written. */
export function scheduleOrder(at: number | string, previous: number | string): IssueText {
  return {
    code: 'schedule-order',
    message: `schedule times must increase: at: ${showDuration(at)} comes after at: ${showDuration(previous)}`,
    hint: 'sort the schedule items by at:',
    ko: ko.scheduleOrder(at, previous),
  };
}

/** `duration` is zero. */
export function zeroDuration(): IssueText {
  return {
    code: 'zero-duration',
    message: 'duration must be longer than 0',
    hint: 'for example duration: 60s',
    ko: ko.zeroDuration(),
  };
}

/** `warmup` is not shorter than `duration`. Values as written. */
export function warmupTooLong(warmup: number | string, duration: number | string): IssueText {
  return {
    code: 'warmup-too-long',
    message: `warmup (${showDuration(warmup)}) must be shorter than duration (${showDuration(duration)})`,
    hint: 'statistics are collected after the warm-up, so nothing would be measured',
    ko: ko.warmupTooLong(warmup, duration),
  };
}

/** Branch probabilities add up to more than 1. */
export function branchProbabilities(sum: number): IssueText {
  return {
    code: 'branch-probabilities',
    message: `branch probabilities must add up to at most 1, received ${Number(sum.toFixed(6))}`,
    hint: 'what is left to 1 is the chance that no branch runs',
    ko: ko.branchProbabilities(sum),
  };
}

/** A lognormal with neither or a mix of its two parameterisations. `given` are its keys. */
export function lognormalParams(given: readonly string[]): IssueText {
  const has = given.length === 0 ? 'it has none' : `it has ${given.join(', ')}`;
  return {
    code: 'lognormal-params',
    message: `a lognormal needs either mean and p99, or median and sigma; ${has}`,
    ko: ko.lognormalParams(given),
  };
}

/** A lognormal whose p99 cannot be reached from its mean. `maxRatio` is the largest p99/mean. */
export function lognormalP99(mean: unknown, p99: unknown, maxRatio: number): IssueText {
  return {
    code: 'lognormal-params',
    message: `a lognormal needs mean < p99 ≤ ${maxRatio} × mean, received mean ${showPlain(mean)} and p99 ${showPlain(p99)}`,
    hint: 'for a heavier tail use median and sigma, or a pareto',
    ko: ko.lognormalP99(mean, p99, maxRatio),
  };
}

/** An empirical distribution with a different number of weights and values. */
export function empiricalWeights(values: number, weights: number): IssueText {
  return {
    code: 'empirical-weights',
    message: `an empirical distribution needs one weight per value, received ${values} values and ${weights} weights`,
    ko: ko.empiricalWeights(values, weights),
  };
}

/** A uniform distribution with min above max. Values as written. */
export function uniformRange(min: unknown, max: unknown): IssueText {
  return {
    code: 'uniform-range',
    message: `a uniform needs min ≤ max, received min ${showPlain(min)} and max ${showPlain(max)}`,
    ko: ko.uniformRange(min, max),
  };
}

/** Endpoints that call each other in a loop. `cycle` starts and ends with the same endpoint. */
export function callCycle(cycle: readonly string[], throughBranch: boolean): IssueText {
  const loop = cycle.join(' → ');
  return throughBranch
    ? {
        code: 'call-cycle',
        message: `endpoints may call each other in a loop: ${loop}`,
        hint: 'a branch on the way can end the loop; check its probability keeps requests short',
        ko: ko.callCycle(cycle, throughBranch),
      }
    : {
        code: 'call-cycle',
        message: `endpoints call each other in a loop that never ends: ${loop}`,
        hint: 'remove one of the calls, or put it inside a branch with probability below 1',
        ko: ko.callCycle(cycle, throughBranch),
      };
}

/** The codes of zod's other issue kinds, which the schema does not produce today. */
const OTHER_ZOD_CODES = {
  not_multiple_of: 'not-multiple-of',
  invalid_element: 'invalid-element',
  custom: 'custom',
} as const satisfies Record<string, IssueCode>;

/** Any other zod issue, with zod's own message. */
export function otherIssue(code: keyof typeof OTHER_ZOD_CODES, message: string): IssueText {
  const text = ko.otherIssue(code, message);
  return text === undefined
    ? { code: OTHER_ZOD_CODES[code], message }
    : { code: OTHER_ZOD_CODES[code], message, ko: text };
}

/** An SLO that bounds nothing. */
export function sloWithoutBound(name: string, bounds: readonly string[]): IssueText {
  return {
    code: 'slo-without-bound',
    message: `SLO "${name}" sets no bound`,
    hint: `give at least one of: ${bounds.join(', ')} (e.g. p99: 300ms or availability: 99.9%)`,
    ko: ko.sloWithoutBound(name, bounds),
  };
}

/** An SLO with both an endpoint and a component. */
export function sloTwoTargets(name: string): IssueText {
  return {
    code: 'slo-two-targets',
    message: `SLO "${name}" names both an endpoint and a component; an SLO has one target`,
    hint: 'split it into two SLOs: latency, availability, errors and throughput for the endpoint, utilisation for the component',
    ko: ko.sloTwoTargets(name),
  };
}

/** A request bound (latency, availability …) on a component. */
export function sloBoundNeedsEndpoint(bound: string, component: string): IssueText {
  return {
    code: 'slo-bound-needs-endpoint',
    message: `"${bound}" bounds requests, but this SLO targets the component "${component}"`,
    hint: 'a component SLO can bound only its utilisation; bound requests with `endpoint:` (or no target for all endpoints)',
    ko: ko.sloBoundNeedsEndpoint(bound, component),
  };
}

/** A utilisation bound without a component. */
export function sloUtilisationNeedsComponent(components: readonly string[]): IssueText {
  return {
    code: 'slo-utilisation-needs-component',
    message: '"utilisation" bounds a component, but this SLO names none',
    hint: `add \`component:\` (one of: ${listNames(components)})`,
    ko: ko.sloUtilisationNeedsComponent(components),
  };
}

/** An SLO on an endpoint no workload sends to. */
export function sloNotEntry(endpoint: string, entries: readonly string[]): IssueText {
  return {
    code: 'slo-not-entry',
    message: `"${endpoint}" is not an entry endpoint; SLOs bound what clients see`,
    hint: withSuggestion(
      `entry endpoints (workload targets): ${listNames(entries)}`,
      endpoint,
      entries,
    ),
    ko: ko.sloNotEntry(endpoint, entries),
  };
}

/** A fault on a cache that lives inside its services' instances. */
export function eventLoopCores(service: string, cores: number): IssueText {
  return {
    code: 'event-loop-cores',
    message: `service "${service}" has an event loop (runtime.eventLoop) and ${cores} cores: an event loop is one CPU`,
    hint: 'remove `cores` (an event loop gives each instance one), or remove `runtime.eventLoop`',
    ko: ko.eventLoopCores(service, cores),
  };
}

export function runtimePeriodZero(key: string): IssueText {
  return {
    code: 'runtime-period-zero',
    message: `\`${key}\` must be longer than 0`,
    hint: key === 'tick' ? "Node's timers tick in 1ms" : 'give a mean time in this state, e.g. 10s',
    ko: ko.runtimePeriodZero(key),
  };
}

export function freezeNotOnService(name: string, target: string): IssueText {
  return {
    code: 'freeze-not-on-service',
    message: `fault "${name}" freezes "${target}", which is not a service: only a service's process can be paused`,
    hint: 'use `mode: hang` (no answer until it returns) or `mode: refuse` for a database, cache or broker',
    ko: ko.freezeNotOnService(name, target),
  };
}

export function backlogWithoutFreeze(name: string, mode: string): IssueText {
  return {
    code: 'backlog-without-freeze',
    message: `fault "${name}" has a \`backlog\` but its mode is ${mode}: only a frozen process keeps accepting connections`,
    hint: 'add `mode: freeze`, or remove `backlog`',
    ko: ko.backlogWithoutFreeze(name, mode),
  };
}

export function faultOnInProcessCache(cache: string, type: string): IssueText {
  return {
    code: 'fault-on-in-process-cache',
    message: `cache "${cache}" is ${type}: it lives inside its services' instances and cannot fail on its own`,
    hint: 'strike the service that holds it, or make the cache `type: distributed` (a component of its own)',
    ko: ko.faultOnInProcessCache(cache, type),
  };
}

/** A breaker that can never judge its window. */
export function breakerMinCallsOverWindow(minCalls: number, window: number): IssueText {
  return {
    code: 'breaker-min-calls-over-window',
    message: `minCalls (${minCalls}) is larger than the window (${window} calls): the breaker could never open`,
    hint: `make minCalls at most ${window}, or widen the window`,
    ko: ko.breakerMinCallsOverWindow(minCalls, window),
  };
}

/** Autoscaling bounds that do not contain the initial instance count. */
export function autoscaleRange(instances: number, min: number, max: number): IssueText {
  return {
    code: 'autoscale-range',
    message: `autoscale min ${min} and max ${max} must satisfy min ≤ instances (${instances}) ≤ max`,
    hint: '`instances` is the count at the start; set it between min and max',
    ko: ko.autoscaleRange(instances, min, max),
  };
}

/** A key-value step on a cache that is not a store of its own. */
export function clientOnInProcessCache(cache: string, type: string): IssueText {
  return {
    code: 'client-on-in-process-cache',
    message: `cache "${cache}" is ${type}; only a distributed cache has clients that can lose it`,
    hint: 'remove `client:`, or make the cache `type: distributed`',
    ko: ko.clientOnInProcessCache(cache, type),
  };
}

export function reconnectMaxBelowBackoff(max: string, backoff: string): IssueText {
  return {
    code: 'reconnect-max-below-backoff',
    message: `reconnect max ${max} is shorter than its first backoff ${backoff}`,
    hint: 'make `max` at least `backoff` (the longest wait between two reconnect attempts)',
    ko: ko.reconnectMaxBelowBackoff(max, backoff),
  };
}

export function kvOnInProcessCache(cache: string, type: string): IssueText {
  return {
    code: 'kv-on-in-process-cache',
    message: `cache "${cache}" is ${type}; a kv step needs a store of its own`,
    hint: 'make it `type: distributed` (a Redis-like component with servers)',
    ko: ko.kvOnInProcessCache(cache, type),
  };
}

/** What needs a store of its own, by what a cache is used to store. */
const STORE_NEEDS: Record<StoreUse, string> = {
  sessions: 'sessions and tokens need',
  'message ids': 'processed message ids need',
};

/** A cache used as a store (of sessions, tokens, message ids) that is not a store of its own. */
export function storeInProcess(
  cache: string,
  type: string,
  what: StoreUse = 'sessions',
): IssueText {
  return {
    code: 'store-in-process',
    message: `cache "${cache}" is ${type}; ${STORE_NEEDS[what]} a store of their own`,
    hint: 'make it `type: distributed` (a Redis-like component with servers)',
    ko: ko.storeInProcess(cache, type, what),
  };
}

/** `sessions:` without logged-in users, or logged-in users without `sessions:`. */
export function sessionsWithoutUsers(side: 'no-users' | 'no-sessions'): IssueText {
  return side === 'no-users'
    ? {
        code: 'sessions-without-users',
        message: 'sessions: applies to logged-in users, and no workload has session:',
        hint: 'add session: { login: web/login } to a workload with users:, or remove sessions:',
        ko: ko.sessionsWithoutUsers(side),
      }
    : {
        code: 'users-without-sessions',
        message: 'a workload with session: needs a top-level sessions: section (the strategy)',
        hint: 'add sessions: { strategy: sticky } (or clustering, store, reference-token, value-token)',
        ko: ko.sessionsWithoutUsers(side),
      };
}

/** A session strategy needs an option that is not there. */
export function sessionNeeds(strategy: string, key: string, why: Bilingual): IssueText {
  return {
    code: 'missing-key',
    message: `strategy ${strategy} needs ${key}: (${why.en})`,
    hint: key === 'idp' ? 'for example idp: { service: idp }' : `add ${key}: to sessions:`,
    ko: ko.sessionNeeds(strategy, key, why),
  };
}

/** The identity provider would validate its own calls (an endless loop). */
export function idpValidates(service: string): IssueText {
  return {
    code: 'idp-validates',
    message: `the identity provider "${service}" cannot be in validateAt: its resolve calls would be validated by calling it again`,
    hint: `remove "${service}" from validateAt`,
    ko: ko.idpValidates(service),
  };
}

/** Users log in at a service that does not check credentials. */
export function loginNotValidated(service: string, validateAt: readonly string[]): IssueText {
  return {
    code: 'login-not-validated',
    message: `users log in at "${service}", which is not in validateAt (${listNames(validateAt)})`,
    hint: `add "${service}" to validateAt, or log in at one of them`,
    ko: ko.loginNotValidated(service, validateAt),
  };
}

/** A publish to a broker with topics that does not say which. */
export function publishWithoutTopic(broker: string, topics: readonly string[]): IssueText {
  return {
    code: 'missing-key',
    message: `broker "${broker}" has topics (${listNames(topics)}); say which one this publish goes to`,
    hint: `publish: { broker: ${broker}, topic: ${topics[0]} }`,
    ko: ko.publishWithoutTopic(broker, topics),
  };
}

/** A reader with no target, or two. */
export function readerTarget(side: 'none' | 'both'): IssueText {
  return {
    code: 'reader-target',
    message:
      side === 'none'
        ? "a reader reads a saga's entities (saga:) or a consumer group's read model (consumer:)"
        : 'a reader has either saga: or consumer:, not both',
    hint: 'for example saga: create-course, or consumer: read-model',
    ko: ko.readerTarget(side),
  };
}
