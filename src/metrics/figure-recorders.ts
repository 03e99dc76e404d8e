/**
 * The small recorders behind the charts of the issue-18 kinds (metrics/kind-figures.ts): the
 * exact level of participants blocked in doubt as step points (a two-phase commit step), and
 * rebuilds counted by their entity's history (an event store). Bounded: at most
 * MAX_LEVEL_POINTS level changes, MAX_HISTORY_BUCKETS buckets.
 */

/** Most level changes of the blocked participants kept per step (the rest: `blockedCut`). */
export const MAX_LEVEL_POINTS = 4000;
/** Most history buckets of an event store (the width doubles past it). */
export const MAX_HISTORY_BUCKETS = 256;

/** Rebuilds of entities whose history (events stored) was in [from, from + width). */
export interface HistoryBucket {
  from: number;
  width: number;
  rebuilds: number;
  /** Rows replayed per rebuild: mean, and the most. */
  meanReplay: number;
  maxReplay: number;
}

/** The exact level of participants blocked in doubt over a run, as step points. */
export class LevelSteps {
  readonly points: [number, number][] = [[0, 0]];
  level = 0;
  cut = false;

  /** The level changes by `delta` at `nowMs`. */
  add(nowMs: number, delta: number): void {
    if (delta === 0) return;
    this.level += delta;
    const last = this.points[this.points.length - 1];
    if (last[0] === nowMs) last[1] = this.level;
    else if (this.points.length < MAX_LEVEL_POINTS) this.points.push([nowMs, this.level]);
    else this.cut = true;
  }
}

/** Rebuilds counted by the history of their entity, in buckets whose width doubles as needed. */
export class HistoryBuckets {
  width = 1;
  /** bucket index → [rebuilds, rows replayed, most rows]. */
  readonly buckets = new Map<number, [number, number, number]>();

  add(history: number, replayed: number): void {
    let k = Math.floor(history / this.width);
    if (!this.buckets.has(k) && this.buckets.size >= MAX_HISTORY_BUCKETS) {
      this.#widen();
      k = Math.floor(history / this.width);
    }
    const b = this.buckets.get(k);
    if (b === undefined) this.buckets.set(k, [1, replayed, replayed]);
    else {
      b[0]++;
      b[1] += replayed;
      if (replayed > b[2]) b[2] = replayed;
    }
  }

  /** Doubles the width until the buckets fit (merging pairs). */
  #widen(): void {
    while (this.buckets.size >= MAX_HISTORY_BUCKETS) {
      this.width *= 2;
      const old = [...this.buckets];
      this.buckets.clear();
      for (const [k, [n, sum, max]] of old) {
        const j = Math.floor(k / 2);
        const b = this.buckets.get(j);
        if (b === undefined) this.buckets.set(j, [n, sum, max]);
        else {
          b[0] += n;
          b[1] += sum;
          if (max > b[2]) b[2] = max;
        }
      }
    }
  }

  list(): HistoryBucket[] {
    return [...this.buckets]
      .sort((a, b) => a[0] - b[0])
      .map(([k, [n, sum, max]]) => ({
        from: k * this.width,
        width: this.width,
        rebuilds: n,
        meanReplay: sum / n,
        maxReplay: max,
      }));
  }
}
