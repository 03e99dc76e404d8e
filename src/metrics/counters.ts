/**
 * Counters declared once. A feature's counters are one object, counter name → what it counts,
 * and its latency distributions another (name → what it measures); its statistics class
 * extends `counters(counters, histograms)`, which gives it one plain number field per counter
 * (0 at construction, so the model's `stats.hits++` stays a field increment; a window's maximum
 * the model raises, such as the longest queue, is declared as a counter too), one
 * LatencyHistogram per distribution, a `reset()` that zeroes them all when the statistics window
 * opens and a `dispose()` that frees the histograms. `countsOf` copies the counters, in
 * declaration order, into the feature's summary, whose fields make its CSV columns
 * (report/csv.ts `fieldColumns`).
 */
import { LatencyHistogram, type LatencyStats } from './histogram.ts';

/** Name → what the counter counts or the distribution measures (the field's documentation). */
export type CounterDocs = Readonly<Record<string, string>>;

/** One number per counter of `D`. */
export type Counts<D extends CounterDocs> = { -readonly [K in keyof D]: number };

/** One latency histogram per distribution of `H`. */
export type Histograms<H extends CounterDocs> = { readonly [K in keyof H]: LatencyHistogram };

/** What `counters` adds to a class. */
export type CounterFields<D extends CounterDocs, H extends CounterDocs> = Counts<D> &
  Histograms<H> & {
    /**
     * Starts the statistics window: every counter to 0, every histogram emptied. A class with
     * more state overrides it (and calls super.reset()); `nowMs` is the window's start.
     */
    reset(nowMs?: number): void;
    /** Frees the histograms' memory. */
    dispose(): void;
  };

/**
 * A base class with one number field per counter of `docs` (each 0) and one LatencyHistogram per
 * distribution of `histograms`, with their `reset()` and `dispose()`.
 */
export function counters<
  const D extends CounterDocs,
  const H extends CounterDocs = Record<never, string>,
>(docs: D, histograms: H = {} as H): new () => CounterFields<D, H> {
  const keys = Object.keys(docs);
  const dists = Object.keys(histograms);
  class Counters {
    constructor() {
      const self = this as unknown as Record<string, unknown>;
      for (const k of keys) self[k] = 0;
      for (const h of dists) self[h] = new LatencyHistogram();
    }
    /** The histograms of this object. */
    #histograms(): LatencyHistogram[] {
      const self = this as unknown as Record<string, LatencyHistogram>;
      return dists.map((h) => self[h]);
    }
    reset(_nowMs?: number): void {
      const self = this as unknown as Record<string, number>;
      for (const k of keys) self[k] = 0;
      for (const h of this.#histograms()) h.reset();
    }
    dispose(): void {
      for (const h of this.#histograms()) h.dispose();
    }
  }
  return Counters as unknown as new () => CounterFields<D, H>;
}

/**
 * The fields `keys` of `x`, in the order given (the descriptive fields at the head of a summary).
 */
export function fieldsOf<T, K extends keyof T>(x: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = x[k];
  return out;
}

/**
 * The counters of `docs` read from `stats`, in declaration order, leaving out `except` (counters
 * the summary shows only through a figure derived from them).
 */
export function countsOf<D extends CounterDocs, X extends keyof D & string = never>(
  stats: Counts<D>,
  docs: D,
  except: readonly X[] = [],
): Counts<Omit<D, X>> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(docs) as (keyof D & string)[])
    if (!(except as readonly string[]).includes(k)) out[k] = stats[k];
  return out as Counts<Omit<D, X>>;
}

/** Figures `keys` of a distribution named `<prefix><Key>`: `lockWait` + `meanMs` → `lockWaitMeanMs`. */
export type TimesOf<P extends string, K extends keyof LatencyStats> = {
  [Q in K as `${P}${Capitalize<Q>}`]: number;
};

/** The figures `keys` of histogram `h` (its mean, p99, max … in ms), named `<prefix><Key>`. */
export function timesOf<P extends string, K extends keyof LatencyStats>(
  prefix: P,
  h: LatencyHistogram,
  keys: readonly K[],
): TimesOf<P, K> {
  const st = h.stats();
  const out: Record<string, number> = {};
  for (const k of keys) out[`${prefix}${k[0].toUpperCase()}${k.slice(1)}`] = st[k];
  return out as TimesOf<P, K>;
}
