import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { joinLandCover } from '../../../src/core/join/join-land-cover.ts';
import { validateJoinReport } from '../../../src/core/join/join-report.ts';
import { arealIntersectionArea } from '../../../src/core/geometry/areal-intersection-area.ts';
import { arealArea } from '../../../src/core/geometry/areal-area.ts';
import { seededRandom } from '../../../src/core/random/seeded-random.ts';
import type { Areal, BlockFeature } from '../../../src/core/types.ts';
import type { JoinRecord } from '../../../src/core/join/check-records.ts';

// The pitfall regression lives outside the repo (never copy it in): ../shared/regressions/
const REGRESSION = fileURLToPath(new URL('../../../../shared/regressions/overlay-unable-to-complete-ring.geojson', import.meta.url));
const GEOS_AREA = 12.098392435;

function square(id: string, x: number, y: number, size: number): BlockFeature {
  const geometry: Areal = { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] };
  return { type: 'Feature', properties: { block_id: id, area_m2: size * size }, geometry };
}

describe('joinLandCover', () => {
  it.skipIf(!existsSync(REGRESSION))('regression overlay-unable-to-complete-ring: clipper2 gives the GEOS area (± 1e-4 m²) where turf.intersect throws', () => {
    const fc = JSON.parse(readFileSync(REGRESSION, 'utf8'));
    const blockFeature = fc.features.find((f: { properties: Record<string, unknown> }) => f.properties.block_id !== undefined);
    const lc = fc.features.find((f: { properties: Record<string, unknown> }) => f.properties.lc_id !== undefined);
    expect(arealIntersectionArea(blockFeature.geometry, lc.geometry)).toBeCloseTo(GEOS_AREA, 4);
    expect(Math.abs(arealIntersectionArea(blockFeature.geometry, lc.geometry) - GEOS_AREA)).toBeLessThan(1e-4);
    const block: BlockFeature = { ...blockFeature, properties: { block_id: String(blockFeature.properties.block_id), area_m2: arealArea(blockFeature.geometry) } };
    const { values, report } = joinLandCover([block], [{ ...lc, properties: { class: lc.properties.klasse } }]);
    expect(report.joined).toBe(1);
    expect(Math.abs((values.get('856')!.green_m2 as number) - GEOS_AREA)).toBeLessThan(0.01);
  });
  if (!existsSync(REGRESSION)) it.skip(`regression file absent (${REGRESSION}): overlay regression not run`, () => {});

  it('a clipping failure rejects the record clip-failed, reports its area and never drops it silently', () => {
    const blocks = [square('A', 0, 0, 100), square('B', 100, 0, 100)];
    const straddling: JoinRecord = { type: 'Feature', properties: { class: 'paved' }, geometry: { type: 'Polygon', coordinates: [[[90, 10], [110, 10], [110, 20], [90, 20], [90, 10]]] } };
    const { values, report } = joinLandCover(blocks, [straddling], {
      clip: (block) => {
        if (block.id === 'B') throw new Error('Unable to complete output ring');
        return 100;
      },
    });
    expect(report.rejected).toMatchObject([{ index: 0, reason: 'clip-failed' }]);
    expect(report.rejected[0].detail).toMatch(/block B failed: Unable to complete output ring/);
    expect(report.notes.area_clip_failed_m2).toBe(200);
    expect(report.warnings.join(' ')).toMatch(/clipping failed/);
    expect(values.get('A')!.paved_m2).toBe(0); // nothing half-counted
    const impossible = joinLandCover(blocks, [straddling], { clip: () => 1e9 });
    expect(impossible.report.rejected[0].detail).toMatch(/impossible area/);
  });

  it('fast paths (polygon inside block, block inside polygon) agree with clipping every pair', () => {
    const rand = seededRandom(99);
    const blocks: BlockFeature[] = [];
    for (let i = 0; i < 8; i++) for (let j = 0; j < 6; j++) blocks.push(irregularBlock(`B${i}-${j}`, i * 92, j * 72, rand));
    const records: JoinRecord[] = [];
    for (let n = 0; n < 600; n++) {
      const big = n % 20 === 0;
      records.push({ type: 'Feature', properties: { class: 'green' }, geometry: star(rand() * 740, rand() * 430, big ? 60 : 2 + rand() * 12, rand) });
    }
    const { values, report } = joinLandCover(blocks, records);
    expect(validateJoinReport(report)).toEqual([]);
    for (const b of blocks) {
      let expected = 0;
      for (const r of records) expected += arealIntersectionArea(b.geometry, r.geometry as Areal);
      expect(values.get(b.properties.block_id)!.green_m2).toBeCloseTo(expected, 1);
    }
  });

  it('keeps holes open whatever the ring orientation (shapefile order: outer clockwise)', () => {
    const block = square('A', 0, 0, 100);
    // outer clockwise, hole counter-clockwise (the reverse of RFC 7946)
    const geometry: Areal = { type: 'Polygon', coordinates: [[[10, 10], [10, 60], [60, 60], [60, 10], [10, 10]], [[20, 20], [40, 20], [40, 40], [20, 40], [20, 20]]] };
    const { values } = joinLandCover([block], [{ type: 'Feature', properties: { class: 'paved' }, geometry }]);
    expect(values.get('A')!.paved_m2).toBe(2100);
    // and when clipped (polygon sticking out of the block)
    const out: Areal = { type: 'Polygon', coordinates: [[[-10, 10], [-10, 60], [60, 60], [60, 10], [-10, 10]], [[20, 20], [40, 20], [40, 40], [20, 40], [20, 20]]] };
    expect(joinLandCover([block], [{ type: 'Feature', properties: { class: 'paved' }, geometry: out }]).values.get('A')!.paved_m2).toBe(2600);
  });

  it('clips where a block hole lies inside the polygon (no false containment)', () => {
    const block: BlockFeature = {
      type: 'Feature',
      properties: { block_id: 'A', area_m2: 9600 },
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]], [[40, 40], [60, 40], [60, 60], [40, 60], [40, 40]]] },
    };
    const lawn: JoinRecord = { type: 'Feature', properties: { class: 'green' }, geometry: { type: 'Polygon', coordinates: [[[30, 30], [70, 30], [70, 70], [30, 70], [30, 30]]] } };
    expect(joinLandCover([block], [lawn]).values.get('A')!.green_m2).toBe(1200);
  });

  it('rejects unknown classes and bad classValues', () => {
    expect(() => joinLandCover([], [], { classValues: { gras: 'grass' as never } })).toThrow(/expected one of paved, green, building, water/);
  });
});

function irregularBlock(id: string, x: number, y: number, rand: () => number): BlockFeature {
  const pts = [[0, 0], [40, 0], [80, 0], [80, 30], [80, 60], [40, 60], [0, 60], [0, 30]];
  const ring = pts.map(([dx, dy]) => [x + dx + (rand() - 0.5) * 6, y + dy + (rand() - 0.5) * 6]);
  ring.push(ring[0]);
  const geometry: Areal = { type: 'Polygon', coordinates: [ring] };
  return { type: 'Feature', properties: { block_id: id, area_m2: arealArea(geometry) }, geometry };
}

function star(cx: number, cy: number, r: number, rand: () => number): Areal {
  const n = 5 + Math.floor(rand() * 8);
  const ring: number[][] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const rr = r * (0.5 + 0.5 * rand());
    ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}
