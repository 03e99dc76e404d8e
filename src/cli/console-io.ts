/**
 * The console of the commands, injectable so tests capture output (`CliIo`), and the process's
 * own (`processIo`). Apart from io.ts (the disk writes), so that the command line's start-up
 * (main.ts) does not load the output-folder rules.
 */

/** Where commands print. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The environment the command was given (the locale: cli/lang.ts); absent: an empty one. */
  env?: Readonly<Record<string, string | undefined>>;
}

let stdoutClosed = false;
let pipesGuarded = false;

/** The process's stdout and stderr. Output to a closed pipe (`msasim schema | head`) is dropped. */
export const processIo: CliIo = {
  out: (t) => {
    if (!stdoutClosed) process.stdout.write(t);
  },
  err: (t) => process.stderr.write(t),
  env: process.env,
};

/**
 * Makes a closed stdout (the reader of a pipe went away: EPIPE) end printing quietly instead of
 * killing the process with an unhandled error; the command finishes with its own exit code.
 */
export function ignoreClosedPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stdoutClosed = true;
  });
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}
