/**
 * The Korean texts of the runaway guards (`--lang ko`): why a guard stopped a run and what to
 * do, one function per English function of the same name and arguments in messages-limits.ts
 * (which attaches the result as its GuardText's `ko`; messages-ko.ts re-exports this file).
 * Option names, component names, numbers and units stay as written.
 */
import { showBytes, showCount, showWall } from './messages-values.ts';

/** Why a runaway guard stopped a run, and what to do, in Korean. */
export interface KoGuardText {
  reason: string;
  advice: string;
}

/** `시뮬레이션 시각 1.234 s에`. */
function atTime(nowMs: number): string {
  return `시뮬레이션 시각 ${(nowMs / 1000).toFixed(3)} s에`;
}

export function eventBudgetExceeded(
  maxEvents: number,
  nowMs: number,
  durationMs: number,
): KoGuardText {
  return {
    reason: `${durationMs / 1000} s 가운데 ${atTime(nowMs)} 이벤트 예산 ${maxEvents}개를 넘었습니다`,
    advice: '시뮬레이션 시간을 줄이거나, 부하를 낮추거나, --max-events를 늘리세요',
  };
}

export function wallBudgetExceeded(
  budget: 'command' | 'run',
  budgetMs: number,
  nowMs: number,
): KoGuardText {
  return budget === 'command'
    ? {
        reason: `${atTime(nowMs)} 명령의 벽시계 시간 예산 ${showWall(budgetMs)}(--max-wall, 모든 실행의 합계)을 넘었습니다`,
        advice:
          '시뮬레이션 시간을 줄이거나, 부하를 낮추거나, 복제나 포인트를 줄이거나, --max-wall을 늘리세요',
      }
    : {
        reason: `${atTime(nowMs)} 실행 하나의 벽시계 시간 예산 ${showWall(budgetMs)}(--max-run-wall)을 넘었습니다`,
        advice: '시뮬레이션 시간을 줄이거나, 부하를 낮추거나, --max-run-wall을 늘리세요',
      };
}

/** `what`: the run about to start, in Korean ("\"shop\" 실행"). */
export function wallBudgetSpent(budgetMs: number, what: string): KoGuardText {
  return {
    reason: `명령의 벽시계 시간 예산 ${showWall(budgetMs)}(--max-wall)을 ${what} 전에 다 썼습니다`,
    advice: '--max-wall을 늘리거나, 복제, 변형, 포인트를 줄이세요',
  };
}

export function stuckAtOneInstant(events: number, nowMs: number): KoGuardText {
  return {
    reason: `시뮬레이션 시간이 멈췄습니다: ${atTime(nowMs)} 시계가 나아가지 않은 채 이벤트 ${showCount(events)}개가 일어났습니다`,
    advice:
      '무언가가 0초 동안 되풀이됩니다: 생각 시간이 없는 닫힌 워크로드가 시간이 들지 않는 엔드포인트를 부르거나, 주기가 0인 타이머입니다. 작업이나 생각 시간에 시간을 주세요',
  };
}

export function queueTooLong(
  kind: string,
  id: string,
  waiting: number,
  nowMs: number,
): KoGuardText {
  return {
    reason: `${atTime(nowMs)} ${kind} "${id}"의 큐에 방문 ${showCount(waiting)}개가 기다립니다: 부하가 처리 용량을 넘습니다`,
    advice:
      'queueCapacity로 큐를 제한하거나(넘치는 요청은 실제 서버처럼 거절됩니다), 요청률을 낮추거나, 용량을 늘리세요. --max-queue로 한도를 올릴 수 있습니다',
  };
}

/** The longest wait queue when a guard stopped the run. */
type QueueAt = { kind: string; id: string; waiting: number };

/** '; 가장 긴 큐는 …' for a guard's reason ('' without a queue). */
const longestQueue = (queue: QueueAt | null): string =>
  queue === null
    ? ''
    : `; 가장 긴 큐는 ${queue.kind} "${queue.id}"입니다 (${showCount(queue.waiting)}개 대기)`;

export function tooManyPendingEvents(
  pending: number,
  nowMs: number,
  queue: QueueAt | null,
): KoGuardText {
  return {
    reason: `${atTime(nowMs)} 처리를 기다리는 이벤트가 ${showCount(pending)}개입니다${longestQueue(queue)}: 시나리오가 일을 끝내는 것보다 빨리 시작합니다`,
    advice:
      '요청률이나 사용자 수를 낮추고, 큐를 제한하고 타임아웃을 더하세요. --max-pending으로 한도를 올릴 수 있습니다',
  };
}

export function memoryExceeded(
  usedBytes: number,
  limitBytes: number,
  nowMs: number,
  queue: QueueAt | null,
): KoGuardText {
  return {
    reason: `${atTime(nowMs)} 메모리 ${showBytes(usedBytes)}를 써서 한도 ${showBytes(limitBytes)}(--max-memory)를 넘었습니다${longestQueue(queue)}`,
    advice: '부하를 낮추거나, 큐를 제한하거나, 캐시나 키 공간을 줄이거나, --max-memory를 늘리세요',
  };
}
