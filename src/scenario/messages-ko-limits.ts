/**
 * The Korean texts of the problems of hostile or oversized input (nesting, aliases, keys
 * JavaScript reserves, periods of zero, recurrences, file sizes): as in messages-ko.ts, which
 * re-exports this file, one function per English function of the same name and arguments
 * (messages-limits.ts). Names, keys and values stay as written.
 */
import type { KoText } from './issues.ts';
import { showCount } from './messages-values.ts';

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
    message: '키는 목록이나 맵이 아니라 이름이어야 합니다',
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
