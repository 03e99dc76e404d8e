/**
 * The links a fault on links strikes (FaultDef.link, FaultDef.split): the normalizer expands a
 * split into them once (`splitLinks`, kept in FaultDef.split.links, which the report reads), the
 * model's fault wiring strikes each (`faultLinks`).
 */
import type { FaultDef } from './types.ts';

/**
 * The directed links of a split: every from × to pair, then the way back with `both`, a
 * component never linked to itself, each once.
 */
export function splitLinks(
  from: readonly string[],
  to: readonly string[],
  both: boolean,
): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  const seen = new Set<string>();
  const add = (a: string, b: string) => {
    const key = `${a}\u0000${b}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    out.push({ from: a, to: b });
  };
  for (const a of from) for (const b of to) add(a, b);
  if (both) for (const a of from) for (const b of to) add(b, a);
  return out;
}

/** The directed links a fault strikes: its split's, or its one `link` (none for a component fault). */
export function faultLinks(def: Pick<FaultDef, 'link' | 'split'>): { from: string; to: string }[] {
  if (def.split !== undefined) return def.split.links;
  return def.link === null ? [] : [def.link];
}
