import { describe, expect, it } from 'vitest';
import { empiricalBayesRates } from '../../../src/core/stats/empirical-bayes-rates.ts';
import { kernelBandwidth } from '../../../src/core/stats/kernel-bandwidth.ts';
import { kernelDensity } from '../../../src/core/stats/kernel-density.ts';
import { rasterMeanPerBlock } from '../../../src/core/stats/raster-mean-per-block.ts';
import { weightsFromLists } from '../../../src/core/stats/spatial-weights.ts';
import { shiftWeekday, timeFilter } from '../../../src/core/stats/time-filter.ts';
import { wallClock } from '../../../src/core/stats/wall-clock.ts';
import { weekdayHourTable } from '../../../src/core/stats/weekday-hour-table.ts';

describe('empiricalBayesRates', () => {
  it('global EB (Marshall) by hand: small populations pulled to the mean, a = 0 gives the mean', () => {
    // y = (1, 10, 100), p = (10, 100, 1000): every raw rate is 0.1 → s² = 0 → a = 0 → EB = b = 0.1 for all
    expect(empiricalBayesRates([1, 10, 100], [10, 100, 1000]).eb).toEqual([100, 100, 100]);
    // y = (0, 30), p = (10, 1000): b = 30/1010; s² = (10 b² + 1000 (0.03 − b)²) / 1010; p̄ = 505; a = s² − b/505
    const b = 30 / 1010;
    const s2 = (10 * b * b + 1000 * (0.03 - b) ** 2) / 1010;
    const a = Math.max(0, s2 - b / 505);
    const r = empiricalBayesRates([0, 30], [10, 1000]);
    expect(r.raw).toEqual([0, 30]);
    expect(r.eb[0]).toBeCloseTo((b + (a * (0 - b)) / (a + b / 10)) * 1000, 12);
    expect(r.prior!.mean).toBeCloseTo(b * 1000, 12);
    expect(r.tiny).toEqual([true, false]);
  });
  it('spatial EB uses each unit with its neighbours; zero population gives null and is left out', () => {
    const w = weightsFromLists(['a', 'b', 'c'], [[1], [0], []]);
    const r = empiricalBayesRates([2, 8, 5], [100, 100, 0], { weights: w });
    expect(r.method).toBe('spatial');
    expect(r.eb[2]).toBeNull();
    expect(r.raw[2]).toBeNull();
    // neighbourhood {a, b}: b = 10/200 = 0.05, s² = (100·0.03² + 100·0.03²)/200 = 0.0009, a = 0.0009 − 0.05/100 = 0.0004
    expect(r.eb[0]).toBeCloseTo((0.05 + (0.0004 * (0.02 - 0.05)) / (0.0004 + 0.05 / 100)) * 1000, 10);
  });
});

describe('kernelDensity', () => {
  it('refuses degrees', () => {
    expect(() => kernelDensity([4.48], [51.02], { crs: 'EPSG:4326', cellSize: 10 })).toThrow(/degrees.*expected a projected CRS/);
  });
  for (const kernel of ['quartic', 'gaussian'] as const) {
    it(`${kernel}: integrates to the number of points (per km² × cell area)`, () => {
      const r = kernelDensity([1000, 1100], [2000, 2050], { crs: 'EPSG:31370', cellSize: 5, bandwidth: 100, kernel });
      const total = r.raster.values.reduce((s, v) => s + v, 0) * (5 * 5) / 1e6;
      expect(total).toBeCloseTo(2, kernel === 'quartic' ? 2 : 2);
      expect(r.bandwidthRule).toBe('user');
    });
  }
  it('quartic peak is 3/(π h²) per point at the centre', () => {
    const r = kernelDensity([5], [5], { crs: 'EPSG:31370', cellSize: 10, bandwidth: 100, bbox: [0, 0, 10, 10] });
    expect(r.raster.width * r.raster.height).toBe(1);
    expect(r.raster.values[0]).toBeCloseTo((3 / (Math.PI * 100 * 100)) * 1e6, 10);
  });
  it('bandwidth rule (ArcGIS): 0.9 × min(SD, √(1/ln 2) Dm) × n^−0.2', () => {
    // four points at distance 10 from their centre: SD = 10, Dm = 10 → min(10, 12.01) = 10 → 9 × 4^−0.2
    expect(kernelBandwidth([10, -10, 0, 0], [0, 0, 10, -10])).toBeCloseTo(9 * Math.pow(4, -0.2), 12);
    expect(kernelDensity([0, 10], [0, 0], { crs: 'EPSG:31370', cellSize: 1 }).bandwidthRule).toBe('arcgis-silverman');
  });
  it('per-block mean: the mean of cells inside, the interior cell for a block smaller than a cell', () => {
    const raster = { x0: 0, y0: 20, cellSize: 10, width: 2, height: 2, values: Float64Array.from([1, 2, 3, 4]) };
    const sq = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } });
    expect(rasterMeanPerBlock(raster, [sq(0, 0, 20, 20), sq(0, 0, 20, 10), sq(11, 11, 12, 12), sq(100, 100, 110, 110)])).toEqual([2.5, 3.5, 2, 0]);
  });
});

describe('time filter and weekday × hour table', () => {
  const times = ['2021-03-05T23:30:00+01:00', '2021-03-06 02:15', '2021-03-08T10:00', '2021-03-07', 'yesterday', '2022-01-01T22:00'];
  it('reads weekday and hour from the wall clock as written', () => {
    expect(wallClock(times[0])).toEqual({ weekday: 5, hour: 23, date: '2021-03-05' });
    expect(wallClock('2021-02-30')).toBeNull();
  });
  it('filters by period, weekday and an hour band that wraps midnight', () => {
    const r = timeFilter(times, { period: { from: '2021-01-01', to: '2021-12-31' }, weekdays: [5, 6], hours: { from: 22, to: 6 } });
    expect(r.indices).toEqual([0, 1]);
    expect(r.unreadable).toEqual([4]);
    expect(r.dropped).toEqual({ period: 1, weekday: 2, hour: 0, noTime: 0 });
    expect(timeFilter(times, { hours: { from: 9, to: 12 } }).dropped.noTime).toBe(1);
    // a band that wraps midnight belongs to the evening it starts: Friday 22–6 keeps Saturday 2:15, not Friday 1 h
    const fridayNight = timeFilter(['2021-03-05T23:30', '2021-03-06T02:15', '2021-03-05T01:00', '2021-03-06T23:00'], { weekdays: [5], hours: { from: 22, to: 6 } });
    expect(fridayNight.indices).toEqual([0, 1]);
    expect(shiftWeekday(1, 3, { from: 22, to: 6 })).toBe(7); // Monday 3 h: Sunday's night
    expect(shiftWeekday(1, 3, { from: 2, to: 6 })).toBe(1); // a band that does not wrap: its own day
  });
  it('counts per weekday × hour per group', () => {
    const t = weekdayHourTable(times, ['A', 'A', 'B', 'B', 'B', null]);
    expect(t.groups.A[4 * 24 + 23]).toBe(1);
    expect(t.groups.A[5 * 24 + 2]).toBe(1);
    expect(t.groups.B[0 * 24 + 10]).toBe(1);
    expect(t).toMatchObject({ counted: 3, skipped: 3 });
  });
});
