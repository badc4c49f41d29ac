/**
 * Dates and times as they appear in Belgian exports, normalised to ISO 8601 strings.
 */

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const BELGIAN = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Parse a date or date-time and return it as an ISO 8601 string, WITHOUT any time-zone
 * conversion: the wall-clock time is returned as written.
 *
 * Accepted (after trimming):
 * - ISO: '2021-05-03', '2021-05-03T14:30', '2021-05-03 14:30:15', '2021-05-03T14:30:15.250';
 *   an explicit offset ('Z', '+02:00', '+0200') is kept, normalised to '+02:00', never applied.
 * - Belgian, always day first: '03/05/2021 14:30', '3/5/2021', '3-5-2021', '03.05.2021 14:30:15'
 *   (the same separator twice). '03/05/2021' is 3 May, never 5 March.
 * Rejected (null): two-digit years, impossible dates ('31/04/2021', '29/02/2021'), hours > 23,
 * minutes or seconds > 59, Excel serial numbers (44319.6), anything else.
 *
 * Output: 'YYYY-MM-DD' for a date alone; 'YYYY-MM-DDTHH:MM:SS' (plus '.sss' when fractions were
 * given, plus the offset when one was given) for a date with a time. Strings of the same form sort
 * chronologically.
 *
 * @param text - the cell text
 * @returns ISO string, or null when the text is empty or not a valid date
 * @example
 * parseDateTime('03/05/2021 14:30') // '2021-05-03T14:30:00'
 * parseDateTime('3-5-2021')         // '2021-05-03'
 */
export function parseDateTime(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const s = text.trim();
  if (s === '') return null;

  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, offset] = iso;
    return format(+y, +mo, +d, h, mi, sec, frac, offset);
  }
  const be = BELGIAN.exec(s);
  if (be) {
    const [, d, , mo, y, h, mi, sec] = be;
    return format(+y, +mo, +d, h, mi, sec, undefined, undefined);
  }
  return null;
}

function format(
  year: number,
  month: number,
  day: number,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
  offset: string | undefined,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (hour === undefined) return offset ? null : date;
  const h = +hour;
  const m = +(minute ?? 0);
  const sec = +(second ?? 0);
  if (h > 23 || m > 59 || sec > 59) return null;
  const ms = fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : '';
  return `${date}T${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}${ms}${normaliseOffset(offset)}`;
}

function normaliseOffset(offset: string | undefined): string {
  if (!offset) return '';
  if (offset.toUpperCase() === 'Z') return 'Z';
  const digits = offset.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
