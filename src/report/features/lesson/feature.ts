/**
 * The lesson beside the scenario (its sibling .md: what it teaches, what to look at), shown on
 * the page after the comparison when there is one; Markdown rendered by html/markdown.ts.
 */
import { part, type ReportFeature } from '../../feature.ts';
import type { PageSection } from '../../html/layout.ts';
import { renderMarkdown } from '../../html/markdown.ts';
import { html } from '../../html/template.ts';
import type { ReportData } from '../../report-data-types.ts';

/** The lesson section, when the scenario has a lesson. */
export function lessonSection(data: ReportData): PageSection[] {
  if (!data.scenario.lesson) return [];
  return [
    {
      id: 'lesson',
      title: 'Lesson',
      html: html`<div class="lesson">${renderMarkdown(data.scenario.lesson, { headingOffset: 2 })}</div>`,
    },
  ];
}

export const lessonFeature: ReportFeature = {
  id: 'lesson',
  parts: [part('page', 10, lessonSection)],
};
