/**
 * Numbers as Belgian spreadsheets write them: decimal comma, optional thousands separators.
 */

const HAS_SPACE = /[ \u00a0\u202f\u2009]/;
const SPACES = /[ \u00a0\u202f\u2009]/g;

/**
 * Parse a number written with a decimal comma or a decimal point.
 *
 * Rules, in order (after trimming):
 * - '' → null. A leading '+', '-' or '−' (U+2212) sign is allowed; an exponent ('1,5E-3') too.
 * - Spaces (also no-break and thin spaces) are thousands separators and must split the integer
 *   part into groups of 3: '158 650,5' → 158650.5; '1 50' → null.
 * - Both '.' and ',': the LAST one is the decimal separator and the other must group thousands:
 *   '1.234,5' → 1234.5 (Belgian), '1,234.5' → 1234.5 (English); '1.23,5' → null.
 * - A single '.' or a single ',' is ALWAYS the decimal separator: '4,492' → 4.492 and
 *   '4.492' → 4.492. This is the ambiguous case: '4.492' meant as four thousand four hundred and
 *   ninety-two (Belgian thousands dot) is read as 4.492. Belgian Excel exports numbers without
 *   thousands separators unless the cell is formatted with them, and coordinates and rates
 *   (the numbers this toolkit reads) are decimals far more often than thousands.
 * - The same separator two or more times must group thousands: '1.234.567' → 1234567,
 *   '1,234,567' → 1234567; '1.23.4' → null.
 * - Anything else ('abc', '12a', 'NaN', 'Infinity', '1e', '--1') → null.
 *
 * @param text - the cell text (a number is returned as is when finite)
 * @returns the number, or null when the text is empty or not a number
 * @example
 * parseBelgianNumber('51,0201') // 51.0201
 * parseBelgianNumber('1.234,5') // 1234.5
 */
export function parseBelgianNumber(text: string | number | null | undefined): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  if (typeof text !== 'string') return null;
  let s = text.trim();
  if (s === '') return null;

  let sign = 1;
  if (s[0] === '-' || s[0] === '\u2212') {
    sign = -1;
    s = s.slice(1);
  } else if (s[0] === '+') s = s.slice(1);

  let exponent = '';
  const exp = /[eE][+-]?\d+$/.exec(s);
  if (exp) {
    exponent = exp[0];
    s = s.slice(0, exp.index);
  }

  if (HAS_SPACE.test(s)) {
    const intPart = /^[^.,]*/.exec(s)![0];
    if (!/^\d{1,3}([ \u00a0\u202f\u2009]\d{3})+$/.test(intPart)) return null;
    s = s.replace(SPACES, '');
  }

  const mantissa = normaliseMantissa(s);
  if (mantissa === null) return null;
  const value = Number(mantissa + exponent);
  return Number.isFinite(value) ? sign * value + 0 : null;
}

/** '1.234,5' → '1234.5'; null when the separators do not follow the rules. */
function normaliseMantissa(s: string): string | null {
  if (/^\d+$/.test(s)) return s;
  const dots = count(s, '.');
  const commas = count(s, ',');
  if (dots > 0 && commas > 0) {
    if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) return s.replace(/\./g, '').replace(',', '.');
    if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) return s.replace(/,/g, '');
    return null;
  }
  const sep = dots > 0 ? '.' : ',';
  const n = dots + commas;
  if (n === 1) return /^\d*[.,]\d+$/.test(s) ? s.replace(',', '.') : null;
  const grouped = sep === '.' ? /^\d{1,3}(\.\d{3})+$/ : /^\d{1,3}(,\d{3})+$/;
  return grouped.test(s) ? s.split(sep).join('') : null;
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}
