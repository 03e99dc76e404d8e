/**
 * Korean for the texts a run records as it goes (issue 17): why a request or a span failed
 * ("timeout: a → b/x", "rejected: x queue full", "2PC place-order aborted: payments/charge voted
 * no") and the names of a trace's events (timeout, retry …). The model writes them in English
 * (they are data: traces.otlp.json and results.json keep them so); a Korean page shows them
 * through these patterns at display time. The names inside (services, endpoints, hops "a → b",
 * transactions, stores) are kept as written; a text no pattern knows is shown as it is. Pure.
 * The English texts are made in src/model (faults.ts, service.ts, call-policy.ts, two-phase.ts,
 * transaction.ts, saga.ts, broker.ts, auth-point.ts, sessions.ts, steps/call-runtime.ts, workload.ts,
 * trace/tracer.ts): a new one there wants its pattern here.
 */

import type { Lang } from './lang.ts';

/** Korean for a pattern over the English text → its Korean words (its captures as they are). */
type Pattern = readonly [RegExp, (...parts: string[]) => string];

/** Why a session's credential was refused (sessions.ts REFUSAL_TEXT). */
const KO_REFUSALS: Readonly<Record<string, string>> = {
  'session lost': '세션 유실',
  'credential revoked': '자격 증명 폐기됨',
  'credential expired': '자격 증명 만료됨',
  'unknown credential': '알 수 없는 자격 증명',
};

/** Why a saga was left inconsistent (saga.ts `#alert`). */
function sagaStuck(what: string): string {
  const failed = /^(.+) failed$/.exec(what);
  if (failed !== null) return `${failed[1]}의 보상 실패`;
  const undoable = /^(.+) cannot be undone$/.exec(what);
  return undoable === null ? what : `${undoable[1]}은(는) 되돌릴 수 없음`;
}

/** The failure causes, most specific first (the first that matches wins). */
const KO_CAUSES: readonly Pattern[] = [
  [/^timeout: client gave up$/, () => '타임아웃: 클라이언트가 포기함'],
  [/^timeout: (.+)$/, (call) => `타임아웃: ${call}`],
  [/^rejected: (.+) queue full$/, (id) => `거절: ${id}의 큐가 가득 참`],
  [/^rate limited: (.+) \(429\)$/, (id) => `속도 제한: ${id} (429)`],
  [/^crash: (.+) not answering$/, (id) => `장애: ${id} 응답 없음`],
  [/^crash: (.+) refused the connection$/, (id) => `장애: ${id}이(가) 연결을 거부함`],
  [/^crash: (.+) reset the connection$/, (id) => `장애: ${id}이(가) 연결을 끊음`],
  [/^error: (.+) failed \(fault (.+)\)$/, (who, f) => `오류: ${who} 실패 (장애 ${f})`],
  [/^partition: (.+) lost the request$/, (hop) => `파티션: ${hop}에서 요청이 사라짐`],
  [/^partition: (.+) dropped the request$/, (hop) => `파티션: ${hop}에서 요청이 버려짐`],
  [/^circuit open: (.+)$/, (hop) => `회로 열림: ${hop}`],
  [/^bulkhead full: (.+)$/, (hop) => `벌크헤드 가득: ${hop}`],
  [/^abandoned: the caller's timeout \((.+)\)$/, (call) => `중단: 호출자의 타임아웃 (${call})`],
  [/^2PC (.+) aborted: prepare timed out$/, (tx) => `2PC ${tx} 중단: 준비 타임아웃`],
  [/^2PC (.+) aborted: (.+) voted no$/, (tx, who) => `2PC ${tx} 중단: ${who}의 반대 투표`],
  [
    /^2PC (.+) aborted: coordinator (.+) crashed in doubt \(presumed abort\)$/,
    (tx, c) => `2PC ${tx} 중단: 코디네이터 ${c}이(가) 불확실 상태에서 죽음 (중단으로 추정)`,
  ],
  [/^saga (.+) compensated: (.+) failed$/, (saga, at) => `사가 ${saga} 보상됨: ${at} 실패`],
  [
    /^saga (.+) inconsistent: (.+?) failed, (.+) \(operator alert\)$/,
    (saga, at, stuck) => `사가 ${saga} 불일치: ${at} 실패, ${sagaStuck(stuck)} (운영자 알림)`,
  ],
  [/^lock busy: (.+) \(failed fast\)$/, (tx) => `락 사용 중: ${tx} (즉시 실패)`],
  [/^lock wait timeout: (.+)$/, (tx) => `락 대기 타임아웃: ${tx}`],
  [
    /^version conflict: (.+) \(after (\d+) retries\)$/,
    (tx, n) => `버전 충돌: ${tx} (재시도 ${n}회 후)`,
  ],
  [/^kv failed: (.+) unavailable$/, (id) => `kv 실패: ${id} 사용 불가`],
  [/^publish failed: (.+) unavailable$/, (id) => `발행 실패: ${id} 사용 불가`],
  [
    /^publish failed: producer buffer for (.+) full$/,
    (id) => `발행 실패: ${id}의 프로듀서 버퍼가 가득 참`,
  ],
  [
    /^publish failed: blocked on (.+) for (\S+) s$/,
    (id, s) => `발행 실패: ${id}에서 ${s}초 동안 막힘`,
  ],
  [
    /^unavailable: (.*) could not check the credential \((.+)\)$/,
    (who, svc) => `사용 불가: ${who}이(가) 자격 증명을 확인하지 못함 (${svc})`,
  ],
  [
    /^login failed: (.+) did not issue a token$/,
    (idp) => `로그인 실패: ${idp}이(가) 토큰을 발급하지 않음`,
  ],
  [/^login failed: (.+) unavailable$/, (store) => `로그인 실패: ${store} 사용 불가`],
  [/^unauthorized: (.+) \((.+)\)$/, (why, svc) => `인증 실패: ${KO_REFUSALS[why] ?? why} (${svc})`],
];

/** A failure cause in Korean; a cause no pattern knows as it is. */
export function koCause(cause: string): string {
  for (const [pattern, words] of KO_CAUSES) {
    const m = pattern.exec(cause);
    if (m !== null) return words(...m.slice(1));
  }
  return cause;
}

/** A failure cause as the model records it in `lang` (Korean by pattern, English as it is). */
export function causeWords(lang: Lang, cause: string): string {
  return lang === 'en' ? cause : koCause(cause);
}

/** The names of a trace's events (metrics/traces.ts SpanEvent) in Korean. */
export const KO_EVENT_NAMES: Readonly<Record<string, string>> = {
  timeout: '타임아웃',
  retry: '재시도',
  fallback: '대체 응답',
  'short-circuit': '즉시 실패',
  'bulkhead-full': '벌크헤드 가득',
};
