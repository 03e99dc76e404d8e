/**
 * The Korean glossary of the item sections (two-phase commits, pending states, event stores,
 * frozen instances, runtime effects) and of their charts: their console titles, the column
 * headers of their console and page tables, their legend lines, and the titles, subtitles and
 * axis titles of their charts — English words → Korean words, merged into KO_TERMS
 * (ko-terms.ts). Legend lines read as the other legends do (noun-ending phrases); terms follow
 * docs/workshop.ko.md: 락, 불확실 상태, 보류 상태, 재생, 스냅샷, 멈춘 인스턴스.
 */
export const KO_SECTION_TERMS: Readonly<Record<string, string>> = {
  // the instances chart (html/component-charts.ts), the local transactions chart
  // (features/transactions/), the load chart's log axis, the time series' tooltips
  'Instances over time': '시간에 따른 인스턴스 수',
  'Local transactions: outcomes, waits and conflicts': '로컬 트랜잭션: 결과, 대기, 충돌',
  'committed and failed; lock waits and timeouts (pessimistic), version conflicts, retries and compensations (optimistic); times in ms; after the warm-up':
    '커밋과 실패, 락 대기와 시간 초과(비관적), 버전 충돌, 재시도와 보상(낙관적). 시간은 ms. 워밍업 이후',
  'load (arrivals/s, log scale)': '부하 (도착/s, 로그 눈금)',
  second: '초',
  // two-phase commits (features/two-phase/)
  'two-phase commits': '2단계 커밋',
  aborted: '중단',
  votedNo: '반대 투표',
  inDoubt: '불확실',
  blocked: '막힘',
  'msg/tx': '메시지/트랜잭션',
  'hold ms mean/p99/max': '보유 ms 평균/p99/최대',
  'blocked ms max': '막힘 ms 최대',
  'commit ms mean/p99': '커밋 ms 평균/p99',
  'inDoubt: transactions whose coordinator crashed before deciding (aborted when it came back)':
    '불확실: 결정하기 전에 코디네이터가 죽은 트랜잭션 (코디네이터가 돌아온 뒤 중단됨)',
  'blocked: participant locks held in doubt meanwhile':
    '막힘: 그동안 불확실 상태로 보유된 참여자의 락',
  'hold: a participant row lock, from prepare to the decision reaching it':
    '보유: 참여자의 행 락, prepare부터 결정이 그 참여자에 도착할 때까지',
  'msg/tx: prepares, votes, decisions and acknowledgements per transaction decided':
    '메시지/트랜잭션: 결정된 트랜잭션당 prepare, 투표, 결정, 확인 응답',
  'Lock hold time': '락 보유 시간',
  'a participant row lock, from lock to release, after the warm-up; further left is shorter':
    '참여자의 행 락, 잠금부터 해제까지, 워밍업 이후. 왼쪽일수록 짧음',
  'lock held': '락 보유',
  'Participants blocked in doubt': '불확실 상태로 막힌 참여자',
  'prepared participants holding their row lock while their coordinator is down, exact, over the whole run; grey: the warm-up; red: faults':
    '코디네이터가 멈춘 동안 행 락을 쥐고 있는 prepare된 참여자, 정확한 값, 실행 전체. 회색: 워밍업, 빨간색: 장애',
  'the line stops where the level changes past the first 4,000 were left out':
    '처음 4,000번 이후의 수준 변화는 빠졌으므로 선이 그곳에서 끊김',
  // replicated data (features/replicated/)
  'replicated data': '복제 데이터',
  data: '데이터',
  merge: '병합',
  copies: '사본',
  updates: '갱신',
  'lost share': '유실 비율',
  syncs: '동기화',
  retried: '재전송',
  repaired: '복구',
  unsynced: '불일치',
  'copy down': '사본 중단',
  diverged: '어긋남',
  'mean |diff|': '평균 |차이|',
  'merge: – for a single copy (nothing to merge)': '병합: 사본이 하나면 – (병합할 것이 없음)',
  'lost: updates the final state of their key does not include (overwritten by a concurrent write)':
    '유실: 키의 최종 상태에 들어 있지 않은 갱신(동시에 일어난 다른 쓰기에 덮어써짐)',
  'held: copy states a partition of their link held until it healed':
    '붙잡힘: 링크가 분할된 동안 붙잡혀 있다가 복구된 뒤 다시 보낸 사본 상태',
  'retried: sendings of copy states an error-rate fault on their link failed, each sent again (a state can fail many times)':
    '재전송: 링크의 오류율 장애로 실패해 다시 보낸 사본 상태의 전송 횟수(한 상태가 여러 번 실패할 수 있음)',
  'dropped: copy states a partition or an error-rate fault of their link lost (lossy delivery)':
    '버림: 링크의 분할이나 오류율 장애로 잃어버린 사본 상태(유실되는 전달)',
  'repaired: keys a reconciliation changed on the copy it reached':
    '복구: 조정이 도착한 사본에서 바꾼 키',
  'unsynced: keys on which some copy still differed at the end from the state the copies converge to (the messages on their way counted as arrived)':
    '불일치: 실행이 끝날 때 어떤 사본이 사본들이 수렴할 상태와 여전히 달랐던 키(전송 중인 메시지는 도착한 것으로 셈)',
  'copy down: copy states that reached a copy whose service had no instance up, held until one was (durable delivery, or a freeze) or dropped (also counted there)':
    '사본 중단: 서비스의 인스턴스가 하나도 살아 있지 않은 사본에 도착한 사본 상태. 인스턴스가 살아날 때까지 붙잡히거나(내구성 있는 전달, 또는 멈춤) 버려짐(붙잡힘이나 버림에도 셈)',
  'diverged: share of reads whose value differed from the truth (every change made anywhere so far)':
    '어긋남: 값이 참값(어디서든 지금까지 일어난 모든 변경의 합)과 달랐던 읽기의 비율',
  'Reads that diverged over time': '시간에 따른 어긋난 읽기',
  'share of the reads of each second that saw a value other than the truth; grey: the warm-up; red: faults':
    '초마다 읽기 가운데 참값과 다른 값을 본 비율. 회색: 워밍업, 빨간색: 장애',
  'share of the reads of each second that saw a value other than the truth; grey: the warm-up':
    '초마다 읽기 가운데 참값과 다른 값을 본 비율. 회색: 워밍업',
  'mean |diff|: mean distance of a read value from the truth, over every read':
    '평균 |차이|: 읽은 값과 참값의 거리, 모든 읽기의 평균',
  // pending states (features/pending/)
  'pending states': '보류 상태',
  state: '상태',
  created: '생성',
  confirmed: '확정',
  timedOut: '타임아웃',
  'saw pending': '보류를 봄',
  'saw cancelled': '취소를 봄',
  'pending ms mean/p99/max': '보류 ms 평균/p99/최대',
  'timedOut: cancelled because the confirmation did not come in time':
    '타임아웃: 확정이 제때 오지 않아 취소됨',
  'saw pending: share of reads that found the entity still pending':
    '보류를 봄: 엔터티가 아직 보류 상태였던 읽기의 비율',
  'pending: created to confirmed or cancelled': '보류: 생성부터 확정 또는 취소까지',
  'Time pending': '보류 시간',
  'time pending': '보류 시간',
  'created → confirmed or cancelled, after the warm-up; further left is shorter':
    '생성 → 확정 또는 취소, 워밍업 이후. 왼쪽일수록 짧음',
  'What the reads saw': '읽기가 본 것',
  'share of user reads of an entity that saw it pending, or cancelled, after the warm-up':
    '엔터티를 읽은 사용자 읽기 중 보류 또는 취소 상태를 본 비율, 워밍업 이후',
  '% of reads': '읽기의 %',
  'saw it pending': '보류 상태를 봄',
  'saw it cancelled': '취소 상태를 봄',
  // event stores (features/event-stores/)
  'event stores': '이벤트 저장소',
  'snapshot every': '스냅샷 주기',
  appends: '추가',
  snapshots: '스냅샷',
  'replay rows mean/max': '재생 행 평균/최대',
  'events stored': '저장된 이벤트',
  'recovery rows': '복구 행',
  'counts after the warm-up; events stored and recovery rows at the end of the run':
    '개수는 워밍업 이후, 저장된 이벤트와 복구 행은 실행이 끝날 때의 값',
  'replay rows: rows each rebuild (command or read) replayed, a snapshot counting one':
    '재생 행: 재구성(명령 또는 읽기)마다 재생한 행, 스냅샷은 하나로 셈',
  'recovery rows: what rebuilding every entity would replay (a projection lost in a crash)':
    '복구 행: 모든 엔터티를 재구성하면 재생할 행 (장애로 잃은 프로젝션)',
  'Replay length as history grows': '이력이 늘 때의 재생 길이',
  "rows a rebuild replays (a snapshot counts as one), mean per bucket of the entity's events stored, after the warm-up":
    '재구성이 재생하는 행 (스냅샷은 하나로 셈), 엔터티에 저장된 이벤트 수의 구간별 평균, 워밍업 이후',
  'its time at the database: the query time + a row time per row; snapshots keep it bounded':
    '데이터베이스에서 드는 시간: 쿼리 시간 + 행마다 행 시간. 스냅샷이 이를 제한함',
  'rows replayed per rebuild (mean)': '재구성당 재생한 행 (평균)',
  'events stored from': '저장된 이벤트 (부터)',
  'The effect of snapshots': '스냅샷의 효과',
  'rows replayed per rebuild, mean and most, after the warm-up':
    '재구성당 재생한 행, 평균과 최대, 워밍업 이후',
  'rows replayed': '재생한 행',
  'replayed, mean': '재생, 평균',
  'replayed, most': '재생, 최대',
  // frozen instances (features/freezes/)
  'frozen instances': '멈춘 인스턴스',
  instance: '인스턴스',
  'accept queue': '수락 큐',
  freezes: '멈춤',
  dropped: '버림',
  served: '처리',
  wasted: '낭비',
  held: '붙잡힘',
  'longest queue': '최장 큐',
  'counts after the warm-up; accept queue: connections kept while frozen (`backlog`)':
    '개수는 워밍업 이후, 수락 큐: 멈춘 동안 붙잡아 둔 연결 (`backlog`)',
  'accepted: kept in the queue; dropped: no room, never answered (callers wait for their timeout)':
    '수락: 큐에 들어감, 버림: 자리가 없어 끝내 응답 없음 (호출자는 자기 타임아웃까지 기다림)',
  'served: let in at the resume; wasted: of those, callers that had already given up':
    '처리: 재개할 때 들여보냄, 낭비: 그중 호출자가 이미 포기한 것',
  'held: visits whose end and answer waited for the resume':
    '붙잡힘: 끝과 응답이 재개를 기다린 방문',
  // runtime effects (features/runtimes/)
  'runtime effects': '런타임 효과',
  'ms/message': 'ms/메시지',
  'noisy episodes': '시끄러운 이웃 구간',
  'time noisy': '시끄러운 시간',
  sleeps: '슬립',
  'timer shift ms': '타이머 어긋남 ms',
  'counts after the warm-up; off: the effect is not asked for':
    '개수는 워밍업 이후, 꺼짐: 요청하지 않은 효과',
  'messages: requests and answers charged on the event loop (one CPU per instance)':
    '메시지: 이벤트 루프에 비용이 매겨진 요청과 응답 (인스턴스당 CPU 하나)',
  'time noisy: share of instance-time a noisy neighbour slowed the CPU work':
    '시끄러운 시간: 시끄러운 이웃(noisy neighbour)이 CPU 작업을 늦춘 인스턴스 시간의 비율',
  'timer shift: mean (fired − asked) of a sleep; negative: early (rounded down to the tick)':
    '타이머 어긋남: 슬립의 (실제 − 요청) 평균, 음수: 일찍 (틱으로 내림)',
  // sensitivity near saturation (features/sensitivity/)
  figure: '수치',
  of: '대상',
  'as run': '실행값',
  // the charts every page has, and the sagas' and fault propagation's
  'one replication: no confidence intervals (run with --replications 5 to get them)':
    '반복 실행 1회: 신뢰 구간 없음 (--replications 5로 실행하면 나옴)',
  'load (arrivals/s)': '부하 (도착/s)',
  'from (s)': '시작 (s)',
  'degraded at (s)': '저하 시각 (s)',
  'bars: when each endpoint or component was worse than its own pre-fault baseline':
    '막대: 각 엔드포인트나 컴포넌트가 장애 전 자신의 기준보다 나빴던 때',
  'How the sagas ended': '사가가 끝난 방식',
  'completed, compensated (every action done was undone) or inconsistent (an operator alert); after the warm-up':
    '완료, 보상됨 (수행한 모든 작업을 되돌림) 또는 불일치 (운영자 경보), 워밍업 이후',
  outcome: '결과',
  // sweep.html (report/sweep-page.ts, report/sweep-charts.ts)
  'What was swept': '스윕한 값',
  Grid: '격자',
  'Every point': '모든 점',
  Table: '표',
  'p50 latency': 'p50 지연 시간',
  'p99 latency': 'p99 지연 시간',
  replications: '반복 실행 수',
  'messages applied twice': '두 번 적용된 메시지',
  'sagas left inconsistent': '불일치로 남은 사가',
  // messaging's and the readers' charts (features/messaging/, features/transactions/)
  'What became of the messages': '메시지가 어떻게 되었나',
  'messages applied once, lost or dead-lettered; duplicate deliveries applied again or skipped; after the warm-up':
    '한 번 적용되거나, 유실되거나, 데드 레터로 간 메시지. 중복 전달은 다시 적용되거나 건너뜀. 워밍업 이후',
  'Consumer lag over time': '시간에 따른 컨슈머 지연',
  'messages appended and not yet committed, at the end of each second; grey: the warm-up; red: faults':
    '추가되었지만 아직 커밋되지 않은 메시지, 각 초의 끝 기준. 회색: 워밍업, 빨간색: 장애',
  'consumer group': '컨슈머 그룹',
  'at second': '시각 (초)',
  'What the readers saw': '읽기 주체가 본 것',
  'share of reads that saw data partly applied (saga) or an update still pending (read model); how old that data was, in ms':
    '일부만 적용된 데이터(사가)나 아직 적용되지 않은 갱신(읽기 모델)을 본 읽기의 비율과 그 데이터의 나이 (ms)',
  // the readers' cards (features/transactions/)
  'dirty reads': '더티 리드',
};

/**
 * Words that stand in a table cell for a figure the item does not have (runtime effects' "off":
 * the effect is not asked for; event stores' "never": no snapshots): their Korean, put in by
 * t.ts `cellWord`. Only these whole cells: any other cell is a figure or a name.
 */
export const KO_CELL_WORDS: Readonly<Record<string, string>> = {
  off: '꺼짐',
  never: '없음',
};

/**
 * A title pattern: over the whole English title, the Korean title made from its captured parts
 * (each translated as a term first, but for the parts at the indices of `names`: a name the
 * user wrote, kept as written even when it is a glossary term, such as a service called "lost").
 */
export type TermPattern = [
  pattern: RegExp,
  words: (...parts: string[]) => string,
  names?: readonly number[],
];

/** Title patterns of these sections and of every page's charts (see KO_TERM_PATTERNS). */
export const KO_SECTION_PATTERNS: readonly TermPattern[] = [
  [/^(.+) \(ms, log scale\)$/, (x) => `${x} (ms, 로그 눈금)`],
  [/^(.+) \(ms\)$/, (x) => `${x} (ms)`],
  [/^(.+) \(%\)$/, (x) => `${x} (%)`],
  [/^(.+) \(per s\)$/, (x) => `${x} (초당)`],
  [
    /^each point is the mean of (\d+) simulated seconds$/,
    (n) => `각 점은 시뮬레이션 시간 ${n}초의 평균`,
  ],
  [
    /^instances serving at the end of each second(?:; (one dash per component)|: (.+)); grey: the warm-up$/,
    (dash, id) =>
      `초마다 그 끝에 서비스 중인 인스턴스 수${dash ? '. 컴포넌트마다 점선 하나' : `: ${id}`}. 회색: 워밍업`,
    [1], // the component's id: the user's
  ],
];
