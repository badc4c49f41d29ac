import type { Areal } from '../types.ts';
import { ringSignedArea } from './ring-signed-area.ts';

/**
 * Planar area of a Polygon or MultiPolygon in square units of its CRS (m² in EPSG:31370): the outer
 * rings' areas minus their holes', whatever the ring orientation. Parts of a MultiPolygon are assumed not
 * to overlap (valid OGC geometry); self-intersecting rings give the shoelace value, not the covered area.
 *
 * @param geometry polygon or multipolygon
 * @returns area in m²
 * @example
 * arealArea({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]]] }); // 96
 */
export function arealArea(geometry: Areal): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      area += i === 0 ? a : -a;
    });
  }
  return area;
}
