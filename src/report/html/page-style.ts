/**
 * The style sheet of the HTML report pages: system fonts, a centred column, a sticky nav,
 * tables and badges readable on a projector, and a print layout (no nav, every topology tab
 * shown, no figure split over pages). No external fonts or images.
 */
import { FONT_STACK } from './chart-style.ts';

/** The width (px) of a highlight card's content up to which its values are set smaller. */
export const HL_NARROW_CARD = 330;

/**
 * The widths (px) of a highlight card's content below which a variant's row goes on two lines
 * (its name on a line of its own): a row needing w px gets the class hl-s<W>, W the widest of
 * these ≤ w (features/highlights/card-fit.ts `stackClass`).
 */
export const HL_STACK_WIDTHS: readonly number[] = Array.from(
  { length: 49 },
  (_, i) => 240 + 10 * i,
);

/** CSS of every report page. */
export const PAGE_CSS = `
:root {
  --text: #111827; --muted: #4b5563; --faint: #6b7280; --line: #e5e7eb; --band: #f8fafc;
  --accent: #1d4ed8; --better: #15803d; --better-bg: #dcfce7; --worse: #b91c1c; --worse-bg: #fee2e2;
  --neutral: #1e40af; --neutral-bg: #dbeafe;
}
* { box-sizing: border-box; }
html { scroll-behavior: smooth; }
/* the sticky nav is one line (below): a target's heading lands below it, never under it */
[id] { scroll-margin-top: 76px; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 18px; line-height: 1.55; color: var(--text); background: #fff; }
/* Korean breaks between words, as it is set, never inside one ("악" over "화") */
:lang(ko) { word-break: keep-all; overflow-wrap: break-word; }
main, .page-header > div, nav > div, footer > div { max-width: 1300px; margin: 0 auto; padding: 0 28px; }
.page-header { background: linear-gradient(180deg, #eff6ff 0%, #ffffff 100%); border-bottom: 1px solid var(--line); padding: 16px 0 12px; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 14px; font-weight: 700; color: var(--accent); }
h1 { font-size: 34px; line-height: 1.15; margin: 2px 0 6px; letter-spacing: -0.01em; overflow-wrap: anywhere; }
.lede { font-size: 17px; color: #1f2937; margin: 0 0 8px; max-width: 70em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 14px; margin: 0; font-size: 14px; }
dl.facts dt { color: var(--muted); font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
nav { position: sticky; top: 0; z-index: 10; background: rgba(255,255,255,.96); border-bottom: 1px solid var(--line); }
nav > div { display: flex; flex-wrap: nowrap; overflow-x: auto; scrollbar-width: thin; gap: 4px 22px; padding-top: 10px; padding-bottom: 10px; font-size: 16px; font-weight: 600; white-space: nowrap; }
nav a { color: var(--muted); text-decoration: none; }
nav a:hover { color: var(--accent); }
section { padding: 26px 0 10px; border-bottom: 1px solid var(--line); }
section:last-of-type { border-bottom: none; }
h2 { font-size: 30px; margin: 0 0 12px; letter-spacing: -0.01em; }
h3 { font-size: 23px; margin: 26px 0 10px; }
h4 { font-size: 19px; margin: 20px 0 8px; }
p { margin: 8px 0 12px; }
.intro { color: #374151; max-width: 60em; }
#highlights { padding-top: 12px; }
#highlights h2 { font-size: 24px; margin-bottom: 4px; }
#highlights p { margin: 2px 0 6px; font-size: 14px; }
#highlights p.note { padding: 4px 10px; }
.hl-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(265px, 1fr)); gap: 10px 14px; margin: 8px 0 8px; }
.hl-card { min-width: 0; container-type: inline-size; border: 1px solid var(--line); border-radius: 10px; padding: 6px 12px 8px; background: #fff; }
.hl-card h3 { font-size: 17px; margin: 0 0 2px; }
/* a card's rows: variant, value, bar; a difference under its row, across the card */
.hl-grid { display: grid; grid-template-columns: max-content max-content minmax(0, 1fr); column-gap: 8px; align-items: center; font-size: 14px; }
/* a variant's name is never broken (not at its hyphens): too long for its row in this card, it
   has a line of its own above its value (the hl-sN rules below) */
.hl-variant { white-space: nowrap; padding: 1px 0; }
.hl-variant.hl-wrap { grid-column: 1 / -1; white-space: normal; overflow-wrap: anywhere; }
.hl-wrap .variant-name { white-space: normal; }
.hl-value { grid-column: 2; white-space: nowrap; font-weight: 700; font-variant-numeric: tabular-nums; padding: 1px 4px 1px 0; }
.hl-hw { font-weight: 400; }
/* a narrow card (four to a row, long variant names): smaller values rather than a cut one */
@container (max-width: ${HL_NARROW_CARD}px) { .hl-value { font-size: 13px; padding-right: 0; } }
${HL_STACK_WIDTHS.map((w) => `@container (max-width: ${w - 0.02}px) { .hl-s${w} { grid-column: 1 / -1; } }`).join('\n')}
.hl-bar { position: relative; display: block; height: 12px; background: var(--band); border-radius: 3px; }
.hl-fill { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 3px; }
.hl-ci { position: absolute; top: 5px; height: 2px; background: #111827; }
.hl-diff { grid-column: 1 / -1; font-size: 12px; line-height: 1.25; color: var(--muted); padding: 0 0 3px 18px; }
.hl-diff.better { color: var(--better); }
.hl-diff.worse { color: var(--worse); }
.note { background: #fffbeb; border: 1px solid #fcd34d; border-radius: 8px; padding: 10px 14px; }
.anomaly-card { background: #fffbeb; border: 1px solid #fcd34d; border-left: 6px solid #d97706; border-radius: 8px; padding: 12px 18px; margin: 14px 0; max-width: 62em; }
.anomaly-card.clean { background: var(--better-bg); border-color: #86efac; border-left-color: var(--better); }
.anomaly-card h4 { margin: 0 0 6px; }
.anomaly-card .anomaly-reader { font-weight: 400; color: var(--muted); }
.anomaly-card p { margin: 4px 0 8px; }
.anomaly { margin: 8px 0; }
.anomaly-label { display: block; font-size: 14px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: #92400e; }
.anomaly blockquote { margin: 4px 0 0; border-left-color: #f59e0b; background: #fff; font-size: 19px; color: var(--text); overflow-wrap: anywhere; }
.anomaly-same { color: var(--muted); font-size: 16px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; background: #f1f5f9; padding: 1px 5px; border-radius: 4px; }
pre { background: #0f172a; color: #e2e8f0; padding: 14px 16px; border-radius: 8px; overflow-x: auto; font-size: 15px; }
code.option { white-space: nowrap; }
pre code { background: none; padding: 0; color: inherit; }
blockquote { margin: 10px 0; padding: 4px 16px; border-left: 4px solid #93c5fd; color: #374151; background: var(--band); }
.lesson { max-width: 62em; }
.lesson table, .data { border-collapse: collapse; margin: 12px 0 18px; font-size: 16px; }
.lesson th, .lesson td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
.lesson th { background: var(--band); }
.table-wrap { overflow-x: auto; }
/* tables fit the column (1,400 px windows): headers and labels wrap, numbers stay whole */
.data th, .data td { padding: 6px 7px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; vertical-align: top; }
.data th { font-size: 13px; text-transform: uppercase; letter-spacing: .02em; color: var(--muted); border-bottom: 2px solid #cbd5e1; background: #fff; white-space: normal; }
.data td { white-space: normal; }
.data td.label { overflow-wrap: anywhere; min-width: 8em; max-width: 18em; }
.data th:first-child, .data td.name, .data td.label { text-align: left; }
.data td.name { font-weight: 600; white-space: normal; overflow-wrap: anywhere; max-width: 13em; }
.data th.label { text-align: left; }
.key-metrics td { min-width: 6.5em; }
.key-metrics .value { display: block; font-weight: 600; font-size: 17px; }
.key-metrics .ci { display: block; font-size: 13px; color: var(--faint); }
.key-metrics .badge { margin: 3px 0 0; }
.data tbody tr.group-start td { border-top: 2px solid #cbd5e1; }
.data .sub { display: block; font-size: 13px; color: var(--faint); font-weight: 400; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 3px; margin-right: .4em; vertical-align: -0.05em; }
.variant-name { font-weight: 600; white-space: nowrap; }
.data th .variant-name { white-space: normal; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: 14px; font-weight: 700; border-radius: 999px; padding: 1px 9px; margin-left: 4px; white-space: nowrap; }
.badge.better { color: var(--better); background: var(--better-bg); }
.badge.worse { color: var(--worse); background: var(--worse-bg); }
.badge.neutral { color: var(--neutral); background: var(--neutral-bg); }
.badge.ns { color: var(--faint); background: #f3f4f6; font-weight: 600; }
.differences { list-style: none; padding: 0; margin: 8px 0 12px; }
.differences li { padding: 5px 0; border-bottom: 1px dashed var(--line); }
.differences li .badge { margin: 0 10px 0 0; min-width: 6.2em; text-align: center; }
.not-significant { color: var(--muted); font-size: 16px; }
details { margin: 8px 0 16px; }
summary { cursor: pointer; font-weight: 600; color: var(--accent); }
figure.chart { margin: 18px 0 26px; }
.chart-scroll { overflow-x: auto; }
.vega { min-height: 60px; }
.vega.chart-error { color: var(--worse); }
figcaption { color: var(--muted); font-size: 16px; margin-top: 6px; max-width: 60em; }
.tablist { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 14px; }
.tablist button { font: inherit; font-size: 16px; font-weight: 600; padding: 6px 14px; border-radius: 999px; border: 2px solid var(--line); background: #fff; color: var(--text); cursor: pointer; }
.tablist button[aria-selected="true"] { border-color: var(--c, currentColor); background: #f8fafc; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.tab-panel h3 { margin-top: 6px; }
.tab-panel h3 .sub { display: block; font-size: 17px; font-weight: 400; color: var(--muted); margin-top: 2px; }
.topology-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px; padding: 6px; background: #fff; }
svg.topology { display: block; max-width: 100%; height: auto; }
footer { color: var(--faint); font-size: 14px; padding: 20px 0 40px; }
@media (max-width: 800px) { body { font-size: 16px; } h1 { font-size: 30px; } }
@media print {
  body { font-size: 12pt; }
  nav, .tablist { display: none; }
  .page-header { background: none; }
  main, .page-header > div { max-width: none; padding: 0; }
  .tab-panel[hidden] { display: block !important; }
  figure.chart, .tab-panel, table { break-inside: avoid; }
  section { break-inside: auto; }
  a { color: inherit; }
}
`;
