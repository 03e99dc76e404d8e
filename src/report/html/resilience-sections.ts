/**
 * The report sections about failure: the SLO verdicts of each variant, how each fault
 * propagated (a timeline of degraded endpoints and components with the fault windows shaded,
 * and each fault's blast radius in order), and the resilience policies of call steps (retry
 * amplification, breaker, bulkhead, fallbacks). Each is absent when the scenario has none.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportData, VariantReport } from '../report-data.ts';
import { formatSloValue } from '../slo.ts';
import { CHART_WIDTH, VEGA_LITE_SCHEMA } from './chart-style.ts';
import { variantLabel } from './charts.ts';
import { formatMs, formatNumber, formatPercent } from './format.ts';
import type { PageSection } from './page.ts';
import { EMPTY_HTML, type Html, html, joinHtml } from './template.ts';

const td = (text: string, cls = ''): Html =>
  html`<td${cls ? html` class="${cls}"` : ''}>${text}</td>`;
const seconds = (ms: number) => `${formatNumber(ms / 1000, ms % 1000 === 0 ? 0 : 1)} s`;

function tableHtml(headers: string[], rows: Html[]): Html {
  const th = headers.map((h, i) => html`<th${i === 0 ? html` class="label"` : ''}>${h}</th>`);
  return html`<div class="table-wrap"><table class="data"><thead><tr>${th}</tr></thead><tbody>\n${joinHtml(rows, '\n')}\n</tbody></table></div>`;
}

/** The SLO verdicts, one table row per variant × bound. Empty without SLOs. */
export function slosSection(data: ReportData): PageSection[] {
  if (data.variants.every((v) => v.slos.length === 0)) return [];
  const rows = data.variants.flatMap((v, i) =>
    v.slos.map((s) => {
      const e = s.estimate;
      const value = e.n === 0 ? 'not measured' : formatSloValue(e.mean, s);
      const ci =
        e.lo === null || e.hi === null
          ? ''
          : `[${formatSloValue(e.lo, s)}, ${formatSloValue(e.hi, s)}]`;
      return html`<tr class="${s.pass ? 'pass' : 'fail'}">${td(s.pass ? '✓ met' : '✗ missed', 'label')}${td(variantLabel(data, data.variants[i]))}${td(s.name)}${td(s.scope === 'overall' ? 'all endpoints' : s.id)}${td(s.text)}${td(value)}${td(ci)}</tr>`;
    }),
  );
  const met = data.variants.map(
    (v, i) =>
      `${variantLabel(data, data.variants[i])}: ${v.slos.filter((s) => s.pass).length} of ${v.slos.length}`,
  );
  return [
    {
      id: 'slos',
      title: 'Service-level objectives',
      nav: 'SLOs',
      html: html`<p class="intro">The scenario's steady-state hypotheses, judged on the mean over the replications (the interval is 95 %). Met: ${met.join(' · ')}. <code>msasim run --check</code> exits with code 3 when one is missed.</p>${tableHtml(['verdict', 'variant', 'SLO', 'target', 'bound', 'value', '95 % CI'], rows)}`,
    },
  ];
}

/** The degraded episodes of one variant as a timeline, the fault windows shaded. */
export function propagationTimelineSpec(data: ReportData, index: number): TopLevelSpec | null {
  const v: VariantReport = data.variants[index];
  const p = v.propagation;
  if (p === null) return null;
  const endMs = v.summary.scenario.durationMs;
  const order = [
    ...p.entities.filter((e) => e.scope === 'component'),
    ...p.entities.filter((e) => e.scope === 'endpoint'),
  ].map((e) => (e.scope === 'component' ? `${e.id} (component)` : e.id));
  const rows: Record<string, unknown>[] = [];
  for (const f of v.faults)
    for (const w of f.windows)
      rows.push({
        layer: 'fault',
        start: w.startMs / 1000,
        end: w.endMs / 1000,
        fault: `${f.id}: ${f.kind} ${f.target}`,
      });
  for (const e of p.entities)
    for (const ep of e.episodes)
      rows.push({
        layer: 'episode',
        entity: e.scope === 'component' ? `${e.id} (component)` : e.id,
        scope: e.scope,
        start: ep.startMs / 1000,
        end: (ep.endMs ?? endMs) / 1000,
        recovered: ep.endMs === null ? 'not by the end' : seconds(ep.endMs),
        fault: ep.fault ?? '',
        worstP99: ep.worst.p99Ms === null ? '–' : formatMs(ep.worst.p99Ms),
        worstErrors: ep.worst.errorRate === null ? '–' : formatPercent(ep.worst.errorRate),
        worstUtil: ep.worst.utilisation === null ? '–' : formatPercent(ep.worst.utilisation),
      });
  const x = {
    field: 'start',
    type: 'quantitative',
    title: 'simulated time (s)',
    scale: { domain: [v.summary.scenario.warmupMs / 1000, endMs / 1000] },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `How the faults spread${data.variants.length > 1 ? ` · ${variantLabel(data, v)}` : ''}`,
      subtitle: 'bars: when each endpoint or component was worse than its own pre-fault baseline',
    },
    width: CHART_WIDTH,
    height: { step: 26 },
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.layer === 'fault'" }],
        mark: { type: 'rect', color: '#d62728', opacity: 0.12 },
        encoding: {
          x,
          x2: { field: 'end' },
          tooltip: [
            { field: 'fault' },
            { field: 'start', title: 'from (s)' },
            { field: 'end', title: 'to (s)' },
          ],
        },
      },
      {
        transform: [{ filter: "datum.layer === 'episode'" }],
        mark: { type: 'bar', cornerRadius: 3, height: { band: 0.7 } },
        encoding: {
          y: {
            field: 'entity',
            type: 'nominal',
            sort: order,
            title: null,
            axis: { labelLimit: 260 },
          },
          x,
          x2: { field: 'end' },
          color: {
            field: 'scope',
            type: 'nominal',
            title: 'degraded',
            scale: { domain: ['endpoint', 'component'], range: ['#c0392b', '#e67e22'] },
          },
          tooltip: [
            { field: 'entity' },
            { field: 'start', title: 'degraded at (s)' },
            { field: 'recovered', title: 'recovered at' },
            { field: 'fault' },
            { field: 'worstP99', title: 'worst p99' },
            { field: 'worstErrors', title: 'worst errors' },
            { field: 'worstUtil', title: 'worst utilisation' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}

/** The propagation of the faults: a timeline and the blast radius of each fault, per variant. */
export function propagationSection(data: ReportData): PageSection[] {
  if (data.variants.every((v) => v.propagation === null)) return [];
  const charts = data.variants
    .map((_, i) => propagationTimelineSpec(data, i))
    .filter((s): s is TopLevelSpec => s !== null)
    .map((spec) => ({ spec }));
  const tables = data.variants.map((v, i) => {
    const p = v.propagation;
    if (p === null) return EMPTY_HTML;
    const rows = p.blastRadius.flatMap((b) =>
      b.hits.map(
        (h, k) =>
          html`<tr>${td(k === 0 ? `${b.fault} (${b.kind} ${b.target}, ${seconds(b.window.startMs)}–${seconds(b.window.endMs)})` : '', 'label')}${td(String(k + 1))}${td(h.scope === 'component' ? `${h.id} (component)` : h.id)}${td(`+${seconds(h.delayMs)}`)}${td(h.recoveredAtMs === null ? 'not by the end' : seconds(h.recoveredAtMs))}${td(h.worst.p99Ms === null ? '–' : formatMs(h.worst.p99Ms))}${td(h.worst.errorRate === null ? '–' : formatPercent(h.worst.errorRate))}${td(h.worst.utilisation === null ? '–' : formatPercent(h.worst.utilisation))}</tr>`,
      ),
    );
    const hit = new Set(p.entities.filter((e) => e.episodes.length > 0).map((e) => e.id));
    const spared = p.entities.filter((e) => e.scope === 'endpoint' && !hit.has(e.id));
    const title =
      data.variants.length > 1 ? html`<h3>${variantLabel(data, data.variants[i])}</h3>` : '';
    const sparedText =
      spared.length === 0
        ? ''
        : html`<p>Unaffected endpoints: ${joinHtml(
            spared.map((e) => html`<code>${e.id}</code>`),
            ', ',
          )}.</p>`;
    return html`${title}${tableHtml(['fault', 'order', 'degraded', 'after', 'recovered at', 'worst p99', 'worst errors', 'worst utilisation'], rows)}${sparedText}`;
  });
  return [
    {
      id: 'propagation',
      title: 'Fault propagation',
      nav: 'Propagation',
      html: html`<p class="intro">Degraded means worse than its own baseline before the first fault: errors up ${formatPercent(0.05)} points, p99 doubled, or utilisation up 30 points, for 2 seconds in a row; recovered after 5 good seconds in a row. The blast radius lists what degraded, in order.</p>`,
      charts,
      after: joinHtml(tables),
    },
  ];
}

/** The call steps with resilience policies: amplification, breaker, bulkhead, fallbacks. */
export function policiesSection(data: ReportData): PageSection[] {
  if (data.variants.every((v) => v.summary.callPolicies.length === 0)) return [];
  const rows = data.variants.flatMap((v, i) =>
    v.summary.callPolicies.map(
      (p) =>
        html`<tr>${td(`${p.from} → ${p.to}`, 'label')}${td(variantLabel(data, data.variants[i]))}${td(formatNumber(p.calls))}${td(`${formatNumber(p.amplification, 2)}×`)}${td(formatNumber(p.retries))}${td(formatNumber(p.retriesDenied))}${td(formatNumber(p.breakerOpened))}${td(formatPercent(p.openFraction))}${td(formatNumber(p.shortCircuited))}${td(formatNumber(p.bulkheadRejected))}${td(formatNumber(p.fallbacks))}</tr>`,
    ),
  );
  return [
    {
      id: 'policies',
      title: 'Resilience policies',
      nav: 'Policies',
      html: html`<p class="intro">Load × is attempts per call: how much the retries multiply the load on the callee (retry amplification).</p>${tableHtml(
        [
          'call',
          'variant',
          'calls',
          'load ×',
          'retries',
          'over budget',
          'breaker opened',
          'open',
          'short-circuited',
          'bulkhead full',
          'fallbacks',
        ],
        rows,
      )}`,
    },
  ];
}
