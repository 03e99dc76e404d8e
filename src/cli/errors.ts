/**
 * The error classes the CLI maps to exit codes: ScenarioError (bad input, exit 1, defined in
 * scenario/issues.ts), RunGuardError (a runaway run stopped by a budget, exit 1), SweepError
 * (saved sweep results that do not fit the request, exit 1), OutPathError (an output path
 * msasim refuses to write to, exit 2), OutputWriteError (the disk refused a write, exit 1) and
 * InternalError (a bug, exit 70, "please report").
 */

/** Exit codes of msasim. */
export const ExitCode = { ok: 0, scenario: 1, usage: 2, internal: 70 } as const;

/** A run exceeded its event or wall-time budget. */
export class RunGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunGuardError';
  }
}

/** A bad command-line value found after parsing (e.g. a --duration shorter than the warm-up). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The saved state of a sweep does not fit the request (exit 1): `--resume` on a folder of a
 * different sweep, shards of different sweeps, or points missing when merging.
 */
export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepError';
  }
}

/**
 * An output path msasim will not write to (exit 2): a file, a device, a folder holding files
 * msasim did not write, `/`, … The message says why and what to do; nothing was touched.
 */
export class OutPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutPathError';
  }
}

/**
 * Writing an output failed on the disk (exit 1): no space, permission denied, a read-only file
 * system… The message says what failed and that the previous output is intact.
 */
export class OutputWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputWriteError';
  }
}
