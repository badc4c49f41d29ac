import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featuresBBox } from '../../../src/core/geometry/features-bbox.ts';

const f = (geometry: Geometry | null): Feature<Geometry | null> => ({ type: 'Feature', properties: {}, geometry });

describe('featuresBBox', () => {
  it('spans points, lines and polygons with holes, skipping null geometries', () => {
    const fs = [
      f({ type: 'Point', coordinates: [4.5, 51] }),
      f(null),
      f({ type: 'LineString', coordinates: [[4.4, 51.1], [4.6, 50.9]] }),
      f({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]]] }),
    ];
    expect(featuresBBox(fs)).toEqual([0, 0, 4.6, 51.1]);
  });
  it('is not finite without any position', () => {
    expect(featuresBBox([f(null)]).every(Number.isFinite)).toBe(false);
    expect(featuresBBox([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });
});
