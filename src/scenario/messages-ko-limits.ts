/**
 * The Korean texts of the problems of hostile or oversized input (nesting, aliases, keys
 * JavaScript reserves, periods of zero, recurrences, file sizes): as in messages-ko.ts, which
 * re-exports this file, one function per English function of the same name and arguments
 * (messages-limits.ts). Names, keys and values stay as written.
 */
import type { KoText } from './issues.ts';
import { showChain, showCount, showLongDuration } from './messages-values.ts';

export function tooDeep(max: number): KoText {
  return {
    message: `이곳의 맵과 목록이 ${max}단계보다 깊게 중첩되어 있습니다`,
    hint: '시나리오에는 20단계 정도면 충분합니다; 중첩을 펴세요 (parallel 안의 parallel은 parallel 하나입니다)',
  };
}

export function cyclicAlias(name: string): KoText {
  return {
    message: `별칭 *${name}이(가) 자신이 가리키는 값 안에 있어, 그 값이 자신을 끝없이 담게 됩니다`,
    hint: '별칭을 앵커가 붙은 값 밖으로 옮기세요',
  };
}

export function aliasExpansion(max: number): KoText {
  return {
    message: `이곳의 별칭들이 문서의 값을 ${showCount(max)}개보다 많이 되풀이합니다`,
    hint: '되풀이되는 부분을 직접 쓰거나, 더 작은 부분을 되풀이하세요',
  };
}

export function reservedKey(key: string): KoText {
  return {
    message: `쓸 수 없는 키 "${key}": JavaScript가 예약한 이름입니다`,
    hint: '이름을 바꾸거나 지우세요',
  };
}

export function collectionKey(): KoText {
  return {
    message: '키는 목록, 맵, 별칭(*이름)이 아니라 이름이어야 합니다',
    hint: '키를 일반 텍스트로 쓰세요',
  };
}

export function zeroPeriod(what: string, min: string): KoText {
  return {
    message: `${what} 값은 ${min} 이상이어야 합니다: 주기가 0이면 한 시각에서 끝없이 되풀이됩니다`,
    hint: `예: ${what.split('.').at(-1)}: 1s`,
  };
}

export function tooManyFaultWindows(windows: number, max: number): KoText {
  return {
    message: `장애가 실행 중에 ${showCount(windows)}번 되풀이됩니다; 최대 ${showCount(max)}번입니다`,
    hint: '`every`를 늘리거나 `times:`를 주세요',
  };
}

export function empiricalZeroWeights(): KoText {
  return {
    message: 'empirical 분포의 가중치 합은 0보다 커야 합니다',
    hint: '적어도 한 값에 양수 가중치를 주세요',
  };
}

export function tooManyValues(count: number, max: number): KoText {
  return {
    message: `파일에 줄과 목록 항목이 약 ${showCount(count)}개 있습니다; msasim은 최대 ${showCount(max)}개까지 읽습니다`,
    hint: '서비스 100,000개짜리 시나리오도 들어갑니다; 파일을 나누거나 더 작게 생성하세요',
  };
}

export function reservedName(name: string): KoText {
  return {
    message: `"${name}" 이름은 여기에 쓸 수 없습니다: JavaScript가 예약한 이름입니다`,
    hint: `이름을 바꾸세요 (예: ${name}-service); 변형의 set: 경로가 닿을 수 없습니다`,
  };
}

export function forbiddenPathSegment(path: string, segment: string): string {
  return `"${path}" 경로가 "${segment}"을(를) 지나갑니다: 시나리오의 키가 아니라 JavaScript가 예약한 이름입니다`;
}

export function badSetPath(key: string): string {
  return `"${key}"은(는) 시나리오 안의 경로가 아닙니다; 키를 점으로 잇고 목록 항목은 [n]으로 쓰세요 (예: services.orders.endpoints.get.steps[0].cpu)`;
}

/** Why a size has a limit, by the key that sets it (messages-limits.ts LIMIT_REASONS). */
const KO_LIMIT_REASONS: Record<string, string> = {
  users: '모든 사용자의 상태를 메모리에 둡니다; 사용자의 표본도 똑같이 행동합니다',
  instances: '인스턴스마다 자기 큐와 통계가 있습니다',
  min: '인스턴스마다 자기 큐와 통계가 있습니다',
  max: '인스턴스마다 자기 큐와 통계가 있습니다',
  size: '캐시는 모든 키 공간의 키에 32비트 범위 하나로 번호를 매깁니다; 치우친 접근에서는 테이블의 표본도 똑같이 행동합니다',
  keys: '키는 32비트 범위에서 번호가 매겨지거나, 요청마다 한 번에 뽑히거나, (복제 데이터에서는) 모든 사본의 메모리에 놓입니다',
  maxEntries: '그만큼 큰 캐시는 한도가 없는 캐시처럼 행동합니다',
  partitions: '파티션마다 자기 컨슈머 상태가 있습니다',
  count: '샤드마다 별도의 데이터베이스입니다',
  duration: '초 단위 통계를 실행 내내 보관합니다',
  replicated:
    '모든 복제 데이터의 모든 사본의 모든 키가 메모리에 놓입니다 (lww는 키 × 사본 × 5개, crdt는 × 2·사본 수만큼의 수)',
  reconcile:
    '조정할 때마다 모든 사본의 모든 키를 다른 모든 사본에서 병합합니다 (주기마다 키 × 사본 × (사본 − 1), 실행 전체); 조정 주기를 늘리세요',
};

export function overLimit(key: string, max: number, received: number, unit = ''): KoText {
  const reason = Object.hasOwn(KO_LIMIT_REASONS, key)
    ? KO_LIMIT_REASONS[key]
    : '실행이 메모리에 담거나 적당한 시간 안에 끝낼 수 없습니다';
  return {
    message: `${key}: 최대 ${showCount(max)}${unit}입니다 (받은 값 ${showCount(received)}${unit})`,
    hint: `msasim은 더 큰 값을 거부합니다: ${reason}`,
  };
}

export function callChainTooDeep(max: number, chain: readonly string[]): KoText {
  return {
    message: `호출 사슬이 엔드포인트 ${showCount(max)}개보다 깊습니다: ${showChain(chain)}`,
    hint: '실제 요청은 그렇게 많은 서비스를 거치지 않습니다; 사슬을 줄이세요',
  };
}

export function infiniteDuration(value: unknown): KoText {
  return {
    message: `시간 ${showLongDuration(value)}은(는) 너무 길어 계산할 수 없습니다`,
    hint: '30s, 5m, 2h 같은 시간을 쓰세요',
  };
}
