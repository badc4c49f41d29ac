import type { SpatialWeights } from './spatial-weights.ts';

/** What a user must know about a weights matrix before trusting a statistic built on it. */
export interface WeightsDiagnostics {
  n: number;
  /** Number of islands: units whose row lists no neighbour (their spatial lag is undefined). */
  islands: number;
  /** Ids of the islands (input order). */
  island_ids: string[];
  /** Connected components of the (undirected) neighbour graph; islands count as components. */
  components: number;
  /** Sizes of the components, largest first. */
  component_sizes: number[];
  /** Fewest, mean and most neighbours per unit (self-links not counted). */
  min: number;
  mean: number;
  max: number;
  /** Number of (directed) links, self-links not counted. */
  links: number;
  /** Share of non-zero cells of the n × n matrix. */
  density: number;
  /** True when some i → j link has no j → i link (KNN). */
  asymmetric: boolean;
  /** Plain-language warnings (empty when none): islands, several components. */
  warnings: string[];
}

/**
 * Islands, connected components and neighbour counts of a weights matrix. Islands are never given
 * weight silently: the statistics treat them as documented in docs/stats.md, and this report (shown
 * by the CLI and the app) says how many there are.
 *
 * @param w weights
 * @returns the diagnostics
 * @example
 * weightsDiagnostics(queen).islands; // 0
 */
export function weightsDiagnostics(w: SpatialWeights): WeightsDiagnostics {
  const n = w.n;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const counts = new Int32Array(n);
  let links = 0;
  let asymmetric = false;
  for (let i = 0; i < n; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const j = w.neighbors[k];
      if (j === i) continue;
      counts[i]++;
      links++;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[a] = b;
      if (!asymmetric && !hasLink(w, j, i)) asymmetric = true;
    }
  }
  const sizes = new Map<number, number>();
  const islandIds: string[] = [];
  let min = n > 0 ? Infinity : 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    sizes.set(r, (sizes.get(r) ?? 0) + 1);
    min = Math.min(min, counts[i]);
    max = Math.max(max, counts[i]);
    if (counts[i] === 0) islandIds.push(w.ids[i]);
  }
  const componentSizes = [...sizes.values()].sort((a, b) => b - a);
  const warnings: string[] = [];
  if (islandIds.length > 0) {
    warnings.push(
      `${islandIds.length} unit(s) without neighbours (islands: ${islandIds.slice(0, 5).join(', ')}${islandIds.length > 5 ? ', …' : ''}); their local statistics are not computed and they only enter global statistics through the mean and variance. Widen the snapping tolerance or use knn weights.`,
    );
  }
  if (componentSizes.length - islandIds.length > 1) {
    warnings.push(`the neighbour graph falls apart into ${componentSizes.length - islandIds.length} separate groups (sizes ${componentSizes.filter((s) => s > 1).slice(0, 5).join(', ')}); clusters cannot span groups. Check for gaps between blocks or use knn weights.`);
  }
  return {
    n,
    islands: islandIds.length,
    island_ids: islandIds,
    components: componentSizes.length,
    component_sizes: componentSizes,
    min,
    mean: n > 0 ? links / n : 0,
    max,
    links,
    density: n > 0 ? links / (n * n) : 0,
    asymmetric,
    warnings,
  };
}

/** Whether row i lists j (rows are sorted: binary search). */
export function hasLink(w: SpatialWeights, i: number, j: number): boolean {
  return linkPosition(w, i, j) >= 0;
}

/** Position of link i → j in neighbors/weights, or -1. */
export function linkPosition(w: SpatialWeights, i: number, j: number): number {
  let lo = w.offsets[i];
  let hi = w.offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = w.neighbors[mid];
    if (v === j) return mid;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
