import type { Areal, XY } from '../types.ts';

/**
 * Area-weighted centroid of a planar Polygon or MultiPolygon (holes subtracted whatever their
 * orientation: the outer ring of each polygon counts positive, its other rings negative).
 * Computed relative to the first vertex to keep precision with large projected coordinates.
 *
 * @param geometry - planar Polygon or MultiPolygon in metres
 * @returns [x, y] of the area centroid, or null when the total area is 0
 * @example
 * arealCentroid({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] }); // [5, 5]
 */
export function arealCentroid(geometry: Areal): XY | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const first = polygons[0]?.[0]?.[0];
  if (!first) return null;
  const ox = first[0];
  const oy = first[1];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const rings of polygons) {
    rings.forEach((ring, k) => {
      let ra = 0;
      let rx = 0;
      let ry = 0;
      const n = ring.length;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const xj = ring[j][0] - ox;
        const yj = ring[j][1] - oy;
        const xi = ring[i][0] - ox;
        const yi = ring[i][1] - oy;
        const f = xj * yi - xi * yj;
        ra += f;
        rx += (xj + xi) * f;
        ry += (yj + yi) * f;
      }
      // outer ring counts positive, holes negative, whatever the stored orientation
      const sign = (k === 0 ? 1 : -1) * (ra < 0 ? -1 : 1);
      a += (sign * ra) / 2;
      cx += (sign * rx) / 6;
      cy += (sign * ry) / 6;
    });
  }
  if (a === 0) return null;
  return [ox + cx / a, oy + cy / a];
}
