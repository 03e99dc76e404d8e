/**
 * The Korean words of the tools around the report, key for key as en-tools.ts (ko.ts spreads
 * them in). Terms as docs/workshop.ko.md names them: 챌린지, 과제 설명, 목표, 바꿔도 되는 경로,
 * 예산, 힌트, 시도 파일, 점수, 통과/실패. No particle follows a placeholder.
 */
import type { EN_TOOLS } from './en-tools.ts';

export const KO_TOOLS: Record<keyof typeof EN_TOOLS, string> = {
  'ch.brief.head': '챌린지 {name} (실험 {experiment}): {title}',
  'ch.brief.goal': '목표 — 시도 파일의 모든 변형에서 아래 기준을 모두 만족해야 합니다:',
  'ch.brief.allEndpoints': '모든 엔드포인트',
  'ch.brief.change': '바꿔도 되는 경로 (이 경로 아래의 것만 바꿀 수 있습니다):',
  'ch.brief.budget': '예산 (변형 가운데 가장 큰 값으로 판정합니다):',
  'ch.brief.atMost.instances': '서비스 인스턴스 합계 {n}개 이하',
  'ch.brief.atMost.threads': '스레드 합계 {n}개 이하 (인스턴스 × 스레드)',
  'ch.brief.atMost.connections': '데이터베이스 커넥션 합계 {n}개 이하',
  'ch.brief.atMost.costPerHour': '시간당 비용 {n} 이하 (costs:의 가격 기준)',
  'ch.brief.replications': '반복 실행 {n}회로 판정합니다.',
  'ch.brief.predict': '먼저 예측하세요 (답을 적어 두세요. 채점할 때 실행 결과로 답을 보여 줍니다):',
  'ch.brief.hints': '힌트:',
  'ch.start': '시작 시도 파일: {out}. 이 파일을 고친 다음 실행하세요:',
  'ch.start.unchanged': '{out} 파일이 이미 있고 바뀌지 않았습니다',
  'ch.start.kept': '{out} 파일이 이미 있고 고쳐져 있습니다: 여러분의 시도이므로 그대로 둡니다',
  'ch.attempt.change': '바꿔도 되는 경로: {paths}',
  'ch.attempt.check': '채점: {command} {file}',
  'ch.attempt.thisFile': '이 파일',
  'ch.list.name': '챌린지',
  'ch.list.exp': '실험',
  'ch.list.title': '제목',
  'ch.list.start': '시작하려면: {command} (과제 설명을 출력하고 시도 파일을 만듭니다)',
  'ch.v.head': '챌린지 {name}: {title}',
  'ch.v.constraintsOk': '✓ 제약: 허용된 경로만 바뀌었습니다',
  'ch.v.constraintsBroken': '✗ 제약: 허용된 경로 밖의 변경 {n}건',
  'ch.v.more': '… 외 {n}건',
  'ch.v.budgetOk': '✓ 예산',
  'ch.v.budgetBroken': '✗ 예산',
  'ch.v.budgetUnknown': '? {measure}: 알 수 없음 (시도를 실행하지 않았습니다), 한도 {limit}',
  'ch.v.budgetUsed': '{mark} {measure}: {used} / 한도 {limit}{variant}',
  'ch.measure.instances': '인스턴스',
  'ch.measure.threads': '스레드',
  'ch.measure.connections': '커넥션',
  'ch.measure.costPerHour': '시간당 비용',
  'ch.v.notRun': '· 목표: 실행하지 않았습니다 (먼저 제약을 지키세요)',
  'ch.v.goal': '{mark} 목표: 기준 {all}개 중 {met}개 만족',
  'ch.v.answers': '답 (이번 실행 결과):',
  'ch.v.notMeasuredHere': '{name} (이 시도에서는 측정되지 않음)',
  'ch.v.pass': '점수 {score}/100 — 통과',
  'ch.v.fail': '점수 {score}/100 — 실패',
  'ch.v.hintsNext': '막혔나요? 과제 설명과 힌트: {command}',
  'list.unreadable': '(읽을 수 없음)',
  'list.runOne': '하나를 실행하려면: {command}',
  'cal.head': '{from}에서 읽은 시간 {n}개{skipped}',
  'cal.skipped': ' (빈 칸 {n}개는 건너뜀)',
  'cal.stats': '평균 {mean} · 표준편차 {sd} · 최소 {min} · p50 {p50} · p99 {p99} · 최대 {max}',
  'cal.constant': '모든 시간이 {d}입니다: 상수로 쓰세요 (cpu: {d})',
  'cal.col.family': '분포',
  'cal.col.snippet': '시나리오에 쓸 분포',
  'cal.zeros':
    '0인 시간이 있습니다: 로그정규, 감마/얼랑, 파레토 분포는 양수만 받으므로 맞추지 않았습니다.',
  'cal.few':
    '시간이 {n}개뿐입니다: {min}개보다 적으면 순위가 불안정합니다 (가장 작은 값과 가장 큰 값 사이의 균등 분포가 구조상 유리합니다). A²와 KS D도 함께 보거나, 더 측정하세요.',
  'cal.best': '가장 잘 맞는 분포: {snippet}',
  'cal.method':
    '최대 가능도로 맞추고 BIC로 순위를 매겼습니다 (낮을수록 좋음). KS D와 A²(앤더슨–달링)는 데이터와의\n차이를 잽니다 (낮을수록 좋음. A²는 꼬리에 무게를 둡니다). 분포를 단계의 시간으로 붙여 넣으세요.\n예: `cpu: {placeholder}` 또는 `sleep: {placeholder}`.',
  'cal.placeholder': '분포',
  'spof.head':
    'spof {name}{variant}: 각 컴포넌트를 {from}초부터 {to}초까지 중단시켰습니다 ({mode}), 시드 {seed}',
  'spof.variant': ' · 변형 {variant}',
  'spof.col.down': '다운',
  'spof.noFault': '(장애 없음)',
  'spof.cells':
    '칸: 장애 동안의 가용성 / 1초 구간별 p99 중 최악값 · 다운: 가용성이 99 % 아래로 떨어진 진입 엔드포인트 수',
  'spof.noneDown': '어떤 단일 장애도 엔드포인트의 가용성을 99 % 아래로 떨어뜨리지 않습니다',
  'spof.worst':
    '피해가 가장 큰 컴포넌트: {components} — 엔드포인트 {all}개 중 {n}개의 가용성이 99 % 아래로 떨어집니다',
  'spof.ownFault.one':
    '(시나리오 자체의 장애 1개는 제외했습니다. 실행마다 그 행의 장애 하나만 있습니다)',
  'spof.ownFault.many':
    '(시나리오 자체의 장애 {n}개는 제외했습니다. 실행마다 그 행의 장애 하나만 있습니다)',
  'spof.nothing':
    'spof {name}: 장애를 낼 공유 컴포넌트가 없습니다 (데이터베이스, 캐시, 호출자가 둘 이상인 서비스가 없음). {hint}',
  'spof.hint.cli': '--all 옵션을 써 보세요',
  'spof.hint.web': '"all components"를 선택해 보세요',
  'spof.ran':
    '실행 {runs}회 (기준 실행 + 장애 {failures}회), 벽시계 {seconds}초. {out}에 {files} 파일을 썼습니다',
  'spof.pageTitle': '{name}: 단일 장애점',
};
