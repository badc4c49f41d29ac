import type { Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { arealArea } from '../../../src/core/geometry/areal-area.ts';
import { cleanRing } from '../../../src/core/geometry/clean-ring.ts';
import { findSelfIntersections } from '../../../src/core/geometry/find-self-intersections.ts';
import { repairGeometry } from '../../../src/core/geometry/repair-geometry.ts';
import { repairSelfIntersection } from '../../../src/core/geometry/repair-self-intersection.ts';
import { ringSignedArea } from '../../../src/core/geometry/ring-signed-area.ts';
import { validatePolygon } from '../../../src/core/geometry/validate-polygon.ts';
import type { Areal } from '../../../src/core/types.ts';

const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const deepFreeze = <T>(v: T): T => {
  if (typeof v === 'object' && v !== null) {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
};
const kinds = (g: Geometry) => {
  const r = repairGeometry(deepFreeze(g));
  return r.ok ? r.repairs.map((x) => x.kind) : r.reason;
};

describe('cleanRing', () => {
  it('closes, drops repeated positions (also across the closing point) and keeps z', () => {
    expect(cleanRing([[0, 0, 5], [10, 0], [10, 0], [10, 10], [0, 0], [0, 0]])).toEqual({
      ring: [[0, 0, 5], [10, 0], [10, 10], [0, 0, 5]],
      closed: false,
      duplicatesRemoved: 2,
      distinct: 3,
      signedArea: 50,
      collinear: false,
    });
    expect(cleanRing(square(0, 0, 1))).toMatchObject({ closed: false, duplicatesRemoved: 0, distinct: 4 });
    expect(cleanRing([])).toMatchObject({ ring: [], closed: false, distinct: 0 });
  });
});

describe('findSelfIntersections', () => {
  it('finds a bow-tie crossing, a folded-back spike and a hole crossing its outer ring', () => {
    const bowtie = findSelfIntersections(poly([[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]));
    expect(bowtie).toEqual([{ kind: 'cross', at: [5, 5], a: { part: 0, ring: 0, segment: 0 }, b: { part: 0, ring: 0, segment: 2 } }]);
    const spike = findSelfIntersections(poly([[0, 0], [10, 0], [20, 0], [15, 0], [10, 10], [0, 0]]));
    expect(spike.map((c) => c.kind)).toEqual(['overlap']);
    const hole = findSelfIntersections(poly(square(0, 0, 10), [[5, 5], [5, 15], [8, 15], [8, 5], [5, 5]]));
    expect(hole.map((c) => [c.a.ring, c.b.ring])).toEqual([[0, 1], [0, 1]]);
  });

  it('accepts valid polygons, rings touching at a vertex and shared vertices of adjacent edges', () => {
    expect(findSelfIntersections(poly(square(0, 0, 10), [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]))).toEqual([]);
    // outer ring touching itself at (5, 0) (an "inverted" hole): vertex contact only
    expect(findSelfIntersections(poly([[0, 0], [5, 0], [7, 3], [3, 3], [5, 0], [10, 0], [10, 10], [0, 10], [0, 0]]))).toEqual([]);
    expect(findSelfIntersections({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(1, 0, 1)]] }).map((c) => c.kind)).toEqual(['overlap']);
  });

  it('stops at the limit and agrees with validatePolygon on random polygons', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 200; k++) {
      const ring = Array.from({ length: 6 }, () => [Math.round(rand() * 20), Math.round(rand() * 20)]);
      ring.push(ring[0]);
      const g = poly(ring);
      const ours = findSelfIntersections(g).length > 0;
      const theirs = validatePolygon(g).some((p) => / (cross at|overlap)/.test(p));
      expect(ours, JSON.stringify(ring)).toBe(theirs);
      expect(findSelfIntersections(g, { limit: 1 }).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('repairSelfIntersection', () => {
  it('turns a bow-tie into two triangles (area 0 by shoelace, 50 covered)', () => {
    const r = repairSelfIntersection(poly([[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]));
    expect(r.geometry?.type).toBe('MultiPolygon');
    expect(r.areaBefore).toBe(0);
    expect(r.areaAfter).toBeCloseTo(50, 9);
    expect(r.relativeChange).toBe(1);
    expect(validatePolygon(r.geometry as Areal)).toEqual([]);
  });

  it('keeps precision with Lambert 72 coordinates and with degrees (precision 8)', () => {
    const x = 158_000;
    const y = 190_000;
    const r = repairSelfIntersection(poly([[x, y], [x + 100, y], [x + 100, y + 100], [x + 100.001, y + 50], [x, y + 100], [x, y]]));
    expect(validatePolygon(r.geometry as Areal)).toEqual([]);
    const d = repairSelfIntersection(poly([[4.47, 51.02], [4.48, 51.02], [4.48, 51.03], [4.47, 51.03], [4.47, 51.02]]), { precision: 8 });
    expect(d.relativeChange).toBeLessThan(1e-6);
    expect(() => repairSelfIntersection(poly(square(0, 0, 1)), { precision: 9 })).toThrow(RangeError);
  });
});

describe('repairGeometry', () => {
  it('returns valid geometries unchanged, without repairs', () => {
    const g = poly(square(0, 0, 10), [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]);
    expect(repairGeometry(g)).toEqual({ ok: true, geometry: g, repairs: [] });
    expect(kinds({ type: 'Point', coordinates: [1, 2] })).toEqual([]);
    expect(kinds({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toEqual([]);
  });

  it('closes rings, drops repeated positions and rewinds, each reported', () => {
    const r = repairGeometry(deepFreeze(poly([[0, 0], [0, 10], [0, 10], [10, 10], [10, 0]])));
    expect(r.ok && r.geometry).toEqual(poly([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]));
    expect(r.ok && r.repairs.map((x) => x.detail)).toEqual([
      'closed ring 1 (outer)',
      'removed 1 repeated position(s) from ring 1 (outer)',
      'reversed 1 ring(s) to outer counter-clockwise, holes clockwise',
    ]);
  });

  it('drops degenerate holes and parts, rejects a degenerate polygon', () => {
    expect(kinds(poly(square(0, 0, 10), [[1, 1], [2, 2], [1, 1], [1, 1]]))).toEqual(['dropped-degenerate-ring']);
    expect(kinds(poly(square(0, 0, 10), [[1, 1], [2, 2], [3, 3], [1, 1]]))).toEqual(['dropped-degenerate-ring']);
    expect(kinds({ type: 'MultiPolygon', coordinates: [[square(0, 0, 10)], [[[20, 20], [21, 20], [20, 20]]]] })).toEqual(['dropped-degenerate-part']);
    const r = repairGeometry(poly([[0, 0], [5, 5], [10, 10], [0, 0]]));
    expect(r).toEqual({ ok: false, reason: 'invalid-geometry', detail: 'ring 1 (outer) has zero area (all positions on one line); a ring needs at least 3 distinct positions and an area' });
    expect(kinds({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 1], [0, 0]]]] })).toBe('invalid-geometry');
  });

  it('repairs a self-intersection that barely changes the area, rejects one that would change it much', () => {
    // A thin triangle digitised as a bow-tie with a tiny lobe at its tip (0.05 m² of ~495 m²).
    const small = repairGeometry(poly([[0, 0], [100, 10], [100, 0], [0, 0.1], [0, 0]]));
    expect(small.ok && small.repairs.map((r) => r.kind)).toEqual(['rewound', 'fixed-self-intersection']);
    if (small.ok) {
      expect(validatePolygon(small.geometry as Areal)).toEqual([]);
      expect(arealArea(small.geometry as Areal)).toBeCloseTo(495.05, 1);
      expect(small.repairs[1].detail).toMatch(/^self-intersection: ring 1 crosses itself at \(0\.990099\d*, 0\.0990099\d*\): rebuilt with a Clipper2 union, area changed by 0\.02\d %/);
    }
    const bowtie = repairGeometry(poly([[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]));
    expect(bowtie).toMatchObject({ ok: false, reason: 'self-intersection' });
    expect(!bowtie.ok && bowtie.detail).toBe(
      'self-intersection: ring 1 crosses itself at (5, 5); repairing it would change the area by 100.0 % (area 0 → 50), more than the 1.0 % allowed',
    );
    expect(repairGeometry(poly([[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]), { maxAreaChange: 1 }).ok).toBe(true);
  });

  it('cleans lines and the members of a collection', () => {
    expect(kinds({ type: 'LineString', coordinates: [[0, 0], [0, 0], [1, 1]] })).toEqual(['removed-duplicate-points']);
    expect(kinds({ type: 'LineString', coordinates: [[0, 0], [0, 0]] })).toBe('invalid-geometry');
    expect(kinds({ type: 'MultiLineString', coordinates: [[[0, 0], [0, 0]], [[0, 0], [1, 1]]] })).toEqual(['dropped-degenerate-part']);
    const gc = repairGeometry({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }, poly([[0, 0], [1, 0], [1, 1]])] });
    expect(gc.ok && gc.repairs.map((r) => r.detail)).toEqual(['member 2: closed ring 1 (outer)']);
  });

  it('always returns rings that validatePolygon accepts, on seeded random polygons', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    let repaired = 0;
    for (let k = 0; k < 300; k++) {
      const n = 3 + Math.floor(rand() * 6);
      const ring = Array.from({ length: n }, () => [Math.round(rand() * 10), Math.round(rand() * 10)]);
      const r = repairGeometry(poly(ring), { maxAreaChange: 1 });
      if (!r.ok) {
        expect(['invalid-geometry', 'self-intersection']).toContain(r.reason);
        continue;
      }
      repaired++;
      expect(validatePolygon(r.geometry as Areal), JSON.stringify(ring)).toEqual([]);
      const polys = r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : (r.geometry as Areal & { type: 'MultiPolygon' }).coordinates;
      for (const rings of polys) expect(ringSignedArea(rings[0])).toBeGreaterThan(0);
    }
    expect(repaired).toBeGreaterThan(100);
  });
});
