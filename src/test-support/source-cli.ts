/**
 * The command line of the sources run in-process (`main` of cli/main.ts, not the built one that
 * test-support/cli.ts runs): for unit tests of what a command prints, with an environment of
 * their own (a locale) and no working folder change.
 */
import { main } from '../cli/main.ts';
import { capturedIo } from './captured-io.ts';

/** What a command returned and printed. */
export interface SourceCliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `msasim <args>` from the sources with environment `env`; its exit code and output. */
export async function sourceMsasim(
  args: string[],
  env: Record<string, string> = {},
): Promise<SourceCliResult> {
  const { io, printed } = capturedIo(env);
  const code = await main(['node', 'msasim', ...args], io);
  return { code, ...printed };
}
