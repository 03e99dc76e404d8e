/**
 * Sensitivity near saturation (present when `msasim run --sensitivity` ran the what-if,
 * what-if.ts): for each variant with a component at ρ ≥ 0.8, each entry endpoint's p99 and the
 * hot components' utilisation with their service times × 0.95 and × 1.05, and a sentence
 * saying how fragile the figures are — in the console, sensitivity.csv and the page.
 */
import type { Analysis } from '../../analysis.ts';
import { csv } from '../../csv.ts';
import { part, type ReportFeature } from '../../feature.ts';
import { labelTd, tableHtml, td } from '../../html/data-table.ts';
import type { PageSection } from '../../html/layout.ts';
import { html } from '../../html/template.ts';
import { tHtml } from '../../html/words.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t, term } from '../../i18n/t.ts';
import type { ReportData } from '../../report-data-types.ts';
import { round } from '../../round.ts';
import { tableOf } from '../../text-table.ts';
import {
  type SensitivityFigure,
  sensitivitySentence,
  signedPercent,
  type VariantSensitivity,
} from './what-if.ts';

const value = (f: SensitivityFigure, x: number) =>
  Number.isFinite(x) ? (f.metric === 'utilisation' ? x.toFixed(3) : x.toFixed(2)) : '–';
const moved = (f: SensitivityFigure, x: number) => `${value(f, x)} (${signedPercent(x, f.base)})`;
const step = (s: VariantSensitivity) => Math.round(s.step * 100);

/** The console section ('' when the what-if did not run). */
export function formatSensitivity(a: Analysis, lang: Lang = 'en'): string {
  const all = a.results.sensitivity ?? [];
  if (all.length === 0) return '';
  const blocks = all.map((s) => {
    const title =
      a.variants.length > 1
        ? t(lang, 'sens.title.variant', { variant: s.variant })
        : t(lang, 'sens.title');
    const table = tableOf<SensitivityFigure>(
      [
        ['figure', (f) => term(lang, f.metric)],
        ['of', (f) => f.of],
        ['as run', (f) => value(f, f.base)],
        [t(lang, 'sens.faster', { step: step(s) }), (f) => moved(f, f.faster)],
        [t(lang, 'sens.slower', { step: step(s) }), (f) => moved(f, f.slower)],
      ],
      s.figures,
      lang,
    );
    return `${title}\n${sensitivitySentence(s, lang)}\n${table}`;
  });
  return blocks.join('\n\n');
}

/** sensitivity.csv: one row per variant × figure (none when the what-if did not run). */
export function sensitivityCsv(a: Analysis): string {
  const rows: unknown[][] = [['variant', 'metric', 'of', 'base', 'faster', 'slower', 'step']];
  for (const s of a.results.sensitivity ?? [])
    for (const f of s.figures)
      rows.push([
        s.variant,
        f.metric,
        f.of,
        round(f.base),
        round(f.faster),
        round(f.slower),
        s.step,
      ]);
  return csv(rows);
}

/** The page section (none when the what-if did not run). */
export function sensitivitySection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  const all = data.sensitivity ?? [];
  if (all.length === 0) return [];
  const blocks = all.map((s) => {
    const rows = s.figures.map(
      (f) =>
        html`<tr>${labelTd(term(lang, f.metric))}${[f.of, value(f, f.base), moved(f, f.faster), moved(f, f.slower)].map(td)}</tr>`,
    );
    const table = tableHtml(
      [
        'figure',
        'of',
        'as run',
        t(lang, 'sens.fasterPage', { step: step(s) }),
        t(lang, 'sens.slowerPage', { step: step(s) }),
      ],
      rows,
      lang,
    );
    const title = all.length > 1 || data.variants.length > 1 ? html`<h3>${s.variant}</h3>` : '';
    return html`${title}<p>${sensitivitySentence(s, lang)}</p>${table}`;
  });
  return [
    {
      id: 'sensitivity',
      title: 'Sensitivity near saturation',
      nav: 'Sensitivity',
      html: html`<p>${tHtml(lang, 'sens.intro', {})}</p>${blocks}`,
    },
  ];
}

export const sensitivityFeature: ReportFeature = {
  id: 'sensitivity',
  parts: [
    part('console', 75, formatSensitivity),
    part('files', 150, (a) =>
      (a.results.sensitivity ?? []).length === 0 ? [] : [['sensitivity.csv', sensitivityCsv(a)]],
    ),
    part('page', 45, sensitivitySection),
  ],
};
