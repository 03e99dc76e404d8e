/**
 * The sensitivity feature's views: words and rounding, and scenario text escaped on the page.
 */
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../report-data-types.ts';
import { sensitivitySection } from './feature.ts';
import { sensitivitySentence, signedPercent, type VariantSensitivity } from './what-if.ts';

const s: VariantSensitivity = {
  variant: '<script>alert(1)</script>',
  hot: [{ id: 'db[2]', kind: 'database', utilisation: 1 }],
  step: 0.05,
  figures: [
    { metric: 'p99 ms', of: 'a/<b>', base: 100, faster: 82, slower: 135 },
    { metric: 'p99 ms', of: 'a/c', base: 10, faster: 9.9, slower: 10.1 },
    { metric: 'utilisation', of: 'db[2]', base: 1, faster: 0.95, slower: 1 },
  ],
};

describe('sensitivity views', () => {
  it('name the endpoint that swings most, and an overloaded component as such', () => {
    expect(sensitivitySentence(s)).toBe(
      'at ρ 1.00 (db[2], overloaded: its queue grows with the run), ±5 % service time moves p99 of a/<b> by −18 %/+35 %: treat these figures as fragile.',
    );
    expect(signedPercent(0, 0)).toBe('n/a');
    expect(signedPercent(100, 100)).toBe('+0 %');
  });

  it('say the sentence, the titles and the headers in Korean, with the same figures', () => {
    expect(sensitivitySentence(s, 'ko')).toBe(
      'ρ 1.00 (db[2], 과부하: 실행하는 동안 큐가 계속 자람): 서비스 시간을 ±5 % 바꾸면 a/<b> p99가 −18 %/+35 % 움직입니다. 이 수치는 불안정한 것으로 보세요.',
    );
    const flat = { ...s, hot: [{ ...s.hot[0], utilisation: 0.9 }], figures: [] };
    expect(sensitivitySentence(flat, 'ko')).toBe(
      'ρ 0.90 (db[2]): 서비스 시간을 ±5 % 바꿔도 비교할 엔드포인트 p99가 없습니다.',
    );
    expect(sensitivitySentence(flat)).toBe(
      "at ρ 0.90 (db[2]), ±5 % service time leaves no endpoint's p99 to compare.",
    );
    const data = { variants: [{}, {}], sensitivity: [s] } as unknown as ReportData;
    const text = String(sensitivitySection(data, 'ko')[0].html);
    expect(text).toContain('서비스 시간 −5 %');
    expect(text).toContain('<td class="label">사용률</td>');
    expect(text).not.toMatch(/service time|as run|The run again|fragile/);
  });

  it('escape scenario text on the page', () => {
    const data = { variants: [{}, {}], sensitivity: [s] } as unknown as ReportData;
    const [section] = sensitivitySection(data);
    const text = String(section.html);
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
    expect(text).toContain('a/&lt;b&gt;');
    expect(sensitivitySection({ variants: [] } as unknown as ReportData)).toEqual([]);
  });
});
