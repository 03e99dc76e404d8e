/**
 * The Korean texts of the problems of a scenario's faults: as in messages-ko.ts, which
 * re-exports this file, one function per English function of the same name and arguments
 * (messages-faults.ts). Names, keys and durations stay as written.
 */
import type { KoText } from './issues.ts';
import { showPlain } from './messages-values.ts';

export function faultTwoTargets(name: string): KoText {
  return {
    message: `장애 "${name}"에 target과 link가 모두 있습니다; 장애는 둘 중 하나만 칩니다`,
    hint: '장애 두 개로 나누세요',
  };
}

export function faultWithoutTarget(name: string, kind: string): KoText {
  return {
    message: `장애 "${name}"에 대상이 없습니다`,
    hint:
      kind === 'partition'
        ? 'partition은 링크를 칩니다: `link: { from: a, to: b }`를 추가하세요'
        : '`target: <component>`(서비스, 데이터베이스, 캐시)나 `link: { from: a, to: b }`를 추가하세요',
  };
}

export function faultInstances(component: string, count: number): KoText {
  return {
    message: `"${component}"의 인스턴스는 ${count}개인데 장애가 그보다 많이 지정합니다`,
    hint: `개수는 1에서 ${count}까지, 인스턴스 번호는 0에서 ${count - 1}까지로 주세요`,
  };
}

export function faultNeedsLink(name: string): KoText {
  return {
    message: `장애 "${name}"은(는) partition이므로 구성 요소가 아니라 링크를 끊습니다`,
    hint: '`target:` 대신 `link: { from: caller, to: callee }`를 쓰세요; 구성 요소를 멈추려면 kind: crash를 쓰세요',
  };
}

export function faultNeedsComponent(name: string, kind: string): KoText {
  return {
    message: `장애 "${name}"(${kind})은(는) 링크가 아니라 구성 요소를 칩니다`,
    hint: '`link:` 대신 `target: <component>`를 쓰세요; 링크에는 kind: partition, latency, error-rate를 씁니다',
  };
}

export function directionWithoutLink(name: string): KoText {
  return {
    message: `장애 "${name}"에 \`direction\`이 있지만, 이것은 \`link:\`에만 쓸 수 있습니다`,
    hint: '`direction`을 지우거나, 링크를 치세요: `link: { from: a, to: b }, direction: both`',
  };
}

export function faultInstancesOnLink(): KoText {
  return {
    message: '`instances`는 대상 구성 요소의 인스턴스를 고릅니다; 링크에는 인스턴스가 없습니다',
    hint: '`instances`를 지우거나, `target:`으로 구성 요소를 치세요',
  };
}

export function latencyFaultWithoutDelay(name: string): KoText {
  return {
    message: `latency 장애 "${name}"은(는) 아무것도 더하거나 곱하지 않습니다`,
    hint: '`add: 50ms`(시간이나 분포), `factor: 3`, 또는 둘 다 주세요',
  };
}

export function faultNeverStrikes(at: unknown, duration: unknown): KoText {
  return {
    message: `장애가 ${showPlain(at)}에 시작하는데 실행은 그 전에 끝납니다(${showPlain(duration)}): 장애가 일어나지 않습니다`,
    hint: '더 일찍 시작하거나 실행을 늘리세요',
  };
}

export function faultOnlyInWarmup(at: unknown, length: unknown, warmup: unknown): KoText {
  return {
    message: `장애가 ${showPlain(at)}부터 ${showPlain(length)} 동안 일어나는데, 모두 집계하지 않는 워밍업(${showPlain(warmup)}) 안입니다: 아무것도 측정되지 않습니다`,
    hint: '워밍업 뒤에 시작하거나 워밍업을 줄이세요',
  };
}

export function recurringFaultWithoutLength(): KoText {
  return {
    message: '반복되는 장애에는 `for`(한 번에 얼마나 지속되는지)가 필요합니다',
    hint: '예: `at: 30s`, `for: 10s`, `every: 60s`',
  };
}

export function faultWindowsOverlap(length: unknown, every: unknown): KoText {
  return {
    message: `한 번에 ${showPlain(length)} 지속되는데 ${showPlain(every)}마다 시작하므로 서로 겹칩니다`,
    hint: '`for`를 `every`보다 짧게 하세요 (또는 긴 장애 하나라면 `every`를 지우세요)',
  };
}

export function faultTimesWithoutEvery(): KoText {
  return {
    message: '`times`는 반복 횟수인데 장애에 `every`가 없습니다',
    hint: '`every: <period>`를 추가하거나 `times`를 지우세요',
  };
}
