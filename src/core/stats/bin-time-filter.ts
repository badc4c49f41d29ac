import type { IncidentDensityLayer } from './incident-density-layer.ts';
import { shiftWeekday } from './time-filter.ts';

/** What the app (or a script) keeps of the binned incidents before any statistic. */
export interface BinFilter {
  /** ISO weekdays to keep (1 = Monday … 7 = Sunday; a wrapping band's small hours count for the day before); undefined or all seven: every weekday. */
  weekdays?: readonly number[];
  /** Hours [from, to) on the wall clock (0–24); from > to wraps midnight (22–6). Bins without an hour are dropped when set. Leave undefined for the whole day. */
  hours?: { from: number; to: number };
  /** Months 'YYYY-MM', both inclusive; bins without a readable month are dropped when set. */
  months?: { from?: string; to?: string };
  /** Keep only these blocks (block_id). */
  blocks?: readonly string[];
}

/** Whether a filter keeps everything (no time, place or block restriction). */
export function isEmptyBinFilter(f: BinFilter): boolean {
  return (!f.weekdays || f.weekdays.length === 7) && !f.hours && !f.months?.from && !f.months?.to && !f.blocks;
}

/**
 * Which bins a filter keeps, the same rules as timeFilter applies to single records: weekday and
 * hour as written on the wall clock, hour bands wrapping midnight (their small hours counting for the
 * day before: Friday 22–6 keeps Saturday 0–6), inclusive months.
 *
 * @param bins the layer's bins
 * @param filter weekdays, hours, months, blocks
 * @returns 1 per kept bin, 0 otherwise
 * @example
 * binTimeFilter(layer.bins, { weekdays: [5, 6], hours: { from: 22, to: 4 } }); // Friday and Saturday nights
 */
export function binTimeFilter(bins: IncidentDensityLayer['bins'], filter: BinFilter = {}): Uint8Array {
  const n = bins.n.length;
  const keep = new Uint8Array(n);
  const days = filter.weekdays && filter.weekdays.length < 7 ? new Set(filter.weekdays) : null;
  const h = filter.hours;
  const from = filter.months?.from || null;
  const to = filter.months?.to || null;
  const blocks = filter.blocks ? new Set(filter.blocks) : null;
  for (let i = 0; i < n; i++) {
    if (days && !days.has(shiftWeekday(bins.weekday[i], bins.hour[i] < 0 ? null : bins.hour[i], h))) continue;
    if (h) {
      const hour = bins.hour[i];
      if (hour < 0) continue;
      // as timeFilter: [from, to) when from ≤ to, else wrapping midnight
      if (h.from <= h.to ? hour < h.from || hour >= h.to : hour < h.from && hour >= h.to) continue;
    }
    if ((from || to) && bins.month[i] === '') continue;
    if (from && bins.month[i] < from) continue;
    if (to && bins.month[i] > to) continue;
    if (blocks && !blocks.has(bins.block[i])) continue;
    keep[i] = 1;
  }
  return keep;
}
