/** The topology of every variant on the page (messages per second over each link). */
import { part, type ReportFeature } from '../../feature.ts';
import { topologySection } from './topology-section.ts';

export const topologyFeature: ReportFeature = {
  id: 'topology',
  parts: [part('page', 20, (data, lang) => [topologySection(data, lang)])],
};
