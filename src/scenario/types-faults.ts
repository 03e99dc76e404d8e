/**
 * The faults of the canonical scenario (types.ts, which re-exports them): each fault of the
 * document's `faults:` with its recurrences expanded into windows of simulated time, its link
 * or component, and the parameters of its kind (normalize.ts makes them; model/faults.ts
 * schedules them).
 */
import type { DistributionSpec } from '../engine/index.ts';

/** The fault kinds (chaos-engineering vocabulary). */
export type FaultKind =
  | 'crash'
  | 'latency'
  | 'error-rate'
  | 'capacity-loss'
  | 'partition'
  | 'gc-pause'
  | 'cpu-hog';

/** When a fault is active: [startMs, endMs) of simulated time. */
export interface FaultWindow {
  startMs: number;
  endMs: number;
}

/** A fault of the timeline, its recurrences expanded into windows. */
export interface FaultDef {
  id: string;
  description: string;
  kind: FaultKind;
  /** The component struck; null for a fault on a link. */
  component: string | null;
  /** The instances struck (0-based); null for all of them. */
  instances: number[] | null;
  /** The link struck (messages from → to; the first of `split`'s); null for a component fault. */
  link: { from: string; to: string } | null;
  /**
   * A fault on several links: every link from one of `from` to one of `to`, and back with
   * `both` (fault-links.ts). Absent for one link one way, so such a fault's summary keeps its bytes.
   */
  split?: {
    from: string[];
    to: string[];
    both: boolean;
    /** Every link it strikes, in order (fault-links.ts splitLinks). */
    links: { from: string; to: string }[];
  };
  /** Every window the fault is active in, in time order, within the run. */
  windows: FaultWindow[];
  /** crash: refuse, hang or freeze; partition: drop or blackhole; null otherwise. */
  mode: 'refuse' | 'hang' | 'freeze' | 'drop' | 'blackhole' | null;
  /**
   * crash freeze: connections each instance's accept queue holds while frozen (absent for
   * every other fault, so summaries without a freeze keep their bytes).
   */
  backlog?: number;
  /** latency: added delay (null for none). */
  add: DistributionSpec | null;
  /** latency and cpu-hog: multiplier of the time (1 for none). */
  factor: number;
  /** error-rate: the share of visits that fail (0 otherwise). */
  rate: number;
  /** capacity-loss: the share of slots that remain (1 otherwise). */
  remaining: number;
  /** gc-pause: pause length and time between pauses (null otherwise). */
  pause: DistributionSpec | null;
  interval: DistributionSpec | null;
}
