/**
 * An io for the command line's `main` (cli/console-io.ts) that keeps what a command prints, for
 * the in-process runners of the sources (source-cli.ts) and of the build (cli.ts).
 */

/** The io and what was printed through it so far. */
export function capturedIo(env?: Record<string, string>) {
  const printed = { out: '', err: '' };
  const io = {
    out: (t: string) => {
      printed.out += t;
    },
    err: (t: string) => {
      printed.err += t;
    },
    ...(env === undefined ? {} : { env }),
  };
  return { io, printed };
}
