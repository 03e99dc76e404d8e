/**
 * Tests of the Korean problem texts (messages-ko.ts) and of their printing (format.ts with
 * lang 'ko'): the commonest problems have a Korean message that keeps the names, keys and values
 * as written; formatIssues prints it with 'ko', falls back to the English text of a problem that
 * has none, and prints English exactly as before otherwise.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatIssues } from './format.ts';
import { identifierProblem } from './identifiers.ts';
import type { IssueText, ScenarioIssue } from './issues.ts';
import * as msg from './messages.ts';
import * as ko from './messages-ko.ts';

const HANGUL = /\p{Script=Hangul}/u;

/** Each common problem's text, with what its Korean message and hint must quote as written. */
const COMMON: [string, IssueText, string[], string[]][] = [
  [
    'unknown key',
    msg.unknownKey('instancs', ['instances', 'threads']),
    ['"instancs"'],
    ['instances, threads', '"instances"'],
  ],
  [
    "another tool's word for a key",
    msg.unknownKey('replicas', ['instances', 'threads']),
    ['"replicas"'],
    ['"instances"'],
  ],
  ['missing key', msg.missingKey('target'), ['"target"'], []],
  ['wrong type', msg.invalidType('a number', 'many'), ['문자열 "many"'], []],
  [
    'wrong value',
    msg.invalidValue(['fifo', 'lifo'], 'fifoo'),
    ['fifo, lifo', '"fifoo"'],
    ['"fifo"'],
  ],
  [
    'unknown reference',
    msg.unknownReference('service', 'custmer', ['customers', 'orders']),
    ['"custmer"', 'customers, orders'],
    ['"customers"'],
  ],
  [
    'unknown endpoint of a service',
    msg.unknownReference('endpoint', 'gett', ['get'], 'orders'),
    ['"orders"', '"gett"', 'get'],
    ['"get"'],
  ],
  [
    'duration without a unit it knows',
    msg.invalidFormat(
      'expected a duration such as "2ms", "1.5s", "250us" or a number of ms',
      '10sec',
      'duration units: us, µs, ms, s, m or min, h',
    ),
    ['"2ms"', '"10sec"'],
    ['us, µs, ms, s'],
  ],
  [
    'too small',
    msg.tooSmall({ origin: 'number', limit: 1, inclusive: true, received: 0 }),
    ['>= 1', '0'],
    [],
  ],
  ['duplicate key', msg.duplicateKey('name'), ['"name"'], []],
  [
    'unknown distribution',
    msg.unknownDistribution('exponental', ['exponential']),
    ['"exponental"'],
    ['"exponential"'],
  ],
  [
    'unknown fault kind',
    msg.unknownDistribution('outage', ['crash', 'latency'], 'kind'),
    ['장애 종류', '"outage"'],
    [],
  ],
  [
    'unitless duration',
    msg.unitlessSubMillisecond('at', 0.5),
    ['at: 0.5', '0.5 ms'],
    ['"0.5ms"', '"0.5s"'],
  ],
  ['call to a database', msg.callToDatabase('db'), ['"db"'], ['query: db']],
  [
    'a name with a space',
    msg.invalidName('my svc', identifierProblem('my svc') ?? ''),
    ['"my svc"', '공백 문자가 들어 있습니다'],
    [],
  ],
  [
    'a name that starts with a digit',
    msg.invalidName('1st', identifierProblem('1st') ?? ''),
    ['"1st"', '"1"(으)로 시작합니다'],
    [],
  ],
  ['call loop', msg.callCycle(['a/get', 'b/get', 'a/get'], false), ['a/get → b/get → a/get'], []],
  [
    'unknown path of an override',
    msg.unknownOverrideKey('instancs', ['instances']),
    ['"instancs"'],
    ['instances', '"instances"'],
  ],
  [
    'autoscale bounds',
    msg.autoscaleRange(5, 1, 4),
    ['min 1', 'max 4', 'instances(5)'],
    ['`instances`'],
  ],
];

/** The helpers of messages-ko.ts, which are not the Korean side of an English function. */
const HELPERS = new Set([
  'koValue',
  'koTypedValue',
  'koPhrase',
  'koKind',
  'koSuggestion',
  'koJoinAnd',
  'koPrefixed',
  'boundMessage',
]);

describe('Korean problem texts', () => {
  it('each is keyed by an English function of the same name and arguments', () => {
    const english = msg as unknown as Record<string, unknown>;
    const korean = Object.entries(ko).filter(([name]) => !HELPERS.has(name));
    expect(korean.length).toBeGreaterThan(60);
    for (const [name, fn] of korean) {
      expect(typeof english[name], name).toBe('function');
      expect((fn as (...a: unknown[]) => unknown).length, name).toBe(
        (english[name] as (...a: unknown[]) => unknown).length,
      );
    }
  });

  it.each(COMMON)(
    '%s: a Korean message and hint that keep the names as written',
    (_, text, inMessage, inHint) => {
      expect(text.ko).toBeDefined();
      expect(text.ko?.message).toMatch(HANGUL);
      for (const s of inMessage) expect(text.ko?.message).toContain(s);
      for (const s of inHint) expect(text.ko?.hint).toContain(s);
      // a hint in English has a hint in Korean, and the reverse
      expect(text.ko?.hint === undefined).toBe(text.hint === undefined);
      if (text.ko?.hint !== undefined) expect(text.ko.hint).toMatch(HANGUL);
    },
  );

  it('names a type in Korean and says an empty value once ("빈 값 값입니다" was doubled)', () => {
    // `threads:` with nothing after the colon, as a student leaves it while typing
    expect(msg.invalidType('a whole number', null).ko?.message).toBe(
      '정수 값이 필요한데 빈 값입니다',
    );
    expect(msg.invalidType('a whole number', 'many').ko?.message).toBe(
      '정수 값이 필요한데 문자열 "many" 값입니다',
    );
    expect(msg.invalidType('a string', 5).ko?.message).toBe('문자열 값이 필요한데 숫자 5 값입니다');
    expect(msg.invalidValue(['fifo', 'lifo'], null).ko?.message).toBe(
      'fifo, lifo 중 하나 값이 필요한데 빈 값입니다',
    );
    expect(msg.invalidValue([1], 2).ko?.message).toBe('1 값이 필요한데 2 값입니다');
  });

  it("words the YAML parser's commonest sentences in Korean, its own after them", () => {
    expect(ko.yamlSyntax('Tabs are not allowed as indentation')).toBe(
      '파일을 해석할 수 없습니다: 들여쓰기에 탭 문자를 쓸 수 없습니다. 스페이스로 들여 쓰세요 (Tabs are not allowed as indentation)',
    );
    expect(ko.yamlSyntax('All mapping items must start at the same column')).toMatch(
      /^파일을 해석할 수 없습니다: 한 맵의 키들은 같은 열에서.* \(All mapping items/,
    );
    expect(ko.yamlSyntax('Implicit keys need to be on a single line')).toContain('전각 콜론');
    expect(ko.yamlSyntax('Missing closing "quote')).toContain('닫는 따옴표가 없습니다');
    // a sentence it does not know is quoted as it is
    expect(ko.yamlSyntax('Unexpected flow-seq-end token')).toBe(
      '파일을 해석할 수 없습니다: Unexpected flow-seq-end token',
    );
  });

  it('explains an unclosed quote of either kind, as the YAML parser words it', () => {
    // the parser's own sentences, not copies: "Missing closing 'quote" missed the Korean text
    for (const text of ['a: "open\n', "a: 'open\n"]) {
      const [error] = parseDocument(text).errors;
      expect(ko.yamlSyntax(msg.parserFirstLine(error.message))).toContain('닫는 따옴표가 없습니다');
    }
  });

  it('explains items of a list not in one column, as the YAML parser words it', () => {
    // "All sequence items must …": the pattern was written for "All collection items", which
    // the parser never says
    const [error] = parseDocument('- - 1\n  - 2\n - 3\n').errors;
    expect(ko.yamlSyntax(msg.parserFirstLine(error.message))).toContain(
      '한 목록의 항목들은 같은 열에서 시작해야 합니다',
    );
  });

  it('puts no one-form particle after a name in the hints for a first-time user', () => {
    // 는/를/로 after a name read wrong after half the names ("pool:10"를, "orders"는 …): a name
    // takes no particle or both forms, as this file's header says
    const texts = [
      ko.endpointWithoutService('e', 'orders', [{ service: 'orders', endpoint: 'get' }]).hint,
      ko.keyOutsideEntry('object', 'x', 'target', 'workloads', ['shop']).hint,
      ko.noSpaceAfterColon('pool', '10').message,
      ko.noSpaceAfterColon('pool', '10').hint,
      ko.mapForList('steps', ['cpu']).message,
    ];
    for (const text of texts) expect(text).not.toMatch(/(orders|target|10|steps)"?(는|를|로) /);
    expect(texts).toEqual([
      '"orders"은(는) 서비스입니다: 그 엔드포인트 "orders/get" 중 하나를 쓰세요',
      '"target"은(는) workloads의 각 항목에 쓰는 키이지 항목 이름이 아닙니다: "shop" 아래로 들여 쓰세요',
      'YAML은 "pool:10" 전체를 문자열 하나로 읽습니다',
      'YAML에서는 콜론 뒤에 공백이 있어야 합니다: "pool: 10"처럼 쓰세요',
      'steps: 목록이어야 합니다',
    ]);
  });

  it("the YAML parser's sentence (which stays English) loses the position it repeats", () => {
    expect(msg.parserFirstLine('Unexpected scalar at line 3, column 1:\n\n  x\n')).toBe(
      'Unexpected scalar',
    );
  });
});

/** A located issue from a text. */
function at(text: IssueText, line: number, severity: 'error' | 'warning' = 'error'): ScenarioIssue {
  return { ...text, severity, path: ['services', 'orders'], file: 'shop.yaml', line, col: 3 };
}

describe('formatIssues in Korean', () => {
  const translated = at(msg.unknownReference('service', 'custmer', ['customers']), 4);
  // a problem without a Korean text (a zod refinement's own words, say)
  const untranslated = at(
    { code: 'custom', message: 'thinkTime is a pause', hint: 'remove thinkTime:' },
    9,
    'warning',
  );

  it('prints the Korean message and hint at the same place, and counts in Korean', () => {
    const out = formatIssues([translated], 'ko');
    expect(out).toBe(
      [
        'shop.yaml:4:3  services.orders',
        '  ✖ 알 수 없는 서비스 "custmer"; 알려진 서비스: customers',
        '  → 혹시 "customers"인가요?',
        '',
        '오류 1개',
      ].join('\n'),
    );
  });

  it('falls back to the English text of a problem that has no Korean one', () => {
    expect(untranslated.ko).toBeUndefined();
    const out = formatIssues([translated, untranslated], 'ko');
    expect(out).toContain(`  ⚠ ${untranslated.message}\n  → ${untranslated.hint}`);
    expect(out.endsWith('오류 1개, 경고 1개')).toBe(true);
  });

  it('prints English exactly as without a language', () => {
    const issues = [translated, untranslated];
    expect(formatIssues(issues, 'en')).toBe(formatIssues(issues));
    expect(formatIssues(issues)).not.toMatch(HANGUL);
    expect(formatIssues(issues)).toContain('unknown service "custmer"; known: customers');
    expect(formatIssues(issues).endsWith('1 error, 1 warning')).toBe(true);
  });

  it('keeps an English hint added after the Korean text was made', () => {
    const text = msg.invalidType('a number', 'x');
    const issue = at({ ...text, hint: 'an English hint' }, 2);
    expect(formatIssues([issue], 'ko')).toContain('  → an English hint');
  });
});
