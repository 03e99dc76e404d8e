/**
 * The Korean texts of the problems with a lesson's figures (`{{variant: reference}}`) and claims
 * (its ```claims block): one function per English function of messages-lesson.ts, of the same
 * name and arguments (messages-ko.test.ts checks the pairs). Variants, references and file names
 * stay as written.
 */
import type { Bilingual, KoText } from './issues.ts';
import { didYouMean } from './suggest.ts';

export function unknownLessonVariant(name: string, known: readonly string[]): KoText {
  const guess = didYouMean(name, known);
  return {
    message: `시나리오에 변형 "${name}"이(가) 없습니다`,
    hint: `${guess === undefined ? '' : `혹시 "${guess}"인가요? `}변형: ${known.join(', ')}`,
  };
}

export function lessonNeedsVariant(text: string, known: readonly string[]): KoText {
  return {
    message: `"${text}"이(가) 어느 변형의 수치인지 말하지 않습니다`,
    hint: `{{변형: 참조}} 형식으로 쓰세요 (예: "${known[0]}: p99"); 변형: ${known.join(', ')}`,
  };
}

/** The Korean message of a reference's problem, said as a problem of the lesson. */
export function inLesson(where: Bilingual, message: string): string {
  return `${where.ko}: ${message}`;
}

export function badLessonClaim(line: string): KoText {
  return {
    message: `"${line}"은(는) 주장이 아닙니다`,
    hint: '한 줄에 주장 하나를 쓰세요: <참조> <연산자> <참조 또는 숫자>, 연산자는 < <= > >= = != ≈ (≤ ≥ ≠ ~=) 중 하나 (예: "batch+cache: rows per request < join: rows per request", "sticky: sessions lost > 0", "events-old: p50 >= 6× crud: p50"); #은 주석을 시작합니다',
  };
}

export function badLessonFigure(option: string): KoText {
  return {
    message: `"${option}"은(는) 수치를 보여 주는 방식이 아닙니다`,
    hint: '| 뒤에 mean(평균만)이나 interval(95 % 신뢰 구간)을 쓰세요 (예: {{sticky: sessions lost | mean}})',
  };
}

export function translationHasClaims(original: string): KoText {
  return {
    message: `번역은 ${original}의 주장을 함께 씁니다: 자기 \`\`\`claims 블록을 두지 않습니다`,
    hint: `이 블록을 지우고 주장은 ${original}에 두세요; 주장은 한 번 검사되어, 번역된 레슨 끝에 페이지의 언어로 나열됩니다`,
  };
}

export function translationFigureMissing(figure: string, original: string): KoText {
  return {
    message: `${original}은(는) {{${figure}}}을(를) 인용하는데 이 번역은 인용하지 않습니다`,
    hint: '번역은 원문과 같은 수치를 (중괄호 사이의 같은 글로) 인용해 둘이 같은 숫자를 말하게 합니다',
  };
}

export function translationFigureExtra(figure: string, original: string): KoText {
  return {
    message: `{{${figure}}}은(는) ${original}의 수치가 아닙니다`,
    hint: `번역은 원문과 같은 수치를 인용합니다: ${original}에도 추가하거나, 원문이 인용하는 수치를 쓰세요`,
  };
}
