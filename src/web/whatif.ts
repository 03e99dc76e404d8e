/**
 * The what-if slider's parameter paths: every key of the scenario whose value is a plain number,
 * as a dotted path the pipeline's overrides take (`services.orders.threads`), found in the parsed
 * document (yaml-paths.ts), so block and flow style alike (keys inside lists are left out: a
 * path through a list needs the item's index, which the slider does not ask for; so are the
 * variants', which are overrides themselves).
 */
import { numericKeys } from './yaml-paths.ts';

/** A numeric parameter of the scenario and its value in the text. */
export interface NumericParameter {
  path: string;
  value: number;
}

export function numericParameters(text: string): NumericParameter[] {
  const found: NumericParameter[] = [];
  for (const { keys, value } of numericKeys(text)) {
    if (keys.some((k) => !/^[A-Za-z0-9_$-]+$/.test(k)) || keys[0] === 'variants') continue;
    found.push({ path: keys.join('.'), value });
  }
  return found;
}

/** A slider range around `value`: from a tenth (at least 0 or 1) to four times it. */
export function defaultRange(value: number): { min: number; max: number; step: number } {
  const integer = Number.isInteger(value);
  if (value <= 0) return { min: 0, max: 10, step: integer ? 1 : 0.1 };
  const min = integer ? Math.max(1, Math.floor(value / 10)) : value / 10;
  const max = integer ? Math.max(value * 4, min + 4) : value * 4;
  return { min, max, step: integer ? 1 : Number((value / 20).toPrecision(2)) };
}
