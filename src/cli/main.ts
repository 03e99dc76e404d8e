/**
 * The msasim command line: the one place that touches the console, the disk, the wall clock
 * and exit codes. createProgram() builds a fresh commander program (tests use exitOverride);
 * main() runs it and maps errors to exit codes: scenario problems and failed writes 1, usage and
 * refused output paths 2, bugs 70. Output to a closed pipe (`msasim schema | head`) is dropped.
 */

import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../report/i18n/lang.ts';
import { DEFAULT_MAX_REPLICATIONS } from '../report/precision-default.ts';
import { formatIssues } from '../scenario/format.ts';
import { ScenarioError } from '../scenario/issues.ts';
import { type CliIo, ignoreClosedPipes, processIo } from './console-io.ts';
import {
  ExitCode,
  exitOnUncaught,
  InputFileError,
  InternalError,
  OutPathError,
  OutputWriteError,
  RunGuardError,
  SLO_FAILED_EXIT,
  SweepError,
  UsageError,
} from './errors.ts';
import { MAX_REPLICATIONS } from './guard-defaults.ts';
import { withGuards } from './guard-options.ts';
import { chosenLang, langOption } from './lang.ts';
import {
  parseDurationOption,
  parseJobsOption,
  parsePrecisionOption,
  parseReplicationsOption,
  parseResolutionOption,
  parseSeedOption,
  parseTraceReplication,
  parseWarmupOption,
  parseWorkersOption,
  ValueError,
} from './option-parsers.ts';
import { parseParamOption, parseShardOption } from './sweep-args.ts';
import { spokenParsers, usageErrorKo, usageLang, usageTrailer } from './usage-ko.ts';
import { VERSION } from './version.ts';

/**
 * Builds the command tree; each action stores its exit code in `result.code`. Commander never
 * exits the process: usage errors throw a CommanderError (exitOverride, inherited by commands).
 */
export function createProgram(io: CliIo, result: ProgramResult, usage: Lang = 'en'): Command {
  const program = new Command('msasim')
    .description('Discrete-event simulator that compares microservice-architecture choices')
    .version(VERSION)
    .showHelpAfterError(usageTrailer(usage))
    .exitOverride()
    .configureOutput({
      writeOut: (t) => io.out(t),
      writeErr: (t) => io.err(t),
      // usage errors in the language of --lang or the locale (cli/usage-ko.ts)
      outputError: (t, write) => write(usage === 'ko' ? usageErrorKo(t) : t),
    });

  /**
   * The action of a command on one file that speaks --lang (compare, calibrate, sweep): the
   * language chosen (the option, else the locale) goes to the command, loaded when it runs, and
   * to `result`, for the errors main() prints.
   */
  const fileAction =
    <O extends { lang?: Lang }>(
      load: () => Promise<(file: string, opts: O, io: CliIo) => Promise<number>>,
    ) =>
    async (file: string, opts: O) => {
      result.lang = chosenLang(opts.lang, io);
      result.code = await (await load())(file, { ...opts, lang: result.lang }, io);
    };

  withRunOptions(
    program
      .command('run')
      .description(
        'run a scenario: print its summary and write its report to reports/<name> (or --out): index.html, the self-contained HTML page, with results.json, summary.json and the CSV files',
      )
      .argument('<scenario>', 'scenario file (.yaml or .json)'),
  )
    .addOption(
      new Option('--format <format>', 'what to print').choices(['table', 'json']).default('table'),
    )
    .option('--wide', 'print tables at their full width (default: fitted to 100 columns)')
    .option('--check', `exit with code ${SLO_FAILED_EXIT} when an SLO of the scenario is not met`)
    .option(
      '--watch',
      'run again each time the scenario file or its lesson is saved, rewriting the report (Ctrl-C to stop)',
    )
    .action(async (file: string, opts) => {
      const { runCommand } = await import('./commands/run.ts');
      const lang = chosenLang(opts.lang, io);
      result.lang = lang;
      result.code = await runCommand(
        file,
        { ...opts, lang, onError: (e) => handleError(e, io, lang) },
        io,
      );
    });

  withRunOptions(
    program
      .command('compare')
      .description(
        'run every variant of a scenario with the same seed, print the highlights and the comparison of the variants (not the per-variant tables) and write the report of run plus compare.csv, compare.json',
      )
      .argument('<scenario>', 'scenario file (.yaml or .json)'),
  )
    .addOption(
      new Option('--format <format>', 'what to print: the table, or compare.json')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option('--wide', 'print tables at their full width (default: fitted to 100 columns)')
    .action(fileAction(async () => (await import('./commands/compare.ts')).compareCommand));

  program
    .command('calibrate')
    .description(
      'fit a service-time distribution to measured durations (a CSV column, or the spans of a service in an OTLP/JSON trace) and print it as a scenario snippet with goodness-of-fit figures',
    )
    .argument('<file>', 'a CSV of durations, or an OTLP/JSON trace (.json)')
    .option(
      '--column <name>',
      'the CSV column holding the durations (its number when the file has no header)',
    )
    .addOption(
      new Option('--unit <unit>', 'unit of bare numbers in the CSV')
        .choices(['ns', 'us', 'ms', 's'])
        .default('ms'),
    )
    .option(
      '--service <name>',
      'the service whose spans to fit (OTLP; needed when the trace has several)',
    )
    .option('--span <name>', 'only spans with this name (OTLP)')
    .addOption(langOption('its summary, advice and errors'))
    .action(fileAction(async () => (await import('./commands/calibrate.ts')).calibrateCommand));

  withGuards(
    program
      .command('sweep')
      .description(
        'run a scenario at every point of a grid of parameter values (× its variants × replications) on all cores; write sweep.json, sweep.csv, sweep.html and the points/ for --resume and merge',
      )
      .argument('<scenario>', 'scenario file (.yaml or .json)')
      .option(
        '--param <path=values>',
        'a scenario path and its values, e.g. services.orders.instances=2,4,8 (repeat for a grid; the first varies slowest)',
        parseParamOption,
      )
      .option(
        '--replications <n>',
        `independent replications of each variant at each point (at most ${MAX_REPLICATIONS})`,
        parseReplicationsOption,
        1,
      )
      .option('--seed <n>', 'random seed (overrides the scenario)', parseSeedOption)
      .option(
        '--duration <d>',
        'simulated duration, e.g. 60s (overrides the scenario)',
        parseDurationOption,
      )
      .option('--out <dir>', 'output folder (default: reports/<scenario name>-sweep)')
      .option('--workers <k>', 'worker threads (default: the available cores)', parseWorkersOption)
      .option(
        '--shard <i/n>',
        'run only the points whose index ≡ i−1 (mod n) and save them for msasim merge, e.g. --shard $((JOB_COMPLETION_INDEX+1))/4',
        parseShardOption,
      )
      .option('--resume', 'keep the points already finished in --out and run only the others')
      .option('--wide', 'print the table at its full width (default: fitted to 100 columns)')
      .option('--csv-bom', CSV_BOM_HELP)
      .addOption(langOption())
      .option('--quiet', 'no progress bar'),
  ).action(fileAction(async () => (await import('./commands/sweep.ts')).sweepCommand));

  withGuards(
    program
      .command('spof')
      .description(
        'fail each shared component in turn (databases, caches, services with two or more callers) and print the impact matrix: availability and p99 of every entry endpoint during the failure; write spof.json, spof.csv, spof.html',
      )
      .argument('<scenario>', 'scenario file (.yaml or .json)')
      .option('--variant <name>', 'the variant to analyse (default: the first)')
      .addOption(
        new Option('--mode <mode>', 'how a failed component fails')
          .choices(['refuse', 'hang'])
          .default('refuse'),
      )
      .option(
        '--at <d>',
        'when the failure starts (default: a third into the measured time)',
        parseDurationOption,
      )
      .option(
        '--for <d>',
        'how long it lasts (default: a third of the measured time)',
        parseDurationOption,
      )
      .option('--all', 'fail every component, not only the shared ones')
      .option('--seed <n>', 'random seed (overrides the scenario)', parseSeedOption)
      .option('--duration <d>', 'simulated duration (overrides the scenario)', parseDurationOption)
      .option('--out <dir>', 'output folder (default: reports/<scenario name>-spof)')
      .option('--quiet', 'no progress output (spof draws none; accepted as by run, compare, sweep)')
      .addOption(langOption()),
  ).action(async (file: string, opts) => {
    const { spofCommand } = await import('./commands/spof.ts');
    result.code = await spofCommand(file, opts, io);
  });

  program
    .command('merge')
    .description(
      'merge the --out folders of the shards of one sweep into the files a single machine writes (sweep.json, sweep.csv, sweep.html)',
    )
    .argument('<dirs...>', 'the shard folders')
    .option('--out <dir>', 'output folder (default: reports/<scenario name>-sweep)')
    .option('--wide', 'print the table at its full width (default: fitted to 100 columns)')
    .option('--csv-bom', CSV_BOM_HELP)
    .addOption(langOption())
    .action(async (dirs: string[], opts) => {
      const { mergeCommand } = await import('./commands/merge.ts');
      result.code = await mergeCommand(dirs, { ...opts, lang: chosenLang(opts.lang, io) }, io);
    });

  program
    .command('validate')
    .description(
      'check scenario files (and *.challenge.yaml files, with their scenario and solution) and report every problem with its position',
    )
    .argument('<files...>', 'scenario files')
    .addOption(langOption())
    .action(async (files: string[], opts: { lang?: Lang }) => {
      const { validateCommand } = await import('./commands/validate.ts');
      result.code = await validateCommand(files, io, chosenLang(opts.lang, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the scenario language (for editor autocompletion)')
    .option('--challenge', 'the JSON Schema of a challenge file (*.challenge.yaml) instead')
    .action(async (opts: { challenge?: boolean }) => {
      const schema = opts.challenge
        ? (await import('../challenge/schema.ts')).challengeJsonSchema()
        : (await import('../model/language.ts')).scenarioJsonSchema();
      io.out(`${JSON.stringify(schema, null, 2)}\n`);
      result.code = 0;
    });

  withGuards(
    program
      .command('challenge')
      .description(
        `a workshop challenge: without an attempt, print its brief (goal, what may change, budget, hints, questions) and write the starting attempt; with one, judge it (constraints, budget, goal, answers, score) and exit 0 when it passes, ${SLO_FAILED_EXIT} when not`,
      )
      .argument('[challenge]', 'a challenge file (*.challenge.yaml) or the name of a shipped one')
      .argument('[attempt]', 'your attempt: a scenario file')
      .option('--list', 'list the shipped challenges')
      .option('--out <file>', 'where to write the starting attempt (default: <name>.attempt.yaml)')
      .addOption(langOption()),
  ).action(async (challenge: string | undefined, attempt: string | undefined, opts) => {
    const { challengeCommand } = await import('./commands/challenge.ts');
    // the challenge's and the attempt's scenario problems are printed in its language
    result.lang = chosenLang(opts.lang, io);
    result.code = await challengeCommand(challenge, attempt, { ...opts, lang: result.lang }, io);
  });

  program
    .command('list')
    .description('list the shipped scenarios')
    .addOption(langOption('its own sentences (the descriptions stay as the scenarios write them)'))
    .action(async (opts: { lang?: Lang }) => {
      const { listCommand } = await import('./commands/list.ts');
      result.lang = chosenLang(opts.lang, io);
      result.code = await listCommand(io, result.lang);
    });

  program
    .command('report')
    .description(
      'rebuild index.html, the self-contained HTML report, of a report folder from its results.json',
    )
    .argument('<dir>', 'a report folder written by run or compare (reports/<scenario name>)')
    .addOption(langOption())
    .action(async (dir: string, opts: { lang?: Lang }) => {
      const { reportCommand } = await import('./commands/report.ts');
      result.code = await reportCommand(dir, io, chosenLang(opts.lang, io));
    });

  program
    .command('playground')
    .description(
      'write the browser playground (editor, engine, shipped scenarios, report) as one HTML file that works offline',
    )
    .option('--out <file>', 'the HTML file to write', 'playground.html')
    .action(async (opts: { out: string }) => {
      const { playgroundCommand } = await import('./commands/playground.ts');
      result.code = await playgroundCommand(opts.out, io);
    });
  return spokenParsers(program, usage);
}

/** What --csv-bom does, in `--help`. */
const CSV_BOM_HELP =
  'start every CSV file with a UTF-8 byte-order mark, so Excel (e.g. on Korean Windows) reads Hangul and other non-ASCII text correctly';

/** Adds the options `run` and `compare` share: seed, duration, output folder and the guards. */
function withRunOptions(command: Command): Command {
  // whether --duration was written without a unit ('5' is 5 ms): only then is a short run
  // warned that a number without a unit is milliseconds (commander passes the text as written)
  command.on('option:duration', (written: string) =>
    command.setOptionValue('durationWithoutUnit', Number.isFinite(Number(written))),
  );
  return withGuards(
    command
      .option('--seed <n>', 'random seed (overrides the scenario)', parseSeedOption)
      .option(
        '--duration <d>',
        'simulated duration, e.g. 60s (overrides the scenario)',
        parseDurationOption,
      )
      .option('--out <dir>', 'output folder (default: reports/<scenario name>)')
      .option(
        '--series-resolution <d>',
        'seconds per point of the time series, e.g. 1s (default: 1 s up to 4,000 s simulated, coarser beyond, at most 4,000 points)',
        parseResolutionOption,
      )
      .option(
        '--replications <n>',
        `independent replications of each variant (default: the scenario's replications:, else 1; 95 % confidence intervals need ≥ 2; at most ${MAX_REPLICATIONS})`,
        parseReplicationsOption,
      )
      .option(
        '--precision <p>',
        "add replications until every highlight's 95 % half-width is within p of its mean, e.g. 5%",
        parsePrecisionOption,
      )
      .option(
        '--max-replications <n>',
        `the most replications --precision runs (default ${DEFAULT_MAX_REPLICATIONS})`,
        parseReplicationsOption,
      )
      .option(
        '--jobs <n>',
        "worker threads for the replications after each variant's first, which the main thread runs meanwhile (default: the cores left beside the main thread and the machine's load, at most one per such replication, when the replications left are worth their start); 1: every replication in the main thread, one after the other. The outputs are the same bytes whatever n",
        parseJobsOption,
      )
      .option(
        '--warmup <auto>',
        "auto: choose the warm-up by MSER-5 from a pilot run of the highlights' series",
        parseWarmupOption,
      )
      .option('--csv-bom', `${CSV_BOM_HELP} (default with --lang ko)`)
      .option('--no-csv-bom', 'no byte-order mark, even with --lang ko')
      .addOption(langOption())
      .option('--quiet', 'no progress bars')
      .option(
        '--sensitivity',
        'for each variant with a component at utilisation ≥ 0.8, run it twice more with that component’s service times × 0.95 and × 1.05 (same seed) and report how p99 and utilisation move',
      )
      .option(
        '--trace',
        "record request traces (the slowest per endpoint, the failed, 1 in N): write traces.otlp.json (for Jaeger, Grafana Tempo) and waterfalls in index.html; a scenario's trace: section does the same",
      )
      .option(
        '--trace-slowest <k>',
        'with tracing: the slowest requests kept per entry endpoint (default 5)',
        parseTraceCount,
      )
      .option(
        '--trace-every <n>',
        'with tracing: keep one request in n answered (default 1000; 0: none)',
        parseTraceCount,
      )
      .option(
        '--trace-replication <n>',
        'with tracing: the replication traced (default: the scenario’s trace.replication, else 1), or all: each replication traced, its traces with ids of their own',
        parseTraceReplication,
      ),
  );
}

/** Parses --trace-slowest and --trace-every: a whole number, 0 or more. */
function parseTraceCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0 || value.trim() === '')
    throw new ValueError('expected a whole number, 0 or more.', '0 이상의 정수여야 합니다.');
  return n;
}

/** Runs the CLI on `argv` (as process.argv) and returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  // the language of a usage error: --lang as written, else the locale's (cli/usage-ko.ts)
  const usage = usageLang(argv.slice(2), io.env ?? {});
  const result: ProgramResult = { code: 0 };
  if (io === processIo) {
    ignoreClosedPipes();
    exitOnUncaught(io);
  }
  const program = createProgram(io, result, usage);
  try {
    await program.parseAsync(argv);
    return result.code;
  } catch (e) {
    return handleError(e, io, result.lang ?? usage);
  }
}

/** What the command's action leaves: its exit code, and the language it chose (for its errors). */
export interface ProgramResult {
  code: number;
  /** --lang (or the locale) of a command that has it: its scenario problems are printed in it. */
  lang?: Lang;
}

function handleError(e: unknown, io: CliIo, lang: Lang = 'en'): number {
  if (e instanceof CommanderError) {
    // help and version are "errors" with exit code 0 in commander's exitOverride mode
    return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (e instanceof ScenarioError) {
    io.err(`${formatIssues(e.issues, lang)}\n`);
    return ExitCode.scenario;
  }
  if (e instanceof UsageError) {
    const frame = lang === 'ko' ? '오류' : 'error';
    const text = lang === 'ko' ? (e.ko ?? e.message) : e.message;
    io.err(`${frame}: ${text}\n${usageTrailer(lang)}\n`);
    return ExitCode.usage;
  }
  if (e instanceof OutPathError) {
    io.err(`✖ ${lang === 'ko' ? (e.ko ?? e.message) : e.message}\n`);
    return ExitCode.usage;
  }
  if (e instanceof SweepError || e instanceof OutputWriteError || e instanceof RunGuardError) {
    io.err(`✖ ${lang === 'ko' ? (e.ko ?? e.message) : e.message}\n`);
    return ExitCode.scenario;
  }
  if (e instanceof InputFileError) {
    io.err(`✖ ${lang === 'ko' ? (e.ko ?? e.message) : e.message}\n`);
    return ExitCode.scenario;
  }
  // anything else is a bug (InternalError, or an invariant broken below cli/)
  const bug = InternalError.from(e);
  io.err(bug.report());
  return bug.exitCode;
}

/**
 * The replication task of the worker threads (cli/replication-worker.ts), loaded on first call:
 * from the bundle, a thread runs it through cli/replication-thread.ts with the bundle's code
 * cache instead of loading ~200 modules of dist/ one by one.
 */
export async function replicationTask(): Promise<
  typeof import('./replication-worker.ts')['runReplicationTask']
> {
  return (await import('./replication-worker.ts')).runReplicationTask;
}
