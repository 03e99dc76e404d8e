/**
 * Korean for the examples a run records as it goes (issue 17): a reader's anomaly ("at 12.345 s
 * dashboard read checkout #17 (started at 12.001 s): orders/place done at …, payments/charge not
 * done") and a consumer group's example of a message lost or applied twice. The model writes them
 * in English (src/model/readers.ts, messaging.ts; results.json keeps them so); a Korean page or
 * console shows them through these patterns at display time. The names and times inside are
 * kept as written; a text no pattern knows is shown as it is. Pure.
 */
import type { Lang } from './lang.ts';

type Pattern = readonly [RegExp, (...parts: string[]) => string];

/** How a message was lost (messaging.ts `#lost`). */
const KO_LOSSES: readonly Pattern[] = [
  [
    /^its handler failed at (\S+ s) after the offset was committed$/,
    (at) => `오프셋을 커밋한 뒤 ${at}에 핸들러가 실패함`,
  ],
  [
    /^(.+) crashed at (\S+ s) while processing it, its offset committed$/,
    (who, at) => `처리하던 중 ${at}에 ${who}이(가) 죽음, 오프셋은 커밋됨`,
  ],
  [
    /^(.+) crashed at (\S+ s) with it in a batch taken and committed$/,
    (who, at) => `가져와 커밋한 배치에 들어 있던 채로 ${at}에 ${who}이(가) 죽음`,
  ],
];

/** The state of one action of a saga a reader saw (readers.ts SagaReader). */
const KO_ACTION_STATES: readonly Pattern[] = [
  [/^(.+) not done$/, (name) => `${name} 미완료`],
  [/^(.+) undone at (\S+ s)$/, (name, at) => `${name} ${at}에 취소됨`],
  [/^(.+) done at (\S+ s)$/, (name, at) => `${name} ${at}에 완료`],
];

/** The first pattern's words for `text`, or `text` as it is. */
function byPattern(patterns: readonly Pattern[], text: string): string {
  for (const [pattern, words] of patterns) {
    const m = pattern.exec(text);
    if (m !== null) return words(...m.slice(1));
  }
  return text;
}

/** The recorded examples, whole. */
const KO_RECORDS: readonly Pattern[] = [
  [
    /^message #(\d+) \(key (\S+)\) of (.+), published at (\S+ s), was never applied by ([^:]+): (.+)$/,
    (id, key, topic, at, group, how) =>
      `${topic}의 메시지 #${id} (키 ${key}): ${at}에 발행되었지만 ${group}이(가) 끝내 적용하지 않았습니다. ${byPattern(KO_LOSSES, how)}`,
  ],
  [
    /^message #(\d+) \(key (\S+)\) of (.+) was applied by (.+) at (\S+ s) and again at (\S+ s) \(delivery (\d+), by (.+)\)$/,
    (id, key, topic, group, first, again, n, by) =>
      `${topic}의 메시지 #${id} (키 ${key}): ${group}이(가) ${first}에 적용하고 ${again}에 다시 적용했습니다 (${n}번째 전달, ${by})`,
  ],
  [
    /^at (\S+ s) (\S+) read (.+) #(\d+) \(started at (\S+ s)\): (.+)$/,
    (at, reader, saga, id, start, states) =>
      `${at}에 ${reader}이(가) ${saga} #${id} (${start}에 시작)을(를) 읽었습니다: ${states
        .split(', ')
        .map((s) => byPattern(KO_ACTION_STATES, s))
        .join(', ')}`,
  ],
  [
    /^at (\S+ s) (\S+) read key (\S+) of (.+)'s read model: (\d+) updates? pending, the oldest written at (\S+ s) \((\d+) ms before\)$/,
    (at, reader, key, group, n, oldest, ms) =>
      `${at}에 ${reader}이(가) ${group}의 읽기 모델에서 키 ${key}을(를) 읽었습니다: 보류 중인 업데이트 ${n}개, 가장 오래된 것은 ${oldest}에 기록됨 (${ms} ms 전)`,
  ],
];

/** An example a run recorded (a reader's anomaly, a message lost or applied twice) in `lang`. */
export function recordWords(lang: Lang, text: string): string {
  return lang === 'en' ? text : byPattern(KO_RECORDS, text);
}
