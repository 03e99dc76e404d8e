/**
 * Test helper for vega-lite specs: compile a spec with a logger that collects what vega-lite
 * warns about, so a test can require a spec to compile cleanly.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { expect, it } from 'vitest';
import { VEGA_LITE_SCHEMA } from '../report/html/chart-style.ts';

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

/**
 * One test per chart builder: on each data set (say, with and without variants) its spec names
 * the project's vega-lite schema, has a title and inline data, and compiles without warnings.
 */
export function itCompilesEachChart<D>(
  builders: Record<string, (data: D) => unknown>,
  datasets: D[],
): void {
  it.each(Object.keys(builders))(
    '%s compiles without warnings, with and without variants',
    (name) => {
      for (const data of datasets) {
        // biome-ignore lint/suspicious/noExplicitAny: a vega-lite spec read as plain JSON
        const spec = builders[name](data) as any;
        expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
        expect(spec.title.text.length).toBeGreaterThan(5);
        expect(spec.data.values.length).toBeGreaterThan(0);
        expect(compileWarnings(spec as TopLevelSpec)).toEqual([]);
      }
    },
  );
}

/** A chart's spec (or any part of it) read as plain JSON. */
// biome-ignore lint/suspicious/noExplicitAny: a vega-lite spec read as plain JSON
export type Json = any;

/** The bars of one row of a stacked outcome chart, in its data's order: [panel, part, count]. */
export function barsOf(spec: Json, row: string): unknown[][] {
  return spec.data.values
    .filter((r: Json) => r.row === row)
    .map((r: Json) => [r.panel, r.part, r.count]);
}

/** A chart of side-by-side panels names its bars `names` (top to bottom) and compiles cleanly. */
export function expectBarNames(spec: Json, names: string[]): void {
  expect(spec.hconcat[0].encoding.y.sort).toEqual(names);
  expect(compileWarnings(spec)).toEqual([]);
}
