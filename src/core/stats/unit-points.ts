import type { Feature, Geometry } from 'geojson';
import { arealCentroid } from '../geometry/areal-centroid.ts';
import { UserError } from '../user-error.ts';

/**
 * One representative point per unit for distance-based weights: the point itself for a Point, the
 * area centroid for a Polygon/MultiPolygon (as PySAL and GeoDa use for KNN and distance bands).
 *
 * @param features units in input order
 * @returns x and y coordinates in the features' own CRS
 * @example
 * const { xs, ys } = unitPoints(blocks);
 */
export function unitPoints(features: readonly Feature<Geometry | null>[]): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(features.length);
  const ys = new Float64Array(features.length);
  features.forEach((f, i) => {
    const g = f.geometry;
    let p: readonly number[] | null = null;
    if (g?.type === 'Point') p = g.coordinates;
    else if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') p = arealCentroid(g);
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new UserError(`distance weights: record ${i + 1} has ${g ? `a ${g.type} without a usable centre` : 'no geometry'}; expected a Point or a Polygon with area. Drop the record.`);
    }
    xs[i] = p[0];
    ys[i] = p[1];
  });
  return { xs, ys };
}
