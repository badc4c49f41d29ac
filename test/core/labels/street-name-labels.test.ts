import { existsSync, readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelTextWidthPx, streetNameLabels, type StreetNameLabel } from '../../../src/core/labels/street-name-labels.ts';

const fixture = (name: string): FeatureCollection => JSON.parse(readFileSync(new URL(`../../fixtures/labels/${name}.geojson`, import.meta.url), 'utf8'));
const SIZE = 12;

type XY = [number, number];

/** Web Mercator pixels at zoom z (512-pixel tiles), computed independently of the module's local projection. */
function pixel([lon, lat]: [number, number], z: number): XY {
  const scale = (512 * 2 ** z) / (2 * Math.PI);
  const phi = (lat * Math.PI) / 180;
  return [scale * ((lon * Math.PI) / 180), -scale * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

/** Corners of the label's text box (no padding) in pixels at zoom z; screen y points down, so the angle turns the other way. */
function box(l: StreetNameLabel, z: number): XY[] {
  const [cx, cy] = pixel(l.position, z);
  const w = labelTextWidthPx(l.name, SIZE) / 2;
  const h = (1.2 * SIZE) / 2;
  const a = (-l.angle * Math.PI) / 180;
  const u: XY = [Math.cos(a), Math.sin(a)];
  const v: XY = [-u[1], u[0]];
  return [
    [-w, -h],
    [w, -h],
    [w, h],
    [-w, h],
  ].map(([s, t]) => [cx + s * u[0] + t * v[0], cy + s * u[1] + t * v[1]]);
}

/** Whether two convex quadrilaterals intersect: a corner inside the other, or two edges crossing. */
function intersects(p: XY[], q: XY[]): boolean {
  const inside = (pt: XY, poly: XY[]) => poly.every((a, i) => {
    const b = poly[(i + 1) % poly.length];
    return (b[0] - a[0]) * (pt[1] - a[1]) - (b[1] - a[1]) * (pt[0] - a[0]) >= 0;
  });
  const cross = (a: XY, b: XY, c: XY, d: XY) => {
    const o = (p1: XY, p2: XY, p3: XY) => Math.sign((p2[0] - p1[0]) * (p3[1] - p1[1]) - (p2[1] - p1[1]) * (p3[0] - p1[0]));
    return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
  };
  if (p.some((pt) => inside(pt, q)) || q.some((pt) => inside(pt, p))) return true;
  return p.some((a, i) => q.some((c, j) => cross(a, p[(i + 1) % 4], c, q[(j + 1) % 4])));
}

/** Labels visible at zoom z that overlap, as name pairs. */
function overlaps(labels: StreetNameLabel[], z: number): string[] {
  const shown = labels.filter((l) => l.minZoom <= z);
  const boxes = shown.map((l) => box(l, z));
  const out: string[] = [];
  for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) if (intersects(boxes[i], boxes[j])) out.push(`${shown[i].name} × ${shown[j].name}`);
  return out;
}

describe('streetNameLabels', () => {
  it('names a street drawn in three parts (one reversed) first at its middle, level; skips unnamed lines and areas', () => {
    const labels = streetNameLabels(fixture('street-split-in-three-parts'), { fontSize: SIZE });
    expect(new Set(labels.map((x) => x.name))).toEqual(new Set(['Lange Straat']));
    // at zoom 15 the 600-m street shows one name (a second would be closer than 200 px = 328 m)
    expect(labels.filter((x) => x.minZoom <= 15)).toHaveLength(1);
    const [l] = labels;
    expect(l.name).toBe('Lange Straat');
    expect(l.minZoom).toBe(14);
    expect(Math.abs(l.angle)).toBeLessThan(1e-6);
    // the middle of the 600-m street is the fixture's origin (4.49, 51.02)
    expect(Math.abs(l.position[0] - 4.49)).toBeLessThan(1e-6);
    expect(Math.abs(l.position[1] - 51.02)).toBeLessThan(1e-6);
  });

  it('gives the crossing to the primary road, moves the side street off the crossing, and keeps text upright', () => {
    const labels = streetNameLabels(fixture('primary-crossing-residential'), { fontSize: SIZE });
    // each street's first label (the one placed at the lowest zoom)
    const by = (name: string) => labels.filter((l) => l.name === name).sort((a, b) => a.minZoom - b.minZoom);
    const [main] = by('Leuvensesteenweg');
    const [side] = by('Kortstraat');
    const [north] = by('Noordstraat');
    expect(main.minZoom).toBe(14);
    // drawn from south-east to north-west: read from the west, falling to the east
    expect(main.angle).toBeCloseTo(-45, 1);
    expect(side.angle).toBeCloseTo(45, 1);
    // drawn southwards, written bottom to top
    expect(north.angle).toBeCloseTo(90, 6);
    // the side street's name is a quarter of the street (106 m) from the crossing, shown only once it clears the main road's name
    const dMetres = Math.hypot((side.position[0] - 4.49) * 111319.49 * Math.cos((51.02 * Math.PI) / 180), (side.position[1] - 51.02) * 111319.49);
    expect(dMetres).toBeGreaterThan(100);
    expect(side.minZoom).toBeGreaterThan(main.minZoom);
    expect(overlaps(labels, side.minZoom - 0.25).length).toBe(0);
  });

  it('shows a name only from the zoom at which its street is long enough to carry it', () => {
    // a 60-m street: "Hofkesgang" at 12 px is about 75 px wide (81 with padding) → needs ≤ 0.74 m per pixel
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Hofkesgang' }, geometry: { type: 'LineString', coordinates: [[4.49, 51.02], [4.49 + 60 / (111319.49 * Math.cos((51.02 * Math.PI) / 180)), 51.02]] } }] };
    const [l] = streetNameLabels(fc, { fontSize: SIZE });
    const mpp = (z: number) => (2 * Math.PI * 6378137 * Math.cos((51.02 * Math.PI) / 180)) / (512 * 2 ** z);
    const need = labelTextWidthPx('Hofkesgang', SIZE) + 6;
    expect(need * mpp(l.minZoom)).toBeLessThanOrEqual(60);
    expect(need * mpp(l.minZoom - 0.25)).toBeGreaterThan(60);
    // too short to carry its name at any zoom up to 20: no label
    expect(streetNameLabels(fc, { fontSize: SIZE, maxZoom: l.minZoom - 0.25 })).toHaveLength(0);
  });

  it('places the same labels whatever the order of the features', () => {
    const fc = fixture('primary-crossing-residential');
    const key = (ls: StreetNameLabel[]) => ls.map((l) => `${l.name} ${l.minZoom} ${l.position.map((v) => v.toFixed(7))}`).sort();
    expect(key(streetNameLabels({ ...fc, features: fc.features.slice().reverse() }))).toEqual(key(streetNameLabels(fc)));
  });

  it('never lets two names overlap at any zoom, and repeats a name along a long street at most every 200 px (demo streets)', () => {
    const streets = JSON.parse(readFileSync(new URL('../../../data/arsenaal-demo/streets.geojson', import.meta.url), 'utf8')) as FeatureCollection;
    const labels = streetNameLabels(streets, { fontSize: SIZE });
    const named = new Set(streets.features.map((f) => f.properties?.name).filter(Boolean));
    expect(new Set(labels.map((l) => l.name))).toEqual(named);
    for (let z = 14; z <= 20; z += 0.25) expect(overlaps(labels, z), `zoom ${z}`).toEqual([]);
    for (let z = 14; z <= 20; z += 0.25) {
      const shown = labels.filter((l) => l.minZoom <= z);
      for (const a of shown) {
        for (const b of shown) {
          if (a === b || a.name !== b.name) continue;
          const [pa, pb] = [pixel(a.position, z), pixel(b.position, z)];
          expect(Math.hypot(pa[0] - pb[0], pa[1] - pb[1])).toBeGreaterThan(199);
        }
      }
    }
  });

  const osm = new URL('../../../../shared/realdata/mechelen/osm-roads-2017.geojson', import.meta.url);
  it.skipIf(!existsSync(osm))('real Mechelen OSM roads: no overlaps at zooms 14–19 (skipped without ../shared)', () => {
    const roads = JSON.parse(readFileSync(osm, 'utf8')) as FeatureCollection;
    const labels = streetNameLabels(roads, { fontSize: SIZE });
    expect(labels.length).toBeGreaterThan(1000);
    for (const z of [14, 15.5, 17, 19]) {
      // check the labels around the centre of Mechelen (a 1.5-km square), where they are densest
      const near = labels.filter((l) => Math.abs(l.position[0] - 4.478) < 0.011 && Math.abs(l.position[1] - 51.028) < 0.007);
      expect(overlaps(near, z), `zoom ${z}`).toEqual([]);
    }
  });
});
