import { UserError } from '../user-error.ts';

/** Values as deviations from their mean, with the sums the moments need. */
export interface CentredValues {
  n: number;
  mean: number;
  /** z_i = x_i − mean */
  z: Float64Array;
  /** Σ z² */
  m2sum: number;
  /** Σ z⁴ */
  m4sum: number;
}

/**
 * Checks that every value is a finite number and centres them.
 *
 * @param values one value per unit, input order
 * @param what name for messages (the field)
 * @returns centred values and sums
 * @example
 * centredValues([1, 2, 3]).z; // Float64Array [-1, 0, 1]
 */
export function centredValues(values: ArrayLike<number>, what = 'values'): CentredValues {
  const n = values.length;
  if (n < 4) throw new UserError(`${what}: expected at least 4 units for spatial statistics, found ${n}.`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new UserError(`${what}: unit ${i + 1} has ${String(v)}; expected a finite number for every unit. Fill or drop the missing values first.`);
    sum += v;
  }
  const mean = sum / n;
  const z = new Float64Array(n);
  let m2sum = 0;
  let m4sum = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    z[i] = d;
    m2sum += d * d;
    m4sum += d * d * d * d;
  }
  if (m2sum === 0) throw new UserError(`${what}: all ${n} values are equal (${mean}); spatial autocorrelation is undefined for a constant. Pick another field.`);
  return { n, mean, z, m2sum, m4sum };
}
