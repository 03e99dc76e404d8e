/**
 * The lesson beside the scenario (its sibling .md: what it teaches, what to look at), shown on
 * the page after the comparison when there is one, in the page's language when it has a
 * translation (lesson-for.ts); Markdown rendered by html/markdown.ts, with its figures
 * (`{{variant: reference}}`) filled in from this run's key metrics and its claims checked
 * against them (report/lesson-figures.ts).
 */

import { part, type ReportFeature } from '../../feature.ts';
import type { PageSection } from '../../html/layout.ts';
import { renderMarkdown } from '../../html/markdown.ts';
import { html } from '../../html/template.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import { filledLesson, lessonFor } from './lesson-for.ts';

/** The lesson's Markdown (in the page's language `lang` when translated) with its figures and claims from the run of `data`. */
export function lessonText(data: ReportData, lang: Lang = 'en'): string {
  const lesson = lessonFor(data, lang);
  if (lesson === null) return '';
  return filledLesson(
    lesson,
    data.variants.map((v) => ({ variant: v.variant, estimates: v.estimates })),
  );
}

/** The lesson section, when the scenario has a lesson. */
export function lessonSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  const lessonLang = lessonFor(data, lang)?.lang;
  if (lessonLang === undefined) return [];
  const body = renderMarkdown(lessonText(data, lang), { headingOffset: 2 });
  return [
    {
      id: 'lesson',
      title: t(lang, 'lesson.title'),
      // the lesson's own language, for fonts and screen readers when it is not the page's
      html:
        lessonLang === lang
          ? html`<div class="lesson">${body}</div>`
          : html`<div class="lesson" lang="${lessonLang}">${body}</div>`,
    },
  ];
}

export const lessonFeature: ReportFeature = {
  id: 'lesson',
  parts: [part('page', 10, lessonSection)],
};
