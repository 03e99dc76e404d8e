/**
 * The message layer: the two catalogues hold the same keys and each Korean sentence the English
 * one's placeholders; no entry holds markup characters (html/words.ts puts a sentence's own words
 * in as text); every key metric a feature declares has a Korean label; the locale's language;
 * `t` and `tHtml` fill and escape; the glossary's title patterns.
 */
import { describe, expect, it } from 'vitest';
import { keyMetricSources, REPORT_FEATURES } from '../features/registry.ts';
import { html } from '../html/template.ts';
import { tHtml } from '../html/words.ts';
import { EN } from './en.ts';
import { KO } from './ko.ts';
import { KO_TERMS } from './ko-terms.ts';
import { langFromEnv, langOfLocale } from './lang.ts';
import { CATALOGUES, placeholders, t, term } from './t.ts';

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('the catalogues', () => {
  it('hold the same keys in English and Korean', () => {
    expect(sorted(Object.keys(KO))).toEqual(sorted(Object.keys(EN)));
  });

  it('give each Korean sentence the placeholders of the English one', () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[])
      expect(sorted(new Set(placeholders(KO[key]))), key).toEqual(
        sorted(new Set(placeholders(EN[key]))),
      );
  });

  it('put no particle right after a placeholder (its final consonant is unknown: "5초은")', () => {
    for (const [key, text] of Object.entries(KO))
      expect(text, key).not.toMatch(/\}(은|는|이|가|을|를|과|와|으로|로|였|이었)(?![가-힣])/);
  });

  it('hold no markup characters and no empty entry', () => {
    for (const lang of ['en', 'ko'] as const)
      for (const [key, text] of Object.entries(CATALOGUES[lang])) {
        expect(text, `${lang} ${key}`).not.toMatch(/[<>&]/);
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
  });

  it('translate every Korean entry (none is left as the English text, but for commands)', () => {
    const same = (Object.keys(EN) as (keyof typeof EN)[]).filter(
      (k) => KO[k] === EN[k] && /[a-z]{4,}/.test(EN[k]),
    );
    expect(same).toEqual([]);
  });

  it('have a Korean label for every key metric a report feature declares', () => {
    const labels = new Set(
      keyMetricSources(REPORT_FEATURES).flatMap((s) => s.metrics.map((m) => m.label)),
    );
    const missing = [...labels].filter((l) => KO_TERMS[l] === undefined);
    expect(missing).toEqual([]);
    expect(labels.size).toBeGreaterThan(50);
  });
});

describe('t and term', () => {
  it('fill the placeholders, in the sentence order of each language', () => {
    expect(t('en', 'page.fact.replicationsText', { n: 5, seeds: '1, 2' })).toBe(
      '5 per variant, seeds 1, 2',
    );
    expect(t('ko', 'page.fact.replicationsText', { n: 5, seeds: '1, 2' })).toBe(
      '변형마다 5회, 시드 1, 2',
    );
  });

  it('refuse a placeholder without a value (a bug, not a blank)', () => {
    expect(() => t('en', 'page.fact.variants')).toThrow(/no value for \{n\}/);
  });

  it('translate glossary terms and title patterns, and leave anything else as written', () => {
    expect(term('ko', 'throughput')).toBe('처리량');
    expect(term('en', 'throughput')).toBe('throughput');
    expect(term('ko', 'p99 (ms), log scale')).toBe('p99 (ms, 로그 눈금)');
    expect(term('ko', 'calls per request, symlog scale')).toBe('요청당 호출 수 (symlog 눈금)');
    expect(term('ko', 'bars: mean of 5 replications; whiskers: 95 % confidence interval')).toBe(
      '막대: 반복 실행 5회의 평균, 수염: 95 % 신뢰 구간',
    );
    // the instances chart of an autoscaled or scheduled scenario (five-strategies) was English
    expect(term('ko', 'Instances over time')).toBe('시간에 따른 인스턴스 수');
    expect(term('ko', 'instances serving at the end of each second: web; grey: the warm-up')).toBe(
      '초마다 그 끝에 서비스 중인 인스턴스 수: web. 회색: 워밍업',
    );
    expect(
      term(
        'ko',
        'instances serving at the end of each second; one dash per component; grey: the warm-up',
      ),
    ).toBe('초마다 그 끝에 서비스 중인 인스턴스 수. 컴포넌트마다 점선 하나. 회색: 워밍업');
    expect(term('ko', 'Local transactions: outcomes, waits and conflicts')).toBe(
      '로컬 트랜잭션: 결과, 대기, 충돌',
    );
    expect(term('ko', 'load (arrivals/s, log scale)')).toBe('부하 (도착/s, 로그 눈금)');
    expect(term('ko', '주문-서비스')).toBe('주문-서비스');
    expect(term('ko', 'my own chart')).toBe('my own chart');
  });
});

describe('tHtml', () => {
  it('puts markup where the sentence has it and escapes text values', () => {
    const code = html`<code>--replications 5</code>`;
    expect(String(tHtml('en', 'cmp.oneReplication', { code }))).toBe(
      'One replication: there are no confidence intervals, so no difference can be called significant. Run again with <code>--replications 5</code>.',
    );
    expect(String(tHtml('ko', 'slo.intro', { met: '<b>a</b>', code }))).toContain(
      '충족: &lt;b&gt;a&lt;/b&gt;.',
    );
  });
});

describe('the language of the locale', () => {
  it('is Korean for a locale starting with "ko", else English', () => {
    expect(langOfLocale('ko_KR.UTF-8')).toBe('ko');
    expect(langOfLocale('ko')).toBe('ko');
    expect(langOfLocale('ko-KR')).toBe('ko');
    expect(langOfLocale('kok_IN')).toBe('en'); // Konkani is not Korean
    expect(langOfLocale('en_US.UTF-8')).toBe('en');
    expect(langOfLocale('C')).toBe('en');
    expect(langOfLocale(undefined)).toBe('en');
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, an empty variable counting as unset', () => {
    expect(langFromEnv({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: 'ko_KR', LANG: 'C' })).toBe('ko');
    expect(langFromEnv({ LC_ALL: 'ko_KR.UTF-8', LC_MESSAGES: 'en_US' })).toBe('ko');
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: '' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });
});
