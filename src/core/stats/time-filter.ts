import { parsePeriod, type Period } from '../join/parse-instant.ts';
import { parseInstant } from '../join/parse-instant.ts';
import { UserError } from '../user-error.ts';
import { wallClock } from './wall-clock.ts';

export interface TimeFilterOptions {
  /** Keep records in this period, both bounds inclusive (a date-only `to` covers that whole day). */
  period?: Period;
  /**
   * Keep these ISO weekdays (1 = Monday … 7 = Sunday). With an hour band that wraps midnight, the
   * hours after midnight count for the day before (shiftWeekday): Friday 22–6 is Friday's night shift.
   */
  weekdays?: readonly number[];
  /**
   * Keep hours in [from, to) on the 24-hour wall clock; from > to wraps midnight ({ from: 22, to: 6 }
   * is the night shift). Records with a date but no time are dropped when this is set.
   */
  hours?: { from: number; to: number };
}

/**
 * The weekday a record counts for: its own, except the hours after midnight of a band that wraps
 * midnight, which belong to the shift that started the evening before (Friday 22–6 ends on Saturday
 * morning). ISO weekdays 1 = Monday … 7 = Sunday.
 *
 * @example shiftWeekday(6, 1, { from: 22, to: 6 }); // 5: Saturday 1 h is Friday's night shift
 */
export function shiftWeekday(weekday: number, hour: number | null, hours: { from: number; to: number } | undefined): number {
  if (!hours || hours.from <= hours.to || hour === null || hour >= hours.to) return weekday;
  return weekday === 1 ? 7 : weekday - 1;
}

export interface TimeFilterResult {
  /** Indices of the records kept, ascending (filters select, never copy). */
  indices: number[];
  /** Indices of records whose time could not be read (not kept). */
  unreadable: number[];
  /** Records dropped by each rule (a record counts once, under the first rule it fails: period, weekday, no time, hour). */
  dropped: { period: number; weekday: number; hour: number; noTime: number };
}

/**
 * Filters incident time stamps by date range, weekday and hour band, before any statistic. Weekday
 * and hour are read from the wall clock written in the record (see wallClock); the period compares
 * instants as joinIncidents does (offset-less text is taken as written).
 *
 * @param times one time stamp per record (ISO text or Date)
 * @param options period, weekdays, hours
 * @returns kept indices, unreadable indices, counts per rule
 * @example
 * timeFilter(times, { weekdays: [5, 6], hours: { from: 22, to: 4 } }).indices; // Friday/Saturday nights
 */
export function timeFilter(times: readonly unknown[], options: TimeFilterOptions = {}): TimeFilterResult {
  const period = options.period ? parsePeriod(options.period, 'time filter') : null;
  const weekdays = options.weekdays ? new Set(options.weekdays) : null;
  if (weekdays) for (const d of weekdays) if (!Number.isInteger(d) || d < 1 || d > 7) throw new UserError(`time filter: expected weekdays 1 (Monday) to 7 (Sunday), found ${d}.`);
  const hours = options.hours;
  if (hours && ![hours.from, hours.to].every((h) => Number.isInteger(h) && h >= 0 && h <= 24)) {
    throw new UserError(`time filter: expected hours as whole numbers 0–24, found ${JSON.stringify(hours)}.`);
  }
  const inBand = (h: number) => (hours!.from <= hours!.to ? h >= hours!.from && h < hours!.to : h >= hours!.from || h < hours!.to);
  const indices: number[] = [];
  const unreadable: number[] = [];
  const dropped = { period: 0, weekday: 0, hour: 0, noTime: 0 };
  times.forEach((t, i) => {
    const clock = wallClock(t);
    const instant = parseInstant(t);
    if (!clock || !instant) return void unreadable.push(i);
    if (period && (instant.ms < period.startMs || instant.ms >= period.endMs)) return void dropped.period++;
    if (weekdays && !weekdays.has(shiftWeekday(clock.weekday, clock.hour, hours))) return void dropped.weekday++;
    if (hours && clock.hour === null) return void dropped.noTime++;
    if (hours && !inBand(clock.hour!)) return void dropped.hour++;
    indices.push(i);
  });
  return { indices, unreadable, dropped };
}
