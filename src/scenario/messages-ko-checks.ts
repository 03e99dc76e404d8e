/**
 * The Korean texts of the problems the cross-checks find (call loops, distributions' parameters,
 * schedules, SLOs, breakers, autoscaling, overrides from outside the file, limits): as in
 * messages-ko.ts, which re-exports this file, one function per English function of the same name
 * and arguments (messages.ts, messages-limits.ts). Names, keys and values stay as written.
 */
import type { Bilingual, KoText, StoreUse } from './issues.ts';
import {
  boundMessage,
  invalidFormat,
  invalidType,
  koJoinAnd,
  koSuggestion,
} from './messages-ko.ts';
import { endpointHint, listNames, oneOfQuoted, showPlain } from './messages-values.ts';

export function unknownOverrideKey(key: string, known: readonly string[]): KoText {
  return {
    message: `이 자리에는 "${key}" 키가 없습니다`,
    hint: koSuggestion(`있는 키: ${listNames(known)}`, key, known),
  };
}

export function setIndexPastEnd(list: string, index: number, length: number): KoText {
  return {
    message: `${list}에는 항목이 ${length}개뿐이라 [${index}] 자리는 목록 끝을 넘습니다`,
    hint:
      length === 0
        ? `${list}[0] 자리에 쓰면 첫 항목을 추가합니다`
        : `${length === 1 ? '항목은 [0] 하나이고' : `항목은 [0]부터 [${length - 1}]까지이고`}, [${length}] 자리에 쓰면 끝에 하나를 추가합니다`,
  };
}

export function variantHidesOverride(variant: string, path: string): KoText {
  return {
    message: `변형 "${variant}" 자체가 ${path} 값을 정하므로, 파일 밖에서 ${path} 값을 바꿔도 이 변형에는 효과가 없습니다`,
    hint: '변형에서 그 키를 지우거나, 변형이 정하지 않는 경로를 sweep하세요',
  };
}

export function reservedId(id: string): KoText {
  return {
    message: `"${id}" 이름은 예약되어 있습니다: 네트워크 링크에서 워크로드 요청의 송신자를 뜻합니다`,
    hint: '이 구성 요소의 이름을 바꾸세요',
  };
}

export function listNeeds(strategy: string, option: string, known: readonly string[]): KoText {
  return {
    message: `전략 "${strategy}"에는 ${option}: 키가 필요합니다`,
    hint:
      known.length > 0
        ? `${option}: 추가 (${listNames(known)} 중 하나)`
        : `${option}: 키를 추가하고 정의하세요`,
  };
}

export function tooManyKeys(total: number, max: number): KoText {
  return {
    message: `키 공간들의 키가 모두 ${total}개입니다; 최대 ${max}개까지 지원합니다`,
    hint: '키 공간을 줄이세요 (치우친 접근 패턴에서는 실제 테이블의 표본도 똑같이 동작합니다)',
  };
}

export function scheduleItemKind(found: readonly string[]): KoText {
  const has =
    found.length === 0 ? '이 항목에는 하나도 없습니다' : `이 항목에는 ${koJoinAnd(found)} 있습니다`;
  return {
    message: `schedule 항목에는 rate, rampTo, spike 중 정확히 하나가 있어야 합니다; ${has}`,
    hint: 'rate:는 새 비율을 정하고, rampTo:는 over:와 함께 비율을 선형으로 바꾸며, spike:는 for:와 함께 폭주를 더합니다',
  };
}

export function lognormalParams(given: readonly string[]): KoText {
  const has = given.length === 0 ? '지금은 하나도 없습니다' : `지금 있는 키: ${given.join(', ')}`;
  return { message: `lognormal에는 mean과 p99, 또는 median과 sigma가 필요합니다; ${has}` };
}

export function lognormalP99(mean: unknown, p99: unknown, maxRatio: number): KoText {
  return {
    message: `lognormal은 mean < p99 ≤ ${maxRatio} × mean이어야 하는데 mean ${showPlain(mean)}, p99 ${showPlain(p99)} 값입니다`,
    hint: '꼬리가 더 두꺼우면 median과 sigma, 또는 pareto를 쓰세요',
  };
}

export function empiricalWeights(values: number, weights: number): KoText {
  return {
    message: `empirical 분포에는 값마다 가중치가 하나씩 필요한데 값은 ${values}개, 가중치는 ${weights}개입니다`,
  };
}

export function uniformRange(min: unknown, max: unknown): KoText {
  return {
    message: `uniform은 min ≤ max여야 하는데 min ${showPlain(min)}, max ${showPlain(max)} 값입니다`,
  };
}

export function callCycle(cycle: readonly string[], throughBranch: boolean): KoText {
  const loop = cycle.join(' → ');
  return throughBranch
    ? {
        message: `엔드포인트들이 서로를 순환 호출할 수 있습니다: ${loop}`,
        hint: '도중의 branch가 순환을 끝낼 수 있습니다; 그 확률이 요청을 짧게 유지하는지 확인하세요',
      }
    : {
        message: `엔드포인트들이 끝나지 않는 순환으로 서로를 호출합니다: ${loop}`,
        hint: '호출 하나를 지우거나, 확률이 1보다 작은 branch 안에 넣으세요',
      };
}

export function sloWithoutBound(name: string, bounds: readonly string[]): KoText {
  return {
    message: `SLO "${name}"에 한계가 하나도 없습니다`,
    hint: `다음 중 적어도 하나를 주세요: ${bounds.join(', ')} (예: p99: 300ms 또는 availability: 99.9%)`,
  };
}

export function sloTwoTargets(name: string): KoText {
  return {
    message: `SLO "${name}"에 엔드포인트와 구성 요소가 모두 있습니다; SLO의 대상은 하나입니다`,
    hint: 'SLO 두 개로 나누세요: 엔드포인트에는 지연 시간, 가용성, 오류, 처리량을, 구성 요소에는 사용률을',
  };
}

export function sloBoundNeedsEndpoint(bound: string, component: string): KoText {
  return {
    message: `"${bound}" 한계는 요청에 대한 것인데, 이 SLO의 대상은 구성 요소 "${component}"입니다`,
    hint: '구성 요소 SLO는 사용률만 제한할 수 있습니다; 요청은 `endpoint:`로 (또는 대상 없이 모든 엔드포인트에) 제한하세요',
  };
}

export function sloUtilisationNeedsComponent(components: readonly string[]): KoText {
  return {
    message: '"utilisation"은 구성 요소의 한계인데, 이 SLO에는 구성 요소가 없습니다',
    hint: `\`component:\`를 추가하세요 (${listNames(components)} 중 하나)`,
  };
}

export function sloNotEntry(endpoint: string, entries: readonly string[]): KoText {
  return {
    message: `"${endpoint}" 엔드포인트는 진입점이 아닙니다; SLO는 클라이언트가 보는 것을 제한합니다`,
    hint: koSuggestion(`진입 엔드포인트(워크로드 대상): ${listNames(entries)}`, endpoint, entries),
  };
}

export function breakerMinCallsOverWindow(minCalls: number, window: number): KoText {
  return {
    message: `minCalls(${minCalls})가 창(호출 ${window}개)보다 커서 차단기가 열릴 수 없습니다`,
    hint: `minCalls를 ${window} 이하로 하거나 창을 넓히세요`,
  };
}

export function autoscaleRange(instances: number, min: number, max: number): KoText {
  return {
    message: `autoscale의 min ${min}, max ${max} 값은 min ≤ instances(${instances}) ≤ max를 만족해야 합니다`,
    hint: '`instances`는 시작 시점의 개수입니다; min과 max 사이로 정하세요',
  };
}

export function emptyVariants(): KoText {
  return {
    message: 'variants:에 변형이 하나도 없으므로 시나리오는 변형 없이 한 번 실행됩니다',
    hint: '`variants: { bigger: { set: { services.orders.instances: 4 } } }` 같은 변형을 추가하거나 variants:를 지우세요',
  };
}

export function eventLoopCores(service: string, cores: number): KoText {
  return {
    message: `서비스 "${service}"에 이벤트 루프(runtime.eventLoop)와 코어 ${cores}개가 함께 있습니다: 이벤트 루프는 CPU 하나입니다`,
    hint: '`cores`를 지우거나(이벤트 루프는 인스턴스마다 코어 하나), `runtime.eventLoop`를 지우세요',
  };
}

export function runtimePeriodZero(key: string): KoText {
  return {
    message: `\`${key}\` 값은 0보다 길어야 합니다`,
    hint:
      key === 'tick'
        ? 'Node의 타이머는 1ms 단위로 돕니다'
        : '이 상태에 머무는 평균 시간을 주세요. 예: 10s',
  };
}

export function freezeNotOnService(name: string, target: string): KoText {
  return {
    message: `장애 "${name}"이(가) 멈추는 "${target}"은(는) 서비스가 아닙니다: 일시 정지할 수 있는 것은 서비스의 프로세스뿐입니다`,
    hint: '데이터베이스, 캐시, 브로커에는 `mode: hang`(돌아올 때까지 응답 없음)이나 `mode: refuse`를 쓰세요',
  };
}

export function backlogWithoutFreeze(name: string, mode: string): KoText {
  return {
    message: `장애 "${name}"에 \`backlog\`가 있지만 모드가 ${mode}입니다: 연결을 계속 받는 것은 멈춘(freeze) 프로세스뿐입니다`,
    hint: '`mode: freeze`를 추가하거나 `backlog`를 지우세요',
  };
}

export function faultOnInProcessCache(cache: string, type: string): KoText {
  return {
    message: `캐시 "${cache}"의 종류는 ${type}입니다: 서비스 인스턴스 안에 있으므로 따로 장애가 날 수 없습니다`,
    hint: '그 캐시를 가진 서비스를 치거나, 캐시를 `type: distributed`(독립 구성 요소)로 하세요',
  };
}

export function clientOnInProcessCache(cache: string, type: string): KoText {
  return {
    message: `캐시 "${cache}"의 종류는 ${type}입니다; 연결을 잃을 수 있는 클라이언트는 분산 캐시에만 있습니다`,
    hint: '`client:`를 지우거나 캐시를 `type: distributed`로 하세요',
  };
}

export function reconnectMaxBelowBackoff(max: string, backoff: string): KoText {
  return {
    message: `재연결 max ${max} 값이 첫 backoff ${backoff}보다 짧습니다`,
    hint: '`max`를 `backoff` 이상으로 하세요 (두 재연결 시도 사이의 가장 긴 대기)',
  };
}

export function kvOnInProcessCache(cache: string, type: string): KoText {
  return {
    message: `캐시 "${cache}"의 종류는 ${type}입니다; kv 단계에는 독립된 저장소가 필요합니다`,
    hint: '`type: distributed`(서버가 있는 Redis 같은 구성 요소)로 하세요',
  };
}

export function sessionsWithoutUsers(side: 'no-users' | 'no-sessions'): KoText {
  return side === 'no-users'
    ? {
        message: 'sessions:는 로그인한 사용자에게 적용되는데, session:이 있는 워크로드가 없습니다',
        hint: 'users:가 있는 워크로드에 session: { login: web/login }을 추가하거나 sessions:를 지우세요',
      }
    : {
        message: 'session:이 있는 워크로드에는 최상위 sessions: 섹션(전략)이 필요합니다',
        hint: 'sessions: { strategy: sticky }를 추가하세요 (또는 clustering, store, reference-token, value-token)',
      };
}

export function idpValidates(service: string): KoText {
  return {
    message: `ID 제공자 "${service}"은(는) validateAt에 있을 수 없습니다: 그 resolve 호출을 검증하려고 다시 자신을 호출하게 됩니다`,
    hint: `validateAt에서 "${service}" 항목을 지우세요`,
  };
}

export function loginNotValidated(service: string, validateAt: readonly string[]): KoText {
  return {
    message: `사용자가 로그인하는 "${service}" 서비스가 validateAt(${listNames(validateAt)})에 없습니다`,
    hint: `validateAt에 "${service}" 항목을 추가하거나, 그중 한 곳에서 로그인하세요`,
  };
}

export function publishWithoutTopic(broker: string, topics: readonly string[]): KoText {
  return {
    message: `브로커 "${broker}"에는 토픽(${listNames(topics)})이 있습니다; 이 publish가 어느 토픽으로 가는지 정하세요`,
    hint: `publish: { broker: ${broker}, topic: ${topics[0]} }`,
  };
}

export function readerTarget(side: 'none' | 'both'): KoText {
  return {
    message:
      side === 'none'
        ? 'reader는 사가의 엔터티(saga:)나 컨슈머 그룹의 읽기 모델(consumer:)을 읽습니다'
        : 'reader에는 saga:와 consumer: 중 하나만 둡니다',
    hint: '예: saga: create-course, 또는 consumer: read-model',
  };
}

export function misplacedKey(key: string, needs: string, because: Bilingual): KoText {
  return {
    message: `${key}:은(는) ${needs}:와(과) 함께일 때만 쓰입니다: ${because.ko}`,
    hint: `${key}:을(를) 지우거나 ${needs}:을(를) 추가하세요`,
  };
}

/** What needs a store of its own, by what a cache is used to store. */
const KO_STORE_NEEDS: Record<StoreUse, string> = {
  sessions: '세션과 토큰에는',
  'message ids': '처리한 메시지 id에는',
};

export function storeInProcess(cache: string, type: string, what: StoreUse = 'sessions'): KoText {
  return {
    message: `캐시 "${cache}"은(는) ${type}입니다; ${KO_STORE_NEEDS[what]} 별도의 저장소가 필요합니다`,
    hint: '`type: distributed`(서버가 있는 Redis 같은 컴포넌트)로 바꾸세요',
  };
}

export function sessionNeeds(strategy: string, key: string, why: Bilingual): KoText {
  return {
    message: `${strategy} 전략에는 ${key}:이(가) 필요합니다 (${why.ko})`,
    hint: key === 'idp' ? '예: idp: { service: idp }' : `sessions:에 ${key}:을(를) 추가하세요`,
  };
}

/** messages.ts percentAsNumber: a share written as a number of per cent. */
export function percentAsNumber(received: number): KoText {
  const fraction = Number((received / 100).toPrecision(12));
  return {
    ...boundMessage({ origin: 'number', limit: 1, inclusive: true, received }, 'max'),
    hint: `비율은 0과 1 사이의 분수나 백분율 문자열입니다: ${fraction} 또는 "${received}%"로 쓰세요`,
  };
}

export function endpointWithoutService(
  expectation: string,
  received: string,
  refs: readonly { service: string; endpoint: string }[],
): KoText {
  const hint = endpointHint(received, refs, {
    named: (q, many) => `엔드포인트 앞에 서비스를 쓰세요: 혹시 ${many ? `${q} 중 하나` : q}인가요?`,
    ofService: (q) => `"${received}"은(는) 서비스입니다: 그 엔드포인트 ${q} 중 하나를 쓰세요`,
    closest: (all) => koSuggestion(undefined, received, all),
  });
  return { ...invalidFormat(expectation, received), hint };
}

export function keyOutsideEntry(
  expected: string,
  received: unknown,
  key: string,
  section: string,
  entries: readonly string[],
): KoText {
  const under = oneOfQuoted(entries, { none: '그중 하나', many: (l) => `${l} 중 하나` });
  return {
    ...invalidType(expected, received),
    hint: `"${key}"은(는) ${section}의 각 항목에 쓰는 키이지 항목 이름이 아닙니다: ${under} 아래로 들여 쓰세요`,
  };
}

export function noSpaceAfterColon(key: string, value: string): KoText {
  return {
    message: `YAML은 "${key}:${value}" 전체를 문자열 하나로 읽습니다`,
    hint: `YAML에서는 콜론 뒤에 공백이 있어야 합니다: "${key}: ${value}"처럼 쓰세요`,
  };
}

export function mapForList(key: string, keys: readonly string[]): KoText {
  const first = keys[0] ?? 'cpu';
  return {
    message: `${key}: 목록이어야 합니다`,
    hint: `목록의 각 항목을 "- "로 시작하는 줄에 하나씩 쓰세요 (${key}: 다음 줄에 - ${first}: …)`,
  };
}

export function listForSteps(name: string): KoText {
  return {
    message: '엔드포인트는 단계를 steps: 아래에 둡니다',
    hint: `목록을 "steps:" 아래에 두세요 (${name}: 다음에 steps:, 그 아래 - cpu: …)`,
  };
}
