/**
 * Named, independent random streams derived from one run seed. `source.stream('orders/cpu')`
 * always yields the same sequence for the same seed and name, whatever other streams exist, so
 * adding a component never shifts another component's draws (the basis of common random
 * numbers across variants). Generator: seedrandom's xor4096 (Brent's xorgen, period 2^4096,
 * ~4 ns per draw), seeded from SHA-256(seed, name) so similar names give unrelated streams.
 */
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';

/** One seeded stream of uniform numbers in [0, 1). */
export class RandomStream {
  readonly name: string;
  #next: () => number;

  constructor(seedText: string, name: string) {
    this.name = name;
    this.#next = seedrandom.xor4096(seedText);
  }

  /** A uniform number in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.#next();
  }

  /** A uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.#next() * n);
  }
}

/** Derives named streams from a run seed. */
export class RandomSource {
  readonly seed: number | string;
  #streams = new Map<string, RandomStream>();

  constructor(seed: number | string) {
    this.seed = seed;
  }

  /**
   * The stream called `name`; the same object on every call with that name, so two parts of a
   * model asking for one name share (and interleave) its draws.
   */
  stream(name: string): RandomStream {
    let s = this.#streams.get(name);
    if (s === undefined) {
      const seedText = createHash('sha256').update(`${this.seed}\u0000${name}`).digest('hex');
      s = new RandomStream(seedText, name);
      this.#streams.set(name, s);
    }
    return s;
  }

  /** Names of the streams created so far, sorted. */
  streamNames(): string[] {
    return [...this.#streams.keys()].sort();
  }
}
