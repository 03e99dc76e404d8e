/**
 * The words of a trace in the page's language (issue 17): the names the model gives its spans
 * ("orders: waiting for a thread", "2PC pay: lock held at stock", "event store cart: load,
 * 3 events replayed"), a span's or a request's outcome and why a trace was kept. The names are
 * English in traces.otlp.json (data, as the CSV columns are); the waterfall shows them through
 * this table. A name no pattern knows (a service/endpoint, a hop "a → b", a step's own `cpu`
 * or `sleep` keyword) is shown as it is. Failure causes and the events' names go through
 * i18n/ko-causes.ts the same way (English in traces.otlp.json); an event's detail is a name
 * (the endpoint it was about) and stays as it is. Pure.
 */
import { causeWords, KO_EVENT_NAMES } from '../../i18n/ko-causes.ts';
import type { Lang } from '../../i18n/lang.ts';
import { type MessageKey, t } from '../../i18n/t.ts';

/** Korean for the model's span names: a pattern over the English name → its Korean words. */
const KO_SPAN_NAMES: readonly [RegExp, (...parts: string[]) => string][] = [
  [/^(.+): waiting for a thread$/, (who) => `${who}: 스레드 대기`],
  [/^(.+): waiting for a connection$/, (db) => `${db}: 커넥션 대기`],
  [/^2PC (.+): waiting for the lock at (.+)$/, (tx, at) => `2PC ${tx}: ${at}의 락 대기`],
  [/^2PC (.+): lock held at (.+)$/, (tx, at) => `2PC ${tx}: ${at}의 락 보유`],
  [/^(.+ → .+): 2PC (.+) prepare$/, (hop, tx) => `${hop}: 2PC ${tx} 준비`],
  [/^(.+ → .+): 2PC (.+) commit$/, (hop, tx) => `${hop}: 2PC ${tx} 커밋`],
  [/^(.+ → .+): 2PC (.+) abort$/, (hop, tx) => `${hop}: 2PC ${tx} 중단`],
  [/^2PC (.+): prepare round$/, (tx) => `2PC ${tx}: 준비 라운드`],
  [/^2PC (.+): commit round$/, (tx) => `2PC ${tx}: 커밋 라운드`],
  [/^2PC (.+): abort round$/, (tx) => `2PC ${tx}: 중단 라운드`],
  [
    /^event store (.+): (\S+), (\d+) events? replayed$/,
    (store, op, n) => `이벤트 저장소 ${store}: ${op}, 이벤트 ${n}개 재생`,
  ],
  [/^(.+): pending$/, (store) => `${store}: 보류 상태`],
];

/** A span's name as the model gives it, in `lang`. */
export function spanName(lang: Lang, name: string): string {
  if (lang === 'en') return name;
  for (const [pattern, words] of KO_SPAN_NAMES) {
    const m = pattern.exec(name);
    if (m !== null) return words(...m.slice(1));
  }
  return name;
}

const OUTCOMES: Readonly<Record<string, MessageKey>> = {
  ok: 'tr.outcome.ok',
  failed: 'tr.outcome.failed',
  rejected: 'tr.outcome.rejected',
  'timed out': 'tr.outcome.timedOut',
};

/** An outcome ("ok", "failed", "rejected", "timed out") in `lang`; another as it is. */
export function outcomeWord(lang: Lang, outcome: string): string {
  const key = OUTCOMES[outcome];
  return key === undefined ? outcome : t(lang, key);
}

const REASONS: Readonly<Record<string, MessageKey>> = {
  slowest: 'tr.reason.slowest',
  failed: 'tr.reason.failed',
  sampled: 'tr.reason.sampled',
};

/** Why a trace was kept ("slowest", "failed", "sampled") in `lang`. */
export function reasonWord(lang: Lang, reason: string): string {
  const key = REASONS[reason];
  return key === undefined ? reason : t(lang, key);
}

/** A failure cause as the model records it ("timeout: a → b/x", …) in `lang`. */
export function causeWord(lang: Lang, cause: string): string {
  return causeWords(lang, cause);
}

/** An event's name ("timeout", "retry", "fallback", …) in `lang`; another as it is. */
export function eventWord(lang: Lang, name: string): string {
  return lang === 'en' ? name : (KO_EVENT_NAMES[name] ?? name);
}
