/**
 * Tests of the Korean texts of the problems translated last (issue 17): the reasons a check
 * passes in both languages (misplaced keys, a session strategy's missing option), caches that
 * are no store, sizes over a limit, call chains too deep, durations too long, `set:` paths that
 * are not paths, the data files a workload replays, highlights, and a lesson's figures and
 * claims. Each has a Korean message that keeps the names as written, and its English text is
 * unchanged; found through the real parser where the check adds words of its own.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../model/language.ts';
import { shopDoc } from '../test-support/shop.ts';
import { formatIssues } from './format.ts';
import { type IssueText, ScenarioError, type ScenarioIssue } from './issues.ts';
import { parseLesson } from './lesson.ts';
import * as msg from './messages.ts';
import * as hl from './messages-highlights.ts';
import * as ko from './messages-ko.ts';
import * as koHl from './messages-ko-highlights.ts';
import * as koLesson from './messages-ko-lesson.ts';
import * as lesson from './messages-lesson.ts';

const HANGUL = /\p{Script=Hangul}/u;

/** Each text, with what its Korean message or hint must quote as written. */
const TEXTS: [string, IssueText, string[]][] = [
  [
    'misplaced key',
    msg.misplacedKey('thinkTime', 'users', { en: 'it is a pause', ko: '쉬는 시간입니다' }),
    ['thinkTime:', 'users:', '쉬는 시간입니다'],
  ],
  ['store in process (sessions)', msg.storeInProcess('c', 'in-process'), ['"c"', 'in-process']],
  [
    'store in process (message ids)',
    msg.storeInProcess('c', 'in-process', 'message ids'),
    ['"c"', '메시지 id'],
  ],
  [
    'session option',
    msg.sessionNeeds('store', 'store', { en: 'the cache', ko: '세션을 담는 분산 캐시' }),
    ['store', '세션을 담는 분산 캐시'],
  ],
  ['over limit', msg.overLimit('users', 1_000_000, 2_000_000), ['users:', '1,000,000']],
  ['over limit, unknown key', msg.overLimit('rows', 100, 200), ['rows:', '100', '200']],
  [
    'call chain',
    msg.callChainTooDeep(64, ['a/x', 'b/x', 'c/x', 'd/x', 'e/x', 'f/x', 'g/x']),
    ['64', 'a/x → b/x → c/x → … → g/x'],
  ],
  ['infinite duration', msg.infiniteDuration(`${'9'.repeat(60)}s`), [`"${'9'.repeat(39)}…"`]],
  [
    'data file',
    msg.dataFileUnreadable('arrivals.csv', 'there is no such file'),
    ['"arrivals.csv"', '그런 파일이 없습니다'],
  ],
  [
    'data file too large',
    msg.dataFileUnreadable('big.csv', 'it is 9 MB, more than the 8 MB msasim reads'),
    ['9 MB', '8 MB'],
  ],
  ['data column', msg.unknownColumn('time', 'tme', ['time', 'endpoint']), ['"tme"', 'endpoint']],
  ['data cell', msg.missingCell('endpoint', 1), ['"endpoint"', '1']],
  ['data time', msg.badTime('soon', 's'), ['"soon"']],
  ['data times mixed', msg.mixedTimes('number'), ['숫자']],
  ['data rate', msg.badRate('fast'), ['"fast"']],
  ['data endpoint', msg.unknownRowEndpoint('a/y', ['a/x']), ['"a/y"', 'a/x']],
  ['data order', msg.timeBackwards(4), ['4']],
  ['data quote', msg.badQuote(), []],
  ['data line', msg.lineTooLong(65536), ['65536']],
  ['data header', msg.noRows('header'), []],
  ['data rows', msg.noRows('rows'), []],
  [
    'otlp',
    msg.badOtlp('resourceSpans[0].scopeSpans is not an array'),
    ['resourceSpans[0].scopeSpans', '배열이 아닙니다'],
  ],
  ['unknown highlight', hl.unknownHighlight('p98', ['p99'], 'p99'), ['"p98"', '"p99"']],
  ['highlight scope', hl.unknownHighlightScope('compnent', ['component']), ['"compnent:"']],
  [
    'highlight item',
    hl.unknownHighlightItem('cache', 'sesions', 'hit ratio', ['sessions']),
    ['캐시', '"sesions"', '"hit ratio"'],
  ],
  ['highlight needs item', hl.highlightNeedsItem('utilisation', 'component', ['a', 'b']), []],
  ['highlight takes no item', hl.highlightTakesNoItem('p99', 'orders'), ['"p99"', '"orders"']],
  ['highlight not measured', hl.highlightNotMeasured('hit ratio', 'caches'), ['캐시']],
  ['highlight ambiguous', hl.highlightAmbiguous('lost', ['a:lost', 'b:lost']), ['a:lost']],
  ['duplicate highlight', hl.duplicateHighlight('p99 ', 'p99'), ['"p99"']],
  ['lesson variant', lesson.unknownLessonVariant('smal', ['small']), ['"smal"']],
  ['lesson needs variant', lesson.lessonNeedsVariant('p99', ['small']), ['"p99"', 'small: p99']],
  ['lesson claim', lesson.badLessonClaim('p99 is low'), ['"p99 is low"']],
  ['lesson figure', lesson.badLessonFigure('median'), ['"median"']],
  ['translation claims', lesson.translationHasClaims('shop.md'), ['shop.md', 'claims']],
  ['translation missing', lesson.translationFigureMissing('p99', 'shop.md'), ['{{p99}}']],
  ['translation extra', lesson.translationFigureExtra('p99', 'shop.md'), ['{{p99}}']],
];

describe('the problems translated last', () => {
  it.each(TEXTS)('%s: a Korean message and hint that keep the names', (_, text, quoted) => {
    expect(text.ko?.message).toMatch(HANGUL);
    const both = `${text.ko?.message} ${text.ko?.hint ?? ''}`;
    for (const s of quoted) expect(both).toContain(s);
    expect(text.ko?.hint === undefined).toBe(text.hint === undefined);
    if (text.ko?.hint !== undefined) expect(text.ko.hint).toMatch(HANGUL);
  });

  it('word what needs a store of its own in Korean', () => {
    expect(msg.storeInProcess('c', 'in-process').ko?.message).toBe(
      '캐시 "c"은(는) in-process입니다; 세션과 토큰에는 별도의 저장소가 필요합니다',
    );
    expect(msg.storeInProcess('c', 'in-process', 'message ids').ko?.message).toBe(
      '캐시 "c"은(는) in-process입니다; 처리한 메시지 id에는 별도의 저장소가 필요합니다',
    );
  });

  it('keep their English texts as they were', () => {
    const because = { en: 'it is a pause', ko: '쉬는 시간입니다' };
    expect(msg.misplacedKey('thinkTime', 'users', because).message).toBe(
      'thinkTime: only applies together with users: it is a pause',
    );
    expect(msg.storeInProcess('c', 'in-process').message).toBe(
      'cache "c" is in-process; sessions and tokens need a store of their own',
    );
    expect(msg.storeInProcess('c', 'in-process', 'message ids').message).toBe(
      'cache "c" is in-process; processed message ids need a store of their own',
    );
    expect(msg.sessionNeeds('value-token', 'idp', because).message).toBe(
      'strategy value-token needs idp: (it is a pause)',
    );
    expect(msg.infiniteDuration(`${'9'.repeat(60)}s`).message).toBe(
      `the duration "${'9'.repeat(39)}…" is too long to compute with`,
    );
    expect(msg.overLimit('users', 10, 20).hint).toBe(
      'msasim refuses more: the state of every user is kept in memory; a sample of users behaves the same',
    );
    expect(lesson.inLesson({ en: 'the run', ko: '실행' }, hl.duplicateHighlight('a', 'b'))).toEqual(
      expect.objectContaining({ message: 'the run: "a" is the same key metric as "b" above' }),
    );
  });

  it('keep a reason the readers do not give as it is', () => {
    expect(msg.dataFileUnreadable('a.csv', 'EACCES: permission denied').ko?.message).toContain(
      'EACCES: permission denied',
    );
  });

  it('name the kinds of items in Korean, singular or plural, else as written', () => {
    expect(koHl.koItemKind('cache')).toBe('캐시');
    expect(koHl.koItemKind('consumer groups')).toBe('컨슈머 그룹');
    expect(koHl.koItemKind('sessions')).toBe('세션');
    expect(koHl.koItemKind('widgets')).toBe('widgets');
  });

  it.each([
    ['highlights', hl, koHl, ['koItemKind']],
    ['lessons', lesson, koLesson, []],
  ] as const)(
    'of %s are keyed by an English function of the same name and arguments',
    (_, en, k, helpers) => {
      const english = en as unknown as Record<string, unknown>;
      const korean = Object.entries(k).filter(
        ([name]) => !(helpers as readonly string[]).includes(name),
      );
      expect(korean.length).toBe(Object.keys(en).length);
      for (const [name, fn] of korean) {
        expect(typeof english[name], name).toBe('function');
        expect((fn as (...a: unknown[]) => unknown).length, name).toBe(
          (english[name] as (...a: unknown[]) => unknown).length,
        );
      }
    },
  );

  it("give a refinement's own message a Korean text when it is msasim's, else none", () => {
    expect(msg.otherIssue('custom', 'at least one instance size').ko?.message).toBe(
      '인스턴스 크기가 하나 이상 필요합니다',
    );
    expect(msg.otherIssue('custom', 'a rule of a plug-in').ko).toBeUndefined();
  });

  it('translate a phrase with "or" in it whole when known (a challenge bound)', () => {
    const text = msg.invalidFormat('expected a number or a percentage such as "1%"', '1 %');
    expect(text.ko?.message).toContain('"1%" 같은 백분율이나 숫자가 필요합니다');
    expect(text.ko?.message).not.toContain('expected');
  });

  it('give bad set: paths a Korean text', () => {
    expect(ko.badSetPath('a..b')).toMatch(HANGUL);
    expect(ko.forbiddenPathSegment('a.__proto__', '__proto__')).toContain('"__proto__"');
  });
});

const BASE = shopDoc('gateway', 'home');

/** The problems of scenario `doc` (an object), as parseScenario reports them. */
function issuesOf(doc: object): ScenarioIssue[] {
  try {
    const loaded = parseScenario(stringify(doc), 'shop.yaml');
    return loaded.warnings;
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
}

describe('the Korean texts of problems found in a scenario', () => {
  it('say why a key is misplaced in Korean (schedule without rate)', () => {
    const doc = {
      ...BASE,
      workloads: {
        browse: { users: 5, target: 'gateway/home', schedule: [{ at: '10s', rate: '20/s' }] },
      },
    };
    const out = formatIssues(issuesOf(doc), 'ko');
    expect(out).toContain('schedule:은(는) rate:와(과) 함께일 때만 쓰입니다');
    expect(out).not.toContain('only applies');
    expect(out).toContain('열린 워크로드의 도착률');
    expect(formatIssues(issuesOf(doc))).toContain(
      'schedule: only applies together with rate: a schedule changes the arrival rate of an open workload',
    );
  });

  it('print the hint of a ramp without over: in Korean', () => {
    const doc = {
      ...BASE,
      workloads: {
        browse: { rate: '10/s', target: 'gateway/home', schedule: [{ at: '5s', rampTo: '20/s' }] },
      },
    };
    const ko = formatIssues(issuesOf(doc), 'ko');
    expect(ko).toContain('→ rampTo:에는 over:가 필요합니다 (램프가 걸리는 시간)');
    expect(formatIssues(issuesOf(doc))).toContain(
      '→ rampTo: needs over: (how long the ramp takes)',
    );
  });

  it('print a bad set: path of a variant in Korean', () => {
    const doc = { ...BASE, variants: { big: { set: { 'services..gateway': 2 } } } };
    const issues = issuesOf(doc).filter((i) => i.code === 'bad-set-path');
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.ko?.message).toContain('"services..gateway"은(는)');
    expect(formatIssues(issues)).toContain('"services..gateway" is not a path into the scenario');
  });

  it('print an unknown highlight in Korean', () => {
    const out = formatIssues(issuesOf({ ...BASE, highlights: ['p98'] }), 'ko');
    expect(out).toContain('"p98"은(는) 어떤 핵심 지표도 가리키지 않습니다');
  });

  it("put a lesson figure's problem under its variant in Korean", () => {
    const doc = { ...BASE, variants: { small: { set: { duration: '30s' } } } };
    const loaded = parseScenario(stringify(doc), 'shop.yaml');
    if (loaded.lessonScope === undefined) throw new Error('no lesson scope');
    const { issues } = parseLesson('The {{small: p98}}.', 'shop.md', loaded.lessonScope());
    expect(issues.length).toBe(1);
    expect(issues[0].message).toMatch(/^variant "small": /);
    expect(issues[0].ko?.message).toMatch(/^변형 "small": "p98"은\(는\)/);
  });
});
