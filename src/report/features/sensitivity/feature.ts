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
export function formatSensitivity(a: Analysis): string {
  const all = a.results.sensitivity ?? [];
  if (all.length === 0) return '';
  const blocks = all.map((s) => {
    const title = a.variants.length > 1 ? ` · ${s.variant}` : '';
    const table = tableOf<SensitivityFigure>(
      [
        ['figure', (f) => f.metric],
        ['of', (f) => f.of],
        ['as run', (f) => value(f, f.base)],
        [`service −${step(s)} %`, (f) => moved(f, f.faster)],
        [`service +${step(s)} %`, (f) => moved(f, f.slower)],
      ],
      s.figures,
    );
    return `■ sensitivity near saturation${title}\n${sensitivitySentence(s)}\n${table}`;
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
export function sensitivitySection(data: ReportData): PageSection[] {
  const all = data.sensitivity ?? [];
  if (all.length === 0) return [];
  const blocks = all.map((s) => {
    const rows = s.figures.map(
      (f) =>
        html`<tr>${labelTd(f.metric)}${[f.of, value(f, f.base), moved(f, f.faster), moved(f, f.slower)].map(td)}</tr>`,
    );
    const table = tableHtml(
      ['figure', 'of', 'as run', `service time −${step(s)} %`, `service time +${step(s)} %`],
      rows,
    );
    const title = all.length > 1 || data.variants.length > 1 ? html`<h3>${s.variant}</h3>` : '';
    return html`${title}<p>${sensitivitySentence(s)}</p>${table}`;
  });
  return [
    {
      id: 'sensitivity',
      title: 'Sensitivity near saturation',
      nav: 'Sensitivity',
      html: html`<p>The run again with the service times of the components at utilisation ≥ 0.8 scaled by 0.95 and 1.05 (same seed, so the same arrivals and draws). Near saturation waiting grows like 1/(1 − ρ): a few per cent of error in a measured service time moves the tail by much more.</p>${blocks}`,
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
