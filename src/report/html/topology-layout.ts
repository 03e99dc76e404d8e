/**
 * Where the topology diagram puts each node: the client on the left, then one column per call
 * depth (the longest chain of links from the client), nodes in a column ordered by the mean
 * position of their callers (the barycentre heuristic, to limit crossings). One layout serves
 * every variant of a scenario, so a node keeps its place when the reader switches variants.
 */
import type { LinkSummary, RunSummary } from '../../metrics/summary.ts';

/** A node of the diagram: the client or a component, with its centre in SVG units. */
export interface LayoutNode {
  id: string;
  /** 'client', or the component's kind ('service', 'database', 'cache'). */
  kind: string;
  /** Column: 0 for the client, then the call depth. */
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The positions of every node of every variant, and the size of the drawing. */
export interface TopologyLayout {
  nodes: LayoutNode[];
  /**
   * Where a link spanning several columns passes each column in between (the centres of free
   * slots), by routeKey(from, to); links between neighbouring columns have no entry.
   */
  routes: Record<string, [number, number][]>;
  width: number;
  height: number;
  /** The busiest link of any variant, messages/s (edge widths are relative to it). */
  maxPerSec: number;
  /** Link kinds present in any variant, in first-seen order (for the legend). */
  linkKinds: string[];
}

/** Layout constants, SVG units (≈ CSS pixels at full size). */
export const LAYOUT = {
  nodeWidth: 172,
  nodeHeight: 60,
  clientWidth: 110,
  columnStep: 280,
  rowStep: 92,
  margin: 24,
  /** Room above the nodes (more with self-loops: cache sync) and below for the legend. */
  top: 16,
  loopRoom: 48,
  /** Room right of the last column for the arcs between nodes of one column (peerArc). */
  peerRoom: 110,
  legendHeight: 74,
} as const;

/** Call depth of every node: the longest chain of links from the client (cycles cut). */
function layersOf(ids: string[], edges: [string, string][]): Map<string, number> {
  const layer = new Map<string, number>([['client', 0]]);
  // Bellman-Ford style relaxation, at most |nodes| rounds: longest paths in a DAG, cycles cut.
  for (let round = 0; round < ids.length; round++) {
    let changed = false;
    for (const [from, to] of edges) {
      const l = layer.get(from);
      if (l === undefined || l + 1 > ids.length) continue;
      if ((layer.get(to) ?? -1) < l + 1) {
        layer.set(to, l + 1);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const deepest = Math.max(1, ...layer.values());
  for (const id of ids) if (!layer.has(id)) layer.set(id, deepest); // never reached: far right
  return layer;
}

/** The nodes of each column, ordered by the mean row of their callers (first seen breaks ties). */
function orderColumns(
  ids: string[],
  layer: Map<string, number>,
  edges: [string, string][],
): string[][] {
  const depth = Math.max(...ids.map((id) => layer.get(id) as number));
  const columns: string[][] = Array.from({ length: depth + 1 }, () => []);
  for (const id of ids) columns[layer.get(id) as number].push(id);
  const row = new Map<string, number>();
  const callers = new Map<string, string[]>();
  for (const [from, to] of edges) callers.set(to, [...(callers.get(to) ?? []), from]);
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    const key = (id: string, i: number) => {
      const rows = (callers.get(id) ?? [])
        .map((f) => row.get(f))
        .filter((r): r is number => r !== undefined);
      // centred like the rows of the callers, so callers and callees line up
      return rows.length > 0
        ? rows.reduce((a, b) => a + b, 0) / rows.length
        : i - (column.length - 1) / 2;
    };
    const keyed = column.map((id, i) => ({ id, i, k: key(id, i) }));
    keyed.sort((a, b) => a.k - b.k || a.i - b.i);
    columns[c] = keyed.map((e) => e.id);
    columns[c].forEach((id, i) => {
      row.set(id, i - (columns[c].length - 1) / 2);
    });
  }
  return columns;
}

/**
 * The links of a summary as the diagram draws them. A link to a sharded database (its id
 * without the `[i]` of its shard components) is drawn to each shard, carrying the shard's own
 * arrivals per second (the queries routed to it).
 */
export function topologyLinks(summary: RunSummary): LinkSummary[] {
  const ids = new Set(summary.components.map((c) => c.id));
  const out: LinkSummary[] = [];
  for (const l of summary.links) {
    const shards = ids.has(l.to)
      ? []
      : summary.components.filter((c) => c.id.startsWith(`${l.to}[`) && c.id.endsWith(']'));
    if (shards.length === 0) out.push(l);
    else
      for (const c of shards)
        out.push({ ...l, to: c.id, messages: c.arrivals, perSec: c.arrivalsPerSec });
  }
  return out;
}

/** The key of the link from `from` to `to` in `TopologyLayout.routes`. */
export const routeKey = (from: string, to: string): string => `${from}\u0000${to}`;

/** Prefix of the placeholder nodes a link spanning several columns passes through. */
const WAYPOINT = '\u0000via';

/** The layout of the topology of every variant in `summaries` (the union of their nodes and links). */
export function layoutTopology(summaries: readonly RunSummary[]): TopologyLayout {
  const kinds = new Map<string, string>([['client', 'client']]);
  for (const s of summaries)
    for (const c of s.components) if (!kinds.has(c.id)) kinds.set(c.id, c.kind);
  const edges: [string, string][] = [];
  const seenEdge = new Set<string>();
  const linkKinds: string[] = [];
  let maxPerSec = 0;
  for (const s of summaries) {
    for (const l of topologyLinks(s)) {
      if (!kinds.has(l.from)) kinds.set(l.from, 'service');
      if (!kinds.has(l.to)) kinds.set(l.to, 'service');
      if (!linkKinds.includes(l.kind)) linkKinds.push(l.kind);
      maxPerSec = Math.max(maxPerSec, l.perSec ?? 0);
      const key = routeKey(l.from, l.to);
      // sync links (a replicated data's copies, both ways between peers) place nothing: the
      // copies stay where their callers put them, and the link is an arc between them
      if (l.from === l.to || l.kind === 'sync' || seenEdge.has(key)) continue;
      seenEdge.add(key);
      edges.push([l.from, l.to]);
    }
  }
  const ids = [...kinds.keys()];
  const layer = layersOf(ids, edges);
  // a link spanning several columns gets a placeholder in each column it crosses (Sugiyama's
  // dummy nodes), so it runs between the nodes there instead of through them
  const chained: [string, string][] = [];
  const via = new Map<string, string[]>();
  const all = [...ids];
  for (const [from, to] of edges) {
    const a = layer.get(from) as number;
    const b = layer.get(to) as number;
    if (b - a <= 1) {
      chained.push([from, to]);
      continue;
    }
    const stops = [];
    for (let l = a + 1; l < b; l++) {
      const id = `${WAYPOINT}${via.size}:${l}`;
      layer.set(id, l);
      all.push(id);
      stops.push(id);
    }
    via.set(routeKey(from, to), stops);
    const path = [from, ...stops, to];
    for (let k = 1; k < path.length; k++) chained.push([path[k - 1], path[k]]);
  }
  const columns = orderColumns(all, layer, chained);
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const bodyHeight = tallest * LAYOUT.rowStep;
  const loops = summaries.some((s) => s.links.some((l) => l.from === l.to));
  const peers = summaries.some((s) =>
    s.links.some((l) => l.from !== l.to && layer.get(l.from) === layer.get(l.to)),
  );
  const top = LAYOUT.top + (loops ? LAYOUT.loopRoom : 0);
  const at = new Map<string, [number, number]>();
  columns.forEach((column, c) => {
    column.forEach((id, i) => {
      at.set(id, [
        LAYOUT.margin + LAYOUT.nodeWidth / 2 + c * LAYOUT.columnStep,
        top + bodyHeight / 2 + (i - (column.length - 1) / 2) * LAYOUT.rowStep,
      ]);
    });
  });
  const nodes: LayoutNode[] = ids.map((id) => {
    const kind = kinds.get(id) as string;
    const [x, y] = at.get(id) as [number, number];
    const width = kind === 'client' ? LAYOUT.clientWidth : LAYOUT.nodeWidth;
    return { id, kind, layer: layer.get(id) as number, x, y, width, height: LAYOUT.nodeHeight };
  });
  const routes: Record<string, [number, number][]> = {};
  for (const [key, stops] of via) routes[key] = stops.map((id) => at.get(id) as [number, number]);
  return {
    nodes,
    routes,
    width: Math.max(
      860,
      LAYOUT.margin * 2 +
        LAYOUT.nodeWidth +
        (columns.length - 1) * LAYOUT.columnStep +
        (peers ? LAYOUT.peerRoom : 0),
    ),
    height: top + bodyHeight + LAYOUT.legendHeight,
    maxPerSec,
    linkKinds,
  };
}
