import { UserError } from '../user-error.ts';
import { parsePeriod, type Period } from './parse-instant.ts';
import { roundTo } from './read-number.ts';

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Incidents per 1,000 inhabitants per year, rounded to 1 decimal: total / inhabitants × 1000 / years.
 * Null when the block has no inhabitants (0, null, undefined): a rate over nobody is not a number we
 * publish (shops, workshops, railway land). Call it after the tenure join, with `years` from
 * {@link periodLengthYears} of the incident period.
 *
 * @param total incidents_total of the block (null → null)
 * @param inhabitants inhabitants of the block (from joinTenure)
 * @param years length of the incident period in years (> 0). Default 1.
 * @returns the rate, or null
 * @example
 * incidentRatePer1000(9, 40, 1); // 225
 * incidentRatePer1000(3, 0, 1); // null
 */
export function incidentRatePer1000(total: number | null | undefined, inhabitants: number | null | undefined, years = 1): number | null {
  if (!(typeof years === 'number' && Number.isFinite(years) && years > 0)) {
    throw new UserError(`incident rate: the period must last more than 0 years, found ${String(years)}. Check the incident period.`);
  }
  if (total === null || total === undefined || !Number.isFinite(total)) return null;
  if (inhabitants === null || inhabitants === undefined || !Number.isFinite(inhabitants) || inhabitants <= 0) return null;
  return roundTo(((total / inhabitants) * 1000) / years, 1);
}

/**
 * Length of an incident period in years (365.25-day years), bounds inclusive as in joinIncidents:
 * { from: '2021-01-01', to: '2021-12-31' } → 0.999 (365 days).
 *
 * @param period { from, to } ISO dates, both inclusive
 * @returns years
 * @example
 * periodLengthYears({ from: '2020-01-01', to: '2021-12-31' }); // 2.0 (731 days / 365.25)
 */
export function periodLengthYears(period: Period): number {
  const p = parsePeriod(period, 'incident period');
  return (p.endMs - p.startMs) / YEAR_MS;
}
