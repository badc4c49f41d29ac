import { binTimeFilter, type BinFilter } from './bin-time-filter.ts';
import type { IncidentBins } from './incident-density-layer.ts';

/**
 * The weekday × hour table of binned incidents (what the prevention consultant plans shifts from),
 * after a filter (usually months and blocks only: the chart shows the whole week and marks the band).
 *
 * @param bins the layer's bins
 * @param filter months, blocks, weekdays, hours
 * @returns 168 counts, index (weekday − 1) × 24 + hour, plus the incidents without a weekday or hour
 * @example
 * weekdayHourOfBins(layer.bins, { blocks: ['B12'] }).counts[4 * 24 + 23]; // Friday 23 h in block B12
 */
export function weekdayHourOfBins(bins: IncidentBins, filter: BinFilter = {}): { counts: number[]; total: number; noHour: number } {
  const keep = binTimeFilter(bins, filter);
  const counts = new Array<number>(168).fill(0);
  let total = 0;
  let noHour = 0;
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    total += bins.n[i];
    if (bins.weekday[i] < 1 || bins.hour[i] < 0) noHour += bins.n[i];
    else counts[(bins.weekday[i] - 1) * 24 + bins.hour[i]] += bins.n[i];
  }
  return { counts, total, noHour };
}
