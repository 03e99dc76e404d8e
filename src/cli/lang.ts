/**
 * `--lang ko|en`: the language of the report's own words (the console summary, the page; issue
 * 17). Without the option, the locale decides: LC_ALL, then LC_MESSAGES, then LANG (the first set
 * and not empty) starting with "ko" → Korean, else English (report/i18n/lang.ts `langFromEnv`).
 * The environment is the one the command was given (`CliIo.env`; none in tests run in-process,
 * so they are English unless they ask). The language is a view: results.json does not depend
 * on it, and `msasim report --lang` rebuilds a page in the other one.
 */
import { Option } from 'commander';
import { LANGS, type Lang, langFromEnv } from '../report/i18n/lang.ts';
import type { CliIo } from './console-io.ts';

/** The `--lang` option; `what` it sets the language of (default: the summary and the page). */
export const langOption = (what = 'the console summary and the HTML page'): Option =>
  new Option(
    '--lang <lang>',
    `language of ${what} (default: from the locale, LC_ALL / LC_MESSAGES / LANG starting with "ko" → ko, else en)`,
  ).choices(LANGS);

/** The language asked with --lang, else the locale's. */
export function chosenLang(asked: Lang | undefined, io: CliIo): Lang {
  return asked ?? langFromEnv(io.env ?? {});
}

/** Whether CSV files start with a byte-order mark: --csv-bom / --no-csv-bom, else with Korean. */
export const csvBomFor = (asked: boolean | undefined, lang: Lang): boolean =>
  asked ?? lang === 'ko';
