import proj4 from 'proj4';
import path from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { composeMapPage } from '../../../src/core/page/compose-map-page.ts';
import { fitMapProjection, niceScaleDenominator } from '../../../src/core/page/fit-map-projection.ts';
import { scaleBarLength } from '../../../src/core/page/draw-scale-bar.ts';
import type { PageItem } from '../../../src/core/page/page-model.ts';
import { parseCrs } from '../../../src/io/parse-crs.ts';
import { loadAtlasDir } from './fixture-atlas.ts';

const demo = loadAtlasDir(path.resolve(__dirname, '../../../layers'));
const lambert = proj4(parseCrs('EPSG:4326').proj4, parseCrs('EPSG:31370').proj4);
const frame = { x: 10, y: 30, width: 190, height: 150 };

/** Area-weighted centroid of a polygon's outer ring, longitude/latitude (good enough for a block). */
function centroid(f: Feature): [number, number] {
  const ring = (f.geometry as Polygon).coordinates[0];
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const c = x0 * y1 - x1 * y0;
    a += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

const blocks = demo.layers.blocks.filter((f) => f.geometry?.type === 'Polygon');
const centroids = blocks.map(centroid);

describe('fitMapProjection lambert72 against proj4 EPSG:31370', () => {
  it('matches proj4 over the demo area up to a similarity (residuals under 5 cm)', () => {
    const p = fitMapProjection('lambert72', demo.manifest.atlas.bbox, frame);
    // Page mm (y down) -> metres, then the best similarity (scale, rotation, shift) onto proj4's Lambert 72.
    const src = centroids.map((c) => { const [x, y] = p.project(c); return [x, -y]; });
    const dst = centroids.map((c) => lambert.forward(c));
    const n = src.length;
    const ms = src.reduce((m, s) => [m[0] + s[0] / n, m[1] + s[1] / n], [0, 0]);
    const md = dst.reduce((m, d) => [m[0] + d[0] / n, m[1] + d[1] / n], [0, 0]);
    let sxx = 0, sxy = 0, ss = 0;
    for (let i = 0; i < n; i++) {
      const ax = src[i][0] - ms[0], ay = src[i][1] - ms[1], bx = dst[i][0] - md[0], by = dst[i][1] - md[1];
      sxx += ax * bx + ay * by; sxy += ax * by - ay * bx; ss += ax * ax + ay * ay;
    }
    const a = sxx / ss, b = sxy / ss;
    const rotationDeg = (Math.atan2(b, a) * 180) / Math.PI;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const ax = src[i][0] - ms[0], ay = src[i][1] - ms[1];
      const fx = a * ax - b * ay + md[0], fy = b * ax + a * ay + md[1];
      worst = Math.max(worst, Math.hypot(fx - dst[i][0], fy - dst[i][1]));
    }
    expect(worst).toBeLessThan(0.05);
    // Same grid orientation: no rotation beyond the BD72/WGS84 datum rotation (seconds of arc).
    expect(Math.abs(rotationDeg)).toBeLessThan(0.002);
    // The fitted scale factor (metres per mm) agrees with the page's own scale (Lambert 72 k ≈ 1 here).
    expect(Math.hypot(a, b) / p.metresPerMm).toBeCloseTo(1, 3);
  });

  it('rounds to a standard scale and turns the north arrow by the meridian convergence', () => {
    const p = fitMapProjection('lambert72', demo.manifest.atlas.bbox, frame);
    expect([5000, 7500, 10000, 12500]).toContain(Math.round(p.scaleDenominator));
    // Arsenaal lies east of the central meridian 4°22': meridians converge towards the pole, so true north
    // points slightly left of "up", by the convergence n·(λ − λ0) ≈ 0.7716 × 0.1225° ≈ 0.095°.
    expect(p.northAngle).toBeCloseTo(-0.0945, 2);
    const m = fitMapProjection('web-mercator', demo.manifest.atlas.bbox, frame);
    expect(Math.abs(m.northAngle)).toBeLessThan(1e-6);
  });

  it('niceScaleDenominator and scaleBarLength pick standard values', () => {
    expect(niceScaleDenominator(8100)).toBe(10000);
    expect(niceScaleDenominator(7500)).toBe(7500);
    expect(niceScaleDenominator(1001)).toBe(1250);
    expect(scaleBarLength(10, 45, 'nl')).toEqual({ metres: 200, mm: 20, label: '200 m' });
    expect(scaleBarLength(50, 45, 'nl')).toEqual({ metres: 2000, mm: 40, label: '2 km' });
    expect(scaleBarLength(2, 45, 'en').label).toBe('50 m');
  });
});

describe('scale bar against a known distance between two blocks', () => {
  for (const projection of ['lambert72', 'web-mercator'] as const) {
    it(`${projection}: mm on the page × map scale = Lambert 72 distance between two block centroids (0.1 %)`, () => {
      const { page, info } = composeMapPage(demo, { layer: 'blocks', indicator: 'pct_built_before_1945', createdOn: '2026-11-27', projection });
      // The two blocks farthest apart.
      let best = [0, 1], far = 0;
      for (let i = 0; i < centroids.length; i++) for (let j = i + 1; j < centroids.length; j++) {
        const d = Math.hypot(...(lambert.forward(centroids[i]).map((v, k) => v - lambert.forward(centroids[j])[k]) as [number, number]));
        if (d > far) { far = d; best = [i, j]; }
      }
      expect(far).toBeGreaterThan(800);
      const [pa, pb] = best.map((i) => info.projection.project(centroids[i]));
      const mmOnPage = Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
      expect((mmOnPage * info.projection.metresPerMm) / far).toBeCloseTo(1, 3);
      // The scale bar as drawn: its segments span `mm`, and mm × metres per mm is the labelled length.
      const bar = (function find(items: PageItem[]): PageItem[] | undefined {
        for (const i of items) if (i.kind === 'group') { if (i.role === 'scale-bar') return i.items; const r = find(i.items); if (r) return r; }
        return undefined;
      })(page.items)!;
      const segs = bar.filter((i) => i.kind === 'path').slice(1).map((i) => (i.kind === 'path' ? i.d.match(/-?\d+(\.\d+)?/g)!.map(Number) : []));
      const barMm = segs[segs.length - 1][2] - segs[0][0];
      expect(segs).toHaveLength(4);
      expect((barMm * info.projection.metresPerMm) / info.scaleBar.metres).toBeCloseTo(1, 2);
      const label = bar.find((i) => i.kind === 'text' && i.id === 'scale-bar-label');
      expect(label && label.kind === 'text' ? label.text : '').toBe(info.scaleBar.label);
      // And the blocks' distance read off the bar: far / metres × bar mm = their distance on the page.
      expect(((far / info.scaleBar.metres) * barMm) / mmOnPage).toBeCloseTo(1, 2);
    });
  }
});
