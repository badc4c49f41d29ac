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

describe('joinTenure with age bands', () => {
  const hh = (x: number, ages: (number | string | null)[]): JoinRecord => ({
    type: 'Feature',
    properties: { tenure: 'own', persons: 3, age_0_17: ages[0], age_18_24: ages[1], age_25_49: ages[2], age_50_64: ages[3], age_65_plus: ages[4] },
    geometry: { type: 'Point', coordinates: [x, 10] },
  });
  it('sums members per band and gives the shares of children and of people aged 65+', () => {
    const { values, report } = joinTenure(blocks, [hh(10, [2, 0, 1, 0, 0]), hh(20, [0, 0, 0, 1, 2]), hh(210, [1, 1, 1, 0, 0])], { ageBands: true });
    expect(values.get('A')).toMatchObject({ inhabitants_0_17: 2, inhabitants_25_49: 1, inhabitants_50_64: 1, inhabitants_65_plus: 2, pct_aged_0_17: 33.3, pct_aged_65_plus: 33.3 });
    expect(values.get('M')).toMatchObject({ inhabitants_0_17: 1, inhabitants_18_24: 1, pct_aged_0_17: 33.3 });
    expect(report.joined).toBe(3);
  });
  it('counts a missing or invalid band as 0 and notes it; without ageBands no age fields appear', () => {
    const { values, report } = joinTenure(blocks, [hh(10, [null, 0, 'x', 1, 2])], { ageBands: true });
    expect(values.get('A')).toMatchObject({ inhabitants_0_17: 0, inhabitants_25_49: 0, pct_aged_65_plus: 66.7 });
    expect(report.notes).toMatchObject({ 'age-missing': 1, 'age-invalid': 1 });
    expect(Object.keys(joinTenure(blocks, [hh(10, [1, 1, 1, 0, 0])]).values.get('A')!)).not.toContain('inhabitants_0_17');
  });
});

describe('joinHousing with a typology', () => {
  const b = (x: number, dwellings: number, typology: string | null): JoinRecord => ({
    type: 'Feature',
    properties: { dwellings, construction_year: 1950, typology },
    geometry: { type: 'Point', coordinates: [x, 10] },
  });
  it('counts dwellings in closed row housing and their share, matching values loosely', () => {
    const { values, report } = joinHousing(blocks, [b(10, 1, 'Gesloten bebouwing '), b(20, 1, 'gesloten bebouwing'), b(30, 6, 'appartement'), b(40, 1, null)], { closedRowValues: ['gesloten bebouwing'] });
    expect(values.get('A')).toMatchObject({ dwellings: 9, dwellings_closed_row: 2, pct_closed_row: 22.2 });
    expect(report.notes).toMatchObject({ 'typology-missing': 1 });
  });
  it('adds no typology fields without closedRowValues', () => {
    expect(Object.keys(joinHousing(blocks, [b(10, 1, 'gesloten bebouwing')]).values.get('A')!)).not.toContain('dwellings_closed_row');
  });
});
