/**
 * Street blocks on the real data of Mechelen (../shared/realdata beside the repository; skipped
 * with a message when absent). Streets and rails are OSM (WGS84, reprojected in the test helper
 * with a pinned EPSG:31370 definition), the Arsenaal polygon is the official wijk in Lambert 72.
 */
import Flatbush from 'flatbush';
import { Clipper, FillRule, type PathsD } from 'clipper2-ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveStreetBlocks } from '../../../src/core/blocks/derive-street-blocks.ts';
import { DEFAULT_BLOCK_OPTIONS } from '../../../src/core/blocks/block-defaults.ts';
import type { BlocksReport } from '../../../src/core/blocks/block-types.ts';
import { validatePolygon } from '../../../src/core/geometry/validate-polygon.ts';
import { pointInAreal } from '../../../src/core/geometry/point-in-areal.ts';
import type { Areal, BlockFeature, Feature, LineString } from '../../../src/core/types.ts';
import { hasRealData, loadArsenaal, loadMechelen, loadRail, loadStreets, loadWater, REALDATA } from './realdata.ts';

if (!hasRealData) console.warn(`real-data street-block tests skipped: ${REALDATA} is absent (CI has ../shared beside the repo).`);

const ringsOf = (g: Areal) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());
const pathsOf = (g: Areal, o: number[]): PathsD => ringsOf(g).map((r) => r.slice(0, -1).map((p) => ({ x: p[0] - o[0], y: p[1] - o[1] })));
const areaOfPaths = (paths: PathsD) => paths.reduce((s, p) => s + Math.abs(Clipper.areaD(p)), 0);
const bboxOf = (g: Areal) => {
  let b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of ringsOf(g)) for (const [x, y] of r) b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
  return b as [number, number, number, number];
};

/** Checks shared by both areas: valid, inside the area, pairwise disjoint, no slivers. */
function checkBlocks(blocks: BlockFeature[], area: Feature<Areal>) {
  for (const b of blocks) expect(validatePolygon(b.geometry), b.properties.block_id).toEqual([]);
  const boxes = blocks.map((b) => bboxOf(b.geometry));
  const index = new Flatbush(blocks.length);
  for (const bb of boxes) index.add(...bb);
  index.finish();
  let worstOverlap = 0;
  blocks.forEach((b, i) => {
    const o = boxes[i];
    for (const j of index.search(...o)) {
      if (j <= i) continue;
      worstOverlap = Math.max(worstOverlap, areaOfPaths(Clipper.intersectD(pathsOf(b.geometry, o), pathsOf(blocks[j].geometry, o), FillRule.NonZero, 6)));
    }
    const outside = areaOfPaths(Clipper.differenceD(pathsOf(b.geometry, o), pathsOf(area.geometry, o), FillRule.NonZero, 6));
    expect(outside, `${b.properties.block_id} outside the area (m²)`).toBeLessThan(0.01);
    const perimeter = ringsOf(b.geometry).reduce((s, r) => s + r.slice(1).reduce((t, p, k) => t + Math.hypot(p[0] - r[k][0], p[1] - r[k][1]), 0), 0);
    expect((2 * b.properties.area_m2) / perimeter, `${b.properties.block_id} 2A/P`).toBeGreaterThanOrEqual(DEFAULT_BLOCK_OPTIONS.sliverWidth);
  });
  expect(worstOverlap, 'largest overlap of two blocks (m²)').toBeLessThan(0.01);
}

/** Distance (m) from a point to the nearest block (0 inside one). */
function distanceToBlocks(p: number[], blocks: BlockFeature[]): number {
  let best = Infinity;
  for (const b of blocks) {
    if (pointInAreal(p, b.geometry) === 'inside') return 0;
    for (const r of ringsOf(b.geometry)) {
      for (let k = 0; k + 1 < r.length; k++) {
        const [ax, ay] = r[k];
        const [bx, by] = r[k + 1];
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2)) : 0;
        best = Math.min(best, Math.hypot(ax + t * dx - p[0], ay + t * dy - p[1]));
      }
    }
  }
  return best;
}

/** Points every 10 m along a street's features that lie inside the area, at least 15 m from its edge. */
function samplePoints(features: Feature<LineString>[], area: Feature<Areal>): number[][] {
  const pts: number[][] = [];
  for (const f of features) {
    const c = f.geometry.coordinates;
    for (let k = 0; k + 1 < c.length; k++) {
      const n = Math.max(1, Math.ceil(Math.hypot(c[k + 1][0] - c[k][0], c[k + 1][1] - c[k][1]) / 10));
      for (let i = 0; i < n; i++) {
        const p = [c[k][0] + ((c[k + 1][0] - c[k][0]) * i) / n, c[k][1] + ((c[k + 1][1] - c[k][1]) * i) / n];
        if (pointInAreal(p, area.geometry) === 'inside' && pointInAreal(p, area.geometry, 15) === 'inside') pts.push(p);
      }
    }
  }
  return pts;
}

describe.skipIf(!hasRealData)('real data: street blocks of Arsenaal, Mechelen (needs ../shared/realdata)', () => {
  let streets: Feature<LineString>[];
  let blocks: BlockFeature[];
  let report: BlocksReport;
  let area: Feature<Areal>;
  beforeAll(() => {
    streets = loadStreets();
    area = loadArsenaal();
    ({ blocks, report } = deriveStreetBlocks({ streets, rail: loadRail(), area }));
  });

  it('gives valid, disjoint blocks inside the wijk, none of them a sliver', () => {
    expect(blocks.length).toBeGreaterThan(20);
    expect(blocks.length).toBeLessThan(80);
    checkBlocks(blocks, area);
  });

  it('uses only type "rail": platforms, abandoned, disused and construction tracks are counted as skipped', () => {
    expect(Object.keys(report.skipped).sort()).toEqual(['rail:abandoned', 'rail:construction', 'rail:disused', 'rail:platform']);
    expect(report.edges.rail).toBeGreaterThan(0);
  });

  for (const name of ['Hamerstraat', 'Aambeeldstraat', 'Draaibankstraat', 'Locomotiefstraat', 'Wagonstraat', 'Tenderstraat']) {
    it(`${name} borders blocks: 80 % of its points inside the wijk have a block within 6 m`, () => {
      const pts = samplePoints(
        streets.filter((f) => f.properties?.name === name),
        area,
      );
      expect(pts.length, `${name}: points inside the wijk`).toBeGreaterThan(0);
      const near = pts.filter((p) => distanceToBlocks(p, blocks) <= 6).length;
      expect(near / pts.length).toBeGreaterThanOrEqual(0.8);
    });
  }

  it('the workshop and yard are large areas of their own, and the track corridor is rail-land', () => {
    expect(blocks.filter((b) => b.properties.area_m2 > 30000).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...blocks.map((b) => b.properties.area_m2))).toBeGreaterThan(300000);
    expect(blocks.some((b) => b.properties.block_type === 'rail-land' && b.properties.area_m2 > 10000)).toBe(true);
    expect(report.merged.some((m) => m.reason === 'merged-rail-land')).toBe(true);
  });

  it('gives the same blocks and report for reversed feature order and line direction', () => {
    const flip = (f: Feature<LineString>): Feature<LineString> => ({ ...f, geometry: { type: 'LineString', coordinates: f.geometry.coordinates.slice().reverse() } });
    const again = deriveStreetBlocks({ streets: streets.slice().reverse().map(flip), rail: loadRail().reverse(), area });
    expect(again.blocks).toEqual(blocks);
    expect(again.report).toEqual(report);
  });

  it('reports every dropped face with a reason and a position inside the wijk', () => {
    expect(report.dropped.length).toBeGreaterThan(0);
    for (const d of report.dropped) expect(pointInAreal([d.x, d.y], area.geometry, 0.2)).not.toBe('outside');
  });
});

describe.skipIf(!hasRealData)('real data: street blocks of all of Mechelen (needs ../shared/realdata)', () => {
  it('gives valid, disjoint blocks inside the municipality, none of them a sliver', () => {
    const area = loadMechelen();
    const t0 = performance.now();
    const { blocks, report } = deriveStreetBlocks({ streets: loadStreets(), rail: loadRail(), water: loadWater(), area });
    console.log(`Mechelen: ${blocks.length} blocks from ${report.facesFound} faces in ${(performance.now() - t0).toFixed(0)} ms (not asserted)`);
    expect(blocks.length).toBeGreaterThan(500);
    checkBlocks(blocks, area);
  });
});
