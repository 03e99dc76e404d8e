/**
 * 복제 데이터(`replicated:`, `updateCopy`·`readCopy` 단계)의 문제를 알리는 한국어 문구:
 * messages-replicated.ts의 같은 이름 함수와 짝을 이룹니다(messages-ko.ts가 다시 내보냄).
 */
import type { KoText } from './issues.ts';
import { listNames } from './messages-values.ts';

export function notACopy(data: string, service: string, copies: readonly string[]): KoText {
  return {
    message: `서비스 "${service}"에는 복제 데이터 "${data}"의 사본이 없습니다. 사본을 가진 서비스: ${listNames(copies)}`,
    hint: `replicated.${data}.copies에 "${service}"을(를) 추가하거나, 사본을 가진 서비스를 호출하세요`,
  };
}

export function duplicateCopy(data: string, service: string): KoText {
  return {
    message: `서비스 "${service}"이(가) "${data}"의 사본 목록에 두 번 나옵니다. 서비스 하나는 사본 하나를 가집니다`,
    hint: '반복된 이름을 지우세요',
  };
}

export function reconcileTooOften(data: string, min: string, got: string): KoText {
  return {
    message: `replicated.${data}.reconcile 값은 ${min} 이상이어야 합니다 (받은 값 ${got}): 조정할 때마다 모든 사본의 모든 키를 다른 모든 사본에 보냅니다`,
    hint: '예: reconcile: 10s',
  };
}
