import { describe, expect, it } from 'vitest';
import { densityColor, densityPixels } from '../../src/app/map-layers/density-layer.ts';
import { weekdayHourCsv } from '../../src/app/state/table-export.ts';

describe('densityColor', () => {
  it('is transparent at 0 (and for missing values), the top RdPu colour at and above max', () => {
    expect(densityColor(0, 100)[3]).toBe(0);
    expect(densityColor(Number.NaN, 100)[3]).toBe(0);
    expect(densityColor(5, 0)[3]).toBe(0);
    expect(densityColor(100, 100)).toEqual([73, 0, 106, 215]);
    expect(densityColor(500, 100)).toEqual([73, 0, 106, 215]);
  });
  it('darkens monotonically and fades in over the lowest 15 %', () => {
    const lum = (c: number[]) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    let prev = Infinity;
    for (let v = 1; v <= 100; v += 3) {
      const c = densityColor(v, 100);
      expect(lum(c)).toBeLessThanOrEqual(prev + 1e-9);
      prev = lum(c);
    }
    expect(densityColor(7.5, 100)[3]).toBe(108); // half of 215 at half of 15 %
    expect(densityColor(15, 100)[3]).toBe(215);
  });
  it('densityPixels writes 4 bytes per cell in row order', () => {
    const px = densityPixels([0, 100, 50, 0], 2, 2, 100);
    expect(px.length).toBe(16);
    expect(Array.from(px.slice(4, 8))).toEqual([73, 0, 106, 215]);
    expect(px[3]).toBe(0);
  });
});

describe('weekdayHourCsv', () => {
  it('writes the same columns as `wijkatlas density --table`, for Belgian Excel', () => {
    const counts = new Array(168).fill(0);
    counts[4 * 24 + 23] = 5; // Friday 23 h
    const csv = weekdayHourCsv(counts, 'A01 A02');
    expect(csv.startsWith('\uFEFFgroep;dag;0u;1u;')).toBe(true);
    const rows = csv.slice(1).trim().split('\r\n');
    expect(rows).toHaveLength(8);
    expect(rows[5]).toBe(['A01 A02', 'vr', ...new Array(23).fill(0), 5].join(';'));
  });
});
