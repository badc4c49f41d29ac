import { describe, expect, it } from 'vitest';
import { binTimeFilter, isEmptyBinFilter } from '../../../src/core/stats/bin-time-filter.ts';
import { densityOfBins } from '../../../src/core/stats/density-of-bins.ts';
import { incidentDensityLayer, type PlacedIncident } from '../../../src/core/stats/incident-density-layer.ts';
import { kernelDensity } from '../../../src/core/stats/kernel-density.ts';
import { timeFilter } from '../../../src/core/stats/time-filter.ts';
import { weekdayHourOfBins } from '../../../src/core/stats/weekday-hour-of-bins.ts';
import { weekdayHourTable } from '../../../src/core/stats/weekday-hour-table.ts';
import { seededRandom } from '../../../src/core/random/seeded-random.ts';

const CRS = 'EPSG:31370';
const pad = (n: number) => String(n).padStart(2, '0');

/** Seeded incidents: positions on the 10 m bin centres (so binning is exact), times over 2020–2021. */
function incidents(n: number, seed: number, onCentres = true): PlacedIncident[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = 158000 + (onCentres ? Math.floor(rand() * 60) * 10 + 5 : rand() * 600);
    const y = 190000 + (onCentres ? Math.floor(rand() * 40) * 10 + 5 : rand() * 400);
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 731) * 864e5).toISOString().slice(0, 10);
    const r = rand();
    const time = r < 0.05 ? day : r < 0.07 ? 'onleesbaar' : `${day}T${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:00`;
    return { x, y, time, block: `B${i % 7}` };
  });
}

const extent: [number, number, number, number] = [158000, 190000, 158600, 190400];

describe('incidentDensityLayer', () => {
  const placed = incidents(400, 7);
  const layer = incidentDensityLayer(placed, { crs: CRS, extent, bandwidth: 60 });

  it('accounts for every incident in the bins, and carries no id, category or exact date', () => {
    expect(layer.incidents).toBe(400);
    expect(layer.bins.n.reduce((a, b) => a + b, 0)).toBe(400);
    expect(Object.keys(layer.bins).sort()).toEqual(['block', 'col', 'hour', 'month', 'n', 'row', 'weekday']);
    expect(layer.bins.month.every((m) => m === '' || /^\d{4}-\d{2}$/.test(m))).toBe(true);
    // bins are distinct keys
    const keys = new Set(layer.bins.n.map((_, i) => ['col', 'row', 'weekday', 'hour', 'month', 'block'].map((k) => (layer.bins as unknown as Record<string, unknown[]>)[k][i]).join('|')));
    expect(keys.size).toBe(layer.bins.n.length);
  });

  it('publishes the exact kernel density of all incidents on a grid covering the extent plus the reach', () => {
    const g = layer.grid;
    expect(g.x0).toBeLessThanOrEqual(extent[0] - 60);
    expect(g.y0).toBeGreaterThanOrEqual(extent[3] + 60);
    expect(g.x0 + g.width * g.cell_m).toBeGreaterThanOrEqual(extent[2] + 60);
    const exact = kernelDensity(placed.map((p) => p.x), placed.map((p) => p.y), { crs: CRS, cellSize: 10, bandwidth: 60, bbox: [g.x0, g.y0 - g.height * 10, g.x0 + g.width * 10, g.y0] }).raster.values;
    expect(layer.values.length).toBe(g.width * g.height);
    layer.values.forEach((v, i) => expect(Math.abs(v - exact[i])).toBeLessThanOrEqual(0.005 + 1e-9));
    // the mass: Σ density × cell area (km²) = the incidents, all kernels inside the grid
    expect(layer.values.reduce((a, b) => a + b, 0) * 1e-4).toBeCloseTo(400, 0);
  });

  it('with points on the bin centres, the binned density equals the exact one, for any filter', () => {
    const g = layer.grid;
    const bbox: [number, number, number, number] = [g.x0, g.y0 - g.height * 10, g.x0 + g.width * 10, g.y0];
    const filter = { weekdays: [5, 6], hours: { from: 20, to: 3 } };
    const kept = timeFilter(placed.map((p) => p.time), filter).indices;
    expect(kept.length).toBeGreaterThan(20);
    const exact = kernelDensity(kept.map((i) => placed[i].x), kept.map((i) => placed[i].y), { crs: CRS, cellSize: 10, bandwidth: 60, bbox }).raster.values;
    const binned = densityOfBins(layer, { filter });
    expect(binned.incidents).toBe(kept.length);
    let maxDiff = 0;
    for (let i = 0; i < exact.length; i++) maxDiff = Math.max(maxDiff, Math.abs(exact[i] - binned.values[i]));
    expect(maxDiff).toBeLessThan(1e-6);
  });

  it('an empty selection gives a zero surface, not an error', () => {
    const r = densityOfBins(layer, { filter: { blocks: ['nope'] } });
    expect(r.incidents).toBe(0);
    expect(r.values.every((v) => v === 0)).toBe(true);
  });

  it('refuses degrees and an empty input with a user error', () => {
    expect(() => incidentDensityLayer([], { crs: CRS, extent })).toThrow(/no incidents/);
    expect(() => incidentDensityLayer(placed, { crs: 'EPSG:4326', extent, bandwidth: 60 })).toThrow(/degrees/);
  });

  it('is deterministic: the same incidents in another order give the same file', () => {
    const again = incidentDensityLayer(placed.slice().reverse(), { crs: CRS, extent, bandwidth: 60 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(layer));
  });
});

describe('binTimeFilter and weekdayHourOfBins agree with timeFilter and weekdayHourTable on single records', () => {
  const placed = incidents(300, 11, false);
  const layer = incidentDensityLayer(placed, { crs: CRS, extent, bandwidth: 60, binSize: 0.001 });
  // with tiny bins every record is its own bin: map bins back to records by position
  const recordOf = layer.bins.n.map((_, i) => placed.findIndex((p) => Math.floor((p.x - layer.grid.x0) / 0.001) === layer.bins.col[i] && Math.floor((layer.grid.y0 - p.y) / 0.001) === layer.bins.row[i]));

  it('one bin per record', () => {
    expect(layer.bins.n.length).toBe(300);
    expect(new Set(recordOf).size).toBe(300);
  });

  const cases = [
    { weekdays: [1, 2, 3] },
    { hours: { from: 22, to: 6 } },
    { hours: { from: 8, to: 12 } },
    { weekdays: [6, 7], hours: { from: 0, to: 24 } },
  ];
  for (const filter of cases) {
    it(`same records kept for ${JSON.stringify(filter)}`, () => {
      const expected = timeFilter(placed.map((p) => p.time), filter).indices.sort((a, b) => a - b);
      const keep = binTimeFilter(layer.bins, filter);
      const got = recordOf.filter((_, i) => keep[i]).sort((a, b) => a - b);
      expect(got).toEqual(expected);
    });
  }

  it('months are inclusive and drop unreadable times', () => {
    const keep = binTimeFilter(layer.bins, { months: { from: '2020-03', to: '2020-05' } });
    const got = recordOf.filter((_, i) => keep[i]).sort((a, b) => a - b);
    const expected = timeFilter(placed.map((p) => p.time), { period: { from: '2020-03-01', to: '2020-05-31' } }).indices.sort((a, b) => a - b);
    expect(got).toEqual(expected);
  });

  it('the weekday × hour chart counts what weekdayHourTable counts', () => {
    const mine = weekdayHourOfBins(layer.bins, { blocks: ['B3'] });
    const idx = placed.map((p, i) => (p.block === 'B3' ? i : -1)).filter((i) => i >= 0);
    const ref = weekdayHourTable(idx.map((i) => placed[i].time));
    expect(mine.counts).toEqual(ref.groups.all);
    expect(mine.total).toBe(idx.length);
    expect(mine.noHour).toBe(ref.skipped);
  });

  it('an empty filter is recognised (the whole week, no band, no months, no blocks)', () => {
    expect(isEmptyBinFilter({})).toBe(true);
    expect(isEmptyBinFilter({ weekdays: [1, 2, 3, 4, 5, 6, 7] })).toBe(true);
    expect(isEmptyBinFilter({ hours: { from: 22, to: 6 } })).toBe(false);
  });
});
