import type { Areal } from '../types.ts';

/** Bounding box [minX, minY, maxX, maxY]. */
export type BBox = [number, number, number, number];

/**
 * Bounding box of a Polygon or MultiPolygon (all rings).
 *
 * @param geometry polygon or multipolygon
 * @returns [minX, minY, maxX, maxY]; [Infinity, Infinity, -Infinity, -Infinity] when it has no positions
 * @example
 * arealBBox({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 5], [0, 0]]] }); // [0, 0, 10, 5]
 */
export function arealBBox(geometry: Areal): BBox {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const p of ring) {
        if (p[0] < minX) minX = p[0];
        if (p[0] > maxX) maxX = p[0];
        if (p[1] < minY) minY = p[1];
        if (p[1] > maxY) maxY = p[1];
      }
    }
  }
  return [minX, minY, maxX, maxY];
}
