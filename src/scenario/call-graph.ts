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
  const endless = loopingGroups(nodes, always).map((group) => loopIn(group, always, order));
  const inEndless = new Set(endless.flatMap((c) => c.cycle));
  const mayEnd: CallCycle[] = [];
  for (const group of loopingGroups(nodes, edges)) {
    // A group holding an endless loop is already an error; one report per group is enough.
    if (group.some((node) => inEndless.has(node))) continue;
    const members = new Set(group);
    const entry = edges.find((e) => e.conditional && members.has(e.from) && members.has(e.to));
    if (entry === undefined) continue;
    const back =
      entry.to === entry.from ? [] : (shortestPath(entry.to, entry.from, edges, members) ?? []);
    const cycle = [entry.from, entry.to, ...back.map((e) => e.to)];
    mayEnd.push({ cycle, path: entry.path, throughBranch: true });
  }
  const rank = (c: CallCycle) => order.get(c.cycle[0]) ?? 0;
  return [...endless, ...mayEnd].sort((a, b) => rank(a) - rank(b));
}

/** The shortest loop through the group's first endpoint (in document order). */
function loopIn(
  group: readonly string[],
  edges: readonly CallEdge[],
  order: ReadonlyMap<string, number>,
): CallCycle {
  const start = [...group].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];
  const loop = shortestPath(start, start, edges, new Set(group)) ?? [];
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
  edges: readonly CallEdge[],
  within: ReadonlySet<string>,
): CallEdge[] | undefined {
  const via = new Map<string, CallEdge>();
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const edge of edges) {
        if (edge.from !== node || !within.has(edge.to) || via.has(edge.to)) continue;
        via.set(edge.to, edge);
        if (edge.to === to) return unwind(via, from, to);
        next.push(edge.to);
      }
    }
    frontier = next;
  }
  return undefined;
}

function unwind(via: ReadonlyMap<string, CallEdge>, from: string, to: string): CallEdge[] {
  const path: CallEdge[] = [];
  let node = to;
  do {
    const edge = via.get(node)!;
    path.unshift(edge);
    node = edge.from;
  } while (node !== from);
  return path;
}

/**
 * Strongly connected groups that contain a loop (two or more endpoints, or one that calls
 * itself), by Tarjan's algorithm; each group lists its endpoints in the order they were met.
 */
function loopingGroups(nodes: readonly string[], edges: readonly CallEdge[]): string[][] {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.unshift(member);
    } while (member !== node);
    if (group.length > 1 || next.get(node)?.includes(node)) groups.push(group);
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return groups;
}
