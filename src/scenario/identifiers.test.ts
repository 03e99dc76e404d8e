/** Tests of identifiers.ts and the identifier rule through the whole pipeline (located messages). */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { identifierProblem, isIdentifier, printable } from './identifiers.ts';
import { ScenarioError } from './issues.ts';
import { parseSetPath } from './overrides.ts';

const RLO = '\u202e';

describe('isIdentifier', () => {
  it('accepts letters of any script, then letters, digits, "-" and "_"', () => {
    for (const name of ['orders', '주문', '결제-서비스_2', 'заказы', '注文', 'Ωmega٣'])
      expect(isIdentifier(name), name).toBe(true);
  });

  it('refuses whitespace, controls, invisible and bidi characters, dots, slashes and brackets', () => {
    for (const name of [
      '주 문',
      '주문\t',
      `주문${RLO}`,
      '주\u200b문',
      '주문\u0007',
      'a.b',
      'a/b',
      'a[0]',
      '1주문',
      '',
      'constructor',
    ])
      expect(isIdentifier(name), JSON.stringify(name)).toBe(false);
  });

  it('refuses a name in decomposed (NFD) form, and says so', () => {
    const nfd = '주문'.normalize('NFD');
    expect(nfd).not.toBe('주문');
    expect(isIdentifier(nfd)).toBe(false);
    expect(identifierProblem(nfd)).toMatch(/NFC/);
  });
});

describe('identifierProblem', () => {
  it('names the offending character by its code point, never printing a bidi control', () => {
    const text = identifierProblem(`abc${RLO}cba`) ?? '';
    expect(text).toContain('bidirectional control character (U+202E)');
    expect(text).not.toContain(RLO);
    expect(identifierProblem('주 문')).toContain('a space');
    expect(identifierProblem('a.b')).toContain('set: path');
    expect(identifierProblem('1abc')).toContain('not a letter');
  });

  it('is undefined for a good name', () => {
    expect(identifierProblem('결제')).toBeUndefined();
  });
});

describe('printable', () => {
  it('writes controls and invisible characters as escapes', () => {
    expect(printable(`a${RLO}b\u200bc`)).toBe('a\\u{202E}b\\u{200B}c');
    expect(printable('주문')).toBe('주문');
  });
});

describe('dotted set: paths', () => {
  it('go through Hangul names', () => {
    expect(parseSetPath('services.주문.instances')).toEqual(['services', '주문', 'instances']);
  });
});

/** A small scenario with Hangul names: `service` defined, `reference` the workload's target. */
function korean(service = '주문', reference = '주문/조회'): string {
  return [
    'version: 1',
    'name: 한국어-시나리오',
    'duration: 2s',
    'workloads:',
    '  손님:',
    '    rate: 10/s',
    `    target: ${reference}`,
    'services:',
    `  ${JSON.stringify(service)}:`,
    '    endpoints:',
    '      조회:',
    '        steps:',
    '          - cpu: 1ms',
    'variants:',
    '  기본: {}',
    '  두배:',
    '    set:',
    `      services.${service}.instances: 2`,
    '',
  ].join('\n');
}

function issuesOf(text: string): string[] {
  try {
    parseScenario(text, 'ko.yaml');
  } catch (e) {
    if (e instanceof ScenarioError)
      return e.issues.map((i) => `${i.line}:${i.col} ${i.message} ${i.hint ?? ''}`);
    throw e;
  }
  return [];
}

describe('Hangul names through validation', () => {
  it('accept a scenario named in Korean, with a variant set: path through a Hangul name', () => {
    expect(issuesOf(korean())).toEqual([]);
  });

  it('suggest the Hangul name meant by a misspelt reference', () => {
    const issues = issuesOf(korean('주문', '주먼/조회'));
    expect(issues.join('\n')).toContain('did you mean "주문"');
  });

  it('refuse a bidi override in a name with a located message that shows it escaped', () => {
    const issues = issuesOf(korean(`주문${RLO}`, '주문/조회'));
    expect(issues.length).toBeGreaterThan(0);
    const line = issues.find((i) => i.includes('U+202E')) ?? '';
    expect(line).toMatch(/^9:3 invalid name "주문\\u\{202E\}": .*bidirectional control/);
    expect(issues.join('\n')).not.toContain(RLO);
  });

  it('refuse a decomposed (NFD) name with a located message', () => {
    const nfd = '주문'.normalize('NFD');
    const issues = issuesOf(korean(nfd, '주문/조회'));
    expect(issues.find((i) => i.startsWith('9:3'))).toMatch(/NFC/);
  });
});

describe('lang:', () => {
  it('takes a language tag and refuses anything else with a located message', () => {
    const ok = parseScenario(
      korean().replace('duration: 2s', 'lang: ko-KR\nduration: 2s'),
      'k.yaml',
    );
    expect(ok.lang).toBe('ko-KR');
    expect(parseScenario(korean(), 'k.yaml').lang).toBeUndefined();
    const issues = issuesOf(korean().replace('duration: 2s', 'lang: 한국어\nduration: 2s'));
    expect(issues.join('\n')).toMatch(/^3:7 expected a language tag such as "ko" or "en"/);
  });
});
