/**
 * The words of a refused dotted path (overrides.ts setPathProblem, setPathProblemKo): none for a
 * path parseSetPath accepts, the segment that reaches JavaScript internals named, else how a
 * path is written — the same decision in English and in Korean.
 */
import { describe, expect, it } from 'vitest';
import { setPathProblem, setPathProblemKo } from './overrides.ts';

describe('setPathProblem and setPathProblemKo', () => {
  it('have nothing to say about a path parseSetPath accepts', () => {
    expect(setPathProblem('services.orders.steps[0].cpu')).toBeUndefined();
    expect(setPathProblemKo('services.orders.steps[0].cpu')).toBeUndefined();
  });

  it('name the first segment that would reach JavaScript internals', () => {
    expect(setPathProblem('services.constructor[0].x')).toBe(
      '"services.constructor[0].x" goes through "constructor", which is not a key of the scenario (it is reserved by JavaScript)',
    );
    expect(setPathProblemKo('a.__proto__.b')).toBe(
      '"a.__proto__.b" 경로가 "__proto__"을(를) 지나갑니다: 시나리오의 키가 아니라 JavaScript가 예약한 이름입니다',
    );
  });

  it('say how a path is written when it is malformed', () => {
    expect(setPathProblem('a..b')).toBe(
      '"a..b" is not a path into the scenario; write keys joined by dots and [n] for list items, such as services.orders.endpoints.get.steps[0].cpu',
    );
    expect(setPathProblemKo('a[x]')).toBe(
      '"a[x]"은(는) 시나리오 안의 경로가 아닙니다; 키를 점으로 잇고 목록 항목은 [n]으로 쓰세요 (예: services.orders.endpoints.get.steps[0].cpu)',
    );
  });
});
