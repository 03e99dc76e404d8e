/**
 * How the faults propagated, in the report: propagation.csv (one row per variant × fault
 * window × entity it degraded, in order of onset), the console's blast radius of each fault
 * window, and the page's section (a timeline of degraded endpoints and components with the fault
 * windows shaded, and each fault's blast radius). The analysis is propagation.ts's.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { RunResult } from '../../../metrics/summary.ts';
import type { Analysis } from '../../analysis.ts';
import { type Column, csvOf, rounded } from '../../csv.ts';
import { CHART_WIDTH, VEGA_LITE_SCHEMA } from '../../html/chart-style.ts';
import { valuesIn } from '../../html/chart-words.ts';
import { variantLabel } from '../../html/charts.ts';
import { labelTd, tableHtml, td } from '../../html/data-table.ts';
import { formatMs, formatNumber, formatPercent } from '../../html/format.ts';
import type { PageSection } from '../../html/layout.ts';
import { EMPTY_HTML, html, joinHtml } from '../../html/template.ts';
import { tHtml } from '../../html/words.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t, term } from '../../i18n/t.ts';
import type { ReportData, VariantReport } from '../../report-data-types.ts';
import { formatTable, num, pct } from '../../text-table.ts';
import type { BlastRadius, FaultNotFired, Propagation } from './propagation.ts';

/** Why a fault struck nothing counted, in words (in `lang`: the fault's name, kind and target as written). */
export function notFiredText(
  f: FaultNotFired,
  warmupMs: number,
  durationMs: number,
  lang: Lang = 'en',
): string {
  const values = { fault: f.fault, kind: f.kind, target: f.target };
  if (f.why === 'idle-link')
    return t(lang, f.reverse ? 'prop.notFired.idleLinkReverse' : 'prop.notFired.idleLink', values);
  return f.why === 'after-end'
    ? t(lang, 'prop.notFired.afterEnd', { ...values, end: seconds(durationMs) })
    : t(lang, 'prop.notFired.warmup', { ...values, warmup: seconds(warmupMs) });
}

/** The data damage of a run in one line: "37 messages lost (billing), 2 sagas left inconsistent (checkout)". */
export function dataDamageText(p: Propagation, lang: Lang = 'en'): string {
  return p.dataDamage
    .map((d) =>
      t(lang, 'prop.damageItem', { n: num(d.count, 0), what: term(lang, d.what), where: d.where }),
    )
    .join(', ');
}

/**
 * Whether the run had a baseline to judge degradation by: some measured time before the first
 * fault. A fault in force from the warm-up's end (a partition from 0 s) leaves none, and then
 * nothing can be said to have degraded, nor any endpoint to have been unaffected.
 */
const judged = (p: Propagation) => p.baselineWindow.endMs > p.baselineWindow.startMs;

/** A blast radius in words: "3 degraded", or what else happened when nothing degraded. */
function blastText(b: BlastRadius, p: Propagation, lang: Lang = 'en'): string {
  if (b.hits.length > 0) return t(lang, 'prop.degradedCount', { n: b.hits.length });
  if (!judged(p)) return t(lang, 'prop.noBaseline');
  return t(lang, p.dataDamage.length > 0 ? 'prop.onlyData' : 'prop.nothing');
}

/** An entity a fault degraded, with its fault window and its place in the blast radius. */
interface Hit {
  b: BlastRadius;
  h: BlastRadius['hits'][number];
  order: number;
}

/** The columns of propagation.csv after `variant`. */
const HIT_COLUMNS: Column<Hit>[] = [
  ['fault', ({ b }) => b.fault],
  ['kind', ({ b }) => b.kind],
  ['target', ({ b }) => b.target],
  ['faultStartMs', ({ b }) => b.window.startMs],
  ['faultEndMs', ({ b }) => b.window.endMs],
  ['order', ({ order }) => order],
  ['scope', ({ h }) => h.scope],
  ['id', ({ h }) => h.id],
  ['degradedAtMs', ({ h }) => h.degradedAtMs],
  ['delayMs', ({ h }) => h.delayMs],
  ['recoveredAtMs', ({ h }) => h.recoveredAtMs],
  ['worstP99Ms', ({ h }) => rounded(h.worst.p99Ms)],
  ['worstErrorRate', ({ h }) => rounded(h.worst.errorRate)],
  ['worstUtilisation', ({ h }) => rounded(h.worst.utilisation)],
];

/**
 * propagation.csv: one row per variant × fault window × entity it degraded (the blast radius,
 * in order of onset): when, how long after the fault started, when it recovered (empty: not
 * by the end of the run) and its worst figures.
 */
export function propagationCsv(analysis: Analysis): string {
  const hits = analysis.variants.flatMap(({ run, propagation: p }) =>
    (p?.blastRadius ?? []).flatMap((b) =>
      b.hits.map((h, i): [RunResult, Hit] => [run, { b, h, order: i + 1 }]),
    ),
  );
  return csvOf(HIT_COLUMNS, hits);
}

/** An entity as the blast radius names it: its id, "(component)" after a component's. */
const entityName = (h: { scope: string; id: string }, lang: Lang = 'en') =>
  h.scope === 'component' ? t(lang, 'prop.component', { id: h.id }) : h.id;

/** The endpoints no fault degraded. */
const unaffected = (p: Propagation) => {
  if (!judged(p)) return [];
  const hit = new Set(p.entities.filter((e) => e.episodes.length > 0).map((e) => e.id));
  return p.entities.filter((e) => e.scope === 'endpoint' && !hit.has(e.id));
};

const seconds = (ms: number) => `${num(ms / 1000, 1)} s`;

/** "db-down (crash orders-db, 30.0 s–50.0 s)" in the console, or with whole seconds on the page. */
const faultLine = (b: BlastRadius, s: (ms: number) => string) =>
  `${b.fault} (${b.kind} ${b.target}, ${s(b.window.startMs)}–${s(b.window.endMs)})`;

/**
 * The blast radius of every fault window, per variant: what degraded (worse than its own
 * pre-fault baseline), in order, how long after the fault started, when it recovered, its
 * worst figures; then what stayed healthy. Empty without faults.
 */
export function formatPropagation(analysis: Analysis, lang: Lang = 'en'): string {
  const sections: string[] = [];
  for (const { name, run, propagation: p } of analysis.variants) {
    if (p === null) continue;
    const title = analysis.variants.length > 1 ? ` · ${name}` : '';
    const lines: string[] = [];
    for (const b of p.blastRadius) {
      lines.push(
        t(lang, 'prop.faultLine', { fault: faultLine(b, seconds), blast: blastText(b, p, lang) }),
      );
      const rows = b.hits.map((h) => [
        entityName(h, lang),
        `+${seconds(h.delayMs)}`,
        h.recoveredAtMs === null ? t(lang, 'prop.notRecovered') : seconds(h.recoveredAtMs),
        h.worst.p99Ms === null ? '–' : num(h.worst.p99Ms, 1),
        h.worst.errorRate === null ? '–' : pct(h.worst.errorRate),
        h.worst.utilisation === null ? '–' : pct(h.worst.utilisation),
      ]);
      if (rows.length > 0)
        lines.push(
          formatTable(
            ['degraded', 'after', 'recovered at', 'worst p99 ms', 'worst errors', 'worst util'].map(
              (h) => term(lang, h),
            ),
            rows,
          )
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n'),
        );
    }
    const healthy = unaffected(p);
    if (healthy.length > 0)
      lines.push(t(lang, 'prop.unaffected', { ids: healthy.map((e) => e.id).join(', ') }));
    if (p.dataDamage.length > 0)
      lines.push(t(lang, 'prop.damageConsole', { what: dataDamageText(p, lang) }));
    const s = run.summary.scenario;
    for (const f of p.notFired) lines.push(`⚠ ${notFiredText(f, s.warmupMs, s.durationMs, lang)}`);
    sections.push(`${t(lang, 'prop.console', { title })}\n${lines.join('\n')}`);
  }
  return sections.join('\n\n');
}

/** Whole seconds without decimals, else one: "30 s", "2.5 s". */
const pageSeconds = (ms: number) => `${formatNumber(ms / 1000, ms % 1000 === 0 ? 0 : 1)} s`;

/** The degraded episodes of one variant as a timeline, the fault windows shaded. */
export function propagationTimelineSpec(
  data: ReportData,
  index: number,
  lang: Lang = 'en',
): TopLevelSpec | null {
  const v: VariantReport = data.variants[index];
  const p = v.propagation;
  if (p === null) return null;
  const endMs = v.summary.scenario.durationMs;
  const order = [
    ...p.entities.filter((e) => e.scope === 'component'),
    ...p.entities.filter((e) => e.scope === 'endpoint'),
  ].map((e) => entityName(e, lang));
  const rows: Record<string, unknown>[] = [];
  for (const f of v.faults)
    for (const w of f.windows)
      rows.push({
        layer: 'fault',
        start: w.startMs / 1000,
        end: w.endMs / 1000,
        fault: t(lang, 'prop.faultWindow', { fault: f.id, kind: f.kind, target: f.target }),
      });
  for (const e of p.entities)
    for (const ep of e.episodes)
      rows.push({
        layer: 'episode',
        entity: entityName(e, lang),
        scope: e.scope,
        start: ep.startMs / 1000,
        end: (ep.endMs ?? endMs) / 1000,
        recovered: ep.endMs === null ? t(lang, 'prop.notRecovered') : pageSeconds(ep.endMs),
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
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text:
        data.variants.length > 1
          ? t(lang, 'prop.timeline.variant', { variant: variantLabel(data, v) })
          : t(lang, 'prop.timeline'),
      subtitle: 'bars: when each endpoint or component was worse than its own pre-fault baseline',
    },
    width: CHART_WIDTH,
    height: { step: 26 },
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.layer === 'fault'" }],
        // clipped: a window past the end of a shortened run must not widen the chart
        mark: { type: 'rect', color: '#d62728', opacity: 0.12, clip: true },
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
        mark: { type: 'bar', cornerRadius: 3, height: { band: 0.7 }, clip: true },
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
  // what was degraded, an endpoint or a component (the colours' legend), in `lang`
  return valuesIn(lang, ['scope'], spec);
}

/** The propagation of the faults: a timeline and the blast radius of each fault, per variant. */
export function propagationSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  if (data.variants.every((v) => v.propagation === null)) return [];
  const charts = data.variants
    .map((_, i) => propagationTimelineSpec(data, i, lang))
    .filter((s): s is TopLevelSpec => s !== null)
    .map((spec) => ({ spec }));
  const tables = data.variants.map((v, i) => {
    const p = v.propagation;
    if (p === null) return EMPTY_HTML;
    const rows = p.blastRadius.flatMap((b) =>
      b.hits.map(
        (h, k) =>
          html`<tr>${labelTd(k === 0 ? faultLine(b, pageSeconds) : '')}${[
            String(k + 1),
            entityName(h, lang),
            `+${pageSeconds(h.delayMs)}`,
            h.recoveredAtMs === null ? t(lang, 'prop.notRecovered') : pageSeconds(h.recoveredAtMs),
            h.worst.p99Ms === null ? '–' : formatMs(h.worst.p99Ms),
            h.worst.errorRate === null ? '–' : formatPercent(h.worst.errorRate),
            h.worst.utilisation === null ? '–' : formatPercent(h.worst.utilisation),
          ].map(td)}</tr>`,
      ),
    );
    const spared = unaffected(p);
    const sc = v.summary.scenario;
    const warnings = p.notFired.map(
      (f) => html`<p class="note">⚠ ${notFiredText(f, sc.warmupMs, sc.durationMs, lang)}.</p>`,
    );
    const damage =
      p.dataDamage.length === 0
        ? ''
        : html`<p class="note">${tHtml(lang, 'prop.damage', { damaged: html`<b>${t(lang, 'prop.damaged')}</b>`, what: dataDamageText(p, lang) })}</p>`;
    const quiet = p.blastRadius
      .filter((b) => b.hits.length === 0)
      .map(
        (b) =>
          html`<p>${t(lang, 'prop.quiet', { fault: faultLine(b, pageSeconds), blast: blastText(b, p, lang) })}</p>`,
      );
    const title =
      data.variants.length > 1 ? html`<h3>${variantLabel(data, data.variants[i])}</h3>` : '';
    const sparedText =
      spared.length === 0
        ? ''
        : html`<p>${tHtml(lang, 'prop.unaffected.page', {
            ids: joinHtml(
              spared.map((e) => html`<code>${e.id}</code>`),
              ', ',
            ),
          })}</p>`;
    return html`${title}${warnings}${damage}${
      rows.length === 0
        ? ''
        : tableHtml(
            [
              'fault',
              'order',
              'degraded',
              'after',
              'recovered at',
              'worst p99',
              'worst errors',
              'worst utilisation',
            ].map((h) => term(lang, h)),
            rows,
          )
    }${quiet}${sparedText}`;
  });
  return [
    {
      id: 'propagation',
      title: t(lang, 'prop.title'),
      nav: t(lang, 'prop.nav'),
      html: html`<p class="intro">${tHtml(lang, 'prop.intro', { errors: formatPercent(0.05) })}</p>`,
      charts,
      after: joinHtml(tables),
    },
  ];
}
