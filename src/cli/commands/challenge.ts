/**
 * `msasim challenge`: workshop exercises (src/challenge/, issue 17).
 *   --list                          the shipped challenges (scenarios/challenges/*.challenge.yaml)
 *   <challenge>                     print the brief and write the starting attempt (--out, default
 *                                   <name>.attempt.yaml): created only where nothing is, never
 *                                   over a file (a copy of the base already there is left alone)
 *   <challenge> <attempt.yaml>      judge the attempt: constraints, budget, goal, answers, score;
 *                                   exit 0 when it passes, 3 (as `run --check`) when it does not
 * <challenge> is a challenge file or the name of a shipped one. The attempt's variants run with
 * the challenge's replications under the runaway guards; no report is written (`msasim run` on
 * the attempt writes one).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { judgeAttempt } from '../../challenge/check.ts';
import {
  ATTEMPT_MARKER,
  formatBrief,
  formatVerdict,
  startingAttempt,
} from '../../challenge/format.ts';
import {
  type Attempt,
  bindChallenge,
  type Challenge,
  parseAttempt,
  parseChallenge,
} from '../../challenge/load.ts';
import { runAttempt } from '../../challenge/run.ts';
import { challengeTexts } from '../../challenge/translation.ts';
import { LANGS, type Lang } from '../../report/i18n/lang.ts';
import { t } from '../../report/i18n/t.ts';
import { displayWidth, padEndTo, padStartTo } from '../../report/text-table.ts';
import { formatIssues } from '../../scenario/format.ts';
import { readScenarioText } from '../../scenario/load.ts';
import { didYouMean } from '../../scenario/suggest.ts';
import { challengeBrief, type ShippedChallenge } from '../../web/challenge.ts';
import { OutPathError, SLO_FAILED_EXIT, UsageError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { chosenLang } from '../lang.ts';
import { gatherFileOutFacts, writeFileOut } from '../out-file.ts';
import { refusalText, refusalTextKo } from '../out-rules.ts';
import { CHECK_EVERY, CommandBudget, type GuardLimits, RunGuard } from '../run-guard.ts';
import { checkGuards } from '../run-variants.ts';
import { scenariosDir } from './list.ts';

/** Options of `msasim challenge`. */
export interface ChallengeOptions extends GuardLimits {
  list?: boolean;
  /** Where to write the starting attempt. */
  out?: string;
  /** The language of the brief and the verdict (else the locale's). */
  lang?: Lang;
}

/** The folder of shipped challenges. */
export function challengesDir(): string {
  return join(scenariosDir(), 'challenges');
}

/** The suffix of a challenge file. */
export const CHALLENGE_SUFFIX = '.challenge.yaml';

// the starting attempt and its first line are the challenge's (the playground writes it too)
export { ATTEMPT_MARKER, startingAttempt } from '../../challenge/format.ts';

/** The shipped challenge files, sorted by name. */
export async function shippedChallenges(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const names = await readdir(challengesDir());
  return names.filter((n) => n.endsWith(CHALLENGE_SUFFIX)).sort();
}

/**
 * A challenge file by path, or a shipped challenge by name, with or without its number
 * (`blast-radius`, `01-blast-radius`); did-you-mean when neither, against the names as
 * written both ways. `byName`: found among the shipped ones.
 */
async function findChallenge(given: string): Promise<{ file: string; byName: boolean }> {
  const { stat } = await import('node:fs/promises');
  const exists = await stat(given).then(
    () => true,
    () => false,
  );
  if (exists || given.includes('/') || given.endsWith('.yaml'))
    return { file: given, byName: false };
  const shipped = await shippedChallenges();
  const names = shipped.map((f) => f.slice(0, -CHALLENGE_SUFFIX.length));
  const short = (n: string) => n.replace(/^\d+-/, '');
  const found = names.find((n) => n === given || short(n) === given);
  if (found !== undefined)
    return { file: join(challengesDir(), `${found}${CHALLENGE_SUFFIX}`), byName: true };
  // in the form the user wrote: numbered, or short (as the brief and the README write them)
  const [first, second] = /^\d+-/.test(given)
    ? [names, names.map(short)]
    : [names.map(short), names];
  const guess = didYouMean(given, first) ?? didYouMean(given, second);
  throw new UsageError(
    `no challenge file or shipped challenge "${given}"${guess ? `; did you mean "${guess}"?` : ''} (msasim challenge --list shows them)`,
    {
      ko: `챌린지 파일도 제공된 챌린지도 아닙니다: "${given}"${guess ? `; 혹시 "${guess}"인가요?` : ''} (msasim challenge --list로 목록을 볼 수 있습니다)`,
    },
  );
}

/**
 * The shipped challenges as the playground carries them (scripts/build-web.mjs writes them
 * into its assets): each challenge's text with its base scenario's and its solution's, under
 * the names `scenarios/challenges/<file>` (as the gallery names the shipped scenarios).
 */
export async function playgroundChallenges(): Promise<ShippedChallenge[]> {
  const dir = challengesDir();
  const named = (f: string) => `scenarios/challenges/${f}`;
  const out: ShippedChallenge[] = [];
  for (const f of await shippedChallenges()) {
    const text = await readFile(join(dir, f), 'utf8');
    const { def } = parseChallenge(text, join(dir, f));
    const base = {
      file: named(def.scenario),
      text: await readFile(join(dir, def.scenario), 'utf8'),
    };
    const solution =
      def.solution === undefined
        ? null
        : { file: named(def.solution), text: await readFile(join(dir, def.solution), 'utf8') };
    const files = { name: basename(f, CHALLENGE_SUFFIX), file: named(f), text, base };
    const words = LANGS.map((lang) => [lang, challengeBrief(files, lang)] as const);
    out.push({
      ...files,
      solution,
      attemptFile: words[0][1].file,
      words: Object.fromEntries(
        words.map(([lang, { title, brief, attempt }]) => [lang, { title, brief, attempt }]),
      ) as ShippedChallenge['words'],
    });
  }
  return out;
}

/** Reads and checks a challenge file and its base scenario. @throws ScenarioError. */
export async function loadChallenge(
  file: string,
): Promise<{ challenge: Challenge; base: Attempt; baseFile: string; baseText: string }> {
  const challenge = parseChallenge(await readScenarioText(file), file);
  const baseFile = join(dirname(file), challenge.def.scenario);
  const baseText = await readScenarioText(baseFile);
  return { challenge, base: bindChallenge(challenge, baseText, baseFile), baseFile, baseText };
}

/** Runs an attempt (challenge/run.ts) under the runaway guards; its analysis. */
async function runGuarded(c: Challenge, attempt: Attempt, limits: GuardLimits) {
  const budget = new CommandBudget(limits.maxWall);
  let guard: RunGuard | undefined;
  return runAttempt(c, attempt, relative(process.cwd(), attempt.file), {
    options: () => {
      budget.checkBefore({ en: `the run of ${attempt.file}`, ko: `${attempt.file} 실행` });
      const g = new RunGuard(limits, budget);
      guard = g;
      return {
        maxEvents: limits.maxEvents,
        checkEvery: CHECK_EVERY,
        onCheckpoint: (sim, probe) => g.check(sim, probe),
      };
    },
    after: (scenario, result) => checkGuards(scenario, result, limits, guard as RunGuard),
  });
}

/**
 * `word` as one word of a POSIX shell command to copy: as it is when it holds only characters
 * no shell treats specially, else in single quotes (a path with a space, say).
 */
export function shellWord(word: string): string {
  if (/^[\p{L}\p{N}_./:@%+=,-]+$/u.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** `msasim challenge`; returns the exit code. */
export async function challengeCommand(
  given: string | undefined,
  attemptFile: string | undefined,
  opts: ChallengeOptions,
  io: CliIo,
): Promise<number> {
  if (opts.list) return listChallenges(io, chosenLang(opts.lang, io));
  if (given === undefined)
    throw new UsageError('name a challenge (msasim challenge --list shows them), or give --list', {
      ko: '챌린지 이름을 주거나 --list를 주세요 (msasim challenge --list로 목록을 볼 수 있습니다)',
    });
  const { file, byName } = await findChallenge(given);
  const { challenge, base, baseText } = await loadChallenge(file);
  const lang = chosenLang(opts.lang, io);
  if (attemptFile === undefined) {
    io.out(formatBrief(challenge, lang));
    const out = opts.out ?? `${challenge.def.name}.attempt.yaml`;
    // a shipped challenge by the name the user gave (it works from any folder), a file by its path
    const shown = shellWord(byName ? given : relative(process.cwd(), resolve(file)) || file);
    await writeAttempt(
      out,
      startingAttempt(challenge, shown, baseText, lang),
      io,
      lang,
      opts.out === undefined,
    );
    io.out(`\n${t(lang, 'ch.start', { out })}\n  msasim challenge ${shown} ${shellWord(out)}\n`);
    return 0;
  }
  if (opts.out !== undefined)
    throw new UsageError(
      '--out names where the starting attempt goes; give it without an attempt',
      {
        ko: '--out은 시작 시도 파일을 쓸 곳입니다; 시도 파일 없이 주세요',
      },
    );
  const attempt = parseAttempt(challenge, await readScenarioText(attemptFile), attemptFile);
  if (attempt.loaded.warnings.length > 0)
    io.err(`${formatIssues(attempt.loaded.warnings, lang)}\n`);
  let verdict = judgeAttempt(challenge, base.raw, attempt, null);
  if (verdict.violations.length === 0)
    verdict = judgeAttempt(
      challenge,
      base.raw,
      attempt,
      await runGuarded(challenge, attempt, opts),
    );
  const texts = challengeTexts(challenge.def, lang);
  const head = t(lang, 'ch.v.head', { name: challenge.def.name, title: texts.title });
  io.out(`${head}\n${formatVerdict(verdict, attemptFile, lang, texts.asks)}`);
  // what to do next (on stderr: the verdict ends with its score): the brief's hints, when the
  // attempt ran and missed its goal
  if (!verdict.pass && verdict.violations.length === 0 && challenge.def.hints.length > 0) {
    const shown = shellWord(byName ? given : relative(process.cwd(), resolve(file)) || file);
    io.err(`${t(lang, 'ch.v.hintsNext', { command: `msasim challenge ${shown}` })}\n`);
  }
  return verdict.pass ? 0 : SLO_FAILED_EXIT;
}

/**
 * Writes the starting attempt at `out` when nothing is there; a file holding exactly that text
 * is left as it is; anything else is refused (exit 2, nothing touched): an attempt the user
 * changed is theirs, whatever its first line says. At the default place (`byDefault`: no
 * --out), an attempt the user has been editing (its first line msasim's) is left as it is with
 * a note, so that reading the brief again is not an error.
 */
async function writeAttempt(
  out: string,
  text: string,
  io: CliIo,
  lang: Lang,
  byDefault: boolean,
): Promise<void> {
  const facts = await gatherFileOutFacts(out, '--out', ATTEMPT_MARKER);
  if (facts.target?.kind === 'file') {
    const now = await readFile(facts.resolved, 'utf8').catch(() => null);
    if (now === text) {
      io.err(`${t(lang, 'ch.start.unchanged', { out })}\n`);
      return;
    }
    if (byDefault && now?.startsWith(ATTEMPT_MARKER)) {
      io.err(`${t(lang, 'ch.start.kept', { out })}\n`);
      return;
    }
    throw new OutPathError(
      refusalText(
        facts,
        'a file is there (an attempt you changed, or a file msasim did not write)',
        'give another --out, or check that file: msasim challenge <challenge> <file>',
      ),
      {
        ko: refusalTextKo(
          facts,
          '파일이 이미 있습니다 (고친 시도 파일이거나 msasim이 쓰지 않은 파일)',
          '다른 --out을 주거나, 그 파일을 판정하세요: msasim challenge <challenge> <file>',
        ),
      },
    );
  }
  await writeFileOut(out, '--out', text, ATTEMPT_MARKER, 'a starting attempt', '시작 시도 파일');
}

/** Prints the shipped challenges: name, experiment, title (in `lang` when translated). */
async function listChallenges(io: CliIo, lang: Lang): Promise<number> {
  const rows: [string, string, string][] = [];
  for (const f of await shippedChallenges()) {
    const c = parseChallenge(await readScenarioText(join(challengesDir(), f)), f);
    const title = challengeTexts(c.def, lang).title;
    rows.push([basename(f, CHALLENGE_SUFFIX), String(c.def.experiment), title]);
  }
  const head = [t(lang, 'ch.list.name'), t(lang, 'ch.list.exp'), t(lang, 'ch.list.title')];
  const width = Math.max(displayWidth(head[0]), ...rows.map((r) => displayWidth(r[0])));
  const expWidth = Math.max(3, displayWidth(head[1]));
  io.out(`${padEndTo(head[0], width)}  ${padStartTo(head[1], expWidth)}  ${head[2]}\n`);
  for (const [name, exp, title] of rows)
    io.out(`${padEndTo(name, width)}  ${padStartTo(exp, expWidth)}  ${title}\n`);
  const command = `msasim challenge <${head[0]}>`;
  io.out(`\n${t(lang, 'ch.list.start', { command })}\n`);
  return 0;
}
