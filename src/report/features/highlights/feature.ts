/**
 * The highlights (report/highlights.ts): the page's first section, one card per highlight. The
 * console prints them first too (table.ts, before the variants' blocks; compare after its
 * header), from the same texts (highlights-text.ts).
 */
import { part, type ReportFeature } from '../../feature.ts';
import { highlightsSection } from './highlights-section.ts';

export const highlightsFeature: ReportFeature = {
  id: 'highlights',
  parts: [part('page', -10, highlightsSection)],
};
