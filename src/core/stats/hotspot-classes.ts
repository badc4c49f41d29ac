import { benjaminiHochberg } from './fdr.ts';

/** Confidence levels of the hot/cold classes, as ArcGIS's (Optimized) Hot Spot Analysis reports them. */
export const HOTSPOT_LEVELS = [0.9, 0.95, 0.99] as const;

/**
 * Gi* hot/cold spot classes with FDR control, the way ArcGIS's Gi_Bin field is defined: +3/−3 hot/cold
 * at 99 % confidence, ±2 at 95 %, ±1 at 90 %, 0 not significant. A unit is in the 99 % class when it
 * passes Benjamini–Hochberg at q = 0.01, 95 % at q = 0.05, 90 % at q = 0.10; the sign is the sign
 * of its z-score. The p-values are the permutation pseudo p-values (folded one-sided, as GeoDa's
 * cluster maps use them).
 *
 * @param z Gi* z-scores
 * @param p p-values (NaN: not tested, class 0)
 * @returns one class −3…3 per unit
 * @example
 * hotspotClasses(gi.z, gi.p_sim!); // Int8Array [0, 3, -1, …]
 */
export function hotspotClasses(z: ArrayLike<number>, p: ArrayLike<number>): Int8Array {
  const out = new Int8Array(z.length);
  for (const [level, conf] of [
    [1, 0.9],
    [2, 0.95],
    [3, 0.99],
  ] as const) {
    const { significant } = benjaminiHochberg(p, Number((1 - conf).toFixed(2)));
    for (let i = 0; i < z.length; i++) if (significant[i] && z[i] !== 0) out[i] = (z[i] > 0 ? 1 : -1) * level;
  }
  return out;
}
