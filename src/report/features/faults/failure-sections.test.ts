/**
 * The failure sections of the report: SLO verdicts, the propagation timeline and blast
 * radius, and the call policies — present only when the scenario has them, escaped, and
 * built from the run's own figures.
 */
import { describe, expect, it } from 'vitest';
import { shippedReportData } from '../../../test-support/report-data.ts';
import { policiesSection } from '../policies/policies.ts';
import { slosSection } from '../slos/slos-report.ts';
import { faultMarks, topologySection } from '../topology/topology-section.ts';
import {
  dataDamageText,
  propagationSection,
  propagationTimelineSpec,
} from './propagation-report.ts';

describe('failure sections', () => {
  it('are absent for a scenario without SLOs, faults or policies', async () => {
    const data = await shippedReportData('shop.yaml', 12_000);
    expect(slosSection(data)).toEqual([]);
    expect(propagationSection(data)).toEqual([]);
    expect(policiesSection(data)).toEqual([]);
    expect(propagationTimelineSpec(data, 0)).toBeNull();
  });

  it('show the db outage: verdicts, a timeline per variant with the fault shaded, the blast radius', async () => {
    const data = await shippedReportData('spof/shared-db-vs-db-per-service.yaml', 60_000);
    const [slos] = slosSection(data);
    expect(String(slos.html)).toContain('✓ met');
    expect(String(slos.html)).toContain('✗ missed');
    expect(String(slos.html)).toContain('availability ≥ 99.9%');
    const [prop] = propagationSection(data);
    expect(prop.charts).toHaveLength(2);
    const spec = prop.charts?.[1].spec as unknown as {
      data: { values: { layer: string; entity?: string; start: number; end: number }[] };
      layer: { mark: { type: string } }[];
    };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['rect', 'bar']);
    const faults = spec.data.values.filter((r) => r.layer === 'fault');
    expect(faults).toEqual([expect.objectContaining({ start: 30, end: 50 })]);
    const hit = spec.data.values.filter((r) => r.layer === 'episode').map((r) => r.entity);
    expect(hit).toEqual(
      expect.arrayContaining(['customers/profile', 'products/search', 'orders/place']),
    );
    expect(String(prop.after)).toContain('Unaffected endpoints: <code>customers/profile</code>');
    // the timeline's entities in Korean: a component's id with "(컴포넌트)", never "(component)"
    const koEntities = (
      propagationTimelineSpec(data, 0, 'ko') as unknown as {
        data: { values: { entity?: string }[] };
      }
    ).data.values.flatMap((r) => (r.entity === undefined ? [] : [r.entity]));
    expect(koEntities.some((e) => e.endsWith(' (컴포넌트)'))).toBe(true);
    expect(koEntities.filter((e) => e.includes('(component)'))).toEqual([]);
  }, 60_000);

  it('warn of a fault that never struck, and report damaged data as damage, not "nothing degraded"', async () => {
    // 70 s of delivery-semantics: the broker is down at 60–70 s; the billing crash (78 s) never comes
    const data = await shippedReportData('messaging/delivery-semantics.yaml', 70_000);
    const atMostOnce = data.variants[0].propagation;
    expect(atMostOnce?.notFired).toEqual([
      { fault: 'billing-crash', kind: 'crash', target: 'billing[0]', why: 'after-end' },
    ]);
    const [prop] = propagationSection(data);
    const page = String(prop.after);
    expect(page).toContain(
      '⚠ fault billing-crash (crash billing[0]) never struck: it starts at or after the run’s end (70.0 s)',
    );
    const koPage = String(propagationSection(data, 'ko')[0].after);
    expect(koPage).toContain(
      '⚠ 장애 billing-crash (crash billing[0]): 한 번도 일어나지 않았습니다. 실행이 끝나는 시각(70.0 s) 또는 그 뒤에 시작합니다.',
    );
    expect(koPage).not.toContain('never struck');
    // nor does the topology mark billing struck
    expect(faultMarks(data.variants[0]).get('billing')?.struck).not.toBe(true);
    // 100 s: the billing crash (78–98 s) loses invoices (at-most-once) and bills twice (at-least-once)
    const full = await shippedReportData('messaging/delivery-semantics.yaml', 100_000);
    expect(full.variants[0].propagation?.notFired).toEqual([]);
    const fullPage = String(propagationSection(full)[0].after);
    const damaged = full.variants.filter((v) => (v.propagation?.dataDamage.length ?? 0) > 0);
    expect(damaged.length).toBeGreaterThan(0);
    for (const v of damaged) {
      const p = v.propagation;
      if (p === null) continue;
      expect(fullPage).toContain(dataDamageText(p));
      // every damage counted is the consumer group's own counter
      for (const d of p.dataDamage) {
        const c = v.summary.consumers.find((g) => g.group === d.where);
        expect(d.count).toBe(d.what === 'messages lost' ? c?.lost : c?.appliedTwice);
      }
    }
    expect(fullPage).toContain('Data damaged');
    expect(fullPage).toContain(
      'Fault billing-crash (crash billing[0], 78 s–98 s): no endpoint or component degraded, but data was damaged in this run',
    );
  }, 60_000);

  it('escape scenario names in the tables', async () => {
    const data = structuredClone(
      await shippedReportData('spof/shared-db-vs-db-per-service.yaml', 60_000),
    );
    data.variants[0].slos[0].name = '<script>alert(1)</script>';
    const p = data.variants[0].propagation;
    if (p !== null) p.blastRadius[0].fault = '<img src=x onerror=alert(1)>';
    const html = `${slosSection(data)[0].html}${propagationSection(data)[0].after}`;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  }, 60_000);

  it('show the retry amplification of each call with policies', async () => {
    const data = await shippedReportData('resilience/retry-storm.yaml', 50_000);
    const [pol] = policiesSection(data);
    expect(String(pol.html)).toContain('orders → inventory/reserve');
    expect(String(pol.html)).toMatch(/naive-retries<\/td><td>[\d,]+<\/td><td>[23]\.\d\d×/);
  }, 60_000);

  it('mark the struck and the degraded components on the topology', async () => {
    const data = await shippedReportData('spof/shared-db-vs-db-per-service.yaml', 60_000);
    const shared = data.variants[1];
    const marks = faultMarks(shared);
    expect(marks.get('shared-db')?.struck).toBe(true);
    expect(marks.get('orders')).toEqual(expect.objectContaining({ struck: false, delayMs: 0 }));
    expect(marks.has('orders-db')).toBe(false); // not used by this variant
    const html = String(topologySection(data).html ?? '');
    expect(html).toContain('⚡ fault');
    expect(html).toMatch(/class="fault-mark"[^>]*>#\d · \+0 s</);
  }, 60_000);
});
