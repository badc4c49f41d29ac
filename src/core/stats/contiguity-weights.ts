import Flatbush from 'flatbush';
import type { Feature, Geometry } from 'geojson';
import { pointSegmentDistanceSquared } from '../geometry/point-segment-distance.ts';
import { UserError } from '../user-error.ts';
import { weightsFromLists, type SpatialWeights } from './spatial-weights.ts';

export interface ContiguityOptions {
  /** 'queen': sharing any boundary point; 'rook': sharing a boundary stretch longer than `tolerance`. Default 'queen'. */
  criterion?: 'queen' | 'rook';
  /**
   * Snapping tolerance in coordinate units: boundaries closer than this count as touching, so slivers
   * between polygons that should touch do not break contiguity. Default 0 (exactly shared vertices
   * or a vertex exactly on the other's edge); spdep's poly2nb uses sqrt(machine epsilon) ≈ 1.5e-8.
   */
  tolerance?: number;
  /** Unit ids (default: feature id, else the 0-based index as text). */
  ids?: readonly string[];
}

/**
 * Queen or rook contiguity weights (binary) from Polygon/MultiPolygon features, all rings included.
 *
 * - queen: i and j are neighbours when a vertex of one lies within `tolerance` of the boundary of
 *   the other (shared corner or shared edge; also a vertex lying on the other's edge).
 * - rook: i and j are neighbours when the length of boundary they share (collinear overlap of
 *   their edges, within `tolerance`) is greater than `tolerance`: a single shared corner is not enough.
 *
 * On clean topology (shared edges have the same vertices on both sides) these equal spdep's
 * poly2nb(queen = TRUE/FALSE) and PySAL's Queen/Rook. Coordinates may be degrees or metres (only
 * the tolerance's unit changes). Units without any neighbour are islands: see weightsDiagnostics.
 *
 * @param features polygons in input order
 * @param options criterion, tolerance, ids
 * @returns binary weights, rows sorted
 * @example
 * contiguityWeights(blocks, { criterion: 'rook', tolerance: 0.001 });
 */
export function contiguityWeights(features: readonly Feature<Geometry | null>[], options: ContiguityOptions = {}): SpatialWeights {
  const criterion = options.criterion ?? 'queen';
  const tol = options.tolerance ?? 0;
  if (criterion !== 'queen' && criterion !== 'rook') throw new UserError(`contiguity: expected criterion 'queen' or 'rook', found ${JSON.stringify(criterion)}.`);
  if (!(tol >= 0 && Number.isFinite(tol))) throw new UserError(`contiguity: expected a tolerance >= 0, found ${String(tol)}.`);
  const n = features.length;
  const ids = options.ids ? [...options.ids] : features.map((f, i) => (f.id !== undefined && f.id !== null ? String(f.id) : String(i)));
  if (ids.length !== n) throw new Error(`contiguity: ${ids.length} ids for ${n} features`);

  // Segments of every ring: owner and end points.
  const owner: number[] = [];
  const coords: number[] = [];
  features.forEach((f, i) => {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new UserError(`contiguity: unit "${ids[i]}" (record ${i + 1}) has ${g ? `a ${g.type}` : 'no geometry'}; expected a Polygon or MultiPolygon. Drop the record or use --weights knn:K.`);
    }
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons)
      for (const ring of rings)
        for (let k = 1; k < ring.length; k++) {
          const a = ring[k - 1];
          const b = ring[k];
          if (a[0] === b[0] && a[1] === b[1]) continue;
          owner.push(i);
          coords.push(a[0], a[1], b[0], b[1]);
        }
  });
  const lists: number[][] = Array.from({ length: n }, () => []);
  const m = owner.length;
  if (m === 0 || n < 2) return weightsFromLists(ids, lists, { kind: criterion });
  const seg = Float64Array.from(coords);
  const index = new Flatbush(m);
  for (let s = 0; s < m; s++) {
    const o = 4 * s;
    index.add(Math.min(seg[o], seg[o + 2]) - tol, Math.min(seg[o + 1], seg[o + 3]) - tol, Math.max(seg[o], seg[o + 2]) + tol, Math.max(seg[o + 1], seg[o + 3]) + tol);
  }
  index.finish();
  const tol2 = tol * tol;
  const linked = new Set<number>();
  const link = (i: number, j: number) => {
    const key = i < j ? i * n + j : j * n + i;
    if (linked.has(key)) return;
    linked.add(key);
    lists[i].push(j);
    lists[j].push(i);
  };

  if (criterion === 'queen') {
    // Every segment start is a vertex; ring ends repeat ring starts.
    for (let s = 0; s < m; s++) {
      const i = owner[s];
      const px = seg[4 * s];
      const py = seg[4 * s + 1];
      for (const t of index.search(px, py, px, py)) {
        const j = owner[t];
        if (j === i || linked.has(i < j ? i * n + j : j * n + i)) continue;
        const o = 4 * t;
        if (pointSegmentDistanceSquared(px, py, seg[o], seg[o + 1], seg[o + 2], seg[o + 3]) <= tol2) link(i, j);
      }
    }
  } else {
    const shared = new Map<number, number>();
    for (let s = 0; s < m; s++) {
      const i = owner[s];
      const o = 4 * s;
      const ax = seg[o];
      const ay = seg[o + 1];
      const dx = seg[o + 2] - ax;
      const dy = seg[o + 3] - ay;
      const len = Math.hypot(dx, dy);
      for (const t of index.search(Math.min(ax, seg[o + 2]), Math.min(ay, seg[o + 3]), Math.max(ax, seg[o + 2]), Math.max(ay, seg[o + 3]))) {
        const j = owner[t];
        if (j <= i) continue;
        const q = 4 * t;
        // both ends of t within tol of the line through s, then the overlap of their projections on s
        const c1 = (dx * (seg[q + 1] - ay) - dy * (seg[q] - ax)) / len;
        const c2 = (dx * (seg[q + 3] - ay) - dy * (seg[q + 2] - ax)) / len;
        if (Math.abs(c1) > tol || Math.abs(c2) > tol) continue;
        const t1 = (dx * (seg[q] - ax) + dy * (seg[q + 1] - ay)) / len;
        const t2 = (dx * (seg[q + 2] - ax) + dy * (seg[q + 3] - ay)) / len;
        const overlap = Math.min(len, Math.max(t1, t2)) - Math.max(0, Math.min(t1, t2));
        if (overlap <= 0) continue;
        const key = i * n + j;
        shared.set(key, (shared.get(key) ?? 0) + overlap);
      }
    }
    for (const [key, length] of shared) if (length > tol) link(Math.floor(key / n), key % n);
  }
  return weightsFromLists(ids, lists, { kind: criterion });
}
