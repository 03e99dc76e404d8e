/**
 * Request traces in the report (when the run was traced: `--trace` or the scenario's `trace:`):
 * traces.otlp.json (otlp.ts) and the "Request traces" section of waterfalls (waterfall.ts).
 * Untraced runs have no trace anywhere, so their outputs do not change.
 */
import { part, type ReportFeature } from '../../feature.ts';
import { otlpJson } from './otlp.ts';
import { tracesSection } from './waterfall.ts';

export const tracesFeature: ReportFeature = {
  id: 'traces',
  parts: [
    part('files', 210, (a) => {
      const variants = a.variants
        .filter((v) => v.run.traces !== undefined)
        .map((v) => ({
          scenario: a.results.name,
          variant: v.run.summary.scenario.variant,
          traces: v.run.traces ?? [],
        }));
      return variants.length === 0 ? [] : [['traces.otlp.json', otlpJson(variants)]];
    }),
    part('page', 125, tracesSection),
  ],
};
