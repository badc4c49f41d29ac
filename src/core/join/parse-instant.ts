import { UserError } from '../user-error.ts';

/** A parsed time: milliseconds since 1970 UTC, and whether the text was a date without a time. */
export interface Instant {
  ms: number;
  dateOnly: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY_MS = 86_400_000;

/**
 * Parses an ISO 8601 date or date-time (or a Date) WITHOUT looking at the machine's time zone:
 * "2021-03-01", "2021-03-01T14:30", "2021-03-01 14:30:05.123", "2021-03-01T14:30:00+01:00", "…Z".
 * Text without an offset is read as a wall-clock time and compared as if it were UTC, so offset-less
 * incident times and offset-less period bounds compare correctly on any machine; give an offset (or a
 * Date) for an exact instant. Returns null for anything else (including impossible dates like 2021-02-30).
 *
 * @param value ISO text or a Date
 * @returns the instant, or null when it cannot be read
 * @example
 * parseInstant('2021-03-01'); // { ms: 1614556800000, dateOnly: true }
 * parseInstant('2021-03-01T01:00:00+01:00'); // { ms: 1614556800000, dateOnly: false }
 */
export function parseInstant(value: unknown): Instant | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? { ms: value.getTime(), dateOnly: false } : null;
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  if (offset && offset.toUpperCase() !== 'Z') {
    const sign = offset[0] === '-' ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    t -= sign * minutes * 60_000;
  }
  return { ms: t, dateOnly: h === undefined };
}

/** A period with both bounds inclusive, as in the atlas config: { from: '2021-01-01', to: '2021-12-31' }. */
export interface Period {
  from: string | Date;
  to: string | Date;
}

/** A parsed period: [startMs, endMs) — the end is exclusive after expanding a date-only `to` to its whole day. */
export interface ParsedPeriod {
  startMs: number;
  endMs: number;
}

/**
 * Parses a period whose bounds are both INCLUSIVE: a date-only `to` covers that whole day (up to
 * midnight after it); a date-time `to` includes that instant. Throws a UserError for unreadable or
 * reversed bounds.
 *
 * @param period { from, to } as ISO text or Dates
 * @param where prefix for error messages, e.g. 'incidents'
 * @returns start and exclusive end in ms
 * @example
 * parsePeriod({ from: '2021-01-01', to: '2021-12-31' }, 'incidents'); // the whole of 2021
 */
export function parsePeriod(period: Period, where: string): ParsedPeriod {
  const from = parseInstant(period?.from);
  const to = parseInstant(period?.to);
  if (!from || !to) {
    throw new UserError(
      `${where}: period must be { from, to } as ISO dates (e.g. "2021-01-01"), found ${JSON.stringify(period)}. Fix the period in the config.`,
    );
  }
  const endMs = to.dateOnly ? to.ms + DAY_MS : to.ms + 1;
  if (endMs <= from.ms) throw new UserError(`${where}: period.from (${String(period.from)}) must not be after period.to (${String(period.to)}).`);
  return { startMs: from.ms, endMs };
}
