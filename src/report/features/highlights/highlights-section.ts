/**
 * The page's first section: one card per highlight (the key metrics the scenario's lesson is
 * about, or the default rule's, report/highlights.ts), every variant side by side as a bar with
 * its 95 % confidence interval as a whisker (no bar for a run of one variant), the value in figures and the difference from the
 * baseline (the first variant) in words. The number of replications is said once above the
 * cards, with the precision and warm-up notes and warnings.
 */

import type { Highlight } from '../../highlights.ts';
import {
  differenceText,
  type HighlightCell,
  highlightCells,
  highlightTitle,
  replicationsText,
  sourceSentence,
  valueText,
  warmupLines,
} from '../../highlights-text.ts';
import { variantColour } from '../../html/chart-style.ts';
import { variantLabel } from '../../html/charts.ts';
import { unbrokenFigures } from '../../html/format.ts';
import { variantChip } from '../../html/key-metrics-table.ts';
import type { PageSection } from '../../html/layout.ts';
import { type Html, html, joinHtml } from '../../html/template.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import { verdictOf } from '../../key-metrics.ts';
import { precisionSentence } from '../../precision.ts';
import type { ReportData } from '../../report-data-types.ts';
import { stackClass } from './card-fit.ts';

/** A percentage of the bar's scale, kept within [0, 100] and to one decimal (a style value). */
const pct = (x: number, max: number) =>
  max > 0 ? Math.round(Math.min(100, Math.max(0, (x / max) * 100)) * 10) / 10 : 0;

/** The bar of one variant: its mean as a bar, its interval as a whisker, on a shared scale. */
function bar(c: HighlightCell, max: number, index: number): Html {
  if (c.estimate === null) return html`<span class="hl-bar"></span>`;
  const { mean, lo, hi } = c.estimate.estimate;
  const whisker =
    lo === null || hi === null
      ? ''
      : html`<span class="hl-ci" style="left:${pct(lo, max)}%;width:${Math.max(0, pct(hi, max) - pct(lo, max))}%"></span>`;
  return html`<span class="hl-bar"><span class="hl-fill" style="width:${pct(mean, max)}%;background:${variantColour(index)}"></span>${whisker}</span>`;
}

/**
 * Characters of a value beyond which its interval goes on a line of its own ("243,941 ms" over
 * "± 106,670 ms"): a value and its interval of up to this length fit the narrowest card (265
 * px, four cards to a 1,400 px screen) beside a variant's name; a longer one would be cut.
 */
const ONE_LINE_VALUE = 20;

/** The lines a value takes in a card: one, or two when it is too long (see ONE_LINE_VALUE). */
function valueLines(text: string): string[] {
  const cut = text.indexOf(' ± ');
  if (text.length <= ONE_LINE_VALUE || cut < 0) return [text];
  return [text.slice(0, cut), text.slice(cut + 1)];
}

/** A variant's value in a card, on the lines of `valueLines`. */
function valueCell(text: string): Html | string {
  const [mean, hw] = valueLines(text);
  return hw === undefined ? mean : html`${mean}<br><span class="hl-hw">${hw}</span>`;
}

/**
 * A note's text with each command-line option it names ("--warmup auto") set as code on one
 * line: never broken after its dashes ("--" over "warmup auto").
 */
export function optionsAsCode(text: string): Html {
  const parts: (Html | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(/(?<![\w-])--[a-z][a-z-]*(?: (?:auto|\d[\w.%]*))?/g)) {
    parts.push(text.slice(last, m.index), html`<code class="option">${m[0]}</code>`);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return joinHtml(parts, '');
}

/** The card of one highlight. */
function card(data: ReportData, h: Highlight, lang: Lang): Html {
  const variants = data.variants.map((v) => ({
    name: variantLabel(data, v),
    estimates: v.estimates,
  }));
  const cells = highlightCells(h, variants, data.comparisons);
  const max = Math.max(
    0,
    ...cells.map((c) => Math.max(c.estimate?.estimate.mean ?? 0, c.estimate?.estimate.hi ?? 0)),
  );
  const values = cells.map((c) => valueText(c.estimate, lang));
  const lines = values.flatMap(valueLines);
  const rows = cells.map((c, i) => {
    const diff = differenceText(c.difference, c.variant, lang, cells[0]?.variant ?? '');
    const v = c.difference === null ? 'ns' : verdictOf(c.difference);
    const verdict = v === 'better' || v === 'worse' ? ` ${v}` : '';
    const stack = stackClass(c.variant, lines);
    // one variant has nothing to be set beside: no bar (it would only fill its card)
    const drawn = cells.length > 1 ? bar(c, max, i) : html`<span></span>`;
    return html`<span class="hl-variant${stack === '' ? '' : ` ${stack}`}">${variantChip(c.variant, i)}</span><span class="hl-value">${valueCell(values[i])}</span>${drawn}${diff === '' ? '' : html`<span class="hl-diff${verdict}">${unbrokenFigures(diff)}</span>`}`;
  });
  return html`<article class="hl-card"><h3>${highlightTitle(h, data.variants, lang)}</h3><div class="hl-grid">${joinHtml(rows, '')}</div></article>`;
}

/** The highlights section, first on the page (none when there is nothing to show). */
export function highlightsSection(data: ReportData, lang: Lang = 'en'): PageSection[] {
  const h = data.highlights;
  if (h === undefined || h.items.length === 0) return [];
  const notes: Html[] = [];
  const p = data.notes?.precision;
  if (p !== undefined)
    notes.push(
      html`<p class="${p.reached ? 'intro' : 'note'}">${precisionSentence({ ...p, replications: data.replications }, lang)}</p>`,
    );
  if (data.notes?.warmupAutoMs !== undefined)
    notes.push(
      html`<p class="intro">${optionsAsCode(t(lang, 'hl.warmupAuto.page', { s: data.notes.warmupAutoMs / 1000 }))}</p>`,
    );
  for (const w of warmupLines(h, lang)) notes.push(html`<p class="note">⚠ ${optionsAsCode(w)}</p>`);
  const cls = data.replications < 2 ? 'note' : 'intro';
  return [
    {
      id: 'highlights',
      title: t(lang, 'hl.title'),
      html: html`<p class="${cls}">${sourceSentence(h, data.variants.length, lang)} ${replicationsText(data.replications, data.variants.length, lang)}</p>${notes}<div class="hl-cards">${joinHtml(
        h.items.map((item) => card(data, item, lang)),
        '\n',
      )}</div>`,
    },
  ];
}
