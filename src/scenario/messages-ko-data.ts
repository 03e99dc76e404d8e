/**
 * The Korean texts of the problems in the data files a workload replays (a CSV of arrival
 * times or of rate points, an OTLP/JSON trace file): as in messages-ko.ts, which re-exports
 * this file, one function per English function of the same name and arguments
 * (messages-data.ts). File names, columns, cells and JSON paths stay as written. A reason that
 * arrives as an English argument (why a file cannot be read, what an OTLP file lacks) is
 * translated when it is one the readers give (KO_REASONS) and kept as it is otherwise (a
 * system's message).
 */
import type { KoText } from './issues.ts';
import { guessOr } from './messages-values.ts';
import { sortedNames } from './suggest.ts';

/** The readers' English reasons (cli/workload-files.ts, web/data-files.ts, otlp-arrivals.ts). */
const KO_REASONS: [RegExp, string][] = [
  [/^there is no such file$/, '그런 파일이 없습니다'],
  [/^it is a folder, not a regular file$/, '일반 파일이 아니라 폴더입니다'],
  [/^it is a symbolic link, not a regular file$/, '일반 파일이 아니라 심볼릭 링크입니다'],
  [
    /^it is a FIFO \(named pipe\), not a regular file$/,
    '일반 파일이 아니라 FIFO(이름 있는 파이프)입니다',
  ],
  [/^it is a socket, not a regular file$/, '일반 파일이 아니라 소켓입니다'],
  [/^it is a device, not a regular file$/, '일반 파일이 아니라 장치입니다'],
  [/^it is a special file, not a regular file$/, '일반 파일이 아니라 특수 파일입니다'],
  [/^it is missing, not a regular file$/, '파일이 없습니다'],
  [/^it is (.+), more than the (.+) msasim reads$/, '크기가 $1로, msasim이 읽는 $2보다 큽니다'],
  [
    /^the page was not given it: choose it with its button under the editor, or drop it on the page$/,
    '페이지가 이 파일을 받지 못했습니다: 편집기 아래의 버튼으로 고르거나 페이지에 끌어다 놓으세요',
  ],
  [/^the document is not an object$/, '문서가 객체가 아닙니다'],
  [/^no resourceSpans array$/, 'resourceSpans 배열이 없습니다'],
  [/^(.+) has no (\w+) array$/, '$1에 $2 배열이 없습니다'],
  [/^(.+) is not an array$/, '$1이(가) 배열이 아닙니다'],
  [/^(.+) is not an object$/, '$1이(가) 객체가 아닙니다'],
  [/^(.+) is missing$/, '$1이(가) 없습니다'],
  [/^(.+) is not a whole number of ns$/, '$1이(가) ns 단위 정수가 아닙니다'],
  [/^(.+) is past the year 2262$/, '$1이(가) 2262년을 넘습니다'],
  [
    /^no root span \(a span without parentSpanId\)$/,
    '루트 스팬(parentSpanId가 없는 스팬)이 없습니다',
  ],
  [/^invalid JSON \((.*)\)$/s, '올바른 JSON이 아닙니다 ($1)'],
];

/** A reader's English reason in Korean when it is a known one, else as it is. */
function koReason(english: string): string {
  const found = KO_REASONS.find(([re]) => re.test(english));
  return found === undefined ? english : english.replace(found[0], found[1]);
}

export function dataFileUnreadable(file: string, why: string): KoText {
  return {
    message: `데이터 파일 ${JSON.stringify(file)}을(를) 읽을 수 없습니다: ${koReason(why)}`,
    hint: '경로는 시나리오 파일 기준입니다; 일반 파일을 주세요 (링크, 폴더, 장치가 아닌 것)',
  };
}

export function unknownColumn(role: string, name: string, columns: readonly string[]): KoText {
  const known = sortedNames(columns).join(', ');
  return {
    message: `머리글에 ${role} 열 ${JSON.stringify(name)}이(가) 없습니다; 파일의 열: ${known === '' ? '(없음)' : known}`,
    hint: guessOr(
      name,
      columns,
      (guess) => `혹시 "${guess}"인가요? (또는 시나리오에서 열 이름을 주세요: ${role}: <열>)`,
      `시나리오에서 열 이름을 주거나(${role}: <열>), 그 열이 있는 머리글 줄을 추가하세요`,
    ),
  };
}

export function missingCell(column: string, cells: number): KoText {
  return {
    message: `이 줄에는 칸이 ${cells}개뿐이라 열 ${JSON.stringify(column)}의 값이 없습니다`,
    hint: '줄마다 시나리오가 읽는 모든 열에 값이 있어야 합니다',
  };
}

export function badTime(text: string, unit: 's' | 'ms'): KoText {
  return {
    message: `시각이 필요한데 ${JSON.stringify(text.slice(0, 60))} 값입니다`,
    hint: `시작부터의 ${unit === 's' ? '초' : '밀리초'} 수(0 이상)나 2024-05-01T12:00:00.250Z 같은 ISO 8601 날짜-시각을 쓰세요; 파일 하나에 한 가지만 씁니다`,
  };
}

export function mixedTimes(first: 'number' | 'date-time'): KoText {
  const kind = first === 'number' ? '숫자' : '날짜-시각';
  return {
    message: `첫 줄의 시각은 ${kind}인데 이 시각은 그렇지 않습니다`,
    hint: '파일에는 시작부터의 초(또는 ms) 수나 ISO 8601 날짜-시각 중 한 가지만 씁니다',
  };
}

export function badRate(text: string): KoText {
  return {
    message: `비율(초당 요청 수, 0 이상)이 필요한데 ${JSON.stringify(text.slice(0, 60))} 값입니다`,
    hint: '예: 120 또는 0.5',
  };
}

export function unknownRowEndpoint(text: string, targets: readonly string[]): KoText {
  return {
    message: `${JSON.stringify(text.slice(0, 80))}은(는) 이 워크로드의 대상이 아닙니다; 대상: ${sortedNames(targets).join(', ')}`,
    hint: guessOr(
      text,
      targets,
      (guess) => `혹시 "${guess}"인가요?`,
      '파일이 부르는 모든 엔드포인트를 워크로드의 mix:에 적거나(service/endpoint), 칸을 비워 mix로 고르게 하세요',
    ),
  };
}

export function timeBackwards(previousLine: number): KoText {
  return {
    message: `이 시각이 ${previousLine}번째 줄의 시각보다 이릅니다`,
    hint: '파일을 시각 순으로 정렬하세요 (예: sort -t, -k1,1 -g); msasim은 파일을 흘려 읽으며 정렬하지 않습니다',
  };
}

export function badQuote(): KoText {
  return {
    message: '따옴표로 연 칸이 그 줄에서 닫히지 않았거나, 닫는 따옴표 뒤에 글자가 있습니다',
    hint: '칸은 "text"처럼 따옴표로 감싸고, 안의 따옴표는 두 번("") 씁니다; 칸은 여러 줄에 걸칠 수 없습니다',
  };
}

export function lineTooLong(maxBytes: number): KoText {
  return {
    message: `줄이 ${maxBytes}바이트보다 깁니다`,
    hint: '데이터 파일의 한 줄은 칸 몇 개입니다; 맞는 파일인가요?',
  };
}

export function dataNotUtf8(): KoText {
  return {
    message: '이 자리에서 파일이 UTF-8 텍스트가 아닙니다 (UTF-8 문자의 일부가 아닌 바이트)',
    hint: '파일을 UTF-8로 저장하세요 (한국어 Windows의 Excel은 "CSV"를 CP949로 저장합니다: "CSV UTF-8"을 고르세요)',
  };
}

export function noRows(what: 'header' | 'rows'): KoText {
  return {
    message:
      what === 'header'
        ? '파일이 비어 있습니다: 머리글 줄이 필요합니다'
        : '파일에 머리글만 있고 줄이 없습니다',
    hint: '첫 줄은 열 이름(예: time,endpoint)이고, 그다음 줄마다 한 행입니다',
  };
}

export function badOtlp(what: string): KoText {
  return {
    message: `OTLP/JSON 트레이스 내보내기가 아닙니다: ${koReason(what)}`,
    hint: 'Jaeger, Tempo, msasim --trace가 쓰는 {"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"…", …}]}]}]} 형식이어야 합니다',
  };
}
