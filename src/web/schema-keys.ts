/**
 * Completion of keys from the scenario JSON Schema (scenarios/msasim.schema.json, what
 * `msasim schema` prints): the YAML path at the cursor (yaml-paths.ts, from the parsed
 * document: block and flow style alike) is walked in the schema through `$ref`,
 * `anyOf`/`oneOf`/`allOf`, `items` and `additionalProperties` (names chosen by the user:
 * services, endpoints), and the object's properties are offered.
 */
import type { PathStep } from './yaml-paths.ts';

/** A JSON Schema node, as far as completion reads it. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
}

export type { PathStep };

function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  let n = node;
  for (let hops = 0; n.$ref !== undefined && hops < 20; hops++) {
    const parts = n.$ref.replace(/^#\//, '').split('/');
    let target: unknown = root;
    for (const p of parts) target = (target as Record<string, unknown>)?.[p];
    if (target === undefined) break;
    n = target as SchemaNode;
  }
  return n;
}

/** Every alternative a node stands for (its anyOf/oneOf/allOf branches, resolved). */
function alternatives(root: SchemaNode, node: SchemaNode, depth = 0): SchemaNode[] {
  const n = resolve(root, node);
  const branches = [...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])];
  if (branches.length === 0 || depth > 8) return [n];
  return [n, ...branches.flatMap((b) => alternatives(root, b, depth + 1))];
}

function step(root: SchemaNode, nodes: SchemaNode[], s: PathStep): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const alt of nodes.flatMap((n) => alternatives(root, n))) {
    if ('item' in s) {
      if (alt.items) out.push(alt.items);
    } else if (alt.properties?.[s.key]) out.push(alt.properties[s.key]);
    else if (typeof alt.additionalProperties === 'object') out.push(alt.additionalProperties);
  }
  return out;
}

/** A key the schema allows at a path, with its type and description. */
export interface KeySuggestion {
  key: string;
  detail: string;
  info?: string;
}

function typeOf(root: SchemaNode, node: SchemaNode): string {
  const kinds = new Set<string>();
  for (const alt of alternatives(root, node)) {
    if (alt.enum) kinds.add(alt.enum.map((e) => JSON.stringify(e)).join(' | '));
    else if (alt.const !== undefined) kinds.add(JSON.stringify(alt.const));
    else if (typeof alt.type === 'string') kinds.add(alt.type);
    else if (Array.isArray(alt.type)) for (const t of alt.type) kinds.add(t);
  }
  return [...kinds].join(' | ');
}

/** The keys allowed in the map at `path` (none when the path leaves the schema). */
export function keysAt(root: SchemaNode, path: readonly PathStep[]): KeySuggestion[] {
  let nodes: SchemaNode[] = [root];
  for (const s of path) {
    nodes = step(root, nodes, s);
    if (nodes.length === 0) return [];
  }
  const seen = new Map<string, KeySuggestion>();
  for (const alt of nodes.flatMap((n) => alternatives(root, n))) {
    for (const [key, value] of Object.entries(alt.properties ?? {})) {
      if (key === '$schema' || seen.has(key)) continue;
      const v = resolve(root, value);
      const info =
        v.description ??
        (v.default !== undefined ? `default: ${JSON.stringify(v.default)}` : undefined);
      seen.set(key, { key, detail: typeOf(root, value), ...(info ? { info } : {}) });
    }
  }
  return [...seen.values()];
}
