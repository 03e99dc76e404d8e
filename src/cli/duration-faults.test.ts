/**
 * The faults a shorter `--duration` leaves without effect, as a sweep says them before it runs
 * (its points carry no propagation that would).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { apiGetYaml } from '../test-support/scenario-api-get.ts';
import { faultsIdleForDuration } from './duration-faults.ts';

const SCENARIO = `${apiGetYaml({ name: 'outage', duration: '3m', warmup: '20s', rate: '50/s' })}faults:
  late: { kind: crash, target: api, at: 60s, for: 60s }
  early: { kind: crash, target: api, at: 5s, for: 10s }
variants:
  a: {}
  b: { set: { services.api.instances: 2 } }
`;

describe('faultsIdleForDuration', () => {
  it('names each fault a shorter run leaves out, once for all variants, and none the file leaves out', () => {
    const loaded = parseScenario(SCENARIO, 'outage.yaml');
    // early (in the warm-up whatever the duration) is the file's own warning: not said again
    expect(faultsIdleForDuration(loaded, 60_000)).toEqual([
      '--duration 60 s: fault late (crash api) never struck: it starts at or after the run’s end (60.0 s); move its `at` earlier or lengthen `duration`',
    ]);
    expect(faultsIdleForDuration(loaded, 90_000)).toEqual([]);
    expect(faultsIdleForDuration(loaded, 60_000, 'ko')[0]).toContain(
      '장애 late (crash api): 한 번도 일어나지 않았습니다',
    );
  });
});
