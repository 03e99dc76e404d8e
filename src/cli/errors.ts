/**
 * The error classes the CLI maps to exit codes: ScenarioError (bad input, exit 1, defined in
 * scenario/issues.ts), RunGuardError (a runaway run stopped by a budget, exit 1), SweepError
 * (saved sweep results that do not fit the request, exit 1), OutPathError (an output path
 * msasim refuses to write to, exit 2), OutputWriteError (the disk refused a write, exit 1) and
 * InternalError (a bug, exit 70, "please report"). Every way to exit 70 goes through
 * InternalError: a bug found in cli/ throws one; the layers below cli/ (which may not import
 * this file) throw Error, RangeError or TypeError for a broken invariant, and main() turns
 * whatever is not a user's error into one (`InternalError.from`), as do the handlers of
 * uncaught exceptions and unhandled rejections (`exitOnUncaught`).
 */
import { VERSION } from './version.ts';

/** Exit codes of msasim. */
export const ExitCode = { ok: 0, scenario: 1, usage: 2, internal: 70 } as const;

/** Exit code of `run --check` when an SLO bound is missed (the report is written anyway). */
export const SLO_FAILED_EXIT = 3;

/** An error named after its class (`name` is what a trace and `String(e)` show). */
class NamedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A bad input file of `msasim calibrate` (exit 1): the message says where and what was expected
 * (calibrate-input.ts throws it; here so that main() can map it without loading that module).
 */
export class InputFileError extends Error {
  /** The message in Korean, printed with --lang ko or a Korean locale (absent: the English). */
  readonly ko: string | undefined;
  constructor(message: string, ko?: string) {
    super(message);
    this.name = 'InputFileError';
    this.ko = ko;
  }
}

/** A user's error whose message may also come in Korean (printed with --lang ko). */
class SpokenError extends NamedError {
  /** The message in Korean, printed with --lang ko or a Korean locale (absent: the English). */
  readonly ko: string | undefined;
  constructor(message: string, options?: { cause?: unknown; ko?: string }) {
    super(message, options);
    this.ko = options?.ko;
  }
}

/**
 * A run exceeded its event or wall-time budget, its backlog or memory guard (run-guard.ts
 * `guardError` words it in both languages).
 */
export class RunGuardError extends SpokenError {}

/** A bad command-line value found after parsing (e.g. a --duration shorter than the warm-up). */
export class UsageError extends SpokenError {}

/**
 * The saved state of a sweep does not fit the request (exit 1): `--resume` on a folder of a
 * different sweep, shards of different sweeps, or points missing when merging.
 */
export class SweepError extends SpokenError {}

/**
 * An output path msasim will not write to (exit 2): a file, a device, a folder holding files
 * msasim did not write, `/`, … The message says why and what to do; nothing was touched.
 */
export class OutPathError extends SpokenError {}

/**
 * Writing an output failed on the disk (exit 1): no space, permission denied, a read-only file
 * system… The message says what failed and that the previous output is intact.
 */
export class OutputWriteError extends SpokenError {}

/**
 * A bug in msasim (exit 70): a broken invariant, or an error that is no user's fault. Its
 * `report()` is what the user sees: what broke, msasim's and Node's versions, the first frames
 * of the trace, and the request to report it.
 */
export class InternalError extends NamedError {
  readonly exitCode = ExitCode.internal;

  /** `e` as an InternalError: itself, or one with `e`'s message and `e` as its cause. */
  static from(e: unknown): InternalError {
    if (e instanceof InternalError) return e;
    const message = e instanceof Error ? e.message : String(e);
    return new InternalError(message, { cause: e });
  }

  /** The text printed on stderr, ending in a newline; the trace is where the bug was thrown. */
  report(): string {
    const origin = this.cause instanceof Error ? this.cause : this;
    const frames = (origin.stack ?? '').split('\n').slice(1, 6).join('\n');
    return (
      `✖ internal error: ${this.message}\n` +
      `  This is a bug in msasim ${VERSION} (node ${process.version}). Please report it with the scenario and this trace:\n` +
      `${frames}\n`
    );
  }
}

let uncaughtHandled = false;

/**
 * Makes an uncaught exception or an unhandled promise rejection (a bug by definition) print
 * InternalError's report on `io` and end the process with exit 70, instead of Node's stack
 * trace and exit 1, which would read as the user's fault. For the process's own console only.
 */
export function exitOnUncaught(io: { err(text: string): void }): void {
  if (uncaughtHandled) return;
  uncaughtHandled = true;
  const fail = (e: unknown) => {
    const bug = InternalError.from(e);
    io.err(bug.report());
    process.exit(bug.exitCode);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}
