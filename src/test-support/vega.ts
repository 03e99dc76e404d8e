/**
 * Test helper for vega-lite specs: compile a spec with a logger that collects what vega-lite
 * warns about, so a test can require a spec to compile cleanly.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { expect, it } from 'vitest';
import { VARIANT_COLOURS, VEGA_LITE_SCHEMA } from '../report/html/chart-style.ts';

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

/**
 * The bars of one row of a stacked outcome chart as text, in its data's order: each panel with
 * its parts and counts, “panel: part count, part count | panel: …”.
 */
export function barsOf(spec: Json, row: string): string {
  const panels = new Map<string, string[]>();
  for (const r of spec.data.values.filter((r: Json) => r.row === row))
    panels.set(r.panel, [...(panels.get(r.panel) ?? []), `${r.part} ${r.count}`]);
  return [...panels].map(([panel, parts]) => `${panel}: ${parts.join(', ')}`).join(' | ');
}

/**
 * A chart of side-by-side panels names its bars “variant · item”, each variant's items in turn
 * (top to bottom), and compiles cleanly.
 */
export function expectBarNames(spec: Json, variants: string[], items: string[]): void {
  expect(spec.hconcat[0].encoding.y.sort).toEqual(
    variants.flatMap((v) => items.map((i) => `${v} · ${i}`)),
  );
  expect(compileWarnings(spec)).toEqual([]);
}

/** A stacked outcome chart: the bars of each row as `barsOf` writes them, stacked from zero. */
export function expectStackedBars(spec: Json, rows: Record<string, string>): void {
  for (const [row, bars] of Object.entries(rows)) expect(barsOf(spec, row), row).toBe(bars);
  expect(spec.hconcat[0].encoding.x.stack).toBe('zero');
}

/**
 * With the first variant left without items: `spec` shows only the `variant` (the second), in
 * the second variant's colour (`scale`, its colour scale), and every builder of `builders`
 * still compiles `data` without warnings.
 */
export function expectSecondVariantOnly<D>(
  spec: Json,
  scale: { domain: string[]; range: string[] },
  variant: string,
  builders: Record<string, (data: D) => unknown>,
  data: D,
): void {
  expect(new Set(spec.data.values.map((r: Json) => r.variant))).toEqual(new Set([variant]));
  expect(scale.range[scale.domain.indexOf(variant)]).toBe(VARIANT_COLOURS[1]);
  for (const build of Object.values(builders))
    expect(compileWarnings(build(data) as TopLevelSpec)).toEqual([]);
}
