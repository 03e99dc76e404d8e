/**
 * runScenario: build → run → summarize one scenario variant. Pure apart from the clock reads
 * that the caller may inject (the checkpoint hook, the loop's clock: RunResult.loop, which is
 * not part of the summary); same scenario and seed give the same summary, series and
 * distributions.
 */

import { prepareHistograms } from '../metrics/histogram.ts';
import { kindFigures } from '../metrics/kind-figures.ts';
import type { SeriesPoint } from '../metrics/series.ts';
import { type LoopTiming, type RunResult, summarizeMetrics } from '../metrics/summary.ts';
import type { Scenario } from '../scenario/types.ts';
import { Model, type ModelOptions } from './model.ts';

export type { RunResult, RunSummary } from '../metrics/summary.ts';

/** Runs one scenario variant to completion (or a guard) and summarizes it. */
export async function runScenario(
  scenario: Scenario,
  options: ModelOptions = {},
): Promise<RunResult> {
  await prepareHistograms();
  const model = new Model(scenario, options);
  try {
    const clock = options.clock;
    const wall0 = clock?.wallMs() ?? 0;
    const cpu0 = clock?.cpuMs() ?? 0;
    const stopReason = model.run();
    const loop: LoopTiming | undefined =
      clock === undefined
        ? undefined
        : {
            cpuMs: clock.cpuMs() - cpu0,
            wallMs: clock.wallMs() - wall0,
            events: model.sim.eventsProcessed,
          };
    const endMs = model.sim.now;
    const { summary: metrics, distributions } = summarizeMetrics(model.metrics, endMs);
    const m = model.metrics;
    const figures = kindFigures(m.twoPhase, m.pending, m.eventStores);
    const requests = new Map<string, SeriesPoint[]>([['overall', model.metrics.overall.points]]);
    for (const [k, s] of model.metrics.series) requests.set(k, s.points);
    const components = new Map(model.metrics.stations.map((s) => [s.id, s.points]));
    return {
      summary: {
        scenario: {
          name: scenario.name,
          variant: scenario.variant ?? null,
          description: scenario.variantDescription ?? scenario.description,
          seed: options.seed ?? scenario.seed,
          durationMs: scenario.durationMs,
          warmupMs: scenario.warmupMs,
          slos: scenario.slos,
          faults: scenario.faults,
          ...(scenario.costs === undefined ? {} : { costs: scenario.costs }),
          loadChangesMs: loadChangesMs(scenario),
        },
        run: {
          stopReason,
          simulatedMs: endMs,
          events: model.sim.eventsProcessed,
          requests: model.ids.next - 1,
        },
        ...metrics,
        links: model.network.linkSummaries(metrics.windowMs),
      },
      series:
        model.seriesResolutionS === 1
          ? { requests, components }
          : { requests, components, resolutionS: model.seriesResolutionS },
      distributions,
      ...(loop === undefined ? {} : { loop }),
      ...(model.tracer === null ? {} : { traces: model.tracer.traces() }),
      ...(figures === undefined ? {} : { figures }),
    };
  } finally {
    model.metrics.dispose();
  }
}

/**
 * The seed of replication `r` (1-based): the scenario's seed for the first, `<seed>/<r>` for
 * the others. Every variant uses the same seeds, so the same component draws the same numbers
 * in replication r of every variant (common random numbers).
 */
export function replicationSeed(seed: number | string, r: number): number | string {
  return r === 1 ? seed : `${seed}/${r}`;
}

/**
 * When the load starts to change on purpose, sorted: an open workload's schedule (steps, ramps,
 * spikes), and 0 for logged-in users whose first logins ramp up (the population grows from the
 * start) and for a replayed log (its rate is whatever the log holds, from the start).
 */
function loadChangesMs(scenario: Scenario): number[] {
  const at = new Set<number>();
  for (const w of scenario.workloads) {
    if (w.kind === 'replay') {
      at.add(0);
      continue;
    }
    if (w.kind !== 'open') {
      if ((w.session?.rampUpMs ?? 0) > 0) at.add(0);
      continue;
    }
    w.rate.forEach((piece, i) => {
      const before = w.rate[i - 1];
      const changes =
        piece.fromPerMs !== piece.toPerMs ||
        (before !== undefined && before.toPerMs !== piece.fromPerMs);
      if (changes) at.add(piece.startMs);
    });
  }
  return [...at].sort((a, b) => a - b);
}
