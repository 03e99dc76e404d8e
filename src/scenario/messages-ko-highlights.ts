/**
 * The Korean texts of the problems with `highlights:` (the key metrics a scenario's report shows
 * first): one function per English function of messages-highlights.ts, of the same name and
 * arguments (messages-ko.test.ts checks the pairs). Metric labels, items and prefixes stay as
 * written (they are what the user types); the kinds of items are said in Korean when known.
 */
import type { KoText } from './issues.ts';
import { koKind } from './messages-ko.ts';
import { listCut } from './messages-values.ts';
import { didYouMean, sortedNames } from './suggest.ts';

/** The kinds of items of the key metrics (highlight-catalogue.ts) that koKind does not know. */
const KO_ITEM_KINDS: Record<string, string> = {
  'entry endpoint': '진입 엔드포인트',
  'event store': '이벤트 저장소',
  reader: '리더',
  'transaction step': '트랜잭션 단계',
  'two-phase commit': '2단계 커밋',
  sessions: '세션',
  consumers: '컨슈머',
  sagas: '사가',
  transactions: '트랜잭션',
  readers: '리더',
  twoPhaseCommits: '2단계 커밋',
  pendingStates: '대기 상태',
  replicated: '복제 데이터',
  eventStores: '이벤트 저장소',
  costs: '비용',
  bytes: '바이트 수',
};

/** A kind of item in Korean, singular or plural ("caches"); as written when unknown. */
export function koItemKind(kind: string): string {
  for (const k of [kind, kind.replace(/s$/, '')]) {
    if (Object.hasOwn(KO_ITEM_KINDS, k)) return KO_ITEM_KINDS[k];
    if (koKind(k) !== k) return koKind(k);
  }
  return kind;
}

const guess = (input: string, known: readonly string[]) => {
  const g = didYouMean(input, known);
  return g === undefined ? '' : `혹시 "${g}"인가요? `;
};

export function unknownHighlight(
  text: string,
  known: readonly string[],
  nearest: string | undefined,
): KoText {
  return {
    message: `"${text}"은(는) 어떤 핵심 지표도 가리키지 않습니다`,
    hint: `${nearest === undefined ? '' : `혹시 "${nearest}"인가요? `}[항목] 지표 형식으로 쓰세요 (예: "p99", "orders-db utilisation"); 여기의 핵심 지표: ${listCut(known)} (msasim schema가 모두 보여 줍니다)`,
  };
}

export function unknownHighlightScope(prefix: string, known: readonly string[]): KoText {
  return {
    message: `"${prefix}:"은(는) 핵심 지표가 다루는 항목의 종류가 아닙니다`,
    hint: `${guess(prefix, known)}접두어: ${listCut(known)}`,
  };
}

export function unknownHighlightItem(
  kind: string,
  item: string,
  label: string,
  known: readonly string[],
): KoText {
  const k = koItemKind(kind);
  return {
    message: `"${label}" 하이라이트의 ${k} "${item}"을(를) 알 수 없습니다`,
    hint: `${guess(item, known)}${known.length === 0 ? `이 시나리오에는 ${k}이(가) 없습니다` : `${k}: ${listCut(sortedNames(known))}`}`,
  };
}

export function highlightNeedsItem(label: string, kind: string, known: readonly string[]): KoText {
  const k = koItemKind(kind);
  return {
    message: `"${label}"은(는) ${k}마다 측정됩니다; 어느 것인지 쓰세요`,
    hint: `예: "${known[0] ?? kind} ${label}"; ${k}: ${listCut(sortedNames(known))}`,
  };
}

export function highlightTakesNoItem(label: string, item: string): KoText {
  return {
    message: `"${label}"은(는) "${item}"이(가) 아니라 실행 전체의 수치입니다`,
    hint: `"${label}"만 쓰세요`,
  };
}

export function highlightNotMeasured(label: string, kind: string): KoText {
  return {
    message: `이 시나리오는 "${label}"을(를) 측정하지 않습니다: ${koItemKind(kind)}이(가) 없습니다`,
    hint: '이 시나리오가 만드는 핵심 지표를 하이라이트하세요 (msasim schema가 보여 줍니다)',
  };
}

export function highlightAmbiguous(text: string, choices: readonly string[]): KoText {
  return {
    message: `"${text}"은(는) ${listCut(choices)} 중 어느 것인지 모호합니다`,
    hint: `종류를 앞에 쓰세요: ${listCut(choices.map((c) => `"${c}"`))}`,
  };
}

export function duplicateHighlight(text: string, first: string): KoText {
  return {
    message: `"${text}"은(는) 위의 "${first}"와(과) 같은 핵심 지표입니다`,
    hint: '하이라이트는 한 번씩만 쓰세요',
  };
}
