/**
 * The pieces both languages' problem texts are built from (messages-values.ts): values named in
 * each language's words, long call chains cut, and did-you-mean hints that ask their own
 * question when a name is close and fall back otherwise — checked through the English and
 * Korean texts that use them, word for word.
 */
import { describe, expect, it } from 'vitest';
import * as msg from './messages.ts';
import * as ko from './messages-ko.ts';
import { guessOr, showChain, typedValueIn, valueIn, withGuess } from './messages-values.ts';

const WORDS = { undefined: 'u', null: 'n', list: 'l', object: 'o' };

describe('valueIn and typedValueIn', () => {
  it.each([
    ['a string, quoted', 'abc', '"abc"', 'string "abc"'],
    ['a number', 5, '5', 'number 5'],
    ['a boolean', true, 'true', 'boolean true'],
    ['nothing', undefined, 'u', 'u'],
    ['an empty value', null, 'n', 'n'],
    ['a list', [1], 'l', 'l'],
    ['an object', { a: 1 }, 'o', 'o'],
  ])('show %s in the given words', (_, value, shown, typed) => {
    expect(valueIn(WORDS, value)).toBe(shown);
    expect(typedValueIn(WORDS, value)).toBe(typed);
  });

  it('cut a long string at 40 characters', () => {
    expect(valueIn(WORDS, 'x'.repeat(50))).toBe(`"${'x'.repeat(39)}…"`);
  });

  it('are what English and Korean messages show', () => {
    expect([msg.showValue(null), msg.showTypedValue([]), msg.showTypedValue(2)]).toEqual([
      'an empty value',
      'a list',
      'number 2',
    ]);
    expect([ko.koValue(undefined), ko.koTypedValue({}), ko.koTypedValue('a')]).toEqual([
      '없음',
      '객체',
      '문자열 "a"',
    ]);
  });
});

describe('showChain', () => {
  it('shows six names whole and cuts a longer chain to its first three and its last', () => {
    expect(showChain(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a → b → c → d → e → f');
    expect(showChain(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a → b → c → … → g');
  });
});

describe('guessOr', () => {
  it('asks about the close name, else gives the fallback', () => {
    const ask = (g: string) => `maybe ${g}?`;
    expect(guessOr('ordres', ['orders', 'users'], ask, 'none')).toBe('maybe orders?');
    expect(guessOr('zzz', ['orders', 'users'], ask, 'none')).toBe('none');
  });

  it('words the alias hint in both languages', () => {
    const close = msg.unresolvedAlias('bse', ['base']);
    expect([close.hint, close.ko?.hint]).toEqual(['did you mean *base?', '혹시 *base인가요?']);
    const far = msg.unresolvedAlias('zzz', ['base']);
    expect([far.hint, far.ko?.hint]).toEqual([
      'define the anchor (&name) on a value above the alias, or write the value out',
      '별칭보다 위의 값에 앵커(&name)를 정의하거나, 값을 직접 쓰세요',
    ]);
  });

  it("words a data file's unknown column and row endpoint in both languages", () => {
    const column = msg.unknownColumn('endpoint', 'rout', ['route', 'time']);
    expect([column.hint, column.ko?.hint]).toEqual([
      'did you mean "route"? (or name the column in the scenario: endpoint: <column>)',
      '혹시 "route"인가요? (또는 시나리오에서 열 이름을 주세요: endpoint: <열>)',
    ]);
    const noColumn = msg.unknownColumn('endpoint', 'zzz', ['time']);
    expect([noColumn.hint, noColumn.ko?.hint]).toEqual([
      'name the column in the scenario (endpoint: <column>), or add a header row that has it',
      '시나리오에서 열 이름을 주거나(endpoint: <열>), 그 열이 있는 머리글 줄을 추가하세요',
    ]);
    const row = msg.unknownRowEndpoint('web/hom', ['web/home']);
    expect([row.hint, row.ko?.hint]).toEqual([
      'did you mean "web/home"?',
      '혹시 "web/home"인가요?',
    ]);
    const noRow = msg.unknownRowEndpoint('zzz', ['web/home']);
    expect(noRow.hint).toContain('list every endpoint the file names');
    expect(noRow.ko?.hint).toContain('파일이 부르는 모든 엔드포인트를');
  });

  it('cuts the call chain of a too-deep chain in both languages', () => {
    const text = msg.callChainTooDeep(64, ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(text.message).toBe('call chain deeper than 64 endpoints: a → b → c → … → g');
    expect(text.ko?.message).toBe('호출 사슬이 엔드포인트 64개보다 깊습니다: a → b → c → … → g');
  });
});

describe('withGuess', () => {
  const ask = (g: string) => `maybe ${g}?`;

  it('joins the hint and the question, keeps either alone, and is undefined without both', () => {
    expect(withGuess('known: a', 'ordres', ['orders'], ask)).toBe('known: a; maybe orders?');
    expect(withGuess(undefined, 'ordres', ['orders'], ask)).toBe('maybe orders?');
    expect(withGuess('known: a', 'zzz', ['orders'], ask)).toBe('known: a');
    expect(withGuess(undefined, 'zzz', ['orders'], ask)).toBeUndefined();
  });

  it('words an unknown key in both languages', () => {
    const text = msg.unknownKey('instancs', ['instances', 'threads']);
    expect(text.hint).toContain('did you mean "instances"?');
    expect(text.ko?.hint).toContain('혹시 "instances"인가요?');
  });
});
