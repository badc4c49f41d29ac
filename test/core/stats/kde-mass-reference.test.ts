import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelDensity } from '../../../src/core/stats/kernel-density.ts';

// Reference: R MASS::kde2d (exact Gaussian product kernel at grid points), made by
// test/fixtures/stats/kde-mass/make-reference.R; 60 points, sd 60 m, 61 × 41 centres of 10 m cells.
const dir = path.resolve(import.meta.dirname, '../../fixtures/stats/kde-mass');
const csv = (f: string) =>
  readFileSync(path.join(dir, f), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));

describe('kernelDensity (Gaussian) against R MASS::kde2d', () => {
  it('gives n × kde2d per km² at every cell centre, up to the documented 4-bandwidth cut-off', () => {
    const pts = csv('points.csv');
    const ref = csv('kde2d.csv');
    const kde = kernelDensity(pts.map((p) => p[0]), pts.map((p) => p[1]), { crs: 'EPSG:31370', cellSize: 10, bandwidth: 60, kernel: 'gaussian', bbox: [158000, 190000, 158610, 190410] });
    const r = kde.raster;
    expect([r.x0, r.y0, r.width, r.height]).toEqual([158000, 190410, 61, 41]);
    let max = 0;
    let worst = 0;
    let worstCut = 0;
    const h = 60;
    for (const [x, y, d] of ref) {
      const c = Math.round((x - r.x0) / 10 - 0.5);
      const row = Math.round((r.y0 - y) / 10 - 0.5);
      const expected = d * pts.length * 1e6; // kde2d: mean density per m²; ours: points per km²
      // what the documented cut-off leaves out: the kernels of points 4 bandwidths or more away
      let beyond = 0;
      for (const [px, py] of pts) {
        const d2 = (px - x) ** 2 + (py - y) ** 2;
        if (d2 >= 16 * h * h) beyond += (Math.exp(-d2 / (2 * h * h)) / (2 * Math.PI * h * h)) * 1e6;
      }
      const ours = r.values[row * r.width + c];
      max = Math.max(max, expected);
      worst = Math.max(worst, Math.abs(ours - expected));
      worstCut = Math.max(worstCut, Math.abs(ours - (expected - beyond)) / Math.max(expected - beyond, 1e-12));
    }
    expect(ref.length).toBe(61 * 41);
    // with the cut-off accounted for, kde2d is matched to 1e-9 relative in every cell
    expect(worstCut).toBeLessThan(1e-9);
    // and the cut-off itself (e^−8 of a kernel's peak per point at most) costs < 2e-4 of the maximum here
    expect(worst / max).toBeLessThan(2e-4);
  });
});
