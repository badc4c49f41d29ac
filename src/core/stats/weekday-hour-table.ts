import { wallClock } from './wall-clock.ts';

export interface WeekdayHourTable {
  /** Per group: 168 counts, index (weekday − 1) × 24 + hour, Monday 0 h first. */
  groups: Record<string, number[]>;
  /** Records counted. */
  counted: number;
  /** Records skipped: unreadable time, date without hour, or no group (null). */
  skipped: number;
}

/**
 * Counts records per weekday × hour (wall clock as written), per group (block id, hotspot class…),
 * for planning shifts. Use after timeFilter, passing the kept records' times and groups.
 *
 * @param times time stamp per record
 * @param groups group key per record (null: skip); default: all records in group 'all'
 * @returns 7 × 24 counts per group
 * @example
 * weekdayHourTable(['2021-03-05 23:30'], ['B12']).groups.B12[4 * 24 + 23]; // 1 (Friday 23 h)
 */
export function weekdayHourTable(times: readonly unknown[], groups?: readonly (string | null)[]): WeekdayHourTable {
  const out: Record<string, number[]> = {};
  let counted = 0;
  let skipped = 0;
  times.forEach((t, i) => {
    const key = groups ? groups[i] : 'all';
    const clock = wallClock(t);
    if (key === null || key === undefined || !clock || clock.hour === null) return void skipped++;
    const row = (out[key] ??= new Array(168).fill(0));
    row[(clock.weekday - 1) * 24 + clock.hour]++;
    counted++;
  });
  return { groups: out, counted, skipped };
}
