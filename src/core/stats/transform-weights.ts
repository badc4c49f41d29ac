import type { SpatialWeights } from './spatial-weights.ts';

/**
 * Re-weights links: 'B' sets every link to 1, 'W' divides each row by its sum (row-standardised, as
 * spdep style "W" and PySAL transform "r"), 'none' leaves the weights as they are. Islands (rows
 * without links) stay empty in every style: they are never given weight silently; see
 * weightsDiagnostics and docs/stats.md for what each statistic does with them.
 *
 * @param w weights (not modified)
 * @param style 'B' | 'W' | 'none'
 * @returns new weights sharing the (read-only) structure arrays
 * @example
 * transformWeights(queen, 'W'); // rows sum to 1
 */
export function transformWeights(w: SpatialWeights, style: SpatialWeights['style']): SpatialWeights {
  if (style === 'none') return { ...w, weights: w.weights.slice(), style };
  const weights = new Float64Array(w.weights.length);
  for (let i = 0; i < w.n; i++) {
    const a = w.offsets[i];
    const b = w.offsets[i + 1];
    if (style === 'B') {
      weights.fill(1, a, b);
      continue;
    }
    let sum = 0;
    for (let k = a; k < b; k++) sum += w.weights[k];
    for (let k = a; k < b; k++) weights[k] = sum === 0 ? 0 : w.weights[k] / sum;
  }
  return { ...w, weights, style };
}
