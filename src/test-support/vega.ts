/**
 * Test helper for vega-lite specs: compile a spec with a logger that collects what vega-lite
 * warns about, so a test can require a spec to compile cleanly.
 */
import { compile, type TopLevelSpec } from 'vega-lite';

/** vega-lite's warnings and errors while compiling `spec` (empty: it compiled cleanly). */
export function compileWarnings(spec: TopLevelSpec): string[] {
  const found: string[] = [];
  const logger = {
    level: () => logger,
    info: () => logger,
    debug: () => logger,
    warn: (...args: unknown[]) => {
      found.push(args.join(' '));
      return logger;
    },
    error: (...args: unknown[]) => {
      found.push(`error: ${args.join(' ')}`);
      return logger;
    },
  };
  compile(spec, { logger: logger as never });
  return found;
}
