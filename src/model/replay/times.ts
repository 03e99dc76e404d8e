/**
 * Times in data files, read exactly: a decimal number of seconds (or ms) becomes the double
 * nearest to its exact value in ms (the decimal point is moved in the text, not by multiplying,
 * so "0.3" s is 300 ms, not 300.00000000000006), and an ISO 8601 date-time becomes whole ms
 * since 1970 plus a fraction of a ms, computed from the calendar (no Date: the model does not
 * read the wall clock). A date-time without a zone is read as UTC.
 */

/** A time of a data file: a number of ms, or a date-time (whole ms and a fraction). */
export type ParsedTime =
  | { kind: 'number'; ms: number }
  | { kind: 'date-time'; wholeMs: number; fractionMs: number };

const NUMBER = /^\+?(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** The time in `text` (unit of plain numbers: 's' or 'ms'), or null when it is not one. */
export function parseTime(text: string, unit: 's' | 'ms'): ParsedTime | null {
  const num = NUMBER.exec(text);
  if (num !== null) {
    const exponent = Number(num[2] ?? 0) + (unit === 's' ? 3 : 0);
    const ms = Number(`${num[1]}e${exponent}`);
    return Number.isFinite(ms) ? { kind: 'number', ms } : null;
  }
  const d = DATE_TIME.exec(text);
  if (d === null) return null;
  const [year, month, day, hour, minute, second] = d.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const digits = d[7] ?? '';
  const wholeFraction = Number((digits + '000').slice(0, 3));
  const fractionMs = digits.length > 3 ? Number(`0.${digits.slice(3)}`) : 0;
  const offsetMin =
    d[9] === undefined ? 0 : (d[9] === '-' ? -1 : 1) * (Number(d[10]) * 60 + Number(d[11]));
  const wholeMs =
    daysFromCivil(year, month, day) * 86_400_000 +
    ((hour * 60 + minute - offsetMin) * 60 + second) * 1000 +
    wholeFraction;
  return { kind: 'date-time', wholeMs, fractionMs };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 1970-01-01 to the date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
