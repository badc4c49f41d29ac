import type { Areal } from '../types.ts';
import type { Position } from 'geojson';
import { arealBBox, type BBox } from './areal-bbox.ts';
import { pointInAreal } from './point-in-areal.ts';
import { BOUNDARY_TOLERANCE_M } from './boundary-tolerance.ts';
import { pointSegmentDistanceSquared } from './point-segment-distance.ts';

/** Default cap on edge-pair tests before giving up (the caller then clips instead). */
export const WITHIN_MAX_EDGE_PAIRS = 50_000;

/**
 * Conservative containment test used to skip polygon clipping: returns true only when `inner` is
 * certainly inside `outer`, so that area(inner ∩ outer) = area(inner). A `false` means "not proven"
 * (the caller clips), never "certainly not within".
 *
 * Proof used: (1) no edge of `inner` comes within `tolerance` of an edge of `outer` (so every ring of one
 * lies wholly in one face of the other); (2) one vertex of every ring of `inner` is strictly inside
 * `outer`; (3) no ring of `outer` (e.g. a hole) has a vertex strictly inside `inner`. Inputs must be
 * valid polygons (non-self-intersecting rings, non-overlapping parts).
 *
 * @param inner the geometry that may be contained
 * @param outer the geometry that may contain it
 * @param options `tolerance` in metres (default 1 µm); `maxEdgePairs`: give up (false) above this many edge
 *   pairs (default 50,000); `innerBBox` / `outerBBox` when already known (saves recomputing them)
 * @returns true when `inner` ⊆ `outer` is proven
 * @example
 * const block = { type: 'Polygon', coordinates: [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]] } as const;
 * const lawn = { type: 'Polygon', coordinates: [[[10, 10], [20, 10], [20, 20], [10, 10]]] } as const;
 * isArealWithin(lawn, block); // true
 */
export function isArealWithin(
  inner: Areal,
  outer: Areal,
  options: { tolerance?: number; maxEdgePairs?: number; innerBBox?: BBox; outerBBox?: BBox } = {},
): boolean {
  const tolerance = options.tolerance ?? BOUNDARY_TOLERANCE_M;
  const maxEdgePairs = options.maxEdgePairs ?? WITHIN_MAX_EDGE_PAIRS;
  const ib = options.innerBBox ?? arealBBox(inner);
  const ob = options.outerBBox ?? arealBBox(outer);
  if (ib[0] <= ob[0] || ib[1] <= ob[1] || ib[2] >= ob[2] || ib[3] >= ob[3]) return false;

  const innerRings = inner.type === 'Polygon' ? inner.coordinates : inner.coordinates.flat();
  const outerRings = outer.type === 'Polygon' ? outer.coordinates : outer.coordinates.flat();

  // cheap early exit before the quadratic edge test
  if (pointInAreal(innerRings[0][0], outer, tolerance) !== 'inside') return false;

  let innerEdges = 0;
  let outerEdges = 0;
  for (const r of innerRings) innerEdges += r.length;
  for (const r of outerRings) outerEdges += r.length;
  if (innerEdges * outerEdges > maxEdgePairs) return false;

  for (const ring of innerRings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      if (edgeNearRings(ring[j], ring[i], outerRings, tolerance)) return false;
    }
  }
  for (const ring of innerRings) if (pointInAreal(ring[0], outer, tolerance) !== 'inside') return false;
  for (const ring of outerRings) if (pointInAreal(ring[0], inner, tolerance) === 'inside') return false;
  return true;
}

/** True when segment a–b comes within `tolerance` of any edge of `rings` (crossing or touching). */
function edgeNearRings(a: Position, b: Position, rings: readonly (readonly Position[])[], tolerance: number): boolean {
  const ax = a[0];
  const ay = a[1];
  const bx = b[0];
  const by = b[1];
  const minX = Math.min(ax, bx) - tolerance;
  const maxX = Math.max(ax, bx) + tolerance;
  const minY = Math.min(ay, by) - tolerance;
  const maxY = Math.max(ay, by) + tolerance;
  const tol2 = tolerance * tolerance;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const cx = ring[j][0];
      const cy = ring[j][1];
      const dx = ring[i][0];
      const dy = ring[i][1];
      if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
      const o1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      const o2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
      const o3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
      const o4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
      if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
      if (
        pointSegmentDistanceSquared(ax, ay, cx, cy, dx, dy) <= tol2 ||
        pointSegmentDistanceSquared(bx, by, cx, cy, dx, dy) <= tol2 ||
        pointSegmentDistanceSquared(cx, cy, ax, ay, bx, by) <= tol2 ||
        pointSegmentDistanceSquared(dx, dy, ax, ay, bx, by) <= tol2
      ) {
        return true;
      }
    }
  }
  return false;
}
