/**
 * The report's words in Korean, key for key as en.ts (the type requires every key;
 * i18n.test.ts checks that each sentence has the English one's placeholders). Terms follow
 * docs/workshop.ko.md and scenarios/ko/: 지연 시간, 처리량, 가용성, 신뢰 구간, 기준 변형.
 * No particle (이/가, 을/를) follows a placeholder: its final consonant is unknown.
 */
import type { MessageKey } from './en.ts';
import { KO_TOOLS } from './ko-tools.ts';

export const KO: Record<MessageKey, string> = {
  ...KO_TOOLS,
  'page.eyebrow': 'msasim 보고서',
  'page.nav': '목차',
  'page.chartFailed': '이 차트를 그릴 수 없습니다',
  'page.footer':
    '마이크로서비스 아키텍처의 이산 사건 시뮬레이터 msasim이 만들었습니다. 이 페이지는 오프라인에서도 동작합니다. 차트는 페이지에 포함된 Vega 라이브러리가 그립니다.',
  'page.seconds': '{n}초',
  'page.fact.file': '시나리오 파일',
  'page.fact.simulated': '시뮬레이션',
  'page.fact.simulatedText': '실행마다 {duration}, 처음 {warmup} 동안은 워밍업으로 집계하지 않음',
  'page.fact.seed': '시드',
  'page.fact.replications': '반복 실행',
  'page.fact.replicationsText': '변형마다 {n}회, 시드 {seeds}',
  'page.fact.replicationsOne': '{n}회, 시드 {seeds}',
  'page.fact.variants': '변형 {n}개',
  'page.fact.baseline': ' (기준)',
  'page.summary.title': '요약',
  'page.summary.firstReplication': ' (첫 번째 반복 실행, 시드 {seed})',
  'page.summary.intro':
    '워밍업 이후{which}. 지연 시간 백분위수는 성공한 요청의 것입니다. 부하는 초당 방문 수, 사용률은 사용 중인 스레드나 커넥션을 용량으로 나눈 값입니다.',

  'hl.title': '주요 지표',
  'hl.consoleTitle': '■ 주요 지표: {source}',
  'hl.notMeasured': '측정 안 됨',
  'hl.oneReplication.variants':
    '반복 실행 1회: 신뢰 구간이 없으므로 어떤 차이도 유의하다고 할 수 없습니다 (--replications 5로 실행하거나 시나리오에 replications:를 지정하세요).',
  'hl.oneReplication':
    '반복 실행 1회: 신뢰 구간이 없습니다 (--replications 5로 실행하거나 시나리오에 replications:를 지정하세요).',
  'hl.mean': '반복 실행 {n}회의 평균 ± {level} 신뢰 구간의 반폭.',
  'hl.mean.paired':
    '반복 실행 {n}회의 평균 ± {level} 신뢰 구간의 반폭. 차이는 첫 번째 변형과 짝지어 계산합니다.',
  'hl.source.scenario': '시나리오에 선언됨',
  'hl.source.variants': '선언 없음: 변형 사이에서 산포 대비 가장 크게 다른 핵심 지표',
  'hl.source.single': '선언 없음: 전체 p99, 처리량, 오류율',
  'hl.pageSource.scenario': '시나리오에 선언된 지표입니다.',
  'hl.pageSource.variants': '선언 없음: 변형 사이에서 산포 대비 가장 크게 다른 핵심 지표입니다.',
  'hl.pageSource.single': '선언 없음: 전체 p99, 처리량, 오류율입니다.',
  'hl.warmup':
    '워밍업이 너무 짧은가요? {variant}: {highlight} 시계열은 약 {suggested}초 이후에야 안정됩니다 (MSER-5). 선언된 워밍업은 {warmup}초입니다. warmup:을 늘리거나 --warmup auto로 실행하세요',
  'hl.warmupAuto.console': '--warmup auto: 워밍업 {s}초 (주요 지표 시계열에 MSER-5 적용).',
  'hl.warmupAuto.page':
    '--warmup auto: 워밍업은 {s}초입니다 (시험 실행의 주요 지표 시계열에 MSER-5 적용).',
  'verdict.better': '개선',
  'verdict.worse': '악화',

  'diff.same': '{variant}: {label} — {baseline} 대비 변화 없음',
  'diff.identical': '{variant}: {label} — 모든 반복 실행에서 {baseline} 대비 변화 없음',
  'diff.oneReplication': '{variant}: {label} — {baseline} 대비 {change}',
  'diff.interval': '{variant}: {label} — {baseline} 대비 {change}, {level} 신뢰 구간 {bounds}',
  'diff.interval.ns':
    '{variant}: {label} — {baseline} 대비 {change}, {level} 신뢰 구간 {bounds} — 유의하지 않음',

  'console.variantTitle': '{scenario} · 변형 {variant}',
  'console.window': '워밍업 {warmup}초 이후 {measured}초 측정, 시드 {seed}',
  'console.stopped': '  (조기 종료: {reason})',
  'console.replications':
    '■ 반복 실행 {n}회: 평균 ± {level} 신뢰 구간의 반폭 (모든 진입 엔드포인트)',
  'console.metric': '지표',
  'console.notSignificant': '  ○ {variant}: 유의하지 않음: {labels}',
  'console.differences':
    '■ 차이 (공통 난수로 반복 실행끼리 짝지은 비교, ○ = 유의하지 않음: 차이의 {level} 구간이 0을 포함)',

  'precision.reached':
    '--precision {target}: 반복 실행 {n}회 후 모든 주요 지표의 95 % 반폭이 평균의 {target} 이내입니다.',
  'precision.missed':
    '--precision {target} 미달: 반복 실행 상한 {cap}회에서 멈췄습니다 (--max-replications). 가장 먼 지표: {worst}.',

  'verdict.changed': '달라짐',
  'cmp.ns': '유의하지 않음',
  'cmp.notSignificant': '유의하지 않음 (차이의 95 % 구간이 0을 포함): {names}.',
  'cmp.inWords': '기준 변형과의 차이를 말로 풀면',
  'cmp.vs': '대',
  'cmp.components.significant': '컴포넌트와 캐시: 차이 {n}개 중 {sig}개 유의',
  'cmp.components.listed': '컴포넌트와 캐시: 차이 {n}개 중 {sig}개 표시',
  'cmp.keyMetrics': '핵심 지표',
  'cmp.keyMetricsIntro': '반복 실행 {n}회의 평균과 95 % 신뢰 구간입니다.',
  'cmp.intro':
    '각 변형은 같은 시드({seeds})로 {n}회 반복 실행했습니다. 같은 컴포넌트는 같은 도착과 같은 난수를 받습니다(공통 난수). 각 변형을 기준 변형({baseline})과 반복 실행별로 짝지어 비교합니다(짝지은 차이). 초록색은 개선, 빨간색은 악화, 파란색은 좋고 나쁨이 없는 지표(제공된 부하를 따르는 처리량)의 유의한 변화이며, 회색 “유의하지 않음”은 차이의 95 % 신뢰 구간이 0을 포함한다는 뜻입니다.',
  'cmp.intro.one':
    '각 변형은 같은 시드({seeds})로 {n}회 실행했습니다. 같은 컴포넌트는 같은 도착과 같은 난수를 받습니다(공통 난수). 각 변형을 기준 변형({baseline})과 반복 실행별로 짝지어 비교합니다(짝지은 차이). 초록색은 개선, 빨간색은 악화, 파란색은 좋고 나쁨이 없는 지표(제공된 부하를 따르는 처리량)의 유의한 변화이며, 회색 “유의하지 않음”은 차이의 95 % 신뢰 구간이 0을 포함한다는 뜻입니다.',
  'cmp.oneReplication':
    '반복 실행 1회: 신뢰 구간이 없으므로 어떤 차이도 유의하다고 할 수 없습니다. {code} 옵션으로 다시 실행하세요.',
  'cmp.title': '변형 비교',
  'cmp.nav': '비교',
  'cmp.chartCaption':
    '막대는 반복 실행의 평균이고, 수염은 95 % 신뢰 구간입니다. 패널마다 눈금이 다릅니다.',
  'cmp.console': '■ 비교 (모든 진입 엔드포인트)',
  'cmp.legend.calls': '호출, 행: 요청당',
  'cmp.legend.db': 'DB 쿼리/s: 모든 데이터베이스의 쿼리',
  'cmp.legend.cache': 'MB/인스턴스: 인스턴스당 캐시 메모리',
  'km.baseline': '기준',
  'km.ci': '95 % 신뢰 구간 {lo} – {hi}',
  'km.overReplications': '반복 실행에 걸친 핵심 지표',

  'check.none':
    '--check: 시나리오에 SLO가 없습니다 (`slos:` 절을 추가하세요). 확인할 것이 없습니다',
  'check.met': '--check: SLO 한계 {n}개를 모두 충족',
  'check.missed': '✗ --check: SLO 한계 {n}개 중 {missed}개 미충족 (종료 코드 {exit})',
  'compare.header': 'compare {name} ({path}): 변형 {n}개, 시드 {seed}',
  'compare.header.none': 'compare {name} ({path}): 변형 없음, 시드 {seed}',
  'compare.noVariants':
    '참고: {name}에는 변형이 없어 비교할 것이 없습니다. `variants:` 절을 추가하세요 (README 참조).',

  'slo.allEndpoints': '모든 엔드포인트',
  'slo.notMeasured': '측정 안 됨 (끝난 요청 없음)',
  'slo.straddles': ' (구간이 한계에 걸쳐 있음)',
  'slo.console': '■ SLO{title}: {n}개 중 {met}개 충족',
  'slo.met': '✓ 충족',
  'slo.missed': '✗ 미충족',
  'slo.metOf': '{n}개 중 {met}개',
  'slo.title': '서비스 수준 목표(SLO)',
  'slo.nav': 'SLO',
  'slo.intro':
    '시나리오의 정상 상태 가설을 반복 실행의 평균으로 판정합니다 (구간은 95 %). 충족: {met}. 하나라도 미충족이면 {code} 명령이 종료 코드 3으로 끝납니다.',
  'slo.ci': ', 95 % 신뢰 구간 [{lo}, {hi}]',

  'req.failures': '실패:',
  'req.timeoutCauses':
    '타임아웃이 어떤 응답보다도 짧거나 (단위 없는 숫자는 밀리초입니다: `timeout: 0.2`는 0.2 ms), 기다리는 대상이 너무 과부하되어 제때 응답하지 못합니다',
  'req.allTimedOut': '{endpoint}에 대한 모든 요청이 타임아웃됨 ({n}개 중 {n}개): {causes}',
  'req.callsTimedOut': '{step} ({from} → {to})의 모든 호출이 타임아웃됨 ({n}개 중 {n}개): {causes}',

  'lesson.title': '교안',
  'claim.checked': '확인한 주장 (이번 실행 기준):',
  'claim.vs': '대',
  'claim.overlap': '; 평균으로만 성립: 95 % 구간이 겹침',
  'claim.apart': '; 95 % 구간이 겹치지 않음',
  'claim.notMeasured': '이번 실행에서 측정 안 됨: ',
  'claim.fails': '성립하지 않음: ',

  'topo.section': '토폴로지',
  'topo.title': '{name}의 토폴로지',
  'topo.intro':
    '워밍업 이후 각 연결의 초당 메시지 수입니다 (응답은 그리지 않습니다). 굵을수록 바쁩니다. 회색 점선 연결은 시나리오에는 있지만 이 변형에서는 아무것도 나르지 않았습니다. 노드의 색은 사용률을 나타내며, 마우스를 올리면 부하, 큐, 대기 시간이 보입니다. 장애가 있으면 장애 난 컴포넌트에 ⚡ 표시가 붙고, 성능이 저하된 컴포넌트는 빨간 테두리와 함께 장애 영향 범위에서의 순서와 장애 후 저하되기까지 걸린 시간이 표시됩니다.',
  'topo.fault': '장애',
  'topo.sent': '{rate} 송신',
  'topo.clientTip': '클라이언트: 요청 {rate}',
  'topo.absent': '이 변형에 없음',
  'topo.busy': '×{n} · 사용률 {busy}',
  'topo.tip.one':
    '{id} ({kind}): 인스턴스 {n}개, 부하 {load}, 사용률 {util} %, 평균 큐 {queue}, 평균 대기 {wait} ms',
  'topo.tip':
    '{id} ({kind}): 인스턴스 {n}개, 부하 {load}, 사용률 {util} %, 평균 큐 {queue}, 평균 대기 {wait} ms',
  'topo.unused': '이 변형에서 쓰이지 않음',
  'topo.shapes': '상자 = 서비스 · 원통 = 데이터베이스 · 육각형 = 캐시 · 굵기 ∝ √부하',

  'caption.cdf':
    '곡선이 왼쪽에 있을수록 빠릅니다. 곡선이 위쪽에서 갈라지는 곳이 설계 사이에 꼬리 지연 시간이 달라지는 곳입니다.',
  'caption.load': '설계 선택에 따라 막대가 커지는 컴포넌트가 그 선택이 부하를 보내는 곳입니다.',
  'caption.instances':
    '부하보다 늦게 인스턴스 수가 늘어난 구간에서는 새 인스턴스가 아직 부팅 중이었고, 그동안 큐가 쌓였습니다.',
  'notes.title': '먼저 읽어 주세요',
  'notes.inVariant': ' (변형 {variant})',
  'notes.noRequest':
    '완료된 요청이 없습니다{inVariant}: 수치가 비어 있습니다 (지연 시간도 처리량도 없음). 실행 설정: 시뮬레이션 시간 {duration}, 워밍업 {warmup}. 단위 없는 숫자는 밀리초입니다. 실행 시간을 늘리거나 워크로드를 확인하세요.',
  'notes.allTimedOut':
    '{endpoint}에 대한 모든 요청이 타임아웃됨{inVariant} ({n}개 중 {n}개): {causes}.',
  'notes.callsTimedOut':
    '{step} ({from} → {to})의 모든 호출이 타임아웃됨{inVariant} ({n}개 중 {n}개): {causes}.',

  'run.warmupAuto': '--warmup auto: 주요 지표 시계열에 MSER-5 적용: 워밍업 {s}초',
  'run.noRequest.one':
    '⚠ 실행에서 완료된 요청이 없습니다: 보고서가 비어 있습니다 (지연 시간도 처리량도 없음)\n  → 실행 시간을 늘리거나 (단위 없는 숫자는 밀리초) 워크로드를 확인하세요',
  'run.noRequest':
    '⚠ 실행 {runs}번 중 {empty}번에서 완료된 요청이 없습니다: 보고서가 비어 있습니다 (지연 시간도 처리량도 없음)\n  → 실행 시간을 늘리거나 (단위 없는 숫자는 밀리초) 워크로드를 확인하세요',
  'run.sensitivityNone':
    '--sensitivity: 사용률 {threshold} 이상인 컴포넌트가 없어 시험할 것이 없습니다',
  'run.hintWhere': ' (변형 {variant})',
  'run.sensitivityHint':
    '힌트: {id}의 사용률 ρ가 {rho}입니다{where} (≥ {threshold}). 포화에 가까우면 서비스 시간의 작은 오차도 꼬리 지연 시간을 크게 움직입니다. 얼마나 움직이는지 보려면 --sensitivity를 추가하세요 (그런 변형마다 실행 2번 추가)',
  'run.account':
    '시뮬레이션한 요청 {requests}개 (이벤트 {events}개), 실제 시간 {wall}초. {loop}. 쓴 파일: {files} (폴더 {dir})',
  'run.loop': '루프: CPU {cpu}초, 실제 시간 {wall}초, 초당 이벤트 {rate}',
  'run.loopThreads':
    '루프 (스레드 {threads}개 합계): CPU {cpu}초, 실제 시간 {wall}초, CPU 초당 이벤트 {rate}',
  'run.lessonWarning':
    '경고: {file}:{line}: 교안의 주장을 이번 실행이 뒷받침하지 않습니다: {claim}',

  'prop.degradedCount': '{n}개 저하',
  'prop.onlyData':
    '저하된 엔드포인트나 컴포넌트는 없지만 이번 실행에서 데이터가 손상되었습니다 (데이터 손상 참조)',
  'prop.nothing': '저하된 것 없음',
  'prop.noBaseline':
    '판단하지 않음: 워밍업 뒤에 장애보다 앞선 구간이 없어 비교할 기준이 없습니다 (무엇이 저하되는지 보려면 첫 장애를 워밍업 뒤에 시작하십시오. 위의 수치는 장애가 걸린 상태의 것입니다)',
  'chart.faultWindow': '장애 {fault} ({kind} {targets})',
  'prop.faultWindow': '장애 {fault} ({kind} {target})',
  'prop.component': '{id} (컴포넌트)',
  'prop.faultLine': '장애 {fault}: {blast}',
  'prop.notFired.afterEnd':
    '장애 {fault} ({kind} {target}): 한 번도 일어나지 않았습니다. 실행이 끝나는 시각({end}) 또는 그 뒤에 시작합니다. `at`을 앞당기거나 `duration`을 늘리십시오',
  'prop.notFired.warmup':
    '장애 {fault} ({kind} {target}): 워밍업 동안에만 일어났습니다 (처음 {warmup}, 집계하지 않음). 측정된 것이 없습니다. `at`을 워밍업 뒤로 옮기십시오',
  'prop.notFired.idleLink':
    '장애 {fault} ({kind} {target}): 아무것도 치지 못했습니다. 워밍업 뒤에 {target} 링크로 간 메시지가 없습니다 (링크 장애는 `from`이 `to`로 보내는 것을 칩니다). 메시지가 오가는 링크(보고서의 토폴로지에 그려짐)를 `link`에 적으십시오',
  'prop.notFired.idleLinkReverse':
    '장애 {fault} ({kind} {target}): 아무것도 치지 못했습니다. 워밍업 뒤에 {target} 링크로 간 메시지는 없고 반대 방향으로는 있었습니다 (링크 장애는 `from`이 `to`로 보내는 것을 치고, 그 응답도 같은 링크로 돌아옵니다). `from`과 `to`를 바꾸십시오',
  'prop.notRecovered': '끝까지 회복 안 됨',
  'prop.unaffected': '영향받지 않은 엔드포인트: {ids}',
  'prop.unaffected.page': '영향받지 않은 엔드포인트: {ids}.',
  'prop.console': '■ 장애 전파{title} (저하 = 장애 전 자신의 기준보다 나빠짐)',
  'prop.quiet': '장애 {fault}: {blast}.',
  'prop.title': '장애 전파',
  'prop.nav': '전파',
  'prop.intro':
    '저하는 첫 장애 전 자신의 기준보다 나빠졌다는 뜻입니다: 오류가 {errors}포인트 늘거나, p99가 두 배가 되거나, 사용률이 30포인트 늘어난 상태가 2초 연속 이어진 경우입니다. 좋은 상태가 5초 연속이면 회복으로 봅니다. 장애 영향 범위는 저하된 것을 순서대로 나열합니다.',

  'sessions.reasons': '401 응답 {reasons}',
  'sessions.legend.lost': '유실: 인스턴스와 함께 잃어버린 세션',
  'sessions.legend.revoked': '폐기 ms: 폐기부터 마지막으로 수락된 요청까지의 지연, 평균/최대',
  'sessions.legend.accepted': '수락: 폐기 후 수락된 요청',
  'sessions.legend.stale': '낡은 역할: 바뀌기 전 역할로 수락된 요청',
  'sessions.legend.idp':
    'IdP i/r/s: 토큰 발급/조회/동기화 (resolveVia: store이면 조회와 동기화는 저장소로 갑니다)',
  'sessions.legend.auth': '인증 ms: 검증이 더한 시간, 평균/p99',
  'sessions.legend.memory': 'KB/인스턴스: 검증하는 서비스의 인스턴스당 세션 메모리',
  'sessions.console': '■ 세션과 자격 증명 (워밍업 이후)',
  'sessions.intro':
    '각 전략이 사용자의 로그인 상태를 어떻게 유지하는지 보여 줍니다 (워밍업 이후, 첫 번째 반복 실행). 폐기 지연은 강제 로그아웃부터 폐기된 자격 증명으로 마지막 요청이 수락될 때까지의 시간입니다. 낡은 역할 요청은 이미 바뀐 역할로 수락된 요청입니다.',
  'sessions.seen': '사용자가 겪은 것',
  'sessions.cost': '드는 비용',
  'sessions.caption':
    '각 전략이 일을 보내는 곳: 중앙 저장소, 아이덴티티 제공자(IdP), 또는 다른 모든 인스턴스.',

  'msg.legend.counts': '개수는 워밍업 이후',
  'msg.legend.dup': '중복: 이미 전달된 메시지의 재전달',
  'msg.legend.twice': '2× 적용: 상태를 다시 바꾼 중복 (컨슈머가 멱등적이지 않음)',
  'msg.legend.skipped': '건너뜀: 멱등성 검사가 알아본 중복',
  'msg.legend.lost': '유실: 효과 없이 커밋됨 (at-most-once)',
  'msg.legend.dlq': 'DLQ: 전달 실패가 너무 많아 데드 레터로 보냄',
  'msg.legend.lag': '지연: 추가되었지만 아직 커밋되지 않은 메시지',
  'msg.legend.e2e': 'e2e: 발행부터 첫 효과까지',
  'msg.legend.abandoned': '중단: 컨슈머 장애나 ack 타임아웃으로 끊긴 전달',
  'msg.console': '■ 메시징 (컨슈머 그룹)',
  'msg.console.group': '■ 메시징 (컨슈머 그룹): 그룹 {group}',
  'msg.example.twice': '{who}, 두 번 적용: {example}',
  'msg.example.lost': '{who}, 유실: {example}',
  'msg.examples': '예:',
  'msg.intro':
    '각 컨슈머 그룹이 토픽의 메시지로 무엇을 했는지 보여 줍니다 (워밍업 이후, 첫 번째 반복 실행). 중복 전달은 (장애, 실패, ack 타임아웃 뒤) 다시 전달된 메시지입니다. 멱등적이지 않은 컨슈머는 이를 두 번 적용하고, 멱등성 검사는 건너뜁니다. 지연은 추가되었지만 아직 커밋되지 않은 메시지 수이고, 종단 간 시간은 추가부터 첫 효과까지입니다.',
  'msg.became': '메시지는 어떻게 되었나',
  'msg.behind': '얼마나 뒤처졌나',
  'msg.caption':
    '컨슈머가 뒤처지는 그룹은 올라가는 선으로, 따라잡는 그룹은 0 근처에 머무는 선으로 보입니다.',

  'tx.intro':
    '여러 서비스나 여러 행에 걸친 작업이 얼마나 일관되게 유지되었는지 보여 줍니다 (워밍업 이후, 첫 번째 반복 실행). 사가는 서비스마다 로컬 트랜잭션을 하나씩 실행하고, 뒤의 것이 실패하면 이미 한 것을 되돌립니다(보상). 되돌리기가 실패하거나 되돌릴 수 없는 작업이 있으면 데이터는 불일치 상태로 남고 운영자에게 경보가 갑니다. 로컬 트랜잭션은 행을 잠그거나(비관적) 커밋할 때 버전을 확인합니다(낙관적). 제3의 읽기 주체는 그사이 데이터를 읽으며, 일부만 적용된 데이터(서비스 간 더티 리드)나 뒤처진 데이터(읽기 모델의 오래된 읽기)를 볼 수 있습니다.',
  'tx.readers': '읽기 주체가 본 것',
  'tx.readersCaption':
    '데이터 지연은 일관된 읽기를 0으로 셉니다. 따라서 p99가 0이면 이상한 읽기가 1 % 미만이라는 뜻이고, 최대는 가장 나쁜 읽기입니다.',
  'tx.sagas': '사가',
  'tx.local': '로컬 트랜잭션',
  'tx.localCaption':
    '비관적 잠금은 트랜잭션을 기다리게 하고 (그동안 스레드도 붙잡습니다), 낙관적 검사는 실행을 허용하되 충돌하면 작업을 다시 합니다.',
  'policies.intro':
    '부하 ×는 호출당 시도 횟수입니다: 재시도가 피호출자의 부하를 몇 배로 늘리는지 보여 줍니다 (재시도 증폭).',
  'prop.damaged': '데이터 손상',
  'prop.damage':
    '이번 실행에서 {damaged} (워밍업 이후. 카운터에는 시각이 없으므로 장애 구간별이 아님): {what}.',
  'prop.damageItem': '{what} {n}건 ({where})',
  'prop.damageConsole': '데이터 손상 (워밍업 이후, 실행 전체): {what}',
  'prop.timeline': '장애가 퍼진 과정',
  'prop.timeline.variant': '장애가 퍼진 과정 · {variant}',

  'readers.none': '{who}: 읽기 {reads}번 중 이상 없음',
  'readers.some': '{who}: 읽기 {reads}번 중 {n}번 이상',
  'readers.first': '처음',
  'readers.worst': '최악',
  'card.consumer': '{id}: 읽기 모델 {target} 읽음',
  'card.consumer.cutoff': '{id}: 읽기 모델 {target} 읽음, 컷오프 {cutoff}',
  'card.saga': '{id}: 사가 {target} 읽음',
  'card.saga.cutoff': '{id}: 사가 {target} 읽음, 컷오프 {cutoff}',
  'card.clean': '읽기 {reads}번 모두 정상입니다 ({what} 없음).',
  'card.summary':
    '읽기 {reads}번 중 {n}번({rate})은 {what}입니다. 읽은 데이터 중 가장 오래된 것은 {age} 지난 것이었습니다.',
  'card.same':
    '첫 번째 이상이 가장 심한 이상이기도 했습니다. 이후의 어떤 읽기도 더 오래된 데이터를 보지 않았습니다.',
  'card.first': '첫 번째',
  'card.worst': '가장 심한 것 (가장 오래된 데이터)',
  'msg.examplesTitle': '종류별 예시 하나',
  'readers.sameWorst': '최악: 처음 것과 같음 (더 오래된 데이터를 읽은 적 없음)',

  'costs.run': '실행',
  'costs.console': '■ 비용 (측정 구간의 시간당, 시나리오의 가격 기준)',
  'costs.legend': '성공 100만 건당: 이 실행의 처리량으로 성공 요청 100만 건을 처리하는 비용',
  'items.twoPhase.intro':
    '참여자가 행 락을 얼마나 오래 쥐고 있었는지(락을 잡은 prepare부터 결정이 도착할 때까지), 그리고 코디네이터가 멈춘 동안 불확실 상태로 막힌 참여자가 몇인지 보여 줍니다. prepare한 참여자는 결정을 기다릴 수밖에 없습니다. 변형마다 첫 번째 반복 실행의 값입니다.',
  'items.pending.intro':
    '엔터티가 얼마나 오래 보류 상태였는지(생성 → 확정 또는 취소), 그리고 그것을 본 사용자가 무엇을 보았는지 보여 줍니다. 변형마다 첫 번째 반복 실행의 값입니다.',
  'items.replicated.intro':
    '여러 서비스에 복제된 데이터입니다. 서비스마다 자기 사본을 고치고 그 상태를 다른 사본에 보냅니다. 잃어버린 갱신은 동시에 일어난 다른 쓰기에 덮어써진 갱신입니다(최종 쓰기 우선; CRDT는 하나도 잃지 않음). 어긋난 읽기는 참값(어디서든 지금까지 일어난 모든 변경의 합)과 다른 값을 본 읽기입니다. 변형마다 첫 번째 반복 실행의 값입니다.',
  'items.eventStores.intro':
    '엔터티를 재구성하면 마지막 스냅샷 이후의 이벤트를 재생합니다. 스냅샷이 없으면 재생(과 데이터베이스에서 드는 시간)이 이력과 함께 늘고, 스냅샷이 있으면 일정한 한도 안에 머뭅니다. 변형마다 첫 번째 반복 실행의 값입니다.',
  'items.freezes.intro':
    '멈춘 프로세스(crash: freeze)도 수락 큐에 연결을 계속 받아 둡니다. 재개한 뒤에는 호출자가 아직 기다리든 말든 그 연결을 처리합니다. 낭비: 호출자가 이미 포기한 뒤에 처리함. 버림: 큐에 자리가 없어 끝내 응답하지 않음.',
  'items.runtimes.intro':
    '부하와 함께 늘거나 몰려서 오는 서비스 프로세스의 비용(runtime:)입니다. CPU 하나에서 메시지마다 드는 이벤트 루프의 비용, CPU 작업을 늦추는 시끄러운 이웃, 틱 단위로 반올림되어 늦게 울리는 타이머.',
  'items.bytes.intro':
    '측정 구간에 각 링크로 나른 바이트입니다. 보냄(요청, 호출, 이벤트)과 돌려받음(응답, 회신, 읽은 행)을 시나리오가 선언한 크기(payload:)와 키 공간에서 읽은 행으로 셉니다. 한 서비스 안의 호출은 서비스 사이로 아무것도 나르지 않습니다.',
  'bytes.totals': '전송 바이트 합계 (모든 링크, 양방향):',
  'bytes.total': '{variant}: 전송 {bytes}, 요청당 {perRequest}, 시간당 {gbPerHour} GB',
  'sweep.eyebrow': 'msasim 스윕',
  'sweep.title': '{name}: {params} 스윕',
  'sweep.points': '점 {n}개',
  'sweep.noVariants': '변형 없음',
  'sweep.replication': '반복 실행 {n}회 (시드 {seeds})',
  'sweep.replications': '반복 실행 {n}회 (시드 {seeds})',
  'sweep.intro':
    '모든 점에서 모든 변형을 같은 반복 실행 시드(공통 난수)로 실행합니다. 첫 번째 매개변수가 모든 차트의 x축입니다.',
  'sweep.utilisationOf': '{id} 사용률',
  'sweep.chartTitle': '{x}에 따른 {metric}',
  'sweep.subtitle.mean': '반복 실행 {n}회의 평균과 95 % 신뢰 구간',
  'sweep.subtitle.one': '점마다 반복 실행 1회',
  'sweep.cap.at': '{x}의 각 값에서 {metric}',
  'sweep.cap.colour': '{what}마다 색 하나',
  'sweep.cap.panel': '{what}의 값마다 패널 하나',
  'sweep.cap.line': '{paths}의 값마다 선 하나',
  'sweep.cap.band': '음영: 반복 실행에 걸친 95 % 신뢰 구간',

  'sens.title': '■ 포화 근처의 민감도',
  'sens.title.variant': '■ 포화 근처의 민감도 · {variant}',
  'sens.faster': '서비스 시간 −{step} %',
  'sens.slower': '서비스 시간 +{step} %',
  'sens.fasterPage': '서비스 시간 −{step} %',
  'sens.slowerPage': '서비스 시간 +{step} %',
  'sens.moves':
    'ρ {rho} ({component}): 서비스 시간을 ±{step} % 바꾸면 {endpoint} p99가 {faster}/{slower} 움직입니다. 이 수치는 불안정한 것으로 보세요.',
  'sens.moves.overloaded':
    'ρ {rho} ({component}, 과부하: 실행하는 동안 큐가 계속 자람): 서비스 시간을 ±{step} % 바꾸면 {endpoint} p99가 {faster}/{slower} 움직입니다. 이 수치는 불안정한 것으로 보세요.',
  'sens.none':
    'ρ {rho} ({component}): 서비스 시간을 ±{step} % 바꿔도 비교할 엔드포인트 p99가 없습니다.',
  'sens.none.overloaded':
    'ρ {rho} ({component}, 과부하: 실행하는 동안 큐가 계속 자람): 서비스 시간을 ±{step} % 바꿔도 비교할 엔드포인트 p99가 없습니다.',
  'sens.intro':
    '사용률 0.8 이상인 컴포넌트의 서비스 시간에 0.95와 1.05를 곱해 다시 실행한 결과입니다(같은 시드이므로 도착과 추첨이 같습니다). 포화 근처에서 대기는 1/(1 − ρ)처럼 늘어나므로, 측정한 서비스 시간의 몇 퍼센트 오차가 꼬리를 훨씬 크게 움직입니다.',

  'tr.intro':
    '트레이싱이 남긴 요청을 느린 순서로 보여 줍니다. 각 행은 부모 아래의 스팬 하나입니다: 요청, 방문(서비스/엔드포인트 #인스턴스), 스레드·데이터베이스 커넥션·행 락을 기다린 시간(점선: 일하지 않고 기다린 시간), 쿼리, cpu와 sleep 단계, 네트워크 홉(연한 회색: 보낸 곳 → 받는 곳), 2단계 커밋의 라운드와 락, 보류 상태로 둔 엔티티, 이벤트 저장소의 재생. 실패는 빨간색이고, 타임아웃·재시도·폴백은 표시로 나타냅니다. 마우스를 올리면 시간이 보입니다. 모든 스팬은 traces.otlp.json을 Jaeger나 Grafana Tempo에서 열어 보세요.',
  'tr.more': 'traces.otlp.json에 트레이스 {n}개가 더 있습니다.',
  'tr.caption':
    '{entry} 요청 {seq}{replication}: {duration}, {outcome}{cause}{key} — 남긴 이유: {why}{dropped}{cut}',
  'tr.caption.replication': ' (반복 실행 {n})',
  'tr.caption.key': ', 키 {key}',
  'tr.caption.dropped': ' (traces.otlp.json에 스팬 {n}개 더 있음)',
  'tr.caption.cut': ' — 스팬 {all}개 중 처음 {shown}개만 그림',
  'tr.svgTitle': '요청 {seq} ({entry}): {duration}, {outcome}',
  'tr.tip': '{label}: {start}부터 {duration}',
  'tr.event': '{name}: {detail}, {at} 시점',
  'tr.request': '요청 {name}',
  'tr.query': '쿼리 {name}',
  'tr.outcome.ok': '성공',
  'tr.outcome.failed': '실패',
  'tr.outcome.rejected': '거절',
  'tr.outcome.timedOut': '시간 초과',
  'tr.reason.slowest': '가장 느림',
  'tr.reason.failed': '실패',
  'tr.reason.sampled': '표본',
};
