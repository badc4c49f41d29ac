// The work the stats worker does, as a plain function (so tests and the main thread can run it too):
// contiguity weights of the blocks, then Gi*, LISA, global Moran with permutations and FDR (core).
import type { Feature, Geometry } from 'geojson';
import { contiguityWeights } from '../../core/stats/contiguity-weights.ts';
import { knnWeights } from '../../core/stats/knn-weights.ts';
import { spatialStatistics } from '../../core/stats/spatial-statistics.ts';
import type { LisaQuadrant } from '../../core/stats/local-moran.ts';
import type { WeightsDiagnostics } from '../../core/stats/weights-diagnostics.ts';
import { unitPoints } from '../../core/stats/unit-points.ts';

export interface HotspotRequest {
  /** Matches the response to the request (a newer request supersedes older ones). */
  requestId: number;
  /** Block geometries, WGS84 as in layers/ (contiguity does not depend on the CRS). */
  geometries: (Geometry | null)[];
  /** Block ids, same order. */
  ids: string[];
  /** The field's value per block (null: missing). */
  values: (number | null)[];
  /**
   * Neighbours. Default { kind: 'queen', snapMetres: 20 }: Wijkatlas blocks are separated by street
   * space, so blocks facing each other across a street (gap ≤ 20 m) count as neighbours.
   */
  weights?: HotspotWeights;
  permutations?: number;
  seed?: number;
  /** FDR level. Default 0.05. */
  q?: number;
}

/** Weights for the app: contiguity with a snapping tolerance in metres, or k nearest neighbours. */
export type HotspotWeights = { kind: 'queen' | 'rook'; snapMetres?: number } | { kind: 'knn'; k: number };

export const DEFAULT_HOTSPOT_WEIGHTS: HotspotWeights = { kind: 'queen', snapMetres: 20 };

export interface HotspotResponse {
  requestId: number;
  ok: true;
  /** Indices (into the request's blocks) that were analysed: blocks with a value. */
  analysed: number[];
  /** Per analysed block (same order as `analysed`). */
  giStarClass: number[];
  giStarZ: (number | null)[];
  giStarP: (number | null)[];
  lisaQuadrant: (LisaQuadrant | null)[];
  lisaSignificant: boolean[];
  /** Standardised value and its spatial lag, for the Moran scatterplot. */
  z: number[];
  lag: number[];
  moran: { I: number; z_rand: number; p_sim: number | null };
  weights: WeightsDiagnostics;
  q: number;
  permutations: number;
  /** Blocks left out because their value is missing. */
  missing: number;
  seconds: number;
}

export interface HotspotFailure {
  requestId: number;
  ok: false;
  message: string;
}

/**
 * WGS84 geometries to local metres (equirectangular at the mean latitude, origin at the first
 * position): within a neighbourhood the error is far below the snapping tolerance.
 */
function toLocalMetres(geometries: (Geometry | null)[]): (Geometry | null)[] {
  let lat = 0;
  let lon0 = NaN;
  let lat0 = NaN;
  let count = 0;
  const visit = (c: unknown, f: (p: number[]) => void): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') f(c as number[]);
    else if (Array.isArray(c)) for (const x of c) visit(x, f);
  };
  for (const g of geometries) {
    if (g && 'coordinates' in g)
      visit(g.coordinates, (p) => {
        if (Number.isNaN(lon0)) {
          lon0 = p[0];
          lat0 = p[1];
        }
        lat += p[1];
        count++;
      });
  }
  const kx = 111_320 * Math.cos(((count ? lat / count : 0) * Math.PI) / 180);
  const ky = 110_574;
  const map = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? [(c[0] - lon0) * kx, (c[1] - lat0) * ky] : Array.isArray(c) ? c.map(map) : c);
  return geometries.map((g) => (g && 'coordinates' in g ? ({ ...g, coordinates: map(g.coordinates) } as Geometry) : g));
}

/**
 * Runs the hot spot analysis for one request. Errors become a failure response with the message
 * (user errors from core are one line: what was expected, found, what to do).
 */
export function runHotspotJob(req: HotspotRequest, now: () => number = () => 0): HotspotResponse | HotspotFailure {
  const t0 = now();
  try {
    const analysed: number[] = [];
    req.values.forEach((v, i) => {
      if (typeof v === 'number' && Number.isFinite(v) && req.geometries[i]) analysed.push(i);
    });
    const features: Feature<Geometry | null>[] = analysed.map((i) => ({ type: 'Feature', properties: {}, geometry: req.geometries[i] }));
    const ids = analysed.map((i) => req.ids[i]);
    const values = analysed.map((i) => req.values[i] as number);
    const spec = req.weights ?? DEFAULT_HOTSPOT_WEIGHTS;
    const metres: Feature<Geometry | null>[] = toLocalMetres(features.map((f) => f.geometry)).map((geometry) => ({ type: 'Feature', properties: {}, geometry }));
    let w;
    if (spec.kind === 'knn') {
      const { xs, ys } = unitPoints(metres);
      w = knnWeights(xs, ys, spec.k, { ids });
    } else w = contiguityWeights(metres, { criterion: spec.kind, ids, tolerance: spec.snapMetres ?? 0.001 });
    const q = req.q ?? 0.05;
    const permutations = req.permutations ?? 999;
    const s = spatialStatistics(values, w, { permutations, seed: req.seed, q });
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    const z = values.map((v) => (v - mean) / sd);
    const lag = analysed.map((_, k) => {
      let sum = 0;
      let count = 0;
      for (let m = w.offsets[k]; m < w.offsets[k + 1]; m++) {
        sum += z[w.neighbors[m]];
        count++;
      }
      return count ? sum / count : 0;
    });
    return {
      requestId: req.requestId,
      ok: true,
      analysed,
      giStarClass: s.local.map((u) => u.gi_star_class),
      giStarZ: s.local.map((u) => u.gi_star_z),
      giStarP: s.local.map((u) => u.gi_star_p_sim),
      lisaQuadrant: s.local.map((u) => u.lisa_quadrant),
      lisaSignificant: s.local.map((u) => u.lisa_significant_fdr),
      z,
      lag,
      moran: { I: s.moran.I, z_rand: s.moran.z_rand, p_sim: s.moran.p_sim },
      weights: s.weights,
      q,
      permutations,
      missing: req.values.length - analysed.length,
      seconds: (now() - t0) / 1000,
    };
  } catch (err) {
    return { requestId: req.requestId, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
