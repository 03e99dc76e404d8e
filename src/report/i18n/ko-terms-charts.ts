/**
 * The Korean glossary of the words msasim writes into its charts' data and tooltips (the values
 * a builder names with html/chart-words.ts `valuesIn`, and the field names a tooltip shows as
 * keys), merged into KO_TERMS (ko-terms.ts). Where a section's table already says a thing in
 * Korean, its chart says the same: "(유실 / 폐기 / 만료 / 알 수 없음)" gives the 401 reasons,
 * "두 번 적용됨" the messages applied once.
 */
export const KO_CHART_TERMS: Readonly<Record<string, string>> = {
  // the time charts' shading and the latency charts' all-endpoints group (html/charts.ts)
  'all endpoints': '모든 엔드포인트',
  'warm-up (not counted)': '워밍업 (집계하지 않음)',
  'latency (ms, symlog scale)': '지연 시간 (ms, symlog 눈금)',
  // tooltip keys: the fields shown without a title of their own
  label: '구간',
  mean: '평균',
  max: '최대',
  // a sweep's interval (sweep-charts.ts)
  lo: '하한',
  hi: '상한',
  statistic: '통계',
  measure: '항목',
  entity: '대상',
  // fault propagation's timeline (features/faults/)
  'to (s)': '끝 (s)',
  // sessions (features/sessions/): the loads, the revocation's statistics, the losses
  'session store': '세션 저장소',
  'identity provider': '아이덴티티 제공자',
  'session replication': '세션 복제',
  why: '이유',
  'lost session': '세션 유실',
  revoked: '폐기',
  expired: '만료',
  unknown: '알 수 없음',
  'instance crashed': '인스턴스 장애',
  'scaled in': '스케일 인',
  // messaging (features/messaging/): what became of the messages
  'applied once': '한 번 적용됨',
  'duplicates skipped': '건너뛴 중복',
  // transactions and readers (features/transactions/): the measures of the grouped bars
  'lock timeouts': '락 타임아웃',
  'p99 lock wait': 'p99 락 대기 시간',
  'mean time': '평균 시간',
  'p99 time': 'p99 시간',
  'mean staleness': '평균 데이터 지연',
  'max staleness': '최대 데이터 지연',
};
