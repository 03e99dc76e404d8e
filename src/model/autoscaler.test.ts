/**
 * Autoscaling on a model whose answer is known: one instance of 4 threads serves 10 ms of work
 * (400/s at most). The load steps from 100/s to 1,000/s (10 busy threads) and back. With a
 * 60 % target the HPA rule settles at ⌈10 / (4 × 0.6)⌉ = 5 instances (50 % busy), after an
 * overshoot: while new instances boot, the backlog keeps the utilisation at 100 %.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../test-support/scenarios.ts';

const yaml = (autoscale: string) => `
version: 1
name: elastic
seed: 12
duration: 320s
workloads:
  users:
    rate: 100/s
    schedule:
      - { at: 30s, rate: 1000/s }
      - { at: 220s, rate: 100/s }
    target: api/get
    timeout: 5s
services:
  api:
    instances: 1
    threads: 4
    loadBalancer: least-outstanding
    ${autoscale}
    endpoints:
      get: { steps: [{ cpu: 10ms }] }
`;

describe('autoscaling', () => {
  it('scales out to the HPA count under load and back in after it', async () => {
    const r = await runYaml(
      yaml(
        'autoscale: { min: 1, max: 8, targetUtilisation: 60%, every: 10s, bootTime: 20s, scaleDownAfter: 30s }',
      ),
    );
    const api = r.summary.components.find((c) => c.id === 'api');
    const scaling = api?.scaling;
    expect(scaling).not.toBeNull();
    expect(scaling?.maxInstances).toBeGreaterThanOrEqual(5);
    expect(scaling?.maxInstances).toBeLessThanOrEqual(8);
    expect(scaling?.scaleUps).toBeGreaterThanOrEqual(4);
    expect(scaling?.scaleDowns).toBeGreaterThanOrEqual(4);
    const points = r.series.components.get('api') ?? [];
    const at = (s: number) => points.find((p) => p.second === s)?.instances;
    expect(at(210)).toBe(5); // settled on the plateau
    expect(at(310)).toBe(1); // back to min after the load fell
    // on the plateau: 10 busy threads of 5 × 4 = 50 %
    const plateau = points.filter((p) => p.second >= 170 && p.second < 220);
    const util = plateau.reduce((a, p) => a + p.utilisation, 0) / plateau.length;
    expect(util).toBeGreaterThan(0.45);
    expect(util).toBeLessThan(0.55);
    // requests sent while the new instances booted waited or timed out; once settled, none fail
    const settled = (r.series.requests.get('api/get') ?? []).filter((p) => p.second >= 170);
    expect(settled.reduce((a, p) => a + p.timedOut + p.failed + p.rejected, 0)).toBe(0);
  });

  it('a fixed service is overwhelmed by the same load', async () => {
    const r = await runYaml(yaml(''));
    expect(r.summary.components.find((c) => c.id === 'api')?.scaling).toBeNull();
    expect(r.summary.overall.outcomes.timedOut).toBeGreaterThan(10_000);
  });
});
