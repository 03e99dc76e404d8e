/**
 * The languages of the report's own words (its chrome: section titles, table headers, verdicts,
 * sentences; issue 17). What a user wrote (names, descriptions) is shown as written whatever the
 * language, and the data files (CSV columns, JSON keys) stay English: they are identifiers.
 * Pure and browser-safe: the CLI reads the locale from its environment and passes it here as a
 * plain object; the playground passes navigator.language.
 */

/** A language of the report's words. */
export type Lang = 'en' | 'ko';

/** The languages, in the order `--lang` lists them. */
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** Whether `x` is a language of the report. */
export const isLang = (x: unknown): x is Lang => x === 'en' || x === 'ko';

/** A locale name ("ko_KR.UTF-8", "ko-KR", "en_US", "C") → its language: Korean or else English. */
export function langOfLocale(locale: string | undefined): Lang {
  return locale !== undefined && /^ko(?:[_\-.@]|$)/i.test(locale) ? 'ko' : 'en';
}

/**
 * The language the locale environment asks for, as POSIX orders it: the first of LC_ALL,
 * LC_MESSAGES, LANG that is set and not empty (an empty variable counts as unset); Korean
 * when it starts with "ko", else English.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return langOfLocale(locale);
}
