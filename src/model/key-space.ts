/**
 * Runtime of a key space: the rows of one table, owned by one service, with a version per key.
 * Writes (a Poisson process at the key space's update rate, each bumping one uniformly chosen
 * key) make cached copies stale. Only written keys are stored, so memory grows with the number
 * of writes, not with the size of the table. Simplification: the data itself is not modelled,
 * only which version of each row exists.
 */
import type { RandomStream, Simulation } from '../engine/index.ts';
import type { KeySpaceDef } from '../scenario/types.ts';

/** One table's keys and their current versions. */
export class KeySpaceRuntime {
  readonly id: string;
  readonly size: number;
  readonly rowBytes: number;
  /**
   * Added to a key to make it unique across key spaces in a shared cache: the sizes of the key
   * spaces declared before this one, added up (cache keys stay 32-bit integers).
   */
  readonly cacheKeyBase: number;
  /** Writes so far (in the whole run). */
  writes = 0;
  readonly #versions = new Map<number, number>();
  readonly #lastWriteMs = new Map<number, number>();
  /** Every write in time order (for "rows changed since"). */
  readonly #logTimes: number[] = [];
  readonly #logKeys: number[] = [];

  constructor(
    def: KeySpaceDef,
    private readonly sim: Simulation,
    private readonly rng: RandomStream,
    private readonly updatesPerMs: number,
    cacheKeyBase: number,
  ) {
    this.cacheKeyBase = cacheKeyBase;
    this.id = def.id;
    this.size = def.size;
    this.rowBytes = def.rowBytes;
  }

  /** Current version of `key` (0 until it is first written). */
  version(key: number): number {
    return this.#versions.get(key) ?? 0;
  }

  /** Time of the last write of `key`, ms (-Infinity if never written). */
  lastWriteMs(key: number): number {
    return this.#lastWriteMs.get(key) ?? Number.NEGATIVE_INFINITY;
  }

  /** How many distinct keys were written after `sinceMs` (a conditional refresh's answer). */
  changedSince(sinceMs: number): number {
    const times = this.#logTimes;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] > sinceMs) hi = mid;
      else lo = mid + 1;
    }
    if (lo === times.length) return 0;
    return new Set(this.#logKeys.slice(lo)).size;
  }

  /** Starts the stream of writes (none at rate 0). */
  start(): void {
    if (this.updatesPerMs > 0) this.#scheduleWrite();
  }

  #scheduleWrite(): void {
    const gap = -Math.log(1 - this.rng.next()) / this.updatesPerMs;
    this.sim.schedule(gap, this.#write, undefined);
  }

  readonly #write = () => {
    const key = 1 + this.rng.nextInt(this.size);
    this.#versions.set(key, this.version(key) + 1);
    this.#lastWriteMs.set(key, this.sim.now);
    this.#logTimes.push(this.sim.now);
    this.#logKeys.push(key);
    this.writes++;
    this.#scheduleWrite();
  };
}
