import type { Feature, Geometry } from 'geojson';
import type { BBox } from './areal-bbox.ts';

/**
 * Bounding box of every position of every feature (any geometry type; null geometries and
 * GeometryCollections are skipped).
 *
 * @returns [minX, minY, maxX, maxY]; all four not finite when no feature has a position
 * @example
 * featuresBBox([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [4.48, 51.02] } }]); // [4.48, 51.02, 4.48, 51.02]
 */
export function featuresBBox(features: readonly Feature<Geometry | null>[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else (c as unknown[]).forEach(visit);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}
