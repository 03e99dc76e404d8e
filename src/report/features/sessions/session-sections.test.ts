/**
 * The sessions section of the report: absent without logged-in users; with them, tables of
 * every variant's figures (scenario strings escaped), the session key metrics with their
 * changes, and three charts that compile with vega-lite without a warning, carry the figures
 * inline and keep each variant's colour.
 */
import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../metrics/session-stats.ts';
import { itIsAnItemSection } from '../../../test-support/feature-section.ts';
import { dataOf, HOSTILE } from '../../../test-support/report-data.ts';
import * as ss from '../../../test-support/sessions.ts';
import { expectSecondVariantOnly, type Json } from '../../../test-support/vega.ts';
import { VARIANT_COLOURS } from '../../html/chart-style.ts';
import {
  revocationChart,
  sessionLoadChart,
  sessionLossChart,
  sessionsSection,
} from './session-sections.ts';

const { plain, replicated } = await ss.tinyRuns();

/** Sticky sessions (memory in api, lost on crash), then a session store (store operations). */
const strategies = (v: number, r = 0): SessionSummary =>
  v === 0
    ? ss.fakeSessionSummary({
        strategy: 'sticky',
        storeOps: 0,
        storeOpsPerSec: 0,
        sessionsLost: { crash: 40 + r, scaleIn: 2, total: 42 + r },
      })
    : ss.fakeSessionSummary({ strategy: 'store', memory: [], storeOpsPerSec: 180 + r });

const two = dataOf(ss.withSessions(replicated, strategies));
const one = dataOf(ss.withSessions(ss.firstVariantOnly(plain), () => ss.fakeSessionSummary()));

const builders = { sessionLoadChart, revocationChart, sessionLossChart };

describe('sessionsSection', () => {
  itIsAnItemSection({
    id: 'sessions',
    title: 'Sessions and credentials',
    section: sessionsSection,
    items: 'logged-in users',
    fields: ['sessions'],
    several: two,
    single: one,
    tables: {
      what: 'every variant: strategy, 401s by reason, revocation, load, auth time, memory',
      hold: [
        'sticky</span><span class="sub">sticky</span></td><td>15.0/s</td><td>16 (3 / 5 / 7 / 1)</td>',
        '<td>42</td><td>120 ms / 900 ms</td><td>13</td><td>17</td>',
        // replication 3 KB/s; hit ratio; IdP 10/20/5 = 17.5/s over 2 s; auth time; api's memory
        '<td>30.0/s</td><td>3.00 KB/s</td><td>75.0 %</td><td>10 / 20 / 5</td><td>17.5/s</td><td>0/s</td><td>1.50 ms / 4.75 ms</td><td>api 2.00 KB, orders 512 B</td>',
        '<td>180/s</td><td>1.50 ms / 4.75 ms</td><td>–</td>',
      ],
    },
    keyMetrics: { what: 'session', shown: ['session store ops/s'], better: ['sessions lost'] },
    hostile: ss.withSessions(replicated, () =>
      ss.fakeSessionSummary({
        strategy: HOSTILE,
        memory: [{ service: HOSTILE, meanBytesPerInstance: 1, maxBytesPerInstance: 1 }],
      }),
    ),
    escaped: 'the strategy, the services',
    charts: builders,
  });
});

describe('session charts', () => {
  it('sessionLoadChart: store operations, IdP calls and replication messages per second', () => {
    const spec = sessionLoadChart(two) as Json;
    expect(spec.data.values).toEqual([
      { variant: 'sticky', load: 'session store', perSec: 0 },
      { variant: 'sticky', load: 'identity provider', perSec: 17.5 },
      { variant: 'sticky', load: 'session replication', perSec: 30 },
      { variant: 'store', load: 'session store', perSec: 180 },
      { variant: 'store', load: 'identity provider', perSec: 17.5 },
      { variant: 'store', load: 'session replication', perSec: 30 },
    ]);
    expect(spec.layer[0].encoding.yOffset.field).toBe('variant');
    expect(spec.layer[0].encoding.color.scale.range).toEqual(VARIANT_COLOURS.slice(0, 2));
  });

  it('revocationChart: the mean and max delay, and the requests accepted after revocation', () => {
    const spec = revocationChart(two) as Json;
    expect(spec.data.values.filter((r: Json) => r.variant === 'store')).toEqual([
      { panel: 'delay', variant: 'store', statistic: 'mean', ms: 120.25 },
      { panel: 'delay', variant: 'store', statistic: 'max', ms: 900 },
      { panel: 'accepted', variant: 'store', accepted: 13 },
    ]);
    expect(spec.hconcat.map((p: Json) => p.layer[0].encoding.x.field)).toEqual(['ms', 'accepted']);
  });

  it('sessionLossChart: 401s stacked by reason and sessions lost by cause', () => {
    const spec = sessionLossChart(two) as Json;
    const sticky = spec.data.values.filter((r: Json) => r.variant === 'sticky');
    expect(sticky.map((r: Json) => [r.panel, r.part, r.count])).toEqual([
      ['401s', 'lost session', 3],
      ['401s', 'revoked', 5],
      ['401s', 'expired', 7],
      ['401s', 'unknown', 1],
      ['lost', 'instance crashed', 40],
      ['lost', 'scaled in', 2],
    ]);
    expect(spec.hconcat[0].encoding.x.stack).toBe('zero');
    expect(spec.resolve.scale.color).toBe('independent');
  });

  it('leave out a variant without users but keep the others’ colours', () => {
    const mixed = dataOf(ss.withSessions(plain, (v) => (v === 0 ? null : strategies(1))));
    const spec = sessionLoadChart(mixed) as Json;
    expectSecondVariantOnly(spec, spec.layer[0].encoding.color.scale, 'store', builders, mixed);
    expect(String(sessionsSection(mixed)[0].html)).not.toContain('<span class="sub">sticky</span>');
  });
});
