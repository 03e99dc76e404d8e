/**
 * The topology diagram of one variant as SVG markup, made with the `html` template (pure,
 * deterministic, no fonts or images fetched): the client and every component laid out by call depth (topology-layout.ts),
 * links annotated with their load ("245/s") and drawn wider the busier they are, links this
 * variant never used dashed grey; nodes tinted by utilisation; services as rounded boxes,
 * databases as cylinders, caches as hexagons. Leaves out replies (only requests are counted).
 */

import type { ComponentSummary, LinkSummary, RunSummary } from '../../metrics/summary.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, term } from '../i18n/t.ts';
import { FONT_STACK } from './chart-style.ts';
import { type Html, html, joinHtml } from './template.ts';
import {
  LAYOUT,
  type LayoutNode,
  routeKey,
  type TopologyLayout,
  topologyLinks,
} from './topology-layout.ts';

/** Colour of each link kind. */
export const LINK_COLOURS: Record<string, string> = {
  request: '#334155',
  call: '#2563eb',
  query: '#b45309',
  cache: '#7c3aed',
  sync: '#0f766e',
  publish: '#be185d',
  consume: '#9d174d',
};
const UNUSED = '#9ca3af';

/** Utilisation colour stops: pale at 0, amber at 0.5, orange at 0.8, red when saturated. */
export const UTILISATION_STOPS: readonly [number, string][] = [
  [0, '#f1f5f9'],
  [0.5, '#fde68a'],
  [0.8, '#fb923c'],
  [1, '#ef4444'],
];

const rgb = (hex: string): number[] =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** The fill of a node at utilisation `u` (0..1, clamped), as #rrggbb. */
export function utilisationColour(u: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(u) ? u : 0));
  let i = 1;
  while (i < UTILISATION_STOPS.length - 1 && x > UTILISATION_STOPS[i][0]) i++;
  const [x0, c0] = UTILISATION_STOPS[i - 1];
  const [x1, c1] = UTILISATION_STOPS[i];
  const t = (x - x0) / (x1 - x0);
  const [a, b] = [rgb(c0), rgb(c1)];
  const hex = a.map((c, k) =>
    Math.round(c + (b[k] - c) * t)
      .toString(16)
      .padStart(2, '0'),
  );
  return `#${hex.join('')}`;
}

/** A whole number with thousands separators ("6,035"): fixed format, not the locale's. */
function grouped(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A rate as shown on a link: "0.6/s", "24.5/s", "6,035/s". */
export function formatRate(perSec: number): string {
  if (perSec < 100) return `${(Math.round(perSec * 10) / 10).toFixed(1)}/s`;
  return `${grouped(perSec)}/s`;
}

const n1 = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);
const pct = (u: number): string => `${Math.round(u * 100)} %`;

/** `text` cut to `max` characters with an ellipsis. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The outline of a node by kind: a pill (client), box (service), cylinder (database), hexagon (cache). */
function shape(node: LayoutNode, fill: string, stroke: string, dash: Html | ''): Html {
  const { x, y, width: w, height: h } = node;
  const l = x - w / 2;
  const t = y - h / 2;
  const common = html`fill="${fill}" stroke="${stroke}" stroke-width="1.6"${dash}`;
  if (node.kind === 'client')
    return html`<rect x="${n1(l)}" y="${n1(t)}" width="${n1(w)}" height="${n1(h)}" rx="${n1(h / 2)}" ${common}/>`;
  if (node.kind === 'database') {
    const ry = 7;
    const body = `M${n1(l)},${n1(t + ry)} A${n1(w / 2)},${ry} 0 0 1 ${n1(l + w)},${n1(t + ry)} V${n1(t + h - ry)} A${n1(w / 2)},${ry} 0 0 1 ${n1(l)},${n1(t + h - ry)} Z`;
    const rim = `M${n1(l)},${n1(t + ry)} A${n1(w / 2)},${ry} 0 0 0 ${n1(l + w)},${n1(t + ry)}`;
    return html`<path d="${body}" ${common}/><path d="${rim}" fill="none" stroke="${stroke}" stroke-width="1.6"${dash}/>`;
  }
  if (node.kind === 'cache') {
    const c = 14;
    const pts = [
      [l, y],
      [l + c, t],
      [l + w - c, t],
      [l + w, y],
      [l + w - c, t + h],
      [l + c, t + h],
    ];
    return html`<polygon points="${pts.map(([a, b]) => `${n1(a)},${n1(b)}`).join(' ')}" ${common}/>`;
  }
  return html`<rect x="${n1(l)}" y="${n1(t)}" width="${n1(w)}" height="${n1(h)}" rx="8" ${common}/>`;
}

/** How a fault touched a component: struck by it, or degraded (n-th, so long after it began). */
export interface FaultMark {
  struck: boolean;
  /** Position in the blast radius (1 = first to degrade); 0 when only struck. */
  order: number;
  delayMs: number;
}

/** The badge above a node the faults touched. */
function markSvg(node: LayoutNode, m: FaultMark, lang: Lang): Html {
  const fault = t(lang, 'topo.fault');
  const text = m.struck
    ? m.order > 0
      ? `⚡ ${fault} · #${m.order}`
      : `⚡ ${fault}`
    : `#${m.order} · +${(m.delayMs / 1000).toFixed(m.delayMs % 1000 === 0 ? 0 : 1)} s`;
  const y = node.y - node.height / 2 - 6;
  return html`<text class="fault-mark" x="${n1(node.x)}" y="${n1(y)}" text-anchor="middle" font-size="12" font-weight="700" fill="#b91c1c">${text}</text>`;
}

/** One node: its shape, name, instances and utilisation, and a tooltip with the details. */
function nodeSvg(
  node: LayoutNode,
  c: ComponentSummary | undefined,
  inbound: number,
  mark: FaultMark | undefined,
  description: string | undefined,
  lang: Lang,
): Html {
  const present = node.kind === 'client' || c !== undefined;
  const idle = c !== undefined && c.arrivals === 0;
  const fill = c
    ? utilisationColour(c.utilisation)
    : node.kind === 'client'
      ? '#e2e8f0'
      : '#ffffff';
  const dash = !present || idle ? html` stroke-dasharray="5 4"` : '';
  const opacity = !present ? html` opacity="0.35"` : idle ? html` opacity="0.6"` : '';
  const name = truncate(node.kind === 'client' ? term(lang, node.id) : node.id, 20);
  // a cylinder's text sits a little lower, clear of its top rim
  const lower = node.kind === 'database' ? 4 : 0;
  let detail = '';
  let tip = node.id;
  if (node.kind === 'client') {
    detail = t(lang, 'topo.sent', { rate: formatRate(inbound) });
    tip = t(lang, 'topo.clientTip', { rate: formatRate(inbound) });
  } else if (c === undefined) {
    detail = t(lang, 'topo.absent');
    tip = `${node.id}: ${t(lang, 'topo.absent')}`;
  } else {
    detail = t(lang, 'topo.busy', { n: c.instances, busy: pct(c.utilisation) });
    tip = t(lang, c.instances === 1 ? 'topo.tip.one' : 'topo.tip', {
      id: node.id,
      kind: term(lang, c.kind),
      n: c.instances,
      load: formatRate(c.arrivalsPerSec),
      util: (c.utilisation * 100).toFixed(1),
      queue: c.queueMean.toFixed(2),
      wait: c.waitMeanMs.toFixed(2),
    });
  }
  if (description !== undefined) tip = `${tip}\n${description}`;
  return joinHtml([
    html`<g class="node node-${node.kind}"${opacity}><title>${tip}</title>`,
    shape(node, fill, mark ? '#b91c1c' : '#334155', dash),
    mark ? markSvg(node, mark, lang) : '',
    html`<text x="${n1(node.x)}" y="${n1(node.y - 4 + lower)}" text-anchor="middle" font-size="15" font-weight="600" fill="#0f172a">${name}</text>`,
    html`<text x="${n1(node.x)}" y="${n1(node.y + 15 + lower)}" text-anchor="middle" font-size="12.5" fill="#334155">${detail}</text>`,
    html`</g>`,
  ]);
}

/** Stroke width of a link carrying `perSec` when the busiest link of the scenario carries `max`. */
function linkWidth(perSec: number, max: number): number {
  if (!(perSec > 0) || !(max > 0)) return 1.2;
  return 1.5 + 8 * Math.sqrt(perSec / max);
}

/** A point of the cubic Bézier (p0, p1, p2, p3) at `t`. */
function bezier(p: [number, number][], t: number): [number, number] {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [0, 1].map((k) => p.reduce((a, q, i) => a + w[i] * q[k], 0)) as [number, number];
}

/** One link: its curve, arrowhead and (when used) its load label. */
function linkSvg(
  link: LinkSummary,
  from: LayoutNode,
  to: LayoutNode,
  route: readonly [number, number][],
  max: number,
  lang: Lang,
  /** Whether the reverse link is drawn too: both then run 9 units off the centres. */
  paired = false,
): { edge: Html; label: Html | '' } {
  const used = link.perSec > 0;
  const colour = used ? (LINK_COLOURS[link.kind] ?? '#475569') : UNUSED;
  // the sync links between copies (every pair, both ways) are drawn thin and without a label,
  // their rate in the tooltip: they say which copies sync without hiding the calls
  const quiet = link.kind === 'sync' && from.id !== to.id;
  const w = quiet ? Math.min(3, linkWidth(link.perSec, max)) : linkWidth(link.perSec, max);
  const dash = used ? '' : html` stroke-dasharray="6 5"`;
  const from_ = link.from === 'client' ? term(lang, link.from) : link.from;
  const tip = html`<title>${`${from_} → ${link.to} (${term(lang, link.kind)}): ${formatRate(link.perSec)}`}</title>`;
  let d: string;
  let head: Html | '';
  let at: [number, number];
  if (from.id === to.id) {
    // a self-loop (cache sync between the instances of one service): an arc over the node
    const t = from.y - from.height / 2;
    d = `M${n1(from.x + 24)},${n1(t)} C${n1(from.x + 60)},${n1(t - 46)} ${n1(from.x - 60)},${n1(t - 46)} ${n1(from.x - 24)},${n1(t)}`;
    head = '';
    at = [from.x, t - 38];
  } else if (from.layer === to.layer) {
    // two nodes of one column (copies of replicated data syncing): an arc right of the column,
    // from the sender's right edge into the receiver's; downward arcs inside upward ones, and
    // longer arcs further out, so the two directions of a pair stay apart
    const len = 7 + w;
    const half = 3.5 + w / 2;
    const x0 = from.x + from.width / 2;
    const tipX = to.x + to.width / 2;
    const bulge = (from.y < to.y ? 34 : 64) + Math.abs(to.y - from.y) * 0.12;
    const p: [number, number][] = [
      [x0, from.y],
      [x0 + bulge * 1.3, from.y],
      [tipX + len + bulge * 1.3, to.y],
      [tipX + len, to.y],
    ];
    d = `M${n1(p[0][0])},${n1(p[0][1])} C${n1(p[1][0])},${n1(p[1][1])} ${n1(p[2][0])},${n1(p[2][1])} ${n1(p[3][0])},${n1(p[3][1])}`;
    head = html`<polygon points="${n1(tipX)},${n1(to.y)} ${n1(tipX + len)},${n1(to.y - half)} ${n1(tipX + len)},${n1(to.y + half)}" fill="${colour}"/>`;
    const [ax, ay] = bezier(p, 0.5);
    at = [ax + 22, ay + 8];
  } else if (to.layer < from.layer) {
    // backwards (a copy syncing to one placed left of it; a call back up a cycle): from the
    // sender's left edge into the receiver's right edge, below the forward link of a pair
    const len = 7 + w;
    const half = 3.5 + w / 2;
    const off = paired ? 9 : 0;
    const tipX = to.x + to.width / 2;
    const p: [number, number][] = [[from.x - from.width / 2, from.y + off]];
    const end: [number, number] = [tipX + len, to.y + off];
    const dx = Math.max(30, (p[0][0] - end[0]) / 2);
    p.push([p[0][0] - dx, p[0][1]], [end[0] + dx, end[1]], end);
    d = `M${n1(p[0][0])},${n1(p[0][1])} C${n1(p[1][0])},${n1(p[1][1])} ${n1(p[2][0])},${n1(p[2][1])} ${n1(end[0])},${n1(end[1])}`;
    head = html`<polygon points="${n1(tipX)},${n1(end[1])} ${n1(end[0])},${n1(end[1] - half)} ${n1(end[0])},${n1(end[1] + half)}" fill="${colour}"/>`;
    const [ax, ay] = bezier(p, 0.32);
    at = [ax, ay + w + 20];
  } else {
    const len = 7 + w;
    const half = 3.5 + w / 2;
    const off = paired ? -9 : 0;
    const tipX = to.x - to.width / 2;
    const start: [number, number] = [from.x + from.width / 2, from.y + off];
    const end: [number, number] = [tipX - len, to.y + off];
    // curves between columns; straight across each column the link passes (its route stops)
    const pts: [number, number][] = [start];
    for (const [sx, sy] of route)
      pts.push([sx - LAYOUT.nodeWidth / 2, sy], [sx + LAYOUT.nodeWidth / 2, sy]);
    pts.push(end);
    d = `M${n1(start[0])},${n1(start[1])}`;
    for (let k = 1; k < pts.length; k++) {
      const [a, b] = [pts[k - 1], pts[k]];
      const dx = Math.max(30, (b[0] - a[0]) / 2);
      d +=
        k % 2 === 0
          ? ` L${n1(b[0])},${n1(b[1])}`
          : ` C${n1(a[0] + dx)},${n1(a[1])} ${n1(b[0] - dx)},${n1(b[1])} ${n1(b[0])},${n1(b[1])}`;
    }
    head = html`<polygon points="${n1(tipX)},${n1(end[1])} ${n1(end[0])},${n1(end[1] - half)} ${n1(end[0])},${n1(end[1] + half)}" fill="${colour}"/>`;
    if (route.length > 0) at = route[0];
    else {
      const dx = Math.max(30, (end[0] - start[0]) / 2);
      at = bezier([start, [start[0] + dx, start[1]], [end[0] - dx, end[1]], end], 0.68);
    }
  }
  const edge = html`<g class="link link-${link.kind}${used ? '' : ' unused'}">${tip}<path d="${d}" fill="none" stroke="${colour}" stroke-width="${n1(w)}"${dash} stroke-linecap="round"/>${head}</g>`;
  const label =
    used && !quiet
      ? html`<text x="${n1(at[0])}" y="${n1(at[1] - w / 2 - 5)}" text-anchor="middle" font-size="13" font-weight="700" fill="${colour}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${formatRate(link.perSec)}</text>`
      : '';
  return { edge, label };
}

/** The legend under the diagram: link kinds, unused links, shapes and the utilisation scale. */
function legendSvg(layout: TopologyLayout, lang: Lang): Html {
  const y = layout.height - LAYOUT.legendHeight + 30;
  const parts: Html[] = [];
  let x = LAYOUT.margin;
  const kinds = [...layout.linkKinds, 'unused'];
  for (const kind of kinds) {
    const colour = kind === 'unused' ? UNUSED : (LINK_COLOURS[kind] ?? '#475569');
    const dash = kind === 'unused' ? html` stroke-dasharray="6 5"` : '';
    parts.push(
      html`<line x1="${x}" y1="${y}" x2="${x + 28}" y2="${y}" stroke="${colour}" stroke-width="4"${dash}/>`,
    );
    const text = kind === 'unused' ? t(lang, 'topo.unused') : term(lang, kind);
    parts.push(html`<text x="${x + 34}" y="${y + 5}" font-size="13" fill="#334155">${text}</text>`);
    x += 44 + text.length * 7.5;
  }
  const y2 = y + 28;
  parts.push(
    html`<text x="${LAYOUT.margin}" y="${y2 + 5}" font-size="13" fill="#334155">${term(lang, 'utilisation')}</text>`,
  );
  [0, 0.25, 0.5, 0.75, 1].forEach((u, i) => {
    const sx = LAYOUT.margin + 80 + i * 58;
    parts.push(
      html`<rect x="${sx}" y="${y2 - 9}" width="22" height="18" rx="3" fill="${utilisationColour(u)}" stroke="#94a3b8"/>`,
    );
    parts.push(
      html`<text x="${sx + 26}" y="${y2 + 5}" font-size="12" fill="#334155">${u * 100}%</text>`,
    );
  });
  parts.push(
    html`<text x="${LAYOUT.margin + 390}" y="${y2 + 5}" font-size="13" fill="#334155">${t(lang, 'topo.shapes')}</text>`,
  );
  return html`<g class="legend">${parts}</g>`;
}

/**
 * The SVG of `summary`'s topology placed by `layout` (layoutTopology over every variant, so
 * all variants share positions and edge widths). `title` labels the image for screen readers; a node's tooltip ends with its
 * `descriptions` entry (the scenario's `description:` of the component).
 */
export function topologySvg(
  summary: RunSummary,
  layout: TopologyLayout,
  title: string,
  marks: ReadonlyMap<string, FaultMark> = new Map(),
  descriptions: ReadonlyMap<string, string> = new Map(),
  lang: Lang = 'en',
): Html {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const components = new Map(summary.components.map((c) => [c.id, c]));
  const links = topologyLinks(summary).sort(
    (a, b) => (a.perSec > 0 ? 1 : 0) - (b.perSec > 0 ? 1 : 0) || a.perSec - b.perSec,
  );
  const drawn = links
    .map((l) => {
      const from = byId.get(l.from);
      const to = byId.get(l.to);
      const route = layout.routes[routeKey(l.from, l.to)] ?? [];
      // a link whose reverse is drawn too (a sync pair) runs beside it, not on it
      const paired = links.some((r) => r.from === l.to && r.to === l.from);
      return from && to ? linkSvg(l, from, to, route, layout.maxPerSec, lang, paired) : null;
    })
    .filter((x) => x !== null);
  const inbound = summary.links
    .filter((l) => l.from === 'client')
    .reduce((a, l) => a + l.perSec, 0);
  const nodes = layout.nodes.map((n) =>
    nodeSvg(n, components.get(n.id), inbound, marks.get(n.id), descriptions.get(n.id), lang),
  );
  const w = layout.width;
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="topology" viewBox="0 0 ${w} ${layout.height}" width="${w}" height="${layout.height}" role="img" aria-label="${title}" font-family="${FONT_STACK}"><title>${title}</title>${drawn.map((e) => e.edge)}${nodes}${drawn.map((e) => e.label)}${legendSvg(layout, lang)}</svg>`;
}
