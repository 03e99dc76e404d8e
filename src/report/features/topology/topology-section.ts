/**
 * The page's topology section: the diagram of every variant (a tab each when there are
 * several; all shown when printed), drawn by html/topology.ts over the layout of
 * html/topology-layout.ts, with the components a fault struck or degraded marked.
 */

import { variantColour } from '../../html/chart-style.ts';
import { variantLabel } from '../../html/charts.ts';
import { variantChip } from '../../html/key-metrics-table.ts';
import type { PageSection } from '../../html/layout.ts';
import { html, joinHtml } from '../../html/template.ts';
import { type FaultMark, topologySvg } from '../../html/topology.ts';
import { layoutTopology } from '../../html/topology-layout.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import type { ReportData, VariantReport } from '../../report-data-types.ts';
import { componentDescriptions } from '../descriptions/descriptions.ts';

/**
 * The components the faults touched, for the topology: the struck ones, and those that
 * degraded with their place in the blast radius (the first occurrence over every fault window).
 */
export function faultMarks(v: VariantReport): Map<string, FaultMark> {
  const marks = new Map<string, FaultMark>();
  // a fault that struck nothing counted (after the end, in the warm-up) marks nothing
  const idle = new Set((v.propagation?.notFired ?? []).map((f) => f.fault));
  for (const f of v.summary.scenario.faults)
    if (f.component !== null && !idle.has(f.id))
      marks.set(f.component, { struck: true, order: 0, delayMs: 0 });
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
export function topologySection(data: ReportData, lang: Lang = 'en'): PageSection {
  const layout = layoutTopology(data.variants.map((v) => v.summary));
  const names = data.variants.map((v) => variantLabel(data, v));
  const described = componentDescriptions(data);
  const svg = (v: VariantReport, i: number) =>
    html`<div class="topology-wrap">${topologySvg(v.summary, layout, t(lang, 'topo.title', { name: names[i] }), faultMarks(v), described, lang)}</div>`;
  const intro = html`<p class="intro">${t(lang, 'topo.intro')}</p>`;
  const title = t(lang, 'topo.section');
  if (data.variants.length === 1)
    return { id: 'topology', title, html: html`${intro}${svg(data.variants[0], 0)}` };
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
    title,
    html: html`${intro}<div class="tabs" data-tabs><div class="tablist" role="tablist">${buttons}</div>${joinHtml(panels, '\n')}</div>`,
  };
}
