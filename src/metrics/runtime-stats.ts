/**
 * Counters of one service's runtime effects (`runtime:`, model/runtime-effects.ts) over the
 * statistics window: the messages its event loop charged and their cost, the noisy-neighbour
 * episodes and the time its instances spent noisy, the sleeps its timers ran and how far their
 * rounding and lateness moved them. A figure of an effect that is off stays 0.
 */
import type { RuntimeDef } from '../scenario/types.ts';
import { type Counts, counters, countsOf } from './counters.ts';

/** What the model counts for a service's runtime effects. */
const RUNTIME_COUNTERS = {
  messages: 'messages charged on the event loop',
  messageMs: 'event-loop time they cost (ms, before a noisy slowdown)',
  episodes: 'noisy-neighbour episodes that began (all instances)',
  timers: 'sleeps run by the rounded, late timers',
  timerShiftMs: 'sum of (fired − asked) over those sleeps (ms; negative: early)',
  noisyMs: 'time spent noisy, summed over the instances, by episodes that ended (ms)',
} as const;

export class RuntimeStats extends counters(RUNTIME_COUNTERS) {
  /** Per instance: when its noisy episode in progress began (NaN: calm). */
  readonly noisySinceMs: number[] = [];
  /** When each instance scaling added was created, by index (the first `instances`: 0). */
  readonly bornMs: number[] = [];
  constructor(
    readonly id: string,
    readonly def: RuntimeDef,
    /** Instances at the start (with those scaling adds, the noisy share's denominator). */
    readonly instances: number,
  ) {
    super();
  }
  override reset(nowMs?: number): void {
    super.reset(nowMs);
    // an episode in progress counts from the window's start
    for (let i = 0; i < this.noisySinceMs.length; i++)
      if (!Number.isNaN(this.noisySinceMs[i])) this.noisySinceMs[i] = nowMs ?? 0;
  }
  /** Scaling created instance `i` at `nowMs`. */
  born(i: number, nowMs: number): void {
    this.bornMs[i] = nowMs;
  }
  /** Instance `i` turned noisy (true) or calm at `nowMs`. */
  noise(i: number, noisy: boolean, nowMs: number): void {
    if (noisy) {
      this.episodes++;
      this.noisySinceMs[i] = nowMs;
    } else {
      const since = this.noisySinceMs[i] ?? Number.NaN;
      if (!Number.isNaN(since)) this.noisyMs += nowMs - since;
      this.noisySinceMs[i] = Number.NaN;
    }
  }
}

/** A service's runtime effects over the statistics window, ready for JSON. */
export interface RuntimeSummary extends Counts<Omit<typeof RUNTIME_COUNTERS, 'noisyMs'>> {
  id: string;
  /** Which effects are on. */
  eventLoop: boolean;
  noisyNeighbour: boolean;
  timerGranularity: boolean;
  /** Mean event-loop cost per message, ms (0 without messages). */
  messageMeanMs: number;
  /** Share of instance-time spent noisy in the window. */
  noisyShare: number;
  /** Mean (fired − asked) of a sleep, ms. */
  timerShiftMeanMs: number;
}

export function summarizeRuntime(s: RuntimeStats, startMs: number, endMs: number): RuntimeSummary {
  let noisyMs = s.noisyMs;
  for (const since of s.noisySinceMs) if (!Number.isNaN(since)) noisyMs += endMs - since;
  // instance-time in the window: every instance from the window's start or its creation
  let spanMs = (endMs - startMs) * s.instances;
  for (const born of s.bornMs) if (born !== undefined) spanMs += endMs - Math.max(startMs, born);
  return {
    id: s.id,
    eventLoop: s.def.perMessage !== null,
    noisyNeighbour: s.def.noise !== null,
    timerGranularity: s.def.timers !== null,
    ...countsOf(s, RUNTIME_COUNTERS, ['noisyMs']),
    messageMeanMs: s.messages > 0 ? s.messageMs / s.messages : 0,
    noisyShare: spanMs > 0 ? noisyMs / spanMs : 0,
    timerShiftMeanMs: s.timers > 0 ? s.timerShiftMs / s.timers : 0,
  };
}
