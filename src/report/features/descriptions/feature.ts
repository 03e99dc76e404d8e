/**
 * Descriptions: the `description:` of the scenario's services, endpoints, databases, caches,
 * brokers, workloads, faults and SLOs, as a table of the page's Summary section (the topology's
 * tooltips show the components' too, topology-section.ts). Carried in results.json only; the
 * console and the CSV files leave them out.
 */
import { part, type ReportFeature } from '../../feature.ts';
import { descriptionsTable } from './descriptions.ts';

export const descriptionsFeature: ReportFeature = {
  id: 'descriptions',
  parts: [part('summary-table', 90, descriptionsTable)],
};
