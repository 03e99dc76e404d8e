/**
 * The playground's own words (its chrome: buttons, labels, tooltips, placeholders, aria-labels,
 * status, progress and refusal lines), in English and in Korean, key for key: `UI_KO` is typed
 * by the English keys, so a key missing in one language (or one too many) fails typecheck.
 * index.html names its keys in `data-ui*` attributes (ui-lang.ts applies a language to the
 * page); the panels and app.ts word their lines with `ui(lang, key, values)`. Korean terms are
 * the report's and the CLI's (report/i18n/ko.ts, cli/out-words.ts): 시나리오, 변형, 반복 실행,
 * 실행, 취소, 매개변수, 스윕, 단일 장애점. Option names, paths, numbers and units stay as
 * written; no particle follows a placeholder (its final consonant is unknown).
 * ui-words.test.ts checks the placeholders, that Korean differs from English, and that every
 * key is used somewhere and every key the page names exists. Pure and browser-safe.
 */
import type { Lang } from '../report/i18n/lang.ts';

export const UI_EN = {
  // the page (index.html): title, gallery, panes
  'page.title': 'msasim playground',
  'gallery.label': 'Shipped scenarios',
  'search.placeholder': 'Search scenarios and lessons',
  'search.label': 'Search scenarios',
  'lesson.label': 'Lesson',
  'report.label': 'Report',
  'report.frame': 'The report of the last run',
  'highlights.label': 'Highlights of the last run',
  // the toolbar
  run: '▶ Run',
  cancel: 'Cancel',
  replications: 'replications',
  'replications.title':
    "Independent replications of each variant, as msasim run --replications (empty: the scenario's replications:, else 1); two or more give 95 % confidence intervals",
  'replications.placeholder': "scenario's",
  precision: 'precision ±',
  'precision.title':
    "As msasim run --precision: add replications until every highlight's 95 % half-width is within this share of its mean (at most 30 replications; empty: off)",
  'precision.placeholder': 'off',
  lang: 'language',
  'lang.title':
    'The language of the page, of its lessons and of the report (titles, tables, sentences; names stay as written), as msasim run --lang',
  autorun: 'run as I edit',
  'autorun.title':
    'Rerun after every edit (SLOs show pass or fail as you edit); a challenge’s attempt is checked instead',
  reset: 'Reset to original',
  share: 'Share link',
  'download.scenario': 'Download scenario',
  // the what-if box
  'whatif.legend': 'What-if',
  'whatif.parameter': 'parameter',
  'whatif.from': 'from',
  'whatif.to': 'to',
  'whatif.slider': 'What-if value',
  'whatif.clear': 'Clear',
  'whatif.cleared': 'What-if cleared: runs use the editor’s values.',
  // the sweep and spof box
  'sweep.legend': 'Sweep and single points of failure (as msasim sweep, msasim spof)',
  'sweep.params': 'parameters, one path=v1,v2,… per line',
  'sweep.run': 'Run sweep',
  'spof.mode': 'failures',
  'spof.mode.title': 'How a failed component fails, as msasim spof --mode',
  'spof.all': 'all components',
  'spof.all.title': 'Fail every component, not only the shared ones (msasim spof --all)',
  'spof.run': 'Find single points of failure',
  'spof.running': 'failing each shared component in turn…',
  'spof.done': '{runs} runs (baseline + one per failure).',
  'sweep.running': 'sweeping…',
  'sweep.progress': 'sweeping… {done} of {of} points done',
  'sweep.badReplications':
    'Nothing was run: sweep replications must be a whole number from 1 to 1000.',
  'sweep.done': 'Swept {points} points in {seconds} s.',
  'sweep.invalid': 'The scenario has {n} problem(s) at a grid point; nothing was run.',
  'sweep.cancelled': 'Sweep cancelled; nothing was written.',
  'sweep.crashed': 'The sweep stopped with an error (your scenario is kept in the editor):',
  // the workshop challenges (challenge-panel.ts)
  'challenges.heading': 'Workshop challenges',
  'challenge.label': 'Challenge',
  'challenge.check': '✓ Check',
  'challenge.check.title':
    'Judge the attempt in the editor as msasim challenge does: constraints, budget, goal, answers, score',
  'challenge.checking': 'checking the attempt…',
  'challenge.checked': 'Checked in {seconds} s.',
  'challenge.passed': 'Passed — score {score}/100',
  'challenge.failed': 'Not passed yet — score {score}/100',
  'challenge.solution': 'Compare with the reference solution',
  'challenge.solution.title':
    "Opens the challenge's reference solution in the editor as a file of its own; your attempt stays as it is",
  // runs (app.ts, run-lines.ts)
  'run.nothing': 'Nothing was run: {problem}',
  'run.running': 'running…',
  'run.invalid': 'The scenario has {n} problem(s); nothing was run.',
  'run.cancelled': 'Run cancelled; nothing was written.',
  'run.crashed': 'The simulation stopped with an error (your scenario is kept in the editor):',
  'run.done': 'Simulated in {simulated} s (report {report} s).',
  'choice.replications': 'replications: expected a whole number from 1 to {max}, not {given}',
  'choice.precision': 'precision: expected a percentage above 0 and below 100, not {given}',
  // the gallery, share links, the start
  edited: ' (edited)',
  'reset.fromLink': 'This scenario came from a link: there is no shipped original to go back to.',
  'share.made': 'Share link (copied when the browser allows it), {n} characters:',
  'share.cannotOpen': 'The shared link cannot be opened: {problem}.',
  'share.opened': 'Opened a shared scenario as {file}; it is validated like anything typed.',
  'share.tooLong': 'the link is longer than {max} characters',
  'share.notFormat': 'the link is not in the share format',
  'share.undecodable': 'the link cannot be decoded ({reason})',
  'share.noText': 'the link holds no scenario text',
  'start.failed': 'The playground could not start: {reason}',
  // the data files (data-files-panel.ts)
  'data.file': 'data file {name}: ',
  'data.fileLabel': 'the file {name}',
  'data.missing': ' not given yet: choose it or drop it on the page',
  'data.given': ' {file}, {size} bytes',
  'data.unknown': 'Not a data file this scenario reads: {files} (it reads {reads}).',
  'data.none': 'none',
  // downloads (downloads.ts)
  download: 'Download: ',
  // the highlights (highlights.ts)
  'hl.variant': 'variant',
  'hl.p99': 'p99{over}',
  'hl.over': ' (mean ± 95 % CI, {n} replications)',
  'hl.throughput': 'throughput',
  'hl.errors': 'errors',
  'hl.slos': 'SLOs',
  'hl.was': ' (was {value})',
  'hl.met': '{met} of {n} met',
  'hl.allMet': '✓ all {n} SLOs met',
  'hl.missed': '✗ {missed} of {n} SLOs missed',
} as const;

/** A key of the playground's words. */
export type UiKey = keyof typeof UI_EN;

export const UI_KO: Record<UiKey, string> = {
  'page.title': 'msasim 플레이그라운드',
  'gallery.label': '배포된 시나리오',
  'search.placeholder': '시나리오와 교안 검색',
  'search.label': '시나리오 검색',
  'lesson.label': '교안',
  'report.label': '보고서',
  'report.frame': '마지막 실행의 보고서',
  'highlights.label': '마지막 실행의 주요 지표',
  run: '▶ 실행',
  cancel: '취소',
  replications: '반복 실행',
  'replications.title':
    '변형마다 독립적으로 반복 실행하는 횟수, msasim run --replications와 같음 (비우면 시나리오의 replications:, 그것도 없으면 1). 2회 이상이면 95 % 신뢰 구간이 나옵니다',
  'replications.placeholder': '시나리오 값',
  precision: '정밀도 ±',
  'precision.title':
    'msasim run --precision과 같음: 모든 주요 지표의 95 % 반폭이 평균의 이 비율 이내가 될 때까지 반복 실행을 추가합니다 (최대 30회, 비우면 끔)',
  'precision.placeholder': '끔',
  lang: '언어',
  'lang.title':
    '페이지와 교안과 보고서의 언어 (제목, 표, 문장. 이름은 쓴 그대로), msasim run --lang과 같음',
  autorun: '편집할 때마다 실행',
  'autorun.title':
    '편집할 때마다 다시 실행합니다 (편집하는 동안 SLO 충족 여부가 보입니다). 챌린지의 시도는 실행 대신 채점합니다',
  reset: '원래대로 되돌리기',
  share: '공유 링크',
  'download.scenario': '시나리오 다운로드',
  'whatif.legend': '가정 분석',
  'whatif.parameter': '매개변수',
  'whatif.from': '최소',
  'whatif.to': '최대',
  'whatif.slider': '가정 분석 값',
  'whatif.clear': '지우기',
  'whatif.cleared': '가정 분석을 지웠습니다: 실행은 편집기의 값을 씁니다.',
  'sweep.legend': '스윕과 단일 장애점 (msasim sweep, msasim spof와 같음)',
  'sweep.params': '매개변수, 한 줄에 path=v1,v2,… 하나씩',
  'sweep.run': '스윕 실행',
  'spof.mode': '장애 방식',
  'spof.mode.title': '장애 난 컴포넌트가 어떻게 실패하는지, msasim spof --mode와 같음',
  'spof.all': '모든 컴포넌트',
  'spof.all.title': '공유 컴포넌트만이 아니라 모든 컴포넌트에 장애를 냅니다 (msasim spof --all)',
  'spof.run': '단일 장애점 찾기',
  'spof.running': '공유 컴포넌트에 하나씩 장애를 내는 중…',
  'spof.done': '실행 {runs}번 (기준 + 장애마다 한 번).',
  'challenges.heading': '워크숍 챌린지',
  'challenge.label': '챌린지',
  'challenge.check': '✓ 채점',
  'challenge.check.title':
    '편집기의 시도를 msasim challenge처럼 채점합니다: 제약, 예산, 목표, 답, 점수',
  'challenge.checking': '시도를 채점하는 중…',
  'challenge.checked': '채점했습니다 ({seconds}초).',
  'challenge.passed': '통과 — 점수 {score}/100',
  'challenge.failed': '아직 통과하지 못했습니다 — 점수 {score}/100',
  'challenge.solution': '참고 해답과 비교하기',
  'challenge.solution.title':
    '챌린지의 참고 해답을 편집기에 별도 파일로 엽니다. 여러분의 시도는 그대로 남습니다',
  'sweep.running': '스윕 중…',
  'sweep.progress': '스윕 중… 점 {of}개 중 {done}개 완료',
  'sweep.badReplications':
    '아무것도 실행하지 않았습니다: 스윕의 반복 실행 횟수는 1부터 1000까지의 정수여야 합니다.',
  'sweep.done': '점 {points}개를 스윕했습니다 ({seconds}초).',
  'sweep.invalid':
    '격자의 한 점에서 시나리오에 문제가 {n}개 있습니다. 아무것도 실행하지 않았습니다.',
  'sweep.cancelled': '스윕을 취소했습니다. 아무것도 쓰지 않았습니다.',
  'sweep.crashed': '스윕이 오류로 멈췄습니다 (시나리오는 편집기에 그대로 있습니다):',
  'run.nothing': '아무것도 실행하지 않았습니다: {problem}',
  'run.running': '실행 중…',
  'run.invalid': '시나리오에 문제가 {n}개 있습니다. 아무것도 실행하지 않았습니다.',
  'run.cancelled': '실행을 취소했습니다. 아무것도 쓰지 않았습니다.',
  'run.crashed': '시뮬레이션이 오류로 멈췄습니다 (시나리오는 편집기에 그대로 있습니다):',
  'run.done': '시뮬레이션에 {simulated}초, 보고서에 {report}초 걸렸습니다.',
  'choice.replications': '반복 실행: 1부터 {max}까지의 정수여야 합니다. 입력값: {given}',
  'choice.precision': '정밀도: 0보다 크고 100보다 작은 백분율이어야 합니다. 입력값: {given}',
  edited: ' (편집됨)',
  'reset.fromLink': '이 시나리오는 링크에서 열었습니다: 되돌아갈 배포된 원본이 없습니다.',
  'share.made': '공유 링크 (브라우저가 허용하면 복사됨), {n}자:',
  'share.cannotOpen': '공유된 링크를 열 수 없습니다: {problem}.',
  'share.opened': '공유된 시나리오를 열었습니다: {file}. 직접 입력한 내용처럼 검증합니다.',
  'share.tooLong': '링크가 {max}자보다 깁니다',
  'share.notFormat': '공유 링크 형식이 아닙니다',
  'share.undecodable': '링크를 해독할 수 없습니다 ({reason})',
  'share.noText': '링크에 시나리오 내용이 없습니다',
  'start.failed': '플레이그라운드를 시작할 수 없습니다: {reason}',
  'data.file': '데이터 파일 {name}: ',
  'data.fileLabel': '파일 {name}',
  'data.missing': ' 아직 없음: 파일을 고르거나 페이지에 끌어다 놓으세요',
  'data.given': ' {file}, {size}바이트',
  'data.unknown': '이 시나리오가 읽는 데이터 파일이 아닙니다: {files} (읽는 파일: {reads}).',
  'data.none': '없음',
  download: '다운로드: ',
  'hl.variant': '변형',
  'hl.p99': 'p99{over}',
  'hl.over': ' (평균 ± 95 % 신뢰 구간, 반복 실행 {n}회)',
  'hl.throughput': '처리량',
  'hl.errors': '오류',
  'hl.slos': 'SLO',
  'hl.was': ' (이전 {value})',
  'hl.met': '{n}개 중 {met}개 충족',
  'hl.allMet': '✓ SLO {n}개 모두 충족',
  'hl.missed': '✗ SLO {n}개 중 {missed}개 미충족',
};

/** The catalogue of each language. */
export const UI_WORDS: Readonly<Record<Lang, Readonly<Record<UiKey, string>>>> = {
  en: UI_EN,
  ko: UI_KO,
};

/** Whether `x` is a key of the catalogue (a `data-ui*` attribute read from the page). */
export const isUiKey = (x: string): x is UiKey => Object.hasOwn(UI_EN, x);

/** A line of the page in either language: worded again when the language changes. */
export type Said = (lang: Lang) => string;

/**
 * The words `key` in `lang` with each `{name}` replaced by `values[name]` (numbers as given:
 * format them first). A placeholder without a value is a bug and throws.
 */
export function ui(lang: Lang, key: UiKey, values: Record<string, string | number> = {}): string {
  return UI_WORDS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`playground words ${key}: no value for {${name}}`);
    return String(v);
  });
}
