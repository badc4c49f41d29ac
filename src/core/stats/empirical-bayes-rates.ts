import { UserError } from '../user-error.ts';
import type { SpatialWeights } from './spatial-weights.ts';

export interface EmpiricalBayesOptions {
  /** Neighbours for spatial EB (each unit's neighbourhood is itself plus its neighbours); omit for global EB. */
  weights?: SpatialWeights;
  /** Rates per this many inhabitants. Default 1000. */
  per?: number;
  /** Denominators below this are flagged `tiny` (the raw rate is too noisy to read alone). Default 100. */
  minPopulation?: number;
}

export interface EmpiricalBayesResult {
  /** events / population × per; null where population ≤ 0. */
  raw: (number | null)[];
  /** Empirical-Bayes smoothed rate × per; null where population ≤ 0. */
  eb: (number | null)[];
  /** Population below minPopulation (or ≤ 0). */
  tiny: boolean[];
  /** Global EB: the prior mean b (× per) and variance a (× per²); spatial EB: null (one prior per unit). */
  prior: { mean: number; variance: number } | null;
  method: 'global' | 'spatial';
}

/**
 * Empirical-Bayes smoothed rates (Marshall 1991), for incidents per 1,000 inhabitants in blocks with
 * few inhabitants. Global (as spdep EBest): r_i = y_i / p_i, b = Σy / Σp,
 * s² = Σ p_i (r_i − b)² / Σp, a = max(0, s² − b / p̄), EB_i = b + a (r_i − b) / (a + b / p_i).
 * Spatial (Marshall's local estimator, as GeoDa/PySAL spatial EB): the same with b, s², a and p̄
 * taken over unit i and its neighbours. Small populations are pulled towards the (local) mean, large
 * ones keep their raw rate. Units with population ≤ 0 get null and are left out of the sums.
 *
 * @param events counts per unit (≥ 0)
 * @param population denominators per unit (inhabitants)
 * @param options weights (spatial EB), per, minPopulation
 * @returns raw and smoothed rates, tiny-denominator flags
 * @example
 * empiricalBayesRates([2, 30], [10, 1000]).eb; // the first is pulled towards 32/1010 × 1000
 */
export function empiricalBayesRates(events: ArrayLike<number>, population: ArrayLike<number>, options: EmpiricalBayesOptions = {}): EmpiricalBayesResult {
  const n = events.length;
  if (population.length !== n) throw new UserError(`EB rates: expected one population per unit, found ${population.length} for ${n} units.`);
  const per = options.per ?? 1000;
  const minPop = options.minPopulation ?? 100;
  for (let i = 0; i < n; i++) {
    if (!(events[i] >= 0) || !Number.isFinite(events[i])) throw new UserError(`EB rates: unit ${i + 1} has ${events[i]} events; expected a count ≥ 0.`);
    if (!Number.isFinite(population[i])) throw new UserError(`EB rates: unit ${i + 1} has population ${population[i]}; expected a number (0 when nobody lives there).`);
  }
  const valid = (i: number) => population[i] > 0;
  const rate = (i: number) => events[i] / population[i];
  const raw = Array.from({ length: n }, (_, i) => (valid(i) ? rate(i) * per : null));
  const tiny = Array.from({ length: n }, (_, i) => !(population[i] >= minPop));
  const estimate = (members: number[], i: number): { b: number; a: number; eb: number } => {
    let ys = 0;
    let ps = 0;
    let m = 0;
    for (const j of members) {
      if (!valid(j)) continue;
      ys += events[j];
      ps += population[j];
      m++;
    }
    const b = ys / ps;
    let s2 = 0;
    for (const j of members) if (valid(j)) s2 += population[j] * (rate(j) - b) ** 2;
    s2 /= ps;
    const a = Math.max(0, s2 - b / (ps / m));
    const eb = a === 0 && b === 0 ? 0 : b + (a * (rate(i) - b)) / (a + b / population[i]);
    return { b, a, eb };
  };
  const all = Array.from({ length: n }, (_, i) => i).filter(valid);
  if (all.length === 0) throw new UserError('EB rates: no unit has a population > 0; expected inhabitants somewhere. Check the population field.');
  const w = options.weights;
  if (!w) {
    const eb = Array.from({ length: n }, (_, i) => (valid(i) ? estimate(all, i).eb * per : null));
    const g = estimate(all, all[0]);
    return { raw, eb, tiny, prior: { mean: g.b * per, variance: g.a * per * per }, method: 'global' };
  }
  if (w.n !== n) throw new Error(`empiricalBayesRates: weights for ${w.n} units, ${n} values`);
  const eb = Array.from({ length: n }, (_, i) => {
    if (!valid(i)) return null;
    const members = [i];
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) if (w.neighbors[k] !== i) members.push(w.neighbors[k]);
    return estimate(members, i).eb * per;
  });
  return { raw, eb, tiny, prior: null, method: 'spatial' };
}
