import type { Areal } from '../types.ts';
import { pointSegmentDistanceSquared } from './point-segment-distance.ts';

/**
 * Shortest planar distance from a point to the boundary (any ring edge, holes included) of a Polygon or
 * MultiPolygon. For a point outside the geometry this is its distance to the geometry.
 *
 * @param x point x in metres
 * @param y point y in metres
 * @param geometry polygon or multipolygon in the same planar CRS
 * @returns distance in metres (Infinity for a geometry without edges)
 * @example
 * const square = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] } as const;
 * distanceToArealBoundary(13, 14, square); // 5
 */
export function distanceToArealBoundary(x: number, y: number, geometry: Areal): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      const n = ring.length;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const d2 = pointSegmentDistanceSquared(x, y, ring[j][0], ring[j][1], ring[i][0], ring[i][1]);
        if (d2 < best) best = d2;
      }
    }
  }
  return Math.sqrt(best);
}
