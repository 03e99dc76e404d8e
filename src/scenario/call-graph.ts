/**
 * Loops in the call graph of endpoints ("a/get" calls "b/get", which calls "a/get"). A loop made
 * only of calls that always happen never ends; a loop through a `branch` may end, by chance.
 * Each strongly connected part of the graph is reported once, with one concrete loop.
 */
import type { DocPath } from './issues.ts';

/** One `call:` step: from the endpoint that holds it to the endpoint it calls. */
export interface CallEdge {
  from: string;
  to: string;
  /** Path of the call step in the document. */
  path: DocPath;
  /** True when the call sits inside a branch option taken with probability below 1. */
  conditional: boolean;
}

/** A loop found in the graph: `cycle` starts and ends with the same endpoint. */
export interface CallCycle {
  cycle: string[];
  /** Path of the first call of the loop. */
  path: DocPath;
  /** True when some call of the loop may not happen (the loop can end). */
  throughBranch: boolean;
}

/**
 * Loops among `nodes` (endpoints in document order). Every group of endpoints that call each
 * other unconditionally gives one loop that never ends; every other group that calls itself
 * through a branch gives one loop that may end. Results follow document order.
 */
export function findCallCycles(nodes: readonly string[], edges: readonly CallEdge[]): CallCycle[] {
  const order = new Map(nodes.map((node, index) => [node, index]));
  const always = edges.filter((e) => !e.conditional);
  const alwaysOut = outgoing(always);
  const endless = loopingGroups(nodes, always).map((group) => loopIn(group, alwaysOut, order));
  const inEndless = new Set(endless.flatMap((c) => c.cycle));
  const mayEnd: CallCycle[] = [];
  const groups = loopingGroups(nodes, edges);
  // the first conditional call inside each group, in one pass over the calls
  const groupOf = new Map<string, number>();
  groups.forEach((group, g) => {
    for (const node of group) groupOf.set(node, g);
  });
  const entries = new Map<number, CallEdge>();
  for (const e of edges) {
    const g = groupOf.get(e.from);
    if (e.conditional && g !== undefined && groupOf.get(e.to) === g && !entries.has(g))
      entries.set(g, e);
  }
  const allOut = outgoing(edges);
  for (const [g, group] of groups.entries()) {
    // A group holding an endless loop is already an error; one report per group is enough.
    if (group.some((node) => inEndless.has(node))) continue;
    const entry = entries.get(g);
    if (entry === undefined) continue;
    const members = new Set(group);
    const back =
      entry.to === entry.from ? [] : (shortestPath(entry.to, entry.from, allOut, members) ?? []);
    const cycle = [entry.from, entry.to, ...back.map((e) => e.to)];
    mayEnd.push({ cycle, path: entry.path, throughBranch: true });
  }
  const rank = (c: CallCycle) => order.get(c.cycle[0]) ?? 0;
  return [...endless, ...mayEnd].sort((a, b) => rank(a) - rank(b));
}

/** The shortest loop through the group's first endpoint (in document order). */
function loopIn(
  group: readonly string[],
  out: ReadonlyMap<string, readonly CallEdge[]>,
  order: ReadonlyMap<string, number>,
): CallCycle {
  const start = [...group].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];
  const loop = shortestPath(start, start, out, new Set(group)) ?? [];
  return {
    cycle: [start, ...loop.map((e) => e.to)],
    path: loop[0]?.path ?? [],
    throughBranch: false,
  };
}

/**
 * The edges of a shortest path from `from` to `to` that stays inside `within` (at least one edge,
 * so from === to finds a loop), or undefined when there is none. Ties go to earlier edges.
 */
function shortestPath(
  from: string,
  to: string,
  out: ReadonlyMap<string, readonly CallEdge[]>,
  within: ReadonlySet<string>,
): CallEdge[] | undefined {
  const via = new Map<string, CallEdge>();
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const edge of out.get(node) ?? []) {
        if (!within.has(edge.to) || via.has(edge.to)) continue;
        via.set(edge.to, edge);
        if (edge.to === to) return unwind(via, from, to);
        next.push(edge.to);
      }
    }
    frontier = next;
  }
  return undefined;
}

/** The calls made by each endpoint, in document order. */
function outgoing(edges: readonly CallEdge[]): Map<string, CallEdge[]> {
  const out = new Map<string, CallEdge[]>();
  for (const edge of edges) {
    const list = out.get(edge.from);
    if (list === undefined) out.set(edge.from, [edge]);
    else list.push(edge);
  }
  return out;
}

function unwind(via: ReadonlyMap<string, CallEdge>, from: string, to: string): CallEdge[] {
  const path: CallEdge[] = [];
  let node = to;
  do {
    const edge = via.get(node) as CallEdge;
    path.push(edge);
    node = edge.from;
  } while (node !== from);
  return path.reverse();
}

/**
 * Strongly connected groups that contain a loop (two or more endpoints, or one that calls
 * itself), by Tarjan's algorithm written with an explicit stack (a chain of thousands of
 * endpoints must not overflow the call stack); each group lists its endpoints in the order they
 * were met.
 */
function loopingGroups(nodes: readonly string[], edges: readonly CallEdge[]): string[][] {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  // each frame: a node and how many of its callees have been looked at
  const frames: { node: string; at: number }[] = [];
  const open = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    frames.push({ node, at: 0 });
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const { node } = frame;
      const callees = next.get(node) ?? [];
      if (frame.at < callees.length) {
        const to = callees[frame.at++];
        if (!index.has(to)) open(to);
        else if (onStack.has(to))
          low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined)
        low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(node) as number));
      if (low.get(node) !== index.get(node)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      group.reverse();
      if (group.length > 1 || callees.includes(node)) groups.push(group);
    }
  }
  return groups;
}
