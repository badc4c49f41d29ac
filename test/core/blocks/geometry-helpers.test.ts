import { describe, expect, it } from 'vitest';
import { arealCentroid } from '../../../src/core/geometry/areal-centroid.ts';
import { interiorPoint } from '../../../src/core/geometry/interior-point.ts';
import { pointInAreal } from '../../../src/core/geometry/point-in-areal.ts';
import { ringLength } from '../../../src/core/geometry/ring-length.ts';
import { ringSignedArea } from '../../../src/core/geometry/ring-signed-area.ts';
import { validatePolygon } from '../../../src/core/geometry/validate-polygon.ts';
import type { Polygon } from '../../../src/core/types.ts';
import { rect } from './helpers.ts';

const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const hole = (x0: number, y0: number, x1: number, y1: number) => rect(x0, y0, x1, y1).reverse();
// a U shape whose centroid lies outside it
const U = [[0, 0], [30, 0], [30, 30], [20, 30], [20, 10], [10, 10], [10, 30], [0, 30], [0, 0]];

describe('core geometry helpers', () => {
  it('ringSignedArea: CCW positive, CW negative, precise at Lambert 72 coordinates', () => {
    expect(ringSignedArea(rect(0, 0, 10, 10))).toBe(100);
    expect(ringSignedArea(hole(0, 0, 10, 10))).toBe(-100);
    expect(ringSignedArea(rect(157000.1, 189000.2, 157000.2, 189000.3))).toBeCloseTo(0.01, 9);
  });

  it('ringLength closes an open ring', () => {
    expect(ringLength([[0, 0], [10, 0], [10, 10], [0, 10]])).toBe(40);
    expect(ringLength([[0, 0], [10, 0]], false)).toBe(10);
  });

  it('pointInAreal honours holes and reports the boundary separately', () => {
    const p = poly(rect(0, 0, 100, 100), hole(40, 40, 60, 60));
    expect(pointInAreal([10, 10], p)).toBe('inside');
    expect(pointInAreal([50, 50], p)).toBe('outside');
    expect(pointInAreal([0, 50], p)).toBe('boundary');
    expect(pointInAreal([0.5, 50], p, 1)).toBe('boundary');
    expect(pointInAreal([150, 50], { type: 'MultiPolygon', coordinates: [[rect(0, 0, 10, 10)], [rect(140, 40, 160, 60)]] })).toBe('inside');
  });

  it('interiorPoint is strictly inside concave and holed polygons', () => {
    for (const rings of [[U], [rect(0, 0, 100, 100), hole(10, 10, 90, 90)]]) {
      const p = interiorPoint(rings)!;
      expect(pointInAreal(p, poly(...rings))).toBe('inside');
    }
    expect(interiorPoint([[[0, 0], [10, 0], [20, 0]]])).toBeNull();
  });

  it('arealCentroid subtracts holes whatever their orientation', () => {
    expect(arealCentroid(poly(rect(0, 0, 10, 10)))).toEqual([5, 5]);
    expect(arealCentroid(poly(rect(0, 0, 100, 100), rect(50, 0, 100, 100)))).toEqual([25, 50]);
    expect(arealCentroid(poly(U))![1]).toBeCloseTo(((30 * 10 * 5) + 2 * (10 * 20 * 20)) / 700, 9);
  });

  it('validatePolygon accepts valid polygons and names each problem', () => {
    expect(validatePolygon(poly(rect(0, 0, 10, 10), hole(2, 2, 4, 4)))).toEqual([]);
    // a hole touching the outer ring at one vertex is valid
    expect(validatePolygon(poly(rect(0, 0, 10, 10), [[0, 0], [2, 4], [4, 2], [0, 0]]))).toEqual([]);
    expect(validatePolygon(poly([[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]))).toContainEqual(expect.stringMatching(/segment 0 and .* segment 2 cross at \(5\.000, 5\.000\)/));
    expect(validatePolygon(poly(hole(0, 0, 10, 10)))).toEqual([expect.stringMatching(/outer ring is clockwise/)]);
    expect(validatePolygon(poly([[0, 0], [10, 0], [10, 10], [0, 10]]))).toContain('polygon 0 ring 0: not closed');
    expect(validatePolygon(poly(rect(0, 0, 10, 10), hole(20, 20, 30, 30)))).toContain('polygon 0 ring 1: hole has a vertex outside the outer ring');
    expect(validatePolygon({ type: 'MultiPolygon', coordinates: [[rect(0, 0, 10, 10)], [rect(5, 0, 15, 10)]] }).some((p) => /polygon 0 .* polygon 1 .*(cross|overlap)/.test(p))).toBe(true);
  });
});
