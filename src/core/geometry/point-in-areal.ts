import type { Areal } from '../types.ts';

/**
 * Where a point lies relative to a Polygon or MultiPolygon (planar, even-odd over all rings of
 * each polygon, so holes are honoured whatever their orientation).
 *
 * Boundary rule: a point within `tolerance` metres of any ring edge is reported as `'boundary'`,
 * neither inside nor outside; callers decide (GEOS counts boundary points as not inside).
 *
 * @param point - [x, y] in metres
 * @param geometry - planar Polygon or MultiPolygon
 * @param tolerance - distance in metres under which the point counts as on the boundary (default 0)
 * @returns 'inside' | 'boundary' | 'outside'
 * @example
 * pointInAreal([5, 5], { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] }); // 'inside'
 */
export function pointInAreal(point: readonly number[], geometry: Areal, tolerance = 0): 'inside' | 'boundary' | 'outside' {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const px = point[0];
  const py = point[1];
  const tol2 = tolerance * tolerance;
  for (const rings of polygons) {
    let inside = false;
    for (const ring of rings) {
      const n = ring.length;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const xi = ring[i][0];
        const yi = ring[i][1];
        const xj = ring[j][0];
        const yj = ring[j][1];
        if (segmentDistance2(px, py, xj, yj, xi, yi) <= tol2) return 'boundary';
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return 'inside';
  }
  return 'outside';
}

function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}
