/** A local date and time as written in the record. */
export interface WallClock {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Hour 0–23, or null when the record has a date only. */
  hour: number | null;
  /** 'YYYY-MM-DD' */
  date: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/**
 * The weekday and hour of a time stamp as the clock on the wall showed them: read from the text
 * itself, so "2021-03-05T23:30:00+01:00" is Friday 23 h whatever the machine's zone (a UTC
 * conversion would make it 22 h). Date objects carry no zone and are read in UTC.
 *
 * @param value ISO 8601 text or a Date
 * @returns weekday, hour (null for a date without time), date; null when unreadable
 * @example
 * wallClock('2021-03-05 23:30'); // { weekday: 5, hour: 23, date: '2021-03-05' }
 */
export function wallClock(value: unknown): WallClock | null {
  let y: number, mo: number, d: number, h: number | null;
  if (value instanceof Date) {
    if (!Number.isFinite(value.getTime())) return null;
    y = value.getUTCFullYear();
    mo = value.getUTCMonth() + 1;
    d = value.getUTCDate();
    h = value.getUTCHours();
  } else if (typeof value === 'string') {
    const m = ISO.exec(value.trim());
    if (!m) return null;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    h = m[4] === undefined ? null : Number(m[4]);
    if (mo < 1 || mo > 12 || (h !== null && h > 23) || Number(m[5] ?? 0) > 59) return null;
    if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  } else return null;
  const js = new Date(Date.UTC(y, mo - 1, d)).getUTCDay(); // 0 = Sunday
  const date = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { weekday: js === 0 ? 7 : js, hour: h, date };
}
