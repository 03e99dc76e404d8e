/** The topology of every variant on the page (messages per second over each link). */
import type { ReportFeature } from '../../feature.ts';
import { topologySection } from './topology-section.ts';

export const topologyFeature: ReportFeature = {
  id: 'topology',
  parts: [{ to: 'page', order: 20, build: (data) => [topologySection(data)] }],
};
