/**
 * A fault in force from the warm-up's end leaves no time before it to serve as the baseline:
 * the propagation cannot judge what it degraded, and says so, not "nothing degraded" and every
 * endpoint "unaffected" beside a run that failed every request (a partition from 0 s).
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../../metrics/series.ts';
import type { Analysis } from '../../analyse.ts';
import { analysePropagation, type FaultTimeline } from './propagation.ts';
import { formatPropagation } from './propagation-report.ts';

/** A second of `ok` answers and `failed` errors at a p99 of 5 ms. */
const second = (s: number, ok: number, failed: number): SeriesPoint => ({
  second: s,
  arrivals: ok + failed,
  ok,
  rejected: 0,
  timedOut: 0,
  failed,
  meanMs: 5,
  p50Ms: 5,
  p90Ms: 5,
  p99Ms: 5,
  maxMs: 5,
  inFlight: 0,
});

const cut = (startMs: number): FaultTimeline => ({
  id: 'cut',
  kind: 'partition',
  target: 'gw → a',
  windows: [{ startMs, endMs: 30_000 }],
});

/** The console's propagation of one run of 30 s after 5 s of warm-up, failing from `failFrom` s. */
function console(fault: FaultTimeline, failFrom: number, lang: 'en' | 'ko' = 'en'): string {
  const points = Array.from({ length: 30 }, (_, s) =>
    s >= failFrom ? second(s, 0, 50) : second(s, 50, 0),
  );
  const requests = new Map([['gw/get', points]]);
  const p = analysePropagation({ requests, components: new Map() }, [fault], 5_000);
  const run = { summary: { scenario: { warmupMs: 5_000, durationMs: 30_000 } } };
  return formatPropagation(
    { variants: [{ name: 'x', run, propagation: p }] } as unknown as Analysis,
    lang,
  );
}

describe('a fault in force from the warm-up on', () => {
  it('is not judged, rather than "nothing degraded" with every endpoint unaffected', () => {
    const text = console(cut(0), 0);
    expect(text).not.toContain('nothing degraded');
    expect(text).not.toContain('unaffected endpoints');
    expect(text).toContain('fault cut (partition gw → a, 0.0 s–30.0 s): not judged: no time');
    expect(console(cut(0), 0, 'ko')).toContain('판단하지 않음');
    // from the warm-up's end exactly: no baseline either
    expect(console(cut(5_000), 5)).toContain('not judged');
  });

  it('is judged as before when some time after the warm-up precedes it', () => {
    const text = console(cut(15_000), 15);
    expect(text).toContain('fault cut (partition gw → a, 15.0 s–30.0 s): 1 degraded');
  });
});
