import { describe, expect, it } from 'vitest';
import { joinHousing } from '../../../src/core/join/join-housing.ts';
import { joinTenure } from '../../../src/core/join/join-tenure.ts';
import type { BlockFeature } from '../../../src/core/types.ts';
import type { JoinRecord } from '../../../src/core/join/check-records.ts';

const rect = (x0: number, y0: number, x1: number, y1: number) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
const blocks: BlockFeature[] = [
  { type: 'Feature', properties: { block_id: 'A', area_m2: 5000 }, geometry: { type: 'Polygon', coordinates: rect(0, 0, 100, 50) } },
  { type: 'Feature', properties: { block_id: 'M', area_m2: 5000 }, geometry: { type: 'MultiPolygon', coordinates: [rect(200, 0, 250, 50), rect(300, 0, 350, 50)] } },
];

describe('joinHousing', () => {
  it('with defaultDwellings null, a missing dwellings count is rejected missing-value', () => {
    const records: JoinRecord[] = [{ type: 'Feature', properties: { construction_year: 1900 }, geometry: { type: 'Point', coordinates: [5, 5] } }];
    expect(joinHousing(blocks, records, { defaultDwellings: null }).report.rejected.map((r) => r.reason)).toEqual(['missing-value']);
    expect(() => joinHousing(blocks, records, { defaultDwellings: -1 })).toThrow(/defaultDwellings/);
  });
  it('assigns a building over a MultiPolygon block to it and rejects a building whose clipping fails', () => {
    const building: JoinRecord = { type: 'Feature', properties: { dwellings: 2, construction_year: 1930 }, geometry: { type: 'Polygon', coordinates: rect(240, 10, 310, 20) } };
    expect(joinHousing(blocks, [building]).values.get('M')).toMatchObject({ dwellings: 2, dwellings_1900_1945: 2, pct_built_before_1945: 100 });
    const failed = joinHousing(blocks, [building], { clip: () => NaN });
    expect(failed.report.rejected.map((r) => r.reason)).toEqual(['clip-failed']);
  });
});

describe('joinTenure', () => {
  it('refuses a tenure mapping to something other than rent or own', () => {
    expect(() => joinTenure(blocks, [], { tenureValues: { huur: 'huur' as never } })).toThrow(/expected 'rent' or 'own'/);
  });
});
