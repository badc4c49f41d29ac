/** Result of reading a number from a record field. */
export type NumberRead = { kind: 'missing' } | { kind: 'invalid'; raw: unknown } | { kind: 'ok'; value: number };

/**
 * Reads a number from a record field as readers deliver it (GeoJSON numbers, CSV text): a finite
 * number, or a string holding one (trimmed; a decimal comma is accepted: "2,5"), is a number; null,
 * undefined and blank strings are missing; anything else (NaN, "abc", true, objects) is invalid.
 *
 * @param raw the property value
 * @returns missing | invalid | ok with the value
 * @example
 * readNumber(' 3 '); // { kind: 'ok', value: 3 }
 * readNumber(''); // { kind: 'missing' }
 * readNumber('abc'); // { kind: 'invalid', raw: 'abc' }
 */
export function readNumber(raw: unknown): NumberRead {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'ok', value: raw } : { kind: 'invalid', raw };
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return { kind: 'missing' };
    const normalised = /^[-+]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
    const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised) ? Number(normalised) : NaN;
    return Number.isFinite(value) ? { kind: 'ok', value } : { kind: 'invalid', raw };
  }
  return { kind: 'invalid', raw };
}

/**
 * Rounds to a number of decimals (half away from zero), for published values.
 *
 * @example
 * roundTo(12.3456, 2); // 12.35
 */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  // the tiny relative nudge makes 1.005 round to 1.01 as a person would expect, not to 1.00
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f * (1 + 2 * Number.EPSILON))) / f;
  return Object.is(r, -0) ? 0 : r;
}
