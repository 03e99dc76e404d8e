/**
 * The traces section's words in Korean: each span name the model makes (waits, 2PC rounds,
 * locks and hops, event-store replays, pending entities) has its Korean words with the names
 * kept, a name no pattern knows stays as it is, English is untouched; outcomes and reasons.
 */
import { describe, expect, it } from 'vitest';
import { causeWord, eventWord, outcomeWord, reasonWord, spanName } from './span-words.ts';

describe('the traces section’s words', () => {
  it('words the model’s span names in Korean, keeping the names in them', () => {
    const cases: [string, string][] = [
      ['orders: waiting for a thread', 'orders: 스레드 대기'],
      ['order-db: waiting for a connection', 'order-db: 커넥션 대기'],
      ['2PC place-order: waiting for the lock at stock', '2PC place-order: stock의 락 대기'],
      ['2PC place-order: lock held at stock', '2PC place-order: stock의 락 보유'],
      ['2PC place-order: prepare round', '2PC place-order: 준비 라운드'],
      ['2PC place-order: commit round', '2PC place-order: 커밋 라운드'],
      ['2PC place-order: abort round', '2PC place-order: 중단 라운드'],
      ['orders → stock: 2PC place-order prepare', 'orders → stock: 2PC place-order 준비'],
      ['orders → stock: 2PC place-order abort', 'orders → stock: 2PC place-order 중단'],
      ['event store cart: load, 1 event replayed', '이벤트 저장소 cart: load, 이벤트 1개 재생'],
      ['event store cart: load, 12 events replayed', '이벤트 저장소 cart: load, 이벤트 12개 재생'],
      ['order: pending', 'order: 보류 상태'],
    ];
    for (const [english, korean] of cases) {
      expect(spanName('ko', english)).toBe(korean);
      expect(spanName('en', english)).toBe(english);
    }
    // a name of the user's, a hop, a step keyword: as they are
    for (const name of ['orders/place', 'client → orders', 'orders: cpu', 'orders: sleep'])
      expect(spanName('ko', name)).toBe(name);
  });

  it('words outcomes and reasons, and leaves an unknown one as it is', () => {
    expect(['ok', 'failed', 'rejected', 'timed out'].map((o) => outcomeWord('ko', o))).toEqual([
      '성공',
      '실패',
      '거절',
      '시간 초과',
    ]);
    expect(outcomeWord('en', 'timed out')).toBe('timed out');
    expect(outcomeWord('ko', 'shed')).toBe('shed');
    expect(['slowest', 'failed', 'sampled'].map((r) => reasonWord('ko', r))).toEqual([
      '가장 느림',
      '실패',
      '표본',
    ]);
    expect(reasonWord('en', 'sampled')).toBe('sampled');
  });

  it('words failure causes and event names in Korean, English untouched', () => {
    const cause = '2PC place-order aborted: payments/charge voted no';
    expect(causeWord('ko', cause)).toBe('2PC place-order 중단: payments/charge의 반대 투표');
    expect(causeWord('en', cause)).toBe(cause);
    expect(eventWord('ko', 'retry')).toBe('재시도');
    expect(eventWord('en', 'retry')).toBe('retry');
    expect(eventWord('ko', 'something-new')).toBe('something-new');
  });
});
