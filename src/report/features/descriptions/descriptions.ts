/**
 * The `description:` texts a scenario gives its parts (services, endpoints, databases, caches,
 * brokers, workloads, faults, SLOs), carried into results.json (`scenario.descriptions`) so the
 * page can show them: the Summary section's "Descriptions" table and each topology node's
 * tooltip. They are taken from the first variant's scenario: a variant whose `set:` rewrites a
 * description shows the first variant's text (a stated simplification; descriptions rarely
 * differ between variants). Every text reaches the page through the `html` template (escaped).
 */

import { dataTable, labelTd } from '../../html/data-table.ts';
import { type Html, html } from '../../html/template.ts';
import type { Lang } from '../../i18n/lang.ts';
import { term } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import type { DescribedKind, PartDescription } from './part-description.ts';

/** The descriptions of the topology's nodes (components: services, databases, caches, brokers). */
export function componentDescriptions(data: ReportData): Map<string, string> {
  const nodes = new Set<DescribedKind>(['service', 'database', 'cache', 'broker']);
  return new Map(
    (data.scenario.descriptions ?? [])
      .filter((d) => nodes.has(d.kind))
      .map((d) => [d.name, d.text]),
  );
}

/** The Summary section's table of descriptions ('' when the scenario describes nothing). */
export function descriptionsTable(data: ReportData, lang: Lang = 'en'): Html {
  const rows = data.scenario.descriptions ?? [];
  if (rows.length === 0) return html``;
  return html`<h3>${term(lang, 'Descriptions')}</h3>${dataTable<PartDescription>(
    [term(lang, 'name'), (d) => labelTd(d.name)],
    [
      [term(lang, 'kind'), (d) => labelTd(term(lang, d.kind))],
      [term(lang, 'description'), (d) => labelTd(d.text)],
    ],
    rows,
  )}`;
}
