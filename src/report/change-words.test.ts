/**
 * Changes in words: ratios past RATIO_THRESHOLD (×71, ÷3.2), percent below it, percentage
 * points for shares with their interval kept inside what a share can do, and no relative bound
 * below −100 %.
 */
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../stats/index.ts';
import {
  changeWords,
  isRatioChange,
  percentText,
  pointsText,
  RATIO_THRESHOLD,
  ratioText,
} from './change-words.ts';
import { differenceSentence, signedDifferences } from './difference-words.ts';
import type { KeyMetric } from './key-metrics.ts';

describe('change words', () => {
  it('writes a ratio past the threshold, percent below it', () => {
    expect(RATIO_THRESHOLD).toBe(2);
    expect(ratioText(70.952)).toBe('×71');
    expect(ratioText(1 / 3.2)).toBe('÷3.2');
    expect(ratioText(1234.4)).toBe('×1,234');
    expect(ratioText(0)).toBe('−100 %');
    expect(isRatioChange(69.952)).toBe(true); // +6,995.2 %
    expect(isRatioChange(0.99)).toBe(false); // +99 %: still percent
    expect(isRatioChange(1)).toBe(true); // ×2.0
    expect(isRatioChange(-0.5)).toBe(true); // ÷2.0
    expect(isRatioChange(-0.49)).toBe(false);
    expect(isRatioChange(-1)).toBe(false); // all gone: −100 %
    // a p99 from 12 ms to 851.4 ms in three paired replications
    const d = pairedDifference([12, 12.2, 11.8], [850, 852, 852.2]);
    // its interval [×68, ×74] needs no more digits (the baseline's own spread counts)
    expect(changeWords('ms', d, 12)).toEqual({ change: '×71', bounds: ['×68', '×74'] });
    const small = pairedDifference([10, 10.2, 9.8], [11, 11.3, 10.9]);
    expect(changeWords('ms', small, 10)?.change).toBe('+10.7 %');
    const down = pairedDifference([32, 31, 33], [10, 9.8, 10.2]);
    expect(changeWords('per-sec', down, 32)?.change).toBe('÷3.2');
  });

  it('never lets a relative bound go below −100 %', () => {
    expect(percentText(-1.4)).toBe('−100.0 %');
    // a drop to almost nothing that the replications do not tell apart from 0: Fieller's
    // lower bound of the ratio is below 0
    const d = pairedDifference([40, 41, 39], [0, 1, 5]);
    expect((d.relative?.lo ?? 0) < -1).toBe(true);
    const w = changeWords('count', d, 40);
    expect(w?.bounds?.[0]).toBe('−100 %');
  });

  it('gives differences of shares in percentage points, inside [0, 100 %] of the share', () => {
    expect(pointsText(0.0123)).toBe('+1.2 pp');
    expect(pointsText(-0.2)).toBe('−20.0 pp');
    expect(pointsText(0.00001)).toBe('0.0 pp');
    // availability 99.9 % → 97 %: −2.9 points, never "−2.9 %"
    const d = pairedDifference([0.999, 0.998, 1], [0.97, 0.96, 0.98]);
    expect(changeWords('ratio', d, 0.999)).toEqual({
      change: '−2.9 pp',
      bounds: [expect.stringMatching(/pp$/), expect.stringMatching(/pp$/)],
    });
    // a hit ratio of 1 % that mostly vanished: the interval stops at −1 point (a share ≥ 0)
    const gone = pairedDifference([0.01, 0.012, 0.008], [0, 0.011, 0]);
    const w = changeWords('ratio', gone, 0.01);
    expect(gone.diff.lo !== null && gone.diff.lo < -0.01).toBe(true);
    expect(w?.bounds?.[0]).toBe('−1.0 pp');
    // and a share cannot rise above 100 %
    const full = pairedDifference([0.9, 0.95, 0.85], [1, 0.96, 1]);
    expect(changeWords('ratio', full, 0.9)?.bounds?.[1]).toBe('+10.0 pp');
  });

  it('gives an interval narrower than the change’s last digit more digits, up to two', () => {
    // a p50 ×71 with its bounds 0.01 apart: "[×71, ×71]" said nothing
    const tight = pairedDifference([5.09, 5.09, 5.09], [361.19, 361.2, 361.21]);
    const w = changeWords('ms', tight, 5.09);
    // and the change as many digits: "×71 [×70.96, ×70.97]" would read outside its interval
    expect(w?.change).toBe('×70.96');
    expect(w?.bounds).toEqual(['×70.96', '×70.97']);
    // one more digit is enough here
    const pct = pairedDifference([100, 100.01, 99.99], [141, 141.02, 140.99]);
    expect(changeWords('ms', pct, 100)).toEqual({
      change: '+41.00 %',
      bounds: ['+41.00 %', '+41.01 %'],
    });
    // shares in points alike; a bound that reads as zero has no sign
    expect(pointsText(0.000001, 2)).toBe('0.000 pp');
    expect(percentText(-0.000001, 1)).toBe('0.00 %');
    // two digits at most, and equal bounds (the same difference in every replication) stay
    const same = pairedDifference([10, 10, 10], [20, 20, 20]);
    expect(changeWords('count', same, 10)?.bounds).toEqual(['×2.0', '×2.0']);
    const closest = pairedDifference([0.5, 0.5, 0.5], [0.5, 0.5, 0.500001]);
    expect(changeWords('ratio', closest, 0.5)?.bounds).toEqual(['0.0 pp', '0.0 pp']);
  });

  it('says the change in its unit when the ratio’s interval is unbounded (a baseline not told apart from 0)', () => {
    // +20 in every replication, but the baseline's mean 20 ± 25: the ratio's interval is
    // unbounded (Fieller), though the difference is certain; it is said in the unit
    const d = pairedDifference([10, 20, 30], [30, 40, 50]);
    expect(d.significant).toBe(true);
    expect(changeWords('count', d, 20)).toBeNull();
    const metric = { label: 'orders', unit: 'count' as const };
    expect(differenceSentence('b', 'a', metric as KeyMetric, d, 20)).toBe(
      'b: orders +20 vs a, 95 % CI [+20, +20]',
    );
    // differences too small for the unit's usual digits get two significant digits of the
    // largest, durations in µs or ns; only exactly 0 reads as zero, without a sign
    expect(signedDifferences([0.0022, 0.0016, 0.0029], 'ms')).toEqual([
      '+2.2 µs',
      '+1.6 µs',
      '+2.9 µs',
    ]);
    expect(signedDifferences([1.6e-7, -4.6e-7, 7.8e-7], 'ms')).toEqual([
      '+0.16 ns',
      '−0.46 ns',
      '+0.78 ns',
    ]);
    expect(signedDifferences([0.00004, 0], 'ratio')).toEqual(['+0.0040 pp', '0.0000 pp']);
    expect(signedDifferences([0.28, 0.2, 0.32], 'ms')).toEqual([
      '+0.28 ms',
      '+0.20 ms',
      '+0.32 ms',
    ]);
    expect(signedDifferences([0.004, -0.003], 'count')).toEqual(['+0.0040', '−0.0030']);
    expect(signedDifferences([0, -3], 'count')).toEqual(['0', '−3']);
    // one replication: no interval at all, the change stays relative
    expect(changeWords('count', pairedDifference([10], [20]), 10)?.change).toBe('×2.0');
  });

  it('has nothing relative to say when the baseline is 0 (the unit says it)', () => {
    const d = pairedDifference([0, 0, 0], [3, 4, 5]);
    expect(changeWords('count', d, 0)).toBeNull();
  });
});
