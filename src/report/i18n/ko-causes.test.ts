/**
 * The failure causes and event names of a run in Korean (ko-causes.ts): one sample of every
 * cause the model writes, each with its Korean words and its names kept; a cause no pattern
 * knows stays as it is. A scan of src/model checks that every kind of cause the model writes
 * (the words before its colon) has a sample here, so a new one cannot stay English unnoticed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KO_EVENT_NAMES, koCause } from './ko-causes.ts';

const CAUSES: [string, string][] = [
  ['timeout: client gave up', '타임아웃: 클라이언트가 포기함'],
  ['timeout: orders → payments/charge', '타임아웃: orders → payments/charge'],
  ['rejected: orders queue full', '거절: orders의 큐가 가득 참'],
  ['rate limited: api (429)', '속도 제한: api (429)'],
  ['crash: orders not answering', '장애: orders 응답 없음'],
  ['crash: db refused the connection', '장애: db이(가) 연결을 거부함'],
  ['crash: db reset the connection', '장애: db이(가) 연결을 끊음'],
  ['error: orders failed (fault 1, 2)', '오류: orders 실패 (장애 1, 2)'],
  ['error: a → b failed (fault 3)', '오류: a → b 실패 (장애 3)'],
  ['partition: a → b lost the request', '파티션: a → b에서 요청이 사라짐'],
  ['partition: a → b dropped the request', '파티션: a → b에서 요청이 버려짐'],
  ['circuit open: a → b', '회로 열림: a → b'],
  ['bulkhead full: a → b', '벌크헤드 가득: a → b'],
  ["abandoned: the caller's timeout (a → b/x)", '중단: 호출자의 타임아웃 (a → b/x)'],
  ['2PC place-order aborted: prepare timed out', '2PC place-order 중단: 준비 타임아웃'],
  [
    '2PC place-order aborted: payments/charge voted no',
    '2PC place-order 중단: payments/charge의 반대 투표',
  ],
  [
    '2PC place-order aborted: coordinator orders crashed in doubt (presumed abort)',
    '2PC place-order 중단: 코디네이터 orders이(가) 불확실 상태에서 죽음 (중단으로 추정)',
  ],
  [
    'saga place-order compensated: delivery/book failed',
    '사가 place-order 보상됨: delivery/book 실패',
  ],
  [
    'saga pay inconsistent: ledger/post failed, cards/refund failed (operator alert)',
    '사가 pay 불일치: ledger/post 실패, cards/refund의 보상 실패 (운영자 알림)',
  ],
  [
    'saga notify inconsistent: mail/send failed, sms/send cannot be undone (operator alert)',
    '사가 notify 불일치: mail/send 실패, sms/send은(는) 되돌릴 수 없음 (운영자 알림)',
  ],
  ['lock busy: reserve (failed fast)', '락 사용 중: reserve (즉시 실패)'],
  ['lock wait timeout: reserve', '락 대기 타임아웃: reserve'],
  ['version conflict: reserve (after 3 retries)', '버전 충돌: reserve (재시도 3회 후)'],
  ['kv failed: sessions unavailable', 'kv 실패: sessions 사용 불가'],
  ['publish failed: events unavailable', '발행 실패: events 사용 불가'],
  [
    'publish failed: producer buffer for events full',
    '발행 실패: events의 프로듀서 버퍼가 가득 참',
  ],
  ['publish failed: blocked on events for 1.5 s', '발행 실패: events에서 1.5초 동안 막힘'],
  [
    'unavailable: idp could not check the credential (orders)',
    '사용 불가: idp이(가) 자격 증명을 확인하지 못함 (orders)',
  ],
  ['login failed: idp did not issue a token', '로그인 실패: idp이(가) 토큰을 발급하지 않음'],
  ['login failed: tokens unavailable', '로그인 실패: tokens 사용 불가'],
  ['unauthorized: credential revoked (orders)', '인증 실패: 자격 증명 폐기됨 (orders)'],
  ['unauthorized: session lost (orders)', '인증 실패: 세션 유실 (orders)'],
];

/** Every .ts file (not a test) under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('the causes of a run in Korean', () => {
  it('words every cause the model writes, keeping the names in it', () => {
    for (const [english, korean] of CAUSES) expect(koCause(english), english).toBe(korean);
    expect(koCause('something new: orders')).toBe('something new: orders');
  });

  it('has a sample for every kind of cause src/model writes', () => {
    const model = join(import.meta.dirname, '../../model');
    const kinds = new Set<string>();
    // a cause is assigned to a `…cause`/`…Cause` or passed to finishRequest, as a literal
    // (or as a branch of a conditional assigned so)
    const assigned =
      /(?:[cC]ause\s*=|^\s*[?:])\s*[`']((?:2PC|saga) \$\{[^}]+\} )?([a-z][a-z ]*):/gm;
    const finished = /finishRequest\([^)]*?[`']([a-z][a-z ]*):/g;
    for (const file of sources(model)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(assigned))
        kinds.add(`${m[1] ? `${m[1].split(' ')[0]} ` : ''}${m[2]}`);
      for (const m of text.matchAll(finished)) kinds.add(m[1]);
    }
    expect(kinds.size).toBeGreaterThan(15);
    const sampled = CAUSES.map(([english]) =>
      /^(2PC|saga) /.test(english)
        ? `${english.split(' ')[0]} ${english.split(' ')[2].replace(':', '')}`
        : english.split(':')[0],
    );
    for (const kind of kinds) expect(sampled, kind).toContain(kind);
  });

  it('words every event name a trace records', () => {
    expect(Object.keys(KO_EVENT_NAMES).sort()).toEqual(
      ['bulkhead-full', 'fallback', 'retry', 'short-circuit', 'timeout'].sort(),
    );
  });
});
