/**
 * Whether a variant's row of a highlight card fits the card on one line, estimated from its text:
 * the name, the value column (as wide as the card's widest value) and the narrowest bar worth
 * drawing. A row that does not fit puts the name on a line of its own above its value (the
 * page's hl-sN container queries, page-style.ts), so that no name is ever broken at its hyphens
 * ("batch-" over "cache"). The widths are those of DejaVu Sans Bold, the widest of the usual
 * system sans fonts (Chromium on Linux draws the page with it): on another font a row fits
 * with room to spare.
 */
import { HL_NARROW_CARD, HL_STACK_WIDTHS } from '../../html/page-style.ts';
import { textEm } from '../../html/text-em.ts';

/** What a row adds to its name and value (px): the swatch and its gap, the gaps, the bar. */
const ROW_PX = 17 + 8 + 4 + 8 + 16;

/**
 * The class that puts `name` on a line of its own in the cards too narrow for its row (the widest
 * of page-style.ts HL_STACK_WIDTHS not above what the row needs), or '' when the row fits every
 * card; a name too long for any card is always on its own line, where it may break
 * (hl-wrap). `values`: the card's value lines (the value column is as wide as the widest).
 */
export function stackClass(name: string, values: readonly string[]): string {
  const valueEm = Math.max(0, ...values.map(textEm));
  const base = ROW_PX + 14 * textEm(name);
  // values are set at 13 px in a narrow card, 14 px in a wider one
  const narrow = base + 13 * valueEm;
  const need = narrow <= HL_NARROW_CARD ? narrow : base + 14 * valueEm;
  const last = HL_STACK_WIDTHS[HL_STACK_WIDTHS.length - 1] ?? 0;
  // longer than the widest card can hold beside a value: on its own line, and broken where it must
  if (need > last) return 'hl-wrap';
  // the widest step not above the need: in a card up to a step (10 px) narrower than the need,
  // the bar gives up those pixels of its 16 rather than the name its line
  const w = HL_STACK_WIDTHS.findLast((x) => x <= need);
  return w === undefined ? '' : `hl-s${w}`;
}
