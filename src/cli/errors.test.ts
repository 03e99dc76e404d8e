/**
 * One class for bugs: InternalError wraps whatever is not a user's error, keeps the trace of
 * where it was thrown, and main() prints its report and exits 70 for any such error. (The
 * handlers of uncaught exceptions and unhandled rejections are tested through the built files
 * in cli.e2e.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { ExitCode, InternalError, RunGuardError } from './errors.ts';
import { main } from './main.ts';
import { VERSION } from './version.ts';

function brokenInvariant(): never {
  throw new RangeError('time 3 ms is before now (5 ms)');
}

describe('InternalError', () => {
  it('wraps any other error, keeping its message and where it was thrown', () => {
    let thrown: unknown;
    try {
      brokenInvariant();
    } catch (e) {
      thrown = e;
    }
    const bug = InternalError.from(thrown);
    expect(bug).toBeInstanceOf(InternalError);
    expect(bug.cause).toBe(thrown);
    expect(bug.exitCode).toBe(ExitCode.internal);
    const report = bug.report().split('\n');
    expect(report[0]).toBe('✖ internal error: time 3 ms is before now (5 ms)');
    expect(report[1]).toBe(
      `  This is a bug in msasim ${VERSION} (node ${process.version}). Please report it with the scenario and this trace:`,
    );
    expect(report[2]).toMatch(/at brokenInvariant /);
    expect(report.at(-1)).toBe('');
  });

  it('is returned as it is, and wraps values that are not errors', () => {
    const bug = new InternalError('unresolved call a/b');
    expect(InternalError.from(bug)).toBe(bug);
    expect(bug.report()).toMatch(/^✖ internal error: unresolved call a\/b\n/);
    expect(InternalError.from('a string').message).toBe('a string');
    expect(InternalError.from(new RunGuardError('x')).cause).toBeInstanceOf(RunGuardError);
  });
});

describe('main on a bug', () => {
  it('prints the report of whatever broke and exits 70', async () => {
    let stderr = '';
    const io = {
      out: () => {
        throw new TypeError('the console broke');
      },
      err: (t: string) => {
        stderr += t;
      },
    };
    expect(await main(['node', 'msasim', 'schema'], io)).toBe(70);
    expect(stderr).toMatch(/^✖ internal error: the console broke\n {2}This is a bug in msasim /);
    expect(stderr).toMatch(/Please report it with the scenario and this trace:\n {4}at /);
  });
});
