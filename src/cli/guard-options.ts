/**
 * The runaway guards' options (`--max-events`, `--max-wall`, `--max-run-wall`, `--max-pending`,
 * `--max-queue`, `--max-memory`) of run, compare, sweep and spof, with their defaults shown in
 * --help as the README writes them (1h, 10min, 2,000,000,000). Apart from main.ts, which builds
 * the command line, to keep it short.
 */
import { type Command, Option } from 'commander';
import {
  DEFAULT_MAX_PENDING,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_RUN_WALL_MS,
  DEFAULT_MAX_WALL_MS,
} from './guard-defaults.ts';
import {
  grouped,
  parseCountOption,
  parseSizeOption,
  parseWallOption,
  wallText,
} from './option-parsers.ts';

/**
 * Adds the runaway guards: an event budget per run, a wall-time budget for the whole command and
 * one per run, a backlog budget (pending events, visits waiting at one component) and a memory
 * budget (run-guard.ts).
 */
export function withGuards(command: Command): Command {
  return (
    command
      .addOption(
        new Option('--max-events <n>', 'stop a runaway run after this many events')
          .argParser(parseCountOption)
          .default(2e9, grouped(2e9)),
      )
      // the defaults are milliseconds inside; --help shows them as the README writes them
      .addOption(
        new Option(
          '--max-wall <d>',
          'stop the command (every run, replication, variant and point together) after this much wall time',
        )
          .argParser(parseWallOption)
          .default(DEFAULT_MAX_WALL_MS, wallText(DEFAULT_MAX_WALL_MS)),
      )
      .addOption(
        new Option('--max-run-wall <d>', 'stop a run after this much wall time')
          .argParser(parseWallOption)
          .default(DEFAULT_MAX_RUN_WALL_MS, wallText(DEFAULT_MAX_RUN_WALL_MS)),
      )
      .option(
        '--max-pending <n>',
        `stop a run when this many events are pending (default ${grouped(DEFAULT_MAX_PENDING)})`,
        parseCountOption,
      )
      .option(
        '--max-queue <n>',
        `stop a run when this many visits wait at one component (default ${grouped(DEFAULT_MAX_QUEUE)})`,
        parseCountOption,
      )
      .option(
        '--max-memory <size>',
        'stop a run when its memory exceeds this size, e.g. 2GB (default: 60 % of the heap Node allows)',
        parseSizeOption,
      )
  );
}
