import { describe, expect, it } from 'vitest';
import { deriveStreetBlocks } from '../../../src/core/blocks/derive-street-blocks.ts';
import { validatePolygon } from '../../../src/core/geometry/validate-polygon.ts';
import type { BlockFeature, Feature, LineString } from '../../../src/core/types.ts';
import { expectedBlocks, inputsOf, readFixture, REGEN, round3, writeFixture } from './golden.ts';

const CASES = ['grid-3x3', 'dangle', 'dual-carriageway', 'rail-yard', 'area-cut', 'network-island', 'near-miss'];

function run(name: string) {
  const fx = readFixture(name);
  const result = deriveStreetBlocks(inputsOf(fx));
  if (REGEN) writeFixture(fx, result.blocks, result.report);
  return { fx, ...result };
}

const areas = (blocks: BlockFeature[]) => blocks.map((b) => b.properties.area_m2);

describe('deriveStreetBlocks: golden fixtures', () => {
  for (const name of CASES) {
    it(`${name}: blocks and report match test/fixtures/blocks/${name}.geojson`, () => {
      const { fx, blocks, report } = run(name);
      expect(round3(blocks)).toEqual(round3(expectedBlocks(readFixture(name))));
      expect(round3(report)).toEqual(round3(readFixture(name).report));
      for (const b of blocks) expect(validatePolygon(b.geometry), b.properties.block_id).toEqual([]);
      for (const b of blocks) expect(Object.keys(b.properties).sort()).toEqual(['area_m2', 'block_id', 'block_type']);
      expect(blocks.map((b) => b.properties.block_id)).toEqual(blocks.map((b) => b.properties.block_id).sort());
      expect(fx.description.length).toBeGreaterThan(0);
    });
  }
});

describe('deriveStreetBlocks: the rules behind the fixtures', () => {
  it('a grid of streets 100 m apart gives 9 blocks of 91 × 91 m', () => {
    const { blocks, report } = run('grid-3x3');
    expect(areas(blocks)).toEqual(Array(9).fill(8281));
    expect(blocks.every((b) => b.properties.block_type === 'block')).toBe(true);
    // 9 blocks + 12 strips along the area edge + 4 corners
    expect(report.facesFound).toBe(25);
  });

  it('a dead-end street does not split its block; its street space is cut out', () => {
    const { blocks } = run('dangle');
    expect(blocks).toHaveLength(9);
    const centre = blocks.find((b) => b.properties.block_id.startsWith('B150-1'))!;
    // 8281 − 55.5 × 9 − half a disc of radius 4.5 (arcs approximated within 5 cm)
    expect(centre.properties.area_m2).toBeCloseTo(8281 - 55.5 * 9 - (Math.PI * 4.5 ** 2) / 2, -1);
    expect(centre.geometry.type).toBe('Polygon');
  });

  it('the 6 m strip between two carriageways is dropped as street-space', () => {
    const { blocks, report } = run('dual-carriageway');
    expect(areas(blocks)).toEqual([18000, 18000]);
    expect(report.dropped).toEqual([{ reason: 'street-space', area_m2: 1200, x: 100, y: 100 }]);
  });

  it('parallel tracks of a yard merge into one rail-land block; platforms are left out', () => {
    const { blocks, report } = run('rail-yard');
    const railLand = blocks.filter((b) => b.properties.block_type === 'rail-land');
    expect(railLand).toHaveLength(1);
    expect(report.merged).toEqual([{ into: railLand[0].properties.block_id, faces: 10, reason: 'merged-rail-land' }]);
    // (260 m between the streets − 2 × 4.5 m street space) × (60 m between the outer tracks − 2 × 3 m rail space)
    expect(railLand[0].properties.area_m2).toBeCloseTo(251 * 54, 0);
    expect(blocks.filter((b) => b.properties.block_type === 'block')).toHaveLength(2);
    expect(report.skipped).toEqual({ 'rail:platform': 1 });
  });

  it('the area boundary cuts blocks and may run along a street', () => {
    const { blocks, report } = run('area-cut');
    expect(areas(blocks).sort((a, b) => a - b)).toEqual([...Array(3).fill(4140.5), ...Array(6).fill(8281)]);
    // street and area edges on x = 0, y = 0 and y = 300 are kept once, as street: only x = 250 is area
    expect(report.edges.area).toBe(3);
  });

  it('a network island becomes a hole of the block around it and a block of its own', () => {
    const { blocks } = run('network-island');
    expect(blocks).toHaveLength(2);
    const outer = blocks.find((b) => b.geometry.type === 'Polygon' && b.geometry.coordinates.length === 2);
    expect(outer, 'block with one hole').toBeDefined();
  });

  it('a 0.3 m gap is snapped shut, a 5 m gap is not', () => {
    const { blocks, report } = run('near-miss');
    expect(report.snapped).toBe(1);
    expect(blocks).toHaveLength(2);
  });
});

describe('deriveStreetBlocks: determinism', () => {
  const shuffle = <T>(xs: T[], seed: number): T[] => {
    const out = xs.slice();
    let s = seed;
    for (let i = out.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const reversed = (f: Feature<LineString>): Feature<LineString> => ({ ...f, geometry: { type: 'LineString', coordinates: f.geometry.coordinates.slice().reverse() } });

  for (const name of ['dangle', 'rail-yard', 'near-miss']) {
    it(`${name}: two runs are deep-equal, and shuffled or reversed input gives the same output`, () => {
      const input = inputsOf(readFixture(name));
      const a = deriveStreetBlocks(input);
      const b = deriveStreetBlocks(input);
      expect(b).toEqual(a);
      const c = deriveStreetBlocks({
        ...input,
        streets: shuffle(input.streets, 7).map((f, i) => (i % 2 ? reversed(f) : f)),
        rail: shuffle(input.rail, 11).map((f, i) => (i % 2 ? f : reversed(f))),
      });
      expect(c).toEqual(a);
    });
  }

  it('does not mutate its input', () => {
    const input = inputsOf(readFixture('near-miss'));
    const before = JSON.stringify(input);
    deriveStreetBlocks(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('reports progress for every stage', () => {
    const stages = new Set<string>();
    deriveStreetBlocks(inputsOf(readFixture('grid-3x3')), { onProgress: (stage) => stages.add(stage) });
    expect([...stages]).toEqual(['node', 'polygonize', 'merge', 'street-space', 'ids']);
  });
});

describe('deriveStreetBlocks: bad input', () => {
  const { streets, area } = inputsOf(readFixture('grid-3x3'));
  it('rejects an area in degrees with a UserError that says what to do', () => {
    const deg = { ...area, geometry: { type: 'Polygon' as const, coordinates: [[[4.4, 51], [4.5, 51], [4.5, 51.1], [4.4, 51]]] } };
    expect(() => deriveStreetBlocks({ streets, rail: [], area: deg })).toThrow(/degrees.*Reproject/);
  });
  it('rejects a missing area and a missing rail array', () => {
    expect(() => deriveStreetBlocks({ streets, rail: [], area: undefined as never })).toThrow(/Polygon or MultiPolygon/);
    expect(() => deriveStreetBlocks({ streets, rail: undefined as never, area })).toThrow(/rail/);
  });
  it('rejects impossible options', () => {
    expect(() => deriveStreetBlocks({ streets, rail: [], area }, { sliverWidth: -1 })).toThrow(/sliverWidth/);
    expect(() => deriveStreetBlocks({ streets, rail: [], area }, { railLandStreetShare: 2 })).toThrow(/railLandStreetShare/);
  });
  it('skips and counts features without geometry', () => {
    const { report } = deriveStreetBlocks({ streets: [...streets, { type: 'Feature', properties: {}, geometry: null as never }], rail: [], area });
    expect(report.skipped).toEqual({ 'streets:null-geometry': 1 });
  });
  it('returns no blocks (and no error) for an area without streets', () => {
    const { blocks, report } = deriveStreetBlocks({ streets: [], rail: [], area });
    expect(blocks).toHaveLength(1);
    expect(report.facesFound).toBe(1);
  });
});
