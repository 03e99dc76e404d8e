/**
 * spof.html (pure: the analysis, its console text and the library texts in, one page out): the
 * impact matrix as the console prints it and as a heatmap, on the shared charts page. The
 * scenario's description and every line of the text go through the `html` template (escaped).
 */
import { buildChartsPage, type VegaAssets } from './html/layout.ts';
import { html } from './html/template.ts';
import type { Lang } from './i18n/lang.ts';
import { t } from './i18n/t.ts';
import { type SpofData, spofHeatmapSpec } from './spof.ts';

/**
 * The page of `data`; `text` is what `msasim spof` printed (formatSpof and its note): its first
 * line heads the section, the table and verdict after the blank line go in a <pre>. `lang`:
 * the page's own words (its title, the section's title and the chart's words from the glossary).
 */
export function spofPage(
  data: SpofData,
  text: string,
  assets: VegaAssets,
  lang: Lang = 'en',
): string {
  const lines = text.split('\n');
  return buildChartsPage(
    t(lang, 'spof.pageTitle', { name: data.scenario.name }),
    [
      {
        id: 'matrix',
        title: 'Impact matrix',
        html: html`<p>${lines[0]}</p><pre>${lines.slice(2).join('\n')}</pre>`,
        charts: [{ spec: spofHeatmapSpec(data, lang) }],
      },
    ],
    assets,
    {
      eyebrow: 'msasim spof',
      header: html`<p>${data.scenario.description}</p>`,
      ...(lang === 'en' ? {} : { words: lang, lang }),
    },
  );
}
