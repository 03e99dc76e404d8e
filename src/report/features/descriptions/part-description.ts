/**
 * The `description:` texts of a scenario's parts as data (see descriptions.ts for where they
 * are shown): taken from the first variant's scenario by the CLI, kept in results.json.
 */
import type { Scenario } from '../../../scenario/types.ts';

/** What a description describes. */
export type DescribedKind =
  | 'service'
  | 'endpoint'
  | 'database'
  | 'cache'
  | 'broker'
  | 'workload'
  | 'fault'
  | 'slo';

/** One part of a scenario with its description. */
export interface PartDescription {
  kind: DescribedKind;
  /** Its name; an endpoint's is "service/endpoint". */
  name: string;
  text: string;
}

/** The non-empty descriptions of `scenario`'s parts, in the order of the kinds above. */
export function describeParts(scenario: Scenario): PartDescription[] {
  const out: PartDescription[] = [];
  const add = (kind: DescribedKind, name: string, text: string) => {
    if (text.trim() !== '') out.push({ kind, name, text: text.trim() });
  };
  for (const s of scenario.services) add('service', s.id, s.description);
  for (const s of scenario.services)
    for (const e of s.endpoints) add('endpoint', `${s.id}/${e.name}`, e.description);
  for (const d of scenario.databases) add('database', d.id, d.description);
  for (const c of scenario.caches) add('cache', c.id, c.description);
  for (const b of scenario.brokers) add('broker', b.id, b.description);
  for (const w of scenario.workloads) add('workload', w.id, w.description);
  for (const f of scenario.faults) add('fault', f.id, f.description);
  // an SLO with several bounds is several SloDefs of one name
  const slos = new Set<string>();
  for (const s of scenario.slos)
    if (!slos.has(s.name)) {
      slos.add(s.name);
      add('slo', s.name, s.description);
    }
  return out;
}
