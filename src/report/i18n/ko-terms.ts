/**
 * The Korean glossary of the terms features declare once in English (key metrics' labels,
 * column headers, chart and axis titles): English words → Korean words. A term missing here is
 * shown in English (t.ts `term`); i18n.test.ts checks that every key metric's label has one.
 */
export const KO_TERMS: Readonly<Record<string, string>> = {
  p50: 'p50',
  p95: 'p95',
  p99: 'p99',
  throughput: '처리량',
  'error rate': '오류율',
  availability: '가용성',
  utilisation: '사용률',
  verdict: '판정',
  variant: '변형',
  SLO: 'SLO',
  target: '대상',
  bound: '한계',
  value: '값',
  '95 % CI': '95 % 신뢰 구간',
};
