import { conditionalPermutation } from './conditional-permutation.ts';
import { benjaminiHochberg, bonferroni } from './fdr.ts';
import { gearyC, type GearyResult } from './geary-c.ts';
import { getisOrd } from './getis-ord.ts';
import { globalMoran, type GlobalMoranResult } from './global-moran.ts';
import { hotspotClasses } from './hotspot-classes.ts';
import { localMoran, type LisaQuadrant } from './local-moran.ts';
import type { SpatialWeights } from './spatial-weights.ts';
import { transformWeights } from './transform-weights.ts';
import { weightsDiagnostics, type WeightsDiagnostics } from './weights-diagnostics.ts';

export interface SpatialStatisticsOptions {
  /** Binary weights instead of row-standardised (weights given as values, e.g. inverse distance, stay as given). Default false. */
  binary?: boolean;
  /** Permutations for every p_sim (0: none). Default 999. */
  permutations?: number;
  /** Seed. Default 123456789. */
  seed?: number;
  /** Level of the multiple-testing control. Default 0.05. */
  q?: number;
  /** 'fdr' (Benjamini–Hochberg, default) or 'bonferroni'. */
  correction?: 'fdr' | 'bonferroni';
}

/** Per-unit results, input order; null where a unit is an island (or without permutations). */
export interface LocalStatistics {
  id: string;
  gi_star_z: number | null;
  gi_star_p_sim: number | null;
  /** −3…3: cold/hot at 99/95/90 % with FDR (hotspotClasses). */
  gi_star_class: number;
  gi_z: number | null;
  lisa_I: number | null;
  lisa_z: number | null;
  lisa_quadrant: LisaQuadrant | null;
  lisa_p_sim: number | null;
  /** Gi* p_sim passes the multiple-testing control at q (the hot spot map). */
  significant_fdr: boolean;
  /** LISA p_sim passes the control at q (the cluster map). */
  lisa_significant_fdr: boolean;
}

export interface SpatialStatisticsResult {
  style: SpatialWeights['style'];
  moran: GlobalMoranResult;
  geary: GearyResult;
  weights: WeightsDiagnostics;
  correction: { method: 'fdr-bh' | 'bonferroni'; q: number; gi_star_cutoff: number; lisa_cutoff: number; gi_star_significant: number; lisa_significant: number };
  local: LocalStatistics[];
}

/**
 * Everything `wijkatlas stats` and the app's hot spot panel show, from one field and one set of
 * weights: global Moran's I and Geary's C, weights diagnostics, and per unit Gi* (z, p_sim, class),
 * Gi, local Moran (I, z, quadrant, p_sim) with multiple-testing control. Gi* and LISA share one set
 * of conditional-permutation draws (the p-values equal those of separate runs with the same seed).
 *
 * @param values one finite value per unit, input order
 * @param weights weights without self-links, as built (binary, or as given)
 * @param options binary, permutations, seed, q, correction
 * @returns global and local statistics
 * @example
 * spatialStatistics(crime, contiguityWeights(polygons), { permutations: 999, seed: 1 }).local[0].lisa_quadrant;
 */
export function spatialStatistics(values: ArrayLike<number>, weights: SpatialWeights, options: SpatialStatisticsOptions = {}): SpatialStatisticsResult {
  const permutations = options.permutations ?? 999;
  const q = options.q ?? 0.05;
  const style: SpatialWeights['style'] = weights.style === 'none' ? (options.binary ? 'none' : 'W') : options.binary ? 'B' : 'W';
  const w = transformWeights(weights, style);
  const diagnostics = weightsDiagnostics(w);
  const moran = globalMoran(values, w, { permutations, seed: options.seed });
  const geary = gearyC(values, w);
  const lisa = localMoran(values, w);
  const giStar = getisOrd(values, w, { star: true });
  const gi = getisOrd(values, w, { star: false });
  const nan = () => new Float64Array(w.n).fill(NaN);
  const [pLisa, pGi] = permutations > 0 ? conditionalPermutation(w, [lisa.job, giStar.job], { permutations, seed: options.seed }) : [nan(), nan()];
  const correct = options.correction === 'bonferroni' ? bonferroni : benjaminiHochberg;
  const sigGi = correct(pGi, q);
  const sigLisa = correct(pLisa, q);
  const classes = hotspotClasses(giStar.z, pGi);
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  const local: LocalStatistics[] = w.ids.map((id, i) => ({
    id,
    gi_star_z: num(giStar.z[i]),
    gi_star_p_sim: num(pGi[i]),
    gi_star_class: classes[i],
    gi_z: num(gi.z[i]),
    lisa_I: num(lisa.I[i]),
    lisa_z: num(lisa.z[i]),
    lisa_quadrant: lisa.quadrant[i],
    lisa_p_sim: num(pLisa[i]),
    significant_fdr: sigGi.significant[i],
    lisa_significant_fdr: sigLisa.significant[i],
  }));
  return {
    style,
    moran,
    geary,
    weights: diagnostics,
    correction: {
      method: sigGi.method,
      q,
      gi_star_cutoff: sigGi.cutoff,
      lisa_cutoff: sigLisa.cutoff,
      gi_star_significant: sigGi.significant.filter(Boolean).length,
      lisa_significant: sigLisa.significant.filter(Boolean).length,
    },
    local,
  };
}
