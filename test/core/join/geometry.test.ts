// Tests of the geometry helpers the joins rely on (src/core/geometry: point location, areas, containment, clipping).
import { describe, expect, it } from 'vitest';
import { pointInAreal } from '../../../src/core/geometry/point-in-areal.ts';
import { BOUNDARY_TOLERANCE_M } from '../../../src/core/geometry/boundary-tolerance.ts';
import { distanceToArealBoundary } from '../../../src/core/geometry/distance-to-areal-boundary.ts';
import { arealArea } from '../../../src/core/geometry/areal-area.ts';
import { isArealWithin } from '../../../src/core/geometry/is-areal-within.ts';
import { arealIntersectionArea } from '../../../src/core/geometry/areal-intersection-area.ts';
import { indexBlocks } from '../../../src/core/join/index-blocks.ts';
import { overlayAreal } from '../../../src/core/join/overlay-areal.ts';
import { compareBlockIds } from '../../../src/core/join/compare-block-ids.ts';
import { readNumber, roundTo } from '../../../src/core/join/read-number.ts';
import { parseInstant } from '../../../src/core/join/parse-instant.ts';
import { geometryProblem } from '../../../src/core/join/geometry-problem.ts';
import type { Areal, BlockFeature } from '../../../src/core/types.ts';

const rect = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const poly = (...rings: number[][][]): Areal => ({ type: 'Polygon', coordinates: rings });
const withHole = poly(rect(0, 0, 100, 100), rect(30, 30, 70, 70));

describe('pointInAreal (as the joins call it, with the 1 µm tolerance)', () => {
  it('tells inside, boundary (outer ring and hole edges, vertices) and outside (incl. in a hole)', () => {
    expect(pointInAreal([10, 10], withHole, BOUNDARY_TOLERANCE_M)).toBe('inside');
    expect(pointInAreal([50, 50], withHole, BOUNDARY_TOLERANCE_M)).toBe('outside');
    expect(pointInAreal([30, 50], withHole, BOUNDARY_TOLERANCE_M)).toBe('boundary');
    expect(pointInAreal([0, 0], withHole, BOUNDARY_TOLERANCE_M)).toBe('boundary');
    expect(pointInAreal([100, 37.5], withHole, BOUNDARY_TOLERANCE_M)).toBe('boundary');
    expect(pointInAreal([100.1, 50], withHole, BOUNDARY_TOLERANCE_M)).toBe('outside');
  });
  it('handles MultiPolygons, unclosed rings and Lambert 72 magnitudes on diagonal edges', () => {
    const multi: Areal = { type: 'MultiPolygon', coordinates: [[rect(0, 0, 10, 10)], [rect(20, 0, 30, 10)]] };
    expect(pointInAreal([25, 5], multi, BOUNDARY_TOLERANCE_M)).toBe('inside');
    expect(pointInAreal([15, 5], multi, BOUNDARY_TOLERANCE_M)).toBe('outside');
    expect(pointInAreal([20, 5], multi, BOUNDARY_TOLERANCE_M)).toBe('boundary');
    expect(pointInAreal([5, 5], poly([[0, 0], [10, 0], [10, 10], [0, 10]]), BOUNDARY_TOLERANCE_M)).toBe('inside');
    const [ax, ay, bx, by] = [157003.17, 190011.29, 157091.83, 190077.41];
    const tri = poly([[ax, ay], [bx, by], [ax, by], [ax, ay]]);
    for (const t of [0.1, 0.37, 0.5, 0.93]) expect(pointInAreal([ax + t * (bx - ax), ay + t * (by - ay)], tri, BOUNDARY_TOLERANCE_M)).toBe('boundary');
  });
  it('measures the distance to the boundary', () => {
    expect(distanceToArealBoundary(50, 50, withHole)).toBe(20);
    expect(distanceToArealBoundary(103, 104, withHole)).toBe(5);
  });
});

describe('areas, containment and clipping', () => {
  it('computes areas with holes whatever the orientation', () => {
    expect(arealArea(withHole)).toBe(8400);
    expect(arealArea(poly([...rect(0, 0, 10, 10)].reverse()))).toBe(100);
  });
  it('proves containment only when certain', () => {
    const block = poly(rect(0, 0, 100, 100));
    expect(isArealWithin(poly(rect(10, 10, 20, 20)), block)).toBe(true);
    expect(isArealWithin(poly(rect(0, 10, 20, 20)), block)).toBe(false); // touches the edge
    expect(isArealWithin(poly(rect(10, 10, 120, 20)), block)).toBe(false);
    expect(isArealWithin(poly(rect(20, 20, 80, 80)), withHole)).toBe(false); // the hole lies inside
    expect(isArealWithin(poly(rect(5, 5, 25, 25)), withHole)).toBe(true);
    // a concave block: the polygon's vertices are all inside, but an edge crosses the notch
    const u = poly([[0, 0], [100, 0], [100, 100], [60, 100], [60, 40], [40, 40], [40, 100], [0, 100], [0, 0]]);
    expect(isArealWithin(poly([[10, 50], [90, 50], [90, 60], [10, 60], [10, 50]]), u)).toBe(false);
  });
  it('clips at a local origin with clipper2', () => {
    expect(arealIntersectionArea(poly(rect(0, 0, 10, 10)), poly(rect(5, 5, 15, 15)))).toBe(25);
    expect(arealIntersectionArea(withHole, poly(rect(20, 20, 80, 80)))).toBe(2000);
    expect(arealIntersectionArea(poly(rect(0, 0, 10, 10)), poly(rect(10, 0, 20, 10)))).toBe(0);
  });
  it('skips clipping for a polygon inside a block and a block inside a polygon', () => {
    const blocks: BlockFeature[] = [
      { type: 'Feature', properties: { block_id: 'A', area_m2: 10000 }, geometry: poly(rect(0, 0, 100, 100)) },
      { type: 'Feature', properties: { block_id: 'B', area_m2: 10000 }, geometry: poly(rect(200, 0, 300, 100)) },
    ];
    const index = indexBlocks(blocks);
    const inside = overlayAreal(index, poly(rect(10, 10, 20, 20)));
    expect(inside).toEqual({ ok: true, pieces: [{ block: 0, area: 100 }], recordArea: 100, clipped: 0 });
    const covering = overlayAreal(index, poly(rect(150, -50, 350, 150)));
    expect(covering).toEqual({ ok: true, pieces: [{ block: 1, area: 10000 }], recordArea: 40000, clipped: 0 });
    const partial = overlayAreal(index, poly(rect(90, 10, 110, 20)));
    expect(partial).toEqual({ ok: true, pieces: [{ block: 0, area: 100 }], recordArea: 200, clipped: 1 });
  });
});

describe('small helpers', () => {
  it('orders block ids naturally and totally', () => {
    expect(['B10', 'B9', '100', '20', 'B09', 'A'].sort(compareBlockIds)).toEqual(['20', '100', 'A', 'B09', 'B9', 'B10']);
    expect(compareBlockIds('7', '7')).toBe(0);
  });
  it('reads numbers as readers deliver them', () => {
    expect(readNumber(' 3 ')).toEqual({ kind: 'ok', value: 3 });
    expect(readNumber('2,5')).toEqual({ kind: 'ok', value: 2.5 });
    expect(readNumber('')).toEqual({ kind: 'missing' });
    expect(readNumber('12abc').kind).toBe('invalid');
    expect(readNumber(NaN).kind).toBe('invalid');
    expect(readNumber(true).kind).toBe('invalid');
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-0.04, 1)).toBe(0);
    expect(roundTo(33.33333, 1)).toBe(33.3);
  });
  it('parses ISO times without the machine time zone', () => {
    expect(parseInstant('2021-03-01')).toEqual({ ms: Date.UTC(2021, 2, 1), dateOnly: true });
    expect(parseInstant('2021-03-01T14:30')).toEqual({ ms: Date.UTC(2021, 2, 1, 14, 30), dateOnly: false });
    expect(parseInstant('2021-03-01T14:30:00+01:00')?.ms).toBe(Date.UTC(2021, 2, 1, 13, 30));
    expect(parseInstant('2021-02-29')).toBeNull();
    expect(parseInstant('01/03/2021')).toBeNull();
    expect(parseInstant(new Date(Date.UTC(2021, 0, 1)))?.ms).toBe(Date.UTC(2021, 0, 1));
  });
  it('names geometry problems', () => {
    expect(geometryProblem({ type: 'Point', coordinates: [NaN, 1] }, 'point')?.reason).toBe('invalid-coordinates');
    expect(geometryProblem({ type: 'Polygon', coordinates: [rect(0, 0, 1, 1)] }, 'point')?.detail).toBe('expected Point, found Polygon');
    expect(geometryProblem({ type: 'Point', coordinates: [1, 1] }, 'point-or-areal')).toBeNull();
  });
});
