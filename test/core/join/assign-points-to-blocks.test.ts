import { describe, expect, it } from 'vitest';
import { assignPointsToBlocks } from '../../../src/core/join/assign-points-to-blocks.ts';
import { validateJoinReport } from '../../../src/core/join/join-report.ts';
import { pointInAreal } from '../../../src/core/geometry/point-in-areal.ts';
import { BOUNDARY_TOLERANCE_M } from '../../../src/core/geometry/boundary-tolerance.ts';
import { seededRandom } from '../../../src/core/random/seeded-random.ts';
import { isUserError } from '../../../src/core/user-error.ts';
import type { BlockFeature } from '../../../src/core/types.ts';
import type { JoinRecord } from '../../../src/core/join/check-records.ts';
import { deepFreeze } from './fixture-harness.ts';

const X0 = 157000;
const Y0 = 190000;

/** A 6 × 5 grid of touching 40 × 30 m cells; every other cell is split along its diagonal into two triangles. */
function touchingBlocks(): BlockFeature[] {
  const blocks: BlockFeature[] = [];
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 5; j++) {
      const [x0, y0, x1, y1] = [X0 + i * 40, Y0 + j * 30, X0 + (i + 1) * 40, Y0 + (j + 1) * 30];
      if ((i + j) % 2 === 0) {
        blocks.push(block(`G${i}-${j}`, [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], 1200));
      } else {
        blocks.push(block(`G${i}-${j}a`, [[x0, y0], [x1, y0], [x1, y1], [x0, y0]], 600));
        blocks.push(block(`G${i}-${j}b`, [[x0, y0], [x1, y1], [x0, y1], [x0, y0]], 600));
      }
    }
  }
  return blocks;
}

function block(id: string, ring: number[][], area: number): BlockFeature {
  return { type: 'Feature', properties: { block_id: id, area_m2: area }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

function point(x: number, y: number, properties: Record<string, unknown> = {}): JoinRecord {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [x, y] } };
}

describe('assignPointsToBlocks', () => {
  it('property: random points over touching blocks (also on edges, corners and diagonals) are each joined exactly once', () => {
    const blocks = deepFreeze(touchingBlocks());
    const rand = seededRandom(20240611);
    const records: JoinRecord[] = [];
    for (let n = 0; n < 3000; n++) {
      const kind = n % 4;
      const i = Math.floor(rand() * 6);
      const j = Math.floor(rand() * 5);
      const t = rand();
      if (kind === 0) records.push(point(X0 + rand() * 240, Y0 + rand() * 150)); // anywhere
      else if (kind === 1) records.push(point(X0 + i * 40 + t * 40, Y0 + j * 30)); // on a horizontal grid line
      else if (kind === 2) records.push(point(X0 + i * 40, Y0 + j * 30)); // on a grid corner
      else records.push(point(X0 + i * 40 + t * 40, Y0 + j * 30 + t * 30)); // on a cell diagonal (rounded)
    }
    deepFreeze(records);
    const { assignments, report } = assignPointsToBlocks(blocks, records);
    expect(validateJoinReport(report)).toEqual([]);
    expect(report.rejected).toEqual([]);
    expect(report.joined).toBe(records.length);
    // exactly once: one assignment per record index
    expect(new Set(assignments.map((a) => a.index)).size).toBe(records.length);
    const byId = new Map(blocks.map((b) => [b.properties.block_id, b]));
    for (const a of assignments) {
      const [x, y] = (records[a.index].geometry as { coordinates: number[] }).coordinates;
      const where = pointInAreal([x, y], byId.get(a.blockId)!.geometry, BOUNDARY_TOLERANCE_M);
      expect(where).not.toBe('outside');
      // brute force (test only): a point strictly inside some block must go to that block
      const inside = blocks.filter((b) => pointInAreal([x, y], b.geometry, BOUNDARY_TOLERANCE_M) === 'inside');
      if (inside.length === 1) expect(a.blockId).toBe(inside[0].properties.block_id);
    }
    expect(report.notes['on-shared-edge']).toBeGreaterThan(1000);
  });

  it('is deterministic and independent of block order', () => {
    const blocks = touchingBlocks();
    const rand = seededRandom(7);
    const records = Array.from({ length: 500 }, (_, n) => (n % 2 ? point(X0 + Math.floor(rand() * 7) * 40, Y0 + rand() * 150) : point(X0 + rand() * 240, Y0 + rand() * 150)));
    const a = assignPointsToBlocks(blocks, records).assignments.map((x) => x.blockId);
    const b = assignPointsToBlocks([...blocks].reverse(), records).assignments.map((x) => x.blockId);
    expect(b).toEqual(a);
  });

  it('rejects everything outside-blocks when there are no blocks, and warns', () => {
    const { report } = assignPointsToBlocks([], [point(0, 0), point(1, 1)]);
    expect(report.rejected.map((r) => r.reason)).toEqual(['outside-blocks', 'outside-blocks']);
    expect(report.warnings[0]).toMatch(/0 of 2 records joined/);
  });

  it('uses the read hook to reject records on their values', () => {
    const blocks = touchingBlocks();
    const { assignments, report } = assignPointsToBlocks(blocks, [point(X0 + 5, Y0 + 5, { v: 1 }), point(X0 + 5, Y0 + 6, {})], {
      read: (p) => (p.v === undefined ? { ok: false, reason: 'missing-value', detail: 'v is missing' } : { ok: true, value: p.v as number }),
    });
    expect(assignments.map((a) => a.value)).toEqual([1]);
    expect(report.rejected).toEqual([{ index: 1, id: null, reason: 'missing-value', detail: 'v is missing' }]);
  });

  it('throws a UserError for a bad snapDistance or broken blocks', () => {
    const blocks = touchingBlocks();
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return null;
    };
    expect(isUserError(err(() => assignPointsToBlocks(blocks, [], { snapDistance: -1 })))).toBe(true);
    expect(isUserError(err(() => assignPointsToBlocks([blocks[0], blocks[0]], [])))).toBe(true);
    const broken = { ...blocks[0], geometry: null } as unknown as BlockFeature;
    expect(String(err(() => assignPointsToBlocks([broken], [])))).toMatch(/feature 0 .*expected a Polygon or MultiPolygon/);
  });
});
