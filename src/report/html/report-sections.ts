/**
 * The sections of the report page of one scenario run, each a PageSection of markup (made
 * with the `html` template, which escapes every scenario string) and vega-lite charts: the header facts, the key metrics
 * of a replicated run without variants, the lesson, the topology (a tab per variant), the
 * summary tables and the chart sections. The comparison is in comparison-section.ts.
 */
import type { ReportData, VariantReport } from '../report-data.ts';
import { variantColour } from './chart-style.ts';
import {
  faultWindows,
  latencyCdfChart,
  latencyPercentileChart,
  timeSeriesChart,
  variantLabel,
} from './charts.ts';
import { keyMetricsTable, variantChip } from './comparison-section.ts';
import { componentLoadChart, utilisationHeatmap } from './component-charts.ts';
import { td } from './data-table.ts';
import { formatMs, formatNumber, formatPercent, formatQuantity, formatRate } from './format.ts';
import { renderMarkdown } from './markdown.ts';
import type { PageSection } from './page.ts';
import { EMPTY_HTML, type Html, html, joinHtml } from './template.ts';
import { type FaultMark, topologySvg, utilisationColour } from './topology.ts';
import { layoutTopology } from './topology-layout.ts';

export { comparisonSection } from './comparison-section.ts';

const seconds = (ms: number) => `${formatNumber(ms / 1000, ms % 1000 === 0 ? 0 : 1)} s`;

/** The facts under the title: description, file, duration, replications and seeds, variants. */
export function headerHtml(data: ReportData): Html {
  const s = data.variants[0]?.summary.scenario;
  const names = data.variants.map((v) => variantLabel(data, v));
  const facts: [string, Html | string][] = [
    ['scenario file', html`<code>${data.scenario.file}</code>`],
  ];
  if (s) {
    facts.push([
      'simulated',
      `${seconds(s.durationMs)} per run; the first ${seconds(s.warmupMs)} are warm-up and not counted`,
    ]);
  }
  const n = data.replications;
  facts.push([
    n === 1 ? 'seed' : 'replications',
    n === 1
      ? data.seeds.map(String).join(', ')
      : `${n} per variant, seeds ${data.seeds.map(String).join(', ')}`,
  ]);
  if (data.variants.length > 1) {
    const chips = names.map(
      (name, i) => html`${variantChip(name, i)}${i === 0 ? ' (baseline)' : ''}`,
    );
    facts.push([`${names.length} variants`, joinHtml(chips, ', ')]);
  }
  const description = data.scenario.description
    ? html`<p class="lede">${data.scenario.description}</p>`
    : '';
  const dl = facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`);
  return html`${description}<dl class="facts">${dl}</dl>`;
}

/** Key metrics with confidence intervals for a replicated run without variants (else nothing). */
export function keyMetricsSection(data: ReportData): PageSection[] {
  if (data.replications < 2) return [];
  return [
    {
      id: 'key-metrics',
      title: 'Key metrics',
      html: html`<p class="intro">Means over ${data.replications} replications with their 95 % confidence intervals.</p>${keyMetricsTable(data)}`,
    },
  ];
}

/** The lesson beside the scenario (what it teaches, what to look at), when there is one. */
export function lessonSection(data: ReportData): PageSection[] {
  if (!data.scenario.lesson) return [];
  return [
    {
      id: 'lesson',
      title: 'Lesson',
      html: html`<div class="lesson">${renderMarkdown(data.scenario.lesson, { headingOffset: 2 })}</div>`,
    },
  ];
}

/**
 * The components the faults touched, for the topology: the struck ones, and those that
 * degraded with their place in the blast radius (the first occurrence over every fault window).
 */
export function faultMarks(v: VariantReport): Map<string, FaultMark> {
  const marks = new Map<string, FaultMark>();
  for (const f of v.summary.scenario.faults)
    if (f.component !== null) marks.set(f.component, { struck: true, order: 0, delayMs: 0 });
  for (const b of v.propagation?.blastRadius ?? [])
    b.hits.forEach((h, i) => {
      if (h.scope !== 'component') return;
      const m = marks.get(h.id);
      if (m === undefined) marks.set(h.id, { struck: false, order: i + 1, delayMs: h.delayMs });
      else if (m.order === 0) m.order = i + 1;
    });
  return marks;
}

/** The topology of every variant (tabs when there are several; all shown when printed). */
export function topologySection(data: ReportData): PageSection {
  const layout = layoutTopology(data.variants.map((v) => v.summary));
  const names = data.variants.map((v) => variantLabel(data, v));
  const svg = (v: VariantReport, i: number) =>
    html`<div class="topology-wrap">${topologySvg(v.summary, layout, `Topology of ${names[i]}`, faultMarks(v))}</div>`;
  const intro = joinHtml([
    html`<p class="intro">Messages per second over each link after the warm-up (replies are not drawn): the wider, the busier. `,
    html`Dashed grey links exist in the scenario but carried nothing in this variant. Nodes are tinted by utilisation; hover over one for its load, queue and wait. `,
    html`With faults, the struck component is marked ⚡ and the components that degraded are outlined in red with their place in the blast radius and how long after the fault they degraded.</p>`,
  ]);
  if (data.variants.length === 1)
    return { id: 'topology', title: 'Topology', html: html`${intro}${svg(data.variants[0], 0)}` };
  const buttons = names.map(
    (name, i) =>
      html`<button type="button" role="tab" aria-selected="${String(i === 0)}" style="--c:${variantColour(i)}">${variantChip(name, i)}</button>`,
  );
  const panels = data.variants.map((v, i) => {
    const description = v.description ? html` <span class="sub">${v.description}</span>` : '';
    return html`<div class="tab-panel" role="tabpanel"><h3>${variantChip(names[i], i)}${description}</h3>${svg(v, i)}</div>`;
  });
  return {
    id: 'topology',
    title: 'Topology',
    html: html`${intro}<div class="tabs" data-tabs><div class="tablist" role="tablist">${buttons}</div>${joinHtml(panels, '\n')}</div>`,
  };
}

/** Rows of a summary table grouped by an item (endpoint, component), one row per variant. */
function groupedRows(
  data: ReportData,
  keys: string[],
  cellsOf: (v: VariantReport, key: string) => Html[] | null,
): Html {
  const rows: Html[] = [];
  const variants = data.variants.length > 1;
  for (const key of keys) {
    const group = data.variants
      .map((v, i) => ({ i, cells: cellsOf(v, key) }))
      .filter((g): g is { i: number; cells: Html[] } => g.cells !== null);
    group.forEach((g, k) => {
      const name =
        k === 0
          ? html`<td class="name"${group.length > 1 ? html` rowspan="${group.length}"` : ''}>${key}</td>`
          : '';
      const variant = variants
        ? html`<td class="label">${variantChip(variantLabel(data, data.variants[g.i]), g.i)}</td>`
        : '';
      rows.push(
        html`<tr${k === 0 ? html` class="group-start"` : ''}>${name}${variant}${g.cells}</tr>`,
      );
    });
  }
  return joinHtml(rows, '\n');
}

/** Columns of words rather than numbers (left-aligned). */
const TEXT_COLUMNS = new Set(['kind', 'type']);

function table(data: ReportData, first: string, headers: string[], body: Html): Html {
  const variant = data.variants.length > 1 ? html`<th class="label">variant</th>` : '';
  const th = headers.map((h) =>
    TEXT_COLUMNS.has(h) ? html`<th class="label">${h}</th>` : html`<th>${h}</th>`,
  );
  return html`<div class="table-wrap"><table class="data"><thead><tr><th>${first}</th>${variant}${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** Endpoints: requests, successful per second, errors, latency percentiles. */
function endpointsTable(data: ReportData): Html {
  const keys: string[] = [];
  for (const v of data.variants)
    for (const e of v.summary.endpoints) if (!keys.includes(e.endpoint)) keys.push(e.endpoint);
  const several = keys.length > 1;
  if (several) keys.push('all endpoints');
  const body = groupedRows(data, keys, (v, key) => {
    const g =
      key === 'all endpoints' && several
        ? v.summary.overall
        : v.summary.endpoints.find((e) => e.endpoint === key);
    if (!g) return null;
    const errors = g.outcomes.rejected + g.outcomes.timedOut + g.outcomes.failed;
    return [
      td(formatNumber(g.arrivals)),
      td(formatRate(g.throughputPerSec)),
      td(formatNumber(errors)),
      td(formatPercent(g.errorRate)),
      td(formatMs(g.latency.p50Ms)),
      td(formatMs(g.latency.p90Ms)),
      td(formatMs(g.latency.p99Ms)),
      td(formatMs(g.latency.p999Ms)),
    ];
  });
  return table(
    data,
    'endpoint',
    ['requests', 'ok/s', 'errors', 'error rate', 'p50', 'p90', 'p99', 'p99.9'],
    body,
  );
}

/** Components: kind, instances, load, utilisation (tinted), queue, wait. */
function componentsTable(data: ReportData): Html {
  const keys: string[] = [];
  for (const v of data.variants)
    for (const c of v.summary.components) if (!keys.includes(c.id)) keys.push(c.id);
  const body = groupedRows(data, keys, (v, key) => {
    const c = v.summary.components.find((x) => x.id === key);
    if (!c) return null;
    return [
      html`<td class="label">${c.kind}</td>`,
      td(formatNumber(c.instances)),
      td(formatRate(c.arrivalsPerSec)),
      html`<td style="background:${utilisationColour(c.utilisation)}">${formatPercent(c.utilisation)}</td>`,
      td(`${formatQuantity(c.queueMean)} / ${formatNumber(c.queueMax)}`),
      td(formatMs(c.waitMeanMs)),
    ];
  });
  return table(
    data,
    'component',
    ['kind', 'instances', 'load', 'utilisation', 'queue mean / max', 'mean wait'],
    body,
  );
}

/** Caches: lookups, hit ratio, stale hits, evictions, sync messages. Empty without caches. */
function cachesTable(data: ReportData): Html {
  const keys: string[] = [];
  for (const v of data.variants)
    for (const c of v.summary.caches) if (!keys.includes(c.id)) keys.push(c.id);
  if (keys.length === 0) return EMPTY_HTML;
  const body = groupedRows(data, keys, (v, key) => {
    const c = v.summary.caches.find((x) => x.id === key);
    if (!c) return null;
    return [
      html`<td class="label">${c.type}</td>`,
      td(formatNumber(c.lookups)),
      td(formatPercent(c.hitRatio)),
      td(formatNumber(c.staleHits)),
      td(formatNumber(c.evictions)),
      td(formatRate(c.syncMessagesPerSec)),
    ];
  });
  return html`<h3>Caches</h3>${table(data, 'cache', ['type', 'lookups', 'hit ratio', 'stale hits', 'evictions', 'sync messages'], body)}`;
}

/** The summary tables of the first replication of every variant. */
export function summarySection(data: ReportData): PageSection {
  const which = data.replications > 1 ? ` (first replication, seed ${String(data.seeds[0])})` : '';
  return {
    id: 'summary',
    title: 'Summary',
    html: html`<p class="intro">After the warm-up${which}. Latency percentiles are of successful requests; load is visits per second; utilisation is busy threads or connections over capacity.</p><h3>Endpoints</h3>${endpointsTable(data)}<h3>Components</h3>${componentsTable(data)}${cachesTable(data)}`,
  };
}

/** The chart sections: latency, behaviour over time, load on shared components. */
export function chartSections(data: ReportData): PageSection[] {
  return [
    {
      id: 'latency',
      title: 'Latency',
      charts: [
        { spec: latencyPercentileChart(data) },
        {
          spec: latencyCdfChart(data),
          caption:
            'A curve further left is faster; where the curves part near the top is where the designs differ in their tail.',
        },
      ],
    },
    {
      id: 'over-time',
      title: 'Over time',
      charts: [{ spec: timeSeriesChart(data, { faults: faultWindows(data) }) }],
    },
    {
      id: 'load',
      title: 'Load on shared components',
      nav: 'Load',
      charts: [
        {
          spec: componentLoadChart(data),
          caption:
            'A component whose bar grows with a design choice is where that choice sends its load.',
        },
        { spec: utilisationHeatmap(data) },
      ],
    },
  ];
}
