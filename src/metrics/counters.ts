/**
 * Counters declared once. A feature's counters are one object, counter name → what it counts;
 * its statistics class extends `counters(declaration)`, which gives it one plain number field
 * per counter (0 at construction, so the model's `stats.hits++` stays a field increment) and a
 * `resetCounters()` that zeroes them all when the statistics window opens; `countsOf` copies
 * them, in declaration order, into the feature's summary, whose fields make its CSV columns
 * (report/csv.ts `fieldColumns`).
 */

/** Counter name → what it counts (the documentation of each field). */
export type CounterDocs = Readonly<Record<string, string>>;

/** One number per counter of `D`. */
export type Counts<D extends CounterDocs> = { -readonly [K in keyof D]: number };

/** What `counters` adds to a class: a number field per counter, and their reset. */
export type CounterFields<D extends CounterDocs> = Counts<D> & {
  /** Sets every counter to 0 (the start of the statistics window). */
  resetCounters(): void;
};

/** A base class with one number field per counter of `docs`, each 0, and `resetCounters()`. */
export function counters<const D extends CounterDocs>(docs: D): new () => CounterFields<D> {
  const keys = Object.keys(docs);
  class Counters {
    constructor() {
      for (const k of keys) (this as unknown as Record<string, number>)[k] = 0;
    }
    resetCounters(): void {
      for (const k of keys) (this as unknown as Record<string, number>)[k] = 0;
    }
  }
  return Counters as unknown as new () => CounterFields<D>;
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
