/** Tests of random.ts: named streams are reproducible, independent of each other and in [0, 1). */
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RandomSource } from './random.ts';

function draws(source: RandomSource, name: string, n = 20): number[] {
  const s = source.stream(name);
  return Array.from({ length: n }, () => s.next());
}

describe('RandomSource', () => {
  it('gives identical sequences for the same seed and name', () => {
    expect(draws(new RandomSource(1), 'orders/cpu')).toEqual(
      draws(new RandomSource(1), 'orders/cpu'),
    );
    expect(draws(new RandomSource('abc'), 'x')).toEqual(draws(new RandomSource('abc'), 'x'));
  });

  it('gives different sequences for different names', () => {
    const source = new RandomSource(1);
    expect(draws(source, 'orders/cpu')).not.toEqual(draws(source, 'orders/cpv'));
    expect(draws(new RandomSource(1), 'a')).not.toEqual(draws(new RandomSource(1), 'b'));
  });

  it('gives different sequences for different seeds', () => {
    expect(draws(new RandomSource(1), 'orders/cpu')).not.toEqual(
      draws(new RandomSource(2), 'orders/cpu'),
    );
  });

  it('does not confuse a number seed with a name boundary', () => {
    // seed and name are joined with a NUL, so (1, '2x') and (12, 'x') stay apart
    expect(draws(new RandomSource(1), '2x')).not.toEqual(draws(new RandomSource(12), 'x'));
  });

  it("never changes a stream's draws when other streams are created before or in between", () => {
    const alone = draws(new RandomSource(7), 'db/latency', 40);

    const crowded = new RandomSource(7);
    draws(crowded, 'gateway/arrivals', 100);
    draws(crowded, 'cache/hit', 3);
    const s = crowded.stream('db/latency');
    const interleaved: number[] = [];
    for (let i = 0; i < 40; i++) {
      interleaved.push(s.next());
      crowded.stream(`other-${i}`).next();
      crowded.stream('gateway/arrivals').next();
    }
    expect(interleaved).toEqual(alone);
  });

  it('returns the same stream object for the same name, so draws are shared', () => {
    const source = new RandomSource(3);
    const a = source.stream('x');
    expect(source.stream('x')).toBe(a);
    const first = a.next();
    const fresh = new RandomSource(3).stream('x');
    fresh.next();
    expect(source.stream('x').next()).toBe(fresh.next());
    expect(first).not.toBe(a.next());
  });

  it('lists the names of the streams created, sorted', () => {
    const source = new RandomSource(1);
    source.stream('b');
    source.stream('a');
    source.stream('b');
    expect(source.streamNames()).toEqual(['a', 'b']);
  });

  it('draws values in [0, 1) and integers in [0, n)', () => {
    const s = new RandomSource(99).stream('range');
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = s.next();
      if (u < min) min = u;
      if (u > max) max = u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // 100k uniforms: the extremes lie within 1e-3 of the ends with overwhelming probability
    expect(min).toBeLessThan(1e-3);
    expect(max).toBeGreaterThan(1 - 1e-3);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 10_000; i++) counts[s.nextInt(5)]++;
    // each count is Binomial(10,000, 0.2): mean 2,000, sd 40; allow 5 sd
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
  });
});

describe('RandomStream', () => {
  it("draws exactly seedrandom's xor4096 sequence for its seed text", () => {
    const source = new RandomSource(42);
    const stream = source.stream('orders/cpu');
    const seedText = createHash('sha256').update('42\u0000orders/cpu').digest('hex');
    const reference = seedrandom.xor4096(seedText);
    for (let i = 0; i < 10_000; i++) expect(stream.next()).toBe(reference());
  });

  it("seeds from node:crypto's SHA-256 bytes for any seed and name (the pure hash changes no stream)", () => {
    const cases: [number | string, string][] = [
      [7, 'db/latency'],
      ['é/2', 'kunde/🛒 läuft'],
      ['', ''],
      [-1, 'x'.repeat(300)],
    ];
    for (const [seed, name] of cases) {
      const seedText = createHash('sha256').update(`${seed}\u0000${name}`).digest('hex');
      const reference = seedrandom.xor4096(seedText);
      const stream = new RandomSource(seed).stream(name);
      for (let i = 0; i < 200; i++) expect(stream.next()).toBe(reference());
    }
  });
});
