/**
 * The Korean texts of the scenario problems a workshop meets most (issue 17, `--lang ko`): one
 * function per English function of messages.ts (and its siblings), of the same name and
 * arguments, returning the message and hint in Korean (합니다체, as report/i18n/ko.ts). The
 * English function attaches the result as `ko`; format.ts prints it with `--lang ko` and falls
 * back to the English text for a problem translated nowhere here (the sibling files
 * messages-ko-*.ts hold the rest, re-exported). Names, keys, paths, units and values stay as
 * written; the English phrases a zod schema supplies are translated when known (KO_PHRASES) and
 * kept as they are otherwise. A name is followed by no particle, or by both forms (은(는),
 * 이(가)): its final consonant is unknown.
 */
import { ID_EXPECTATION, NOT_NFC, printable } from './identifiers.ts';
import type { KoText } from './issues.ts';
import {
  guessOr,
  keyAlias,
  listNames,
  showDuration,
  typedValueIn,
  type ValueWords,
  valueIn,
  withGuess,
} from './messages-values.ts';
import { didYouMean } from './suggest.ts';

// the texts of the cross-checks (references, SLOs, distributions, overrides) live beside this file
export * from './messages-ko-checks.ts';
// and those of the data files a workload replays
export * from './messages-ko-data.ts';
// and those of the faults
export * from './messages-ko-faults.ts';
// the runaway guards' stop messages (messages-limits.ts GuardText)
export * from './messages-ko-guards.ts';
// and those of hostile or oversized input
export * from './messages-ko-limits.ts';
// and those of replicated data
export * from './messages-ko-replicated.ts';
// and those of the workloads (arrivals, targets, mixes, schedules)
export * from './messages-ko-workloads.ts';
// the YAML parser's sentences (a tab, an indentation…)
export * from './messages-ko-yaml.ts';

/** How a Korean message names a value that is not a string, a number or a boolean. */
const KOREAN_VALUE_WORDS: ValueWords = {
  undefined: '없음',
  null: '빈 값',
  list: '목록',
  object: '객체',
};

/** A value as a Korean message shows it: strings quoted as in English, the rest named. */
export function koValue(value: unknown): string {
  return valueIn(KOREAN_VALUE_WORDS, value);
}

/** The names of a value's type in Korean (the English message names them as JavaScript does). */
const KOREAN_TYPE_NAMES: Record<string, string> = {
  string: '문자열',
  number: '숫자',
  boolean: '불리언',
};

/** A value with its type in Korean: `문자열 "abc"`, `숫자 5`; the rest as koValue names it. */
export function koTypedValue(value: unknown): string {
  const typed = typedValueIn(KOREAN_VALUE_WORDS, value);
  const type = typeof value;
  return type in KOREAN_TYPE_NAMES && typed.startsWith(`${type} `)
    ? `${KOREAN_TYPE_NAMES[type]}${typed.slice(type.length)}`
    : typed;
}

/**
 * "… 값입니다" for the value received: `2 값입니다`, but `빈 값입니다` for an empty one (a key
 * with nothing after its colon, what a student is typing) rather than "빈 값 값입니다".
 */
function koReceived(shown: string): string {
  return shown === KOREAN_VALUE_WORDS.null ? `${shown}입니다` : `${shown} 값입니다`;
}

/** The phrases of the schema (schema-walk.ts describeSchema, schema.ts regex messages) in Korean. */
const KO_PHRASES: Record<string, string> = {
  'a whole number': '정수',
  'a number': '숫자',
  'a string': '문자열',
  'true or false': 'true 또는 false',
  'a list': '목록',
  'an object': '객체',
  'another value': '다른 값',
  'a duration such as "2ms"': '"2ms" 같은 시간',
  'a rate such as "200/s"': '"200/s" 같은 비율',
  'a whole number or "unbounded"': '정수 또는 "unbounded"',
  'a step such as { cpu: 2ms } or { call: orders/get }':
    '{ cpu: 2ms } 또는 { call: orders/get } 같은 단계',
  'a distribution object { dist: … }': '분포 객체 { dist: … }',
  'expected a duration such as "2ms", "1.5s", "250us" or a number of ms':
    '"2ms", "1.5s", "250us" 같은 시간이나 밀리초 수가 필요합니다',
  'expected a rate such as "200/s", "3/ms", "1200/min" or a number per second':
    '"200/s", "3/ms", "1200/min" 같은 비율이나 초당 횟수가 필요합니다',
  'expected a size such as "200B", "64KB", "1.5MB" or a number of bytes':
    '"200B", "64KB", "1.5MB" 같은 크기나 바이트 수가 필요합니다',
  'expected a percentage such as "99.9%" or a fraction from 0 to 1':
    '"99.9%" 같은 백분율이나 0에서 1 사이의 비율이 필요합니다',
  'expected a language tag such as "ko" or "en"': '"ko"나 "en" 같은 언어 태그가 필요합니다',
  'expected a bandwidth above 0 such as "100Mbit/s", "1Gbit/s", "12.5MB/s" or a number of bytes per second':
    '"100Mbit/s", "1Gbit/s", "12.5MB/s" 같은 0보다 큰 대역폭이나 초당 바이트 수가 필요합니다',
  'expected an endpoint reference "service/endpoint", such as "orders/create"':
    '"service/endpoint" 형식의 엔드포인트 참조가 필요합니다 (예: "orders/create")',
  'duration units: us, µs, ms, s, m or min, h': '시간 단위: us, µs, ms, s, m 또는 min, h',
  'rate units: /ms, /s or /sec, /min or /m, /h': '비율 단위: /ms, /s 또는 /sec, /min 또는 /m, /h',
  'a duration cannot be negative': '시간은 음수일 수 없습니다',
  'a rate cannot be negative': '비율은 음수일 수 없습니다',
  // a challenge's bounds (challenge/schema.ts)
  'expected a number or a percentage such as "1%"': '"1%" 같은 백분율이나 숫자가 필요합니다',
  'expected a number or a percentage such as "99%"': '"99%" 같은 백분율이나 숫자가 필요합니다',
  // the refinements' own messages (otherIssue)
  'at least one instance size': '인스턴스 크기가 하나 이상 필요합니다',
  'expected at least one goal': '목표가 하나 이상 필요합니다',
  // the hints of missing keys the checks give (check-workloads.ts, model/steps/saga.ts)
  'rampTo: needs over: (how long the ramp takes)':
    'rampTo:에는 over:가 필요합니다 (램프가 걸리는 시간)',
  'spike: needs for: (how long the spike lasts)':
    'spike:에는 for:가 필요합니다 (스파이크가 지속되는 시간)',
  'a choreographed saga passes events through a broker: broker: kafka':
    '코레오그래피 사가는 브로커를 통해 이벤트를 전달합니다: broker: kafka',
};

/** Why a name is no identifier (identifiers.ts identifierProblem) in Korean. */
const KO_ID = '식별자가 필요합니다: 문자(어느 문자 체계든) 하나 뒤에 문자, 숫자, "-", "_"';
const KO_NOT_NFC =
  '이름은 유니코드 NFC(조합형)여야 합니다: 이 이름은 분해형이라(macOS의 일부 도구가 그렇게 씁니다) 평소처럼 입력한 같은 이름과 맞지 않습니다; 다시 입력하거나 파일을 NFC로 바꾸세요 (예: uconv -x any-nfc)';

/** identifiers.ts describeChar's words in Korean; the character and its code point kept. */
const KO_CHARS: [RegExp, string][] = [
  [/^a space$/, '공백'],
  [/^a whitespace character (\(U\+[0-9A-F]+\))$/, '공백 문자$1'],
  [/^a bidirectional control character (\(U\+[0-9A-F]+\))$/, '양방향 제어 문자$1'],
  [/^a control character (\(U\+[0-9A-F]+\))$/, '제어 문자$1'],
  [/^an invisible format character (\(U\+[0-9A-F]+\))$/, '보이지 않는 서식 문자$1'],
  [/^a combining mark (\(U\+[0-9A-F]+\))$/, '결합 부호$1'],
  [/^(".") \(it would break a variant's set: path\)$/, '$1(변형의 set: 경로를 깨뜨립니다)'],
  [/^"\/" \(it separates a service from its endpoint\)$/, '"/"(서비스와 엔드포인트를 나누는 문자)'],
];

function koChar(english: string): string {
  const found = KO_CHARS.find(([re]) => re.test(english));
  return found === undefined ? english : english.replace(found[0], found[1]);
}

/** identifierProblem's sentence in Korean, or undefined when `english` is not one. */
function koIdentifierProblem(english: string): string | undefined {
  if (english === ID_EXPECTATION) return KO_ID;
  if (english === NOT_NFC) return KO_NOT_NFC;
  if (!english.startsWith(ID_EXPECTATION)) return undefined;
  const rest = english.slice(ID_EXPECTATION.length);
  if (rest === ', received an empty name') return `${KO_ID}; 이름이 비어 있습니다`;
  const starts = /^; it starts with (.+), not a letter$/.exec(rest);
  if (starts !== null) return `${KO_ID}; 문자가 아닌 ${koChar(starts[1])}(으)로 시작합니다`;
  const contains = /^; it contains (.+)$/.exec(rest);
  if (contains !== null) return `${KO_ID}; ${koChar(contains[1])} 문자가 들어 있습니다`;
  return undefined;
}

/** An English phrase of the schema in Korean: each "or" part translated when known, else kept. */
export function koPhrase(english: string): string {
  if (Object.hasOwn(KO_PHRASES, english)) return KO_PHRASES[english];
  const identifier = koIdentifierProblem(english);
  if (identifier !== undefined) return identifier;
  return english
    .split(' or ')
    .map((part) => (Object.hasOwn(KO_PHRASES, part) ? KO_PHRASES[part] : part))
    .join(' 또는 ');
}

/**
 * Any other zod issue in Korean when its own message is a phrase known here (a refinement of
 * msasim's schemas); undefined otherwise (the English is printed).
 */
export function otherIssue(_code: string, message: string): KoText | undefined {
  if (Object.hasOwn(KO_PHRASES, message)) return { message: KO_PHRASES[message] };
  const identifier = koIdentifierProblem(message);
  return identifier === undefined ? undefined : { message: identifier };
}

/** An optional English hint in Korean when it is one of the known phrases (undefined stays so). */
function koHint(english: string | undefined): string | undefined {
  return english === undefined ? undefined : koPhrase(english);
}

/** `prefix; 혹시 "x"인가요?`: the did-you-mean part of a hint, as messages.ts withSuggestion. */
export function koSuggestion(prefix: string | undefined, name: string, known: readonly string[]) {
  return withGuess(prefix, name, known, (guess) => `혹시 "${guess}"인가요?`);
}

export function unknownKey(key: string, known: readonly string[]): KoText {
  if (key === '<<')
    return {
      message: '병합 키(<<)는 지원하지 않습니다',
      hint: '키를 직접 쓰거나, 값 전체가 들어갈 자리에 별칭(*name)을 쓰세요',
    };
  const valid =
    known.length === 0 ? '이 키를 지우세요' : `이 자리에 쓸 수 있는 키: ${listNames(known)}`;
  const alias = didYouMean(key, known) === undefined ? keyAlias(key, known) : undefined;
  return {
    message: `알 수 없는 키 "${key}"`,
    hint:
      alias === undefined ? koSuggestion(valid, key, known) : koSuggestion(valid, alias, [alias]),
  };
}

export function missingKey(key: string | number, hint?: string): KoText {
  return { message: `필수 키가 없습니다: "${key}"`, hint: koHint(hint) };
}

export function invalidType(expected: string, received: unknown): KoText {
  const message = `${koPhrase(expected)} 값이 필요한데 ${koReceived(koTypedValue(received))}`;
  if (typeof received === 'number' && !Number.isFinite(received))
    return { message, hint: '수가 너무 커서 담을 수 없습니다 (유한한 수가 필요합니다)' };
  return { message };
}

/** Bounds of a too_small / too_big check (messages.ts Bound). */
interface Bound {
  origin: string;
  limit: number | bigint;
  inclusive: boolean;
  received: unknown;
}

export function boundMessage(bound: Bound, side: 'min' | 'max'): KoText {
  const { origin, limit, inclusive, received } = bound;
  const words = side === 'min' ? '이상이어야' : '이하여야';
  if (origin === 'array' || origin === 'set') {
    const got = Array.isArray(received) ? ` (현재 ${received.length}개)` : '';
    return { message: `항목이 ${limit}개 ${words} 합니다${got}` };
  }
  if (origin === 'string')
    return { message: `${limit}자 ${words} 하는데 ${koReceived(koValue(received))}` };
  const op = `${side === 'min' ? '>' : '<'}${inclusive ? '=' : ''}`;
  return { message: `값이 ${op} ${limit} 조건을 만족해야 하는데 ${koReceived(koValue(received))}` };
}

export function invalidFormat(expectation: string, received: unknown, hint?: string): KoText {
  return {
    message: `${koPhrase(expectation)}; 받은 값: ${koValue(received)}`,
    hint: koHint(hint),
  };
}

export function invalidValue(values: readonly unknown[], received: unknown): KoText {
  const names = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  const expected = values.length === 1 ? koValue(values[0]) : `${listNames(names)} 중 하나`;
  const hint = typeof received === 'string' ? koSuggestion(undefined, received, names) : undefined;
  return { message: `${expected} 값이 필요한데 ${koReceived(koValue(received))}`, hint };
}

export function unknownVersion(received: unknown): KoText {
  return {
    ...invalidValue([1], received),
    hint: '이 msasim은 시나리오 언어 버전 1(지금까지 유일한 버전)을 읽습니다: version: 1 로 쓰세요',
  };
}

/** What the value of a discriminator key chooses (messages.ts CHOICE_WORDS), in Korean. */
const KO_CHOICE_WORDS: Record<string, string> = { dist: '분포', kind: '장애 종류' };
const koChoiceWord = (key: string): string => KO_CHOICE_WORDS[key] ?? `${key} 값`;

export function unknownDistribution(name: unknown, known: readonly string[], key = 'dist'): KoText {
  const shown = typeof name === 'string' ? `"${name}"` : koTypedValue(name);
  const word = koChoiceWord(key);
  return {
    message: `알 수 없는 ${word} ${shown}; 알려진 ${word}: ${listNames(known)}`,
    hint: typeof name === 'string' ? koSuggestion(undefined, name, known) : undefined,
  };
}

/** The kinds of names a scenario refers to (messages.ts ReferenceKind) in Korean. */
const KO_KINDS: Record<string, string> = {
  service: '서비스',
  endpoint: '엔드포인트',
  database: '데이터베이스',
  component: '구성 요소',
  'key space': '키 공간',
  cache: '캐시',
  broker: '브로커',
  topic: '토픽',
  saga: '사가',
  'consumer group': '컨슈머 그룹',
  'pending state': '대기 상태',
  'replicated data': '복제 데이터',
  'instance size': '인스턴스 크기',
};

/** A kind of name in Korean (as written when unknown). */
export function koKind(kind: string): string {
  return Object.hasOwn(KO_KINDS, kind) ? KO_KINDS[kind] : kind;
}

export function unknownReference(
  kind: string,
  name: string,
  known: readonly string[],
  owner?: string,
): KoText {
  const k = koKind(kind);
  const of =
    owner === undefined ? '' : `${koKind(kind === 'topic' ? 'broker' : 'service')} "${owner}"의 `;
  const list = known.length === 0 ? `정의된 ${k} 없음` : `알려진 ${k}: ${listNames(known)}`;
  return {
    message: `${of}알 수 없는 ${k} "${name}"; ${list}`,
    hint: koSuggestion(undefined, name, known),
  };
}

export function invalidName(name: string, expectation: string): KoText {
  return { message: `잘못된 이름 "${printable(name)}": ${koPhrase(expectation)}` };
}

/** The scenario file cannot be read; a reason other than a missing file stays as the system says it. */
export function unreadableFile(file: string, reason: string): string {
  return `${file} 파일을 읽을 수 없습니다: ${reason === 'file not found' ? '파일이 없습니다' : reason}`;
}

/** The file is not UTF-8 text (messages.ts notUtf8). */
export function notUtf8(file: string, byte: string): KoText {
  return {
    message: `${file} 파일을 읽을 수 없습니다: UTF-8 텍스트가 아닙니다 (이 자리의 바이트 ${byte}: UTF-8 문자의 일부가 아님)`,
    hint: '파일을 UTF-8로 저장하세요 (한국어 Windows의 편집기는 CP949/EUC-KR로 저장하기도 합니다: "다른 이름으로 저장" → 인코딩 UTF-8)',
  };
}

export function duplicateKey(key: string): KoText {
  return {
    message: `이 맵에 같은 키가 두 번 있습니다: "${key}"`,
    hint: '하나만 남기세요 (그대로 두면 파서가 말없이 마지막 것을 씁니다)',
  };
}

export function inVariant(variant: string, message: string): string {
  return `변형 "${variant}" 적용 시: ${message}`;
}

export function inOverride(label: string, message: string): string {
  return `${label} 적용 시: ${message}`;
}

/**
 * The `ko` of an issue whose English message gets a prefix (inVariant, inOverride): the Korean
 * message with the Korean prefix, or nothing when the issue has no Korean text.
 */
export function koPrefixed(
  text: KoText | undefined,
  prefix: (message: string) => string,
): { ko?: KoText } {
  return text === undefined ? {} : { ko: { ...text, message: prefix(text.message) } };
}

/** `a, b 및 c`: the English joinAnd without a particle (와/과 would depend on the last sound). */
export function koJoinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} 및 ${items.at(-1)}`;
}

export function missingDistribution(known: readonly string[], key = 'dist'): KoText {
  return {
    message: `필수 키가 없습니다: "${key}"`,
    hint: `${key}: 추가 (${listNames(known)} 중 하나)`,
  };
}

export function invalidStep(
  keys: readonly string[],
  kinds: readonly string[],
  all: readonly string[],
): KoText {
  const message = `단계에는 다음 중 정확히 하나가 있어야 합니다: ${all.join(', ')}`;
  if (kinds.length > 1)
    return {
      message: `${message}; 이 단계에는 ${koJoinAnd(kinds)} 모두 있습니다`,
      hint: '종류마다 단계를 하나씩 나누세요',
    };
  const guess = keys.map((k) => [k, didYouMean(k, all)] as const).find(([, g]) => g !== undefined);
  const found = keys.length === 0 ? '이 단계는 비어 있습니다' : `이 단계의 키: ${listNames(keys)}`;
  return {
    message: `${message}; ${found}`,
    hint: guess === undefined ? undefined : `"${guess[0]}" 대신 혹시 "${guess[1]}"인가요?`,
  };
}

export function callToDatabase(database: string): KoText {
  return {
    message: `"${database}" 데이터베이스는 호출할 수 없습니다; 호출할 수 있는 것은 서비스 엔드포인트뿐입니다`,
    hint: `엔드포인트에서 query: ${database} 같은 단계로 조회하세요`,
  };
}

export function queryToService(service: string): KoText {
  return {
    message: `"${service}" 서비스는 조회할 수 없습니다; query는 데이터베이스에만 닿습니다`,
    hint: `call: ${service}/<endpoint> 같은 단계로 엔드포인트를 호출하세요`,
  };
}

export function queryWithoutDatabase(service: string, databases: readonly string[]): KoText {
  const list =
    databases.length === 0 ? '정의된 데이터베이스 없음' : `데이터베이스: ${listNames(databases)}`;
  return {
    message: `이 query에는 데이터베이스가 없고 서비스 "${service}"에도 database: 키가 없습니다`,
    hint: `query에 db: <id>를, 또는 서비스에 database: <id>를 추가하세요; ${list}`,
  };
}

export function duplicateId(id: string): KoText {
  return {
    message: `"${id}" 이름을 서비스와 데이터베이스가 함께 씁니다`,
    hint: '서비스와 데이터베이스는 한 이름 공간을 나눠 씁니다; 둘 중 하나의 이름을 바꾸세요',
  };
}

export function zeroDuration(): KoText {
  return { message: 'duration은 0보다 길어야 합니다', hint: '예: duration: 60s' };
}

export function warmupTooLong(warmup: number | string, duration: number | string): KoText {
  return {
    message: `warmup(${showDuration(warmup)})은 duration(${showDuration(duration)})보다 짧아야 합니다`,
    hint: '통계는 워밍업 이후에 모으므로 아무것도 측정되지 않습니다',
  };
}

export function branchProbabilities(sum: number): KoText {
  return {
    message: `branch 확률의 합은 1 이하여야 하는데 ${Number(sum.toFixed(6))}입니다`,
    hint: '1에서 남는 만큼이 어느 branch도 실행되지 않을 확률입니다',
  };
}

export function unitlessSubMillisecond(key: string, value: number): KoText {
  return {
    message: `\`${key}: ${value}\`에는 단위가 없어 ${value} ms입니다 (숫자는 밀리초)`,
    hint: `그 뜻이면 "${value}ms"로, 초라면 "${value}s"로 쓰세요`,
  };
}

export function shortDuration(written: string, ms: number): KoText {
  return {
    message: `${written} 값은 ${ms} ms입니다 (단위 없는 숫자는 밀리초): 실행이 1 s보다 짧습니다`,
    hint: `${ms}초라면 ${ms}s로 쓰세요`,
  };
}

export function unresolvedAlias(name: string, known: readonly string[]): KoText {
  return {
    message: `별칭 *${name} 앞에 정의된 앵커 &${name} 없음`,
    hint: guessOr(
      name,
      known,
      (guess) => `혹시 *${guess}인가요?`,
      '별칭보다 위의 값에 앵커(&name)를 정의하거나, 값을 직접 쓰세요',
    ),
  };
}
