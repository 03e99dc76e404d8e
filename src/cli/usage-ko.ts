/**
 * Command-line errors in Korean (issue 17, `--lang ko` or a Korean locale): commander's own
 * messages (an unknown option or command, a bad or missing option value, a missing or extra
 * argument) reworded by their fixed English frame; what the frame quotes (option names, values,
 * the choices) stays as written, and a message of another shape keeps its English after "오류:".
 * An option parser's own sentence (what was expected) comes in Korean from the ValueError it
 * throws (cli/option-parsers.ts), chosen by `spokenParsers`. The language is read from the
 * command line before commander parses it (an error can come before any option is known):
 * `--lang ko`, `--lang=ko`, else the locale.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { type Lang, langFromEnv } from '../report/i18n/lang.ts';
import { ValueError } from './option-parsers.ts';

/** The line printed after a usage error. */
export const usageTrailer = (lang: Lang): string =>
  lang === 'ko' ? '(사용법은 "msasim --help"로 볼 수 있습니다)' : '(run "msasim --help" for usage)';

/** The language of usage errors: `--lang` as written on the command line, else the locale's. */
export function usageLang(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    const value =
      args[i] === '--lang'
        ? args[i + 1]
        : args[i].startsWith('--lang=')
          ? args[i].slice(7)
          : undefined;
    if (value === 'ko' || value === 'en') return value;
  }
  return langFromEnv(env);
}

/** Commander's frames and their Korean; `$n` are the frame's quoted parts. */
const FRAMES: [RegExp, string][] = [
  [
    /^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/m,
    "오류: 옵션 '$1'에 쓸 수 없는 값 '$2'. 쓸 수 있는 값: $3.",
  ],
  [
    /^error: option '(.+?)' argument '(.*?)' is invalid\./m,
    "오류: 옵션 '$1'에 쓸 수 없는 값 '$2'.",
  ],
  [/^error: option '(.+?)' argument missing$/m, "오류: 옵션 '$1'에 값이 없습니다"],
  [/^error: unknown option '(.+?)'/m, "오류: 알 수 없는 옵션 '$1'"],
  [/^error: unknown command '(.+?)'/m, "오류: 알 수 없는 명령 '$1'"],
  [/^error: missing required argument '(.+?)'$/m, "오류: 필수 인자가 없습니다: '$1'"],
  [
    /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/m,
    '오류: 인자가 너무 많습니다. $2개를 받는데 $3개가 주어졌습니다.',
  ],
  [/^error: /m, '오류: '],
  [/\(Did you mean (.+?)\?\)/, '(혹시 $1인가요?)'],
];

/** A commander error message in Korean (see FRAMES); parts of no known frame stay English. */
export function usageErrorKo(text: string): string {
  let out = text;
  let framed = false;
  for (const [re, ko] of FRAMES) {
    const isErrorFrame = ko.startsWith('오류');
    if (isErrorFrame && framed) continue;
    if (re.test(out)) {
      out = out.replace(re, ko);
      if (isErrorFrame) framed = true;
    }
  }
  return out;
}

/**
 * Makes the option parsers of `program` and its commands speak `lang`: in Korean, a parser's
 * ValueError is thrown again with its Korean sentence, which commander prints in the frame
 * above. Returns `program`.
 */
export function spokenParsers(program: Command, lang: Lang): Command {
  if (lang !== 'ko') return program;
  for (const command of [program, ...program.commands])
    for (const option of command.options) {
      const parse = option.parseArg;
      if (parse === undefined) continue;
      option.parseArg = <T>(value: string, previous: T): T => {
        try {
          return parse(value, previous);
        } catch (e) {
          if (e instanceof ValueError) throw new InvalidArgumentError(e.ko);
          throw e;
        }
      };
    }
  return program;
}
