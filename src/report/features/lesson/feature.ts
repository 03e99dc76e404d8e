/**
 * The lesson beside the scenario (its sibling .md: what it teaches, what to look at), shown on
 * the page after the comparison when there is one; Markdown rendered by html/markdown.ts, with
 * its figures (`{{variant: reference}}`) filled in from this run's key metrics and its claims
 * checked against them (report/lesson-figures.ts).
 */

import { part, type ReportFeature } from '../../feature.ts';
import type { PageSection } from '../../html/layout.ts';
import { renderMarkdown } from '../../html/markdown.ts';
import { html } from '../../html/template.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import { fillLesson } from '../../lesson-figures.ts';
import type { ReportData } from '../../report-data-types.ts';

/** The lesson's Markdown with its figures and claims from the run of `data`. */
export function lessonText(data: ReportData, lang: Lang = 'en'): string {
  const { lesson, lessonRefs } = data.scenario;
  if (!lesson) return '';
  if (lessonRefs === undefined) return lesson;
  return fillLesson(
    lesson,
    lessonRefs,
    data.variants.map((v) => ({ variant: v.variant, estimates: v.estimates })),
    lang,
  );
}

/** The lesson section, when the scenario has a lesson. */
export function lessonSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  if (!data.scenario.lesson) return [];
  return [
    {
      id: 'lesson',
      title: t(lang, 'lesson.title'),
      html: html`<div class="lesson">${renderMarkdown(lessonText(data, lang), { headingOffset: 2 })}</div>`,
    },
  ];
}

export const lessonFeature: ReportFeature = {
  id: 'lesson',
  parts: [part('page', 10, lessonSection)],
};
