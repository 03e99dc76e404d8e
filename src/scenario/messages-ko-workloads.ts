/**
 * The Korean texts of the workloads' problems (how requests arrive, where they go, a mix's
 * weights, a schedule's order), re-exported by messages-ko.ts (its header says how the Korean
 * texts work).
 */
import { printable } from './identifiers.ts';
import type { KoText } from './issues.ts';
import { showDuration, showPlain } from './messages-values.ts';

export function workloadArrival(found: 'none' | 'both', keys: readonly string[] = []): KoText {
  const hint =
    '개방형(open): 응답 시간과 상관없이 요청이 일정 비율로 도착합니다; 폐쇄형(closed): 정해진 수의 사용자가 응답을 기다린 뒤 생각 시간을 갖습니다';
  if (found === 'none')
    return {
      message:
        '워크로드에는 rate:(개방형), users:(폐쇄형), replay:(로그의 도착 기록) 또는 rateProfile:(파일의 비율) 중 하나가 필요합니다',
      hint: `${hint}; replay:와 rateProfile:은 시나리오 옆의 CSV 파일을 읽습니다`,
    };
  const fromFile = keys.some((k) => k === 'replay' || k === 'rateProfile');
  return {
    message: fromFile
      ? `워크로드에는 rate:, users:, replay:, rateProfile: 중 하나만 둡니다. 지금은 ${keys.map((k) => `${k}:`).join(', ')} 모두 있습니다`
      : '워크로드에는 rate:(개방형)와 users:(폐쇄형) 중 하나만 둡니다',
    hint: fromFile
      ? 'replay:는 로그의 도착을 그대로 보내고, rateProfile:은 개방형 워크로드의 비율을 파일에서 가져옵니다; rate:와 users:는 식입니다'
      : hint,
  };
}

export function workloadTarget(found: 'none' | 'both'): KoText {
  return {
    message:
      found === 'none'
        ? '워크로드에는 target:(엔드포인트 하나) 또는 mix:(가중치가 있는 엔드포인트들)가 필요합니다'
        : '워크로드에는 target:과 mix: 중 하나만 둡니다',
    hint: '예: target: orders/get, 또는 mix: { orders/get: 9, orders/create: 1 }',
  };
}

export function workloadSendsNothing(id: string, rate: unknown): KoText {
  return {
    message: `워크로드 ${printable(id)}: 도착률이 ${showPlain(rate)}이고 schedule도 변형도 이를 올리지 않아 요청을 하나도 보내지 않습니다`,
    hint: '0보다 큰 도착률(rate: 100/s)이나 이를 올리는 schedule을 주거나, 워크로드를 지우세요',
  };
}

export function mixWeights(): KoText {
  return {
    message: 'mix의 가중치 합은 0보다 커야 합니다',
    hint: '적어도 한 엔드포인트에 양수 가중치를 주세요',
  };
}

export function scheduleOrder(at: number | string, previous: number | string): KoText {
  return {
    message: `schedule의 시각은 점점 늘어나야 합니다: at: ${showDuration(at)} 항목이 at: ${showDuration(previous)} 항목 뒤에 있습니다`,
    hint: 'schedule 항목을 at: 순서로 정렬하세요',
  };
}
