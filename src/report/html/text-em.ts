/**
 * The width of a text as the page draws it, estimated in Node (no canvas): advance widths of
 * DejaVu Sans Bold, the widest of the usual system sans fonts (Chromium on Linux draws the page
 * and its charts with it), so that on another font a text takes less room than estimated. Used
 * where a layout must be decided before the browser draws: a highlight card's rows
 * (features/highlights/card-fit.ts), a time chart's fault labels (charts.ts `windowRows`).
 */
import { displayWidth } from '../text-table.ts';

/** Advance widths (em) of DejaVu Sans Bold's characters in figures and names; others: OTHER_EM. */
const EM: Record<string, number> = {
  ' ': 0.348,
  '\u00a0': 0.348,
  '.': 0.38,
  ',': 0.38,
  '-': 0.415,
  '/': 0.365,
  '%': 1.002,
  '±': 0.838,
  '<': 0.838,
  '×': 0.838,
  M: 0.995,
  W: 1.103,
};
for (const d of '0123456789') EM[d] = 0.696;
// the lowercase letters, a to z (measured in Chromium)
const LOWER = [
  0.675, 0.717, 0.594, 0.717, 0.679, 0.435, 0.717, 0.712, 0.344, 0.344, 0.665, 0.344, 1.042, 0.712,
  0.688, 0.717, 0.717, 0.493, 0.596, 0.479, 0.712, 0.653, 0.924, 0.645, 0.653, 0.583,
];
LOWER.forEach((em, i) => {
  EM[String.fromCharCode(97 + i)] = em;
});
/** A character not in EM: about a capital letter (A–Z average 0.755). */
const OTHER_EM = 0.76;

/** The width of `text` in em of DejaVu Sans Bold; a wide character (Hangul, CJK) is 1 em. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += EM[ch] ?? (displayWidth(ch) > 1 ? 1 : OTHER_EM);
  return em;
}
