/**
 * The benchmark cases of `npm run bench`, shared by bench/run.js (the parent, which judges the
 * bars) and bench/case.js (the child, which runs one case): which scenario, how long to simulate,
 * and the bar from the project issue that the case is judged against.
 */

/**
 * One case. `durationS`/`warmupS` replace the scenario's `duration`/`warmup` (warmupS undefined
 * keeps the scenario's own). `bar.metric` is a key of the per-case result; `min` is a floor,
 * `max` a ceiling, `aim` the target beyond the bar.
 */
export const CASES = [
  {
    name: 'mm1-1M',
    file: 'scenarios/validation/mm1.yaml',
    what: 'kernel speed: M/M/1 at ρ = 0.8 (800 req/s, service mean 1 ms), ~1,000,000 arrivals',
    durationS: 1250,
    warmupS: 0,
    bar: { metric: 'requestsPerSec', min: 3e6, aim: 5e6 },
  },
  {
    name: 'shop-1M',
    file: 'scenarios/shop.yaml',
    what: 'model speed: 4-service shop with network hops and databases at 1000 req/s, ~1,000,000 arrivals',
    durationS: 1000,
    warmupS: undefined,
    bar: { metric: 'requestsPerSec', min: 3e5, aim: 5e5 },
  },
  {
    name: 'mm1-10M',
    file: 'scenarios/validation/mm1.yaml',
    what: 'memory: M/M/1 as mm1-1M for ~10,000,000 arrivals',
    durationS: 12500,
    warmupS: 0,
    bar: { metric: 'peakRssMB', max: 300 },
  },
];

/** The case called `name`, or undefined. */
export function findCase(name) {
  return CASES.find((c) => c.name === name);
}
