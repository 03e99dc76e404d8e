/**
 * The cost model of a scenario (issue 18, the economics of scaling): its normalized form, read
 * by the report (report/features/costs/), and its reference checks (the services and sizes it
 * names exist, with did-you-mean).
 */
import type * as z from 'zod';
import type { DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import { errorAt, type Names } from './names.ts';
import type { Costs, ScenarioParsed } from './schema.ts';

/** Prices of a scenario, normalized: every service with its instance size. */
export interface CostsDef {
  currency: string;
  sizes: { name: string; perHour: number; memoryGB: number }[];
  /** Service id → its instance size (every service of the scenario). */
  services: Record<string, string>;
  perGBMemoryHour: number;
  perConnectionHour: number;
  perDatabaseHour: number;
  perGBTransferred: number;
}

export function normalizeCosts(c: z.output<typeof Costs>, serviceIds: readonly string[]): CostsDef {
  const sizes = Object.entries(c.sizes).map(([name, s]) => ({ name, ...s }));
  return {
    currency: c.currency,
    sizes,
    services: Object.fromEntries(serviceIds.map((id) => [id, c.services[id] ?? sizes[0].name])),
    perGBMemoryHour: c.perGBMemoryHour,
    perConnectionHour: c.perConnectionHour,
    perDatabaseHour: c.perDatabaseHour,
    perGBTransferred: c.perGBTransferred,
  };
}

/** The services and sizes `costs.services` names exist. */
export function checkCosts(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const c = doc.costs;
  if (c === undefined) return [];
  const sizes = Object.keys(c.sizes);
  const issues: UnlocatedIssue[] = [];
  for (const [service, size] of Object.entries(c.services)) {
    const at: DocPath = ['costs', 'services', service];
    if (!names.has.services.has(service))
      issues.push(errorAt(msg.unknownReference('service', service, names.services), at));
    if (!sizes.includes(size))
      issues.push(errorAt(msg.unknownReference('instance size', size, sizes), at));
  }
  return issues;
}
