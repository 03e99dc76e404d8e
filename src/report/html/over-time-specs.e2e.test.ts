/**
 * Honest over-time charts, checked on the pages of every shipped scenario's run (the shared
 * runs of test-support/shipped-runs.ts): no chart smooths its line (no monotone, basis,
 * cardinal, natural, bundle or catmull-rom interpolation), every line over simulated time breaks
 * at a null rather than joining the points around it, and no transform throws the nulls away.
 * The specs are read from the page's inlined chart list, exactly as the browser draws them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED, shippedRun } from '../../test-support/shipped-runs.ts';

// biome-ignore lint/suspicious/noExplicitAny: specs are walked as plain JSON
type Json = any;

const SMOOTHING = /^(monotone|basis|cardinal|natural|bundle|catmull-rom)/;

/** The chart specs inlined in a report page. */
function pageSpecs(page: string): Json[] {
  const m = /<script type="application\/json" id="msasim-charts">([\s\S]*?)<\/script>/.exec(page);
  if (m === null) return [];
  return (JSON.parse(m[1]) as { spec: Json }[]).map((c) => c.spec);
}

/** Every unit view (an object with a `mark`) of a spec, with the transforms above it. */
function unitViews(spec: Json, above: Json[] = []): { view: Json; transforms: Json[] }[] {
  if (spec === null || typeof spec !== 'object') return [];
  const transforms = [...above, ...(spec.transform ?? [])];
  const here = spec.mark === undefined ? [] : [{ view: spec, transforms }];
  const children = ['layer', 'vconcat', 'hconcat', 'concat']
    .flatMap((k) => (Array.isArray(spec[k]) ? spec[k] : []))
    .concat(spec.spec === undefined ? [] : [spec.spec]);
  return [...here, ...children.flatMap((c: Json) => unitViews(c, transforms))];
}

const markOf = (view: Json) => (typeof view.mark === 'string' ? { type: view.mark } : view.mark);

describe('over-time charts of the shipped scenarios', () => {
  it.each(SHIPPED)('%s: no smoothing, nulls kept as gaps', async (file) => {
    const run = await shippedRun(file);
    expect(run.code).toBe(0);
    const specs = pageSpecs(await readFile(join(run.out, 'index.html'), 'utf8'));
    expect(specs.length).toBeGreaterThan(0);
    let overTime = 0;
    for (const spec of specs) {
      for (const { view, transforms } of unitViews(spec)) {
        const mark = markOf(view);
        if (mark.interpolate !== undefined) expect(mark.interpolate).not.toMatch(SMOOTHING);
        const x = view.encoding?.x?.field;
        if (!['line', 'area', 'trail'].includes(mark.type) || x !== 'second') continue;
        overTime++;
        expect(mark.invalid, `${spec.title?.text}`).toMatch(/^break-paths/);
        for (const t of transforms) {
          expect(JSON.stringify(t), `${spec.title?.text}`).not.toMatch(/isValid/);
        }
      }
    }
    expect(overTime).toBeGreaterThan(0);
  });
});
