// The app's stats worker runs runHotspotJob (src/app/workers/hotspot-job.ts) on the core; tested here
// without a Worker.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { hotspotFillColors, HOTSPOT_COLORS, LISA_COLORS } from '../../../src/app/map-layers/hotspot-layer.ts';
import { runHotspotJob, type HotspotResponse } from '../../../src/app/workers/hotspot-job.ts';
import { contiguityWeights } from '../../../src/core/stats/contiguity-weights.ts';
import { spatialStatistics } from '../../../src/core/stats/spatial-statistics.ts';

const grid = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/stats/grid-3x3.geojson', import.meta.url)), 'utf8'));
/** The Lambert grid fixture as WGS84-like degrees (the app's layers are WGS84): 100 m squares. */
const toDegrees = (g: Geometry): Geometry => ({
  type: 'Polygon',
  coordinates: (g as { coordinates: number[][][] }).coordinates.map((ring) => ring.map(([x, y]) => [4.48 + (x - 150000) / 70_000, 51.02 + (y - 200000) / 111_000])),
});
const gridDegrees: Geometry[] = grid.features.map((f: { geometry: Geometry }) => toDegrees(f.geometry));
const islandCase = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/stats/island-and-components.geojson', import.meta.url)), 'utf8'));

describe('stats worker job', () => {
  it('analyses the blocks with a value and equals the core result', () => {
    const values = grid.features.map((f: { properties: { value: number } }) => f.properties.value);
    values[4] = null; // the centre block has no value: left out, not zero
    const res = runHotspotJob({ requestId: 7, geometries: gridDegrees, ids: grid.features.map((f: { properties: { id: string } }) => f.properties.id), values, permutations: 99, seed: 3 }) as HotspotResponse;
    expect(res.ok).toBe(true);
    expect(res.requestId).toBe(7);
    expect(res.analysed).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(res.missing).toBe(1);
    const kept = grid.features.filter((_: unknown, i: number) => i !== 4);
    const core = spatialStatistics(kept.map((f: { properties: { value: number } }) => f.properties.value), contiguityWeights(kept, { tolerance: 0.001 }), { permutations: 99, seed: 3 });
    expect(res.giStarP).toEqual(core.local.map((u) => u.gi_star_p_sim));
    expect(res.lisaQuadrant).toEqual(core.local.map((u) => u.lisa_quadrant));
    expect(res.moran.I).toBe(core.moran.I);
  });

  it('links blocks across a street by default (20 m snap) and reports islands without it', () => {
    // two rows of 100 m blocks with a 12 m street between them (in degrees, as the app has them)
    const sq = (x0: number, y0: number): Geometry => toDegrees({ type: 'Polygon', coordinates: [[[x0, y0], [x0 + 100, y0], [x0 + 100, y0 + 100], [x0, y0 + 100], [x0, y0]]] });
    const geometries = [sq(150000, 200000), sq(150112, 200000), sq(150000, 200112), sq(150112, 200112), sq(150224, 200224)];
    const req = { requestId: 3, geometries, ids: ['a', 'b', 'c', 'd', 'e'], values: [1, 2, 3, 4, 9], permutations: 19 };
    const snapped = runHotspotJob(req) as HotspotResponse;
    // a–b, a–c, b–d, c–d across 12 m streets; a–d, b–c, d–e across crossings (corners 17 m apart)
    expect(snapped.weights).toMatchObject({ islands: 0, components: 1, links: 14 });
    const exact = runHotspotJob({ ...req, weights: { kind: 'queen', snapMetres: 0.001 } });
    expect(exact).toMatchObject({ ok: false });
    const knn = runHotspotJob({ ...req, weights: { kind: 'knn', k: 2 } }) as HotspotResponse;
    expect(knn.weights).toMatchObject({ islands: 0, min: 2, max: 2 });
  });

  it('reports islands and components for the warning, and colours islands apart', () => {
    const res = runHotspotJob({ requestId: 1, weights: { kind: 'queen', snapMetres: 0.001 }, geometries: islandCase.features.map((f: { geometry: Geometry }) => toDegrees(f.geometry)), ids: ['A', 'B', 'C', 'D', 'E'], values: [1, 2, 8, 9, 5], permutations: 19 }) as HotspotResponse;
    expect(res.weights).toMatchObject({ islands: 1, island_ids: ['E'], components: 3 });
    const colors = hotspotFillColors(5, res.analysed, 'lisa', res);
    expect(colors[4]).toEqual(LISA_COLORS.island);
    expect(hotspotFillColors(5, res.analysed, 'gi-star', res)[0]).toEqual(HOTSPOT_COLORS[res.giStarClass[0]]);
  });

  it('answers a failure with the one-line message instead of throwing', () => {
    const res = runHotspotJob({ requestId: 2, geometries: gridDegrees, ids: grid.features.map((_: unknown, i: number) => String(i)), values: new Array(9).fill(3) });
    expect(res).toMatchObject({ ok: false, requestId: 2 });
    expect((res as { message: string }).message).toMatch(/all 9 values are equal/);
  });
});

describe('hot spot legend (HotspotPanel)', () => {
  it('counts every analysed block once, in nl and en', async () => {
    const { hotspotLegend } = await import('../../../src/app/components/HotspotPanel.tsx');
    const values = grid.features.map((f: { properties: { value: number } }) => f.properties.value);
    const res = runHotspotJob({ requestId: 1, geometries: gridDegrees, ids: grid.features.map((_: unknown, i: number) => String(i)), values, permutations: 99 }) as HotspotResponse;
    for (const mode of ['gi-star', 'lisa'] as const) {
      for (const lang of ['nl', 'en'] as const) {
        const rows = hotspotLegend(res, mode, lang);
        expect(rows.reduce((s, r) => s + r.count, 0)).toBe(9);
      }
    }
    expect(hotspotLegend(res, 'gi-star', 'nl').map((r) => r.label)).toContain('Hotspot 99 %');
    expect(hotspotLegend(res, 'lisa', 'en').map((r) => r.label)).toContain('high – high (cluster)');
  });
});
