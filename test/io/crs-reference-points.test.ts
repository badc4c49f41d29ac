/**
 * Accuracy of the pinned CRS definitions against published reference points
 * (test/fixtures/io/crs-reference-points.json states the source of every point). The residuals are
 * printed so the closing note can quote them.
 */
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { parseCrs } from '../../src/io/parse-crs.ts';
import { fixtureBytes } from './fixtures.ts';

interface ProjectedPoint {
  name: string;
  lat_dms: [number, number, number];
  lon_dms: [number, number, number];
  x: number;
  y: number;
}
interface DatumPoint {
  name: string;
  direction: 'forward' | 'reverse';
  bd72: [number, number];
  wgs84: [number, number];
}
const reference = JSON.parse(new TextDecoder().decode(fixtureBytes('crs-reference-points.json'))) as {
  lambert72Projection: { tolerance_m: number; points: ProjectedPoint[] };
  bd72ToWgs84: { tolerance_m: number; points: DatumPoint[] };
  lambert2008: { tolerance_m: number; points: ProjectedPoint[] };
};

const dms = ([d, m, s]: number[]) => d + m / 60 + s / 3600;
/** Metres on the ellipsoid surface for small angle differences (WGS 84 radii of curvature). */
function groundMetres(lat: number, dLat: number, dLon: number): number {
  const rad = Math.PI / 180;
  const e2 = 0.00669438;
  const s = Math.sin(lat * rad);
  const n = 6378137 / Math.sqrt(1 - e2 * s * s);
  const m = (6378137 * (1 - e2)) / (1 - e2 * s * s) ** 1.5;
  return Math.hypot(dLat * rad * m, dLon * rad * n * Math.cos(lat * rad));
}
const L72 = parseCrs('EPSG:31370').proj4;
/** BD72 geographic with the same EPSG:15929 shift as our EPSG:31370. */
const BD72 = `+proj=longlat +ellps=intl ${/\+towgs84=\S+/.exec(L72)![0]} +no_defs`;

describe('Belgian Lambert 72 (EPSG:31370) against published points', () => {
  it('projection: within 5 cm of the GN 7-2 example and the NGI sample points (residuals printed)', () => {
    const projectionOnly = L72.replace(/ \+towgs84=\S+/, '');
    const rows = reference.lambert72Projection.points.map((p) => {
      const [x, y] = proj4('+proj=longlat +ellps=intl +no_defs', projectionOnly, [dms(p.lon_dms), dms(p.lat_dms)]);
      return { name: p.name, dx: x - p.x, dy: y - p.y };
    });
    for (const r of rows) console.info(`Lambert 72 | ${r.name} | dx ${r.dx.toFixed(3)} m | dy ${r.dy.toFixed(3)} m | ${Math.hypot(r.dx, r.dy).toFixed(3)} m`);
    for (const r of rows) expect(Math.hypot(r.dx, r.dy)).toBeLessThan(reference.lambert72Projection.tolerance_m);
  });

  it('datum shift BD72 -> WGS 84: our +towgs84 reproduces EPSG:15929 at the IOGP GIGS 5204 points within 5 cm, both directions', () => {
    const rows = reference.bd72ToWgs84.points.map((p) => {
      const [from, to, crsFrom, crsTo] = p.direction === 'forward' ? [p.bd72, p.wgs84, BD72, 'WGS84'] : [p.wgs84, p.bd72, 'WGS84', BD72];
      const [lon, lat] = proj4(crsFrom, crsTo, [from[1], from[0]]);
      return { name: p.name, metres: groundMetres(to[0], lat - to[0], lon - to[1]) };
    });
    for (const r of rows) console.info(`BD72->WGS84 (EPSG:15929) | ${r.name} | ${r.metres.toFixed(3)} m`);
    for (const r of rows) expect(r.metres).toBeLessThan(reference.bd72ToWgs84.tolerance_m);
  });

  it('the shift is the one that matters: without it the GIGS points are off by about 100 m', () => {
    const p = reference.bd72ToWgs84.points[0];
    const [lon, lat] = proj4('+proj=longlat +ellps=intl +no_defs', 'WGS84', [p.bd72[1], p.bd72[0]]);
    expect(groundMetres(lat, lat - p.wgs84[0], lon - p.wgs84[1])).toBeGreaterThan(50);
  });
});

describe('Belgian Lambert 2008 (EPSG:3812)', () => {
  it('the false origin maps exactly (the only published point available offline)', () => {
    for (const p of reference.lambert2008.points) {
      const [x, y] = proj4('WGS84', parseCrs('EPSG:3812').proj4, [dms(p.lon_dms), dms(p.lat_dms)]);
      console.info(`Lambert 2008 | ${p.name} | dx ${(x - p.x).toFixed(4)} m | dy ${(y - p.y).toFixed(4)} m`);
      expect(Math.hypot(x - p.x, y - p.y)).toBeLessThan(reference.lambert2008.tolerance_m);
    }
  });

  it('Lambert 72 -> Lambert 2008 -> Lambert 72 round trip at the NGI points is within 1 mm', () => {
    const to08 = proj4(L72, parseCrs('EPSG:3812').proj4);
    for (const p of reference.lambert72Projection.points) {
      const back = to08.inverse(to08.forward([p.x, p.y]));
      expect(Math.hypot(back[0] - p.x, back[1] - p.y)).toBeLessThan(0.001);
      // Lambert 2008 = Lambert 72 + roughly 500 km in both axes (NGI chose the offset on purpose)
      const [x, y] = to08.forward([p.x, p.y]);
      expect(Math.abs(x - p.x - 500_000)).toBeLessThan(200);
      expect(Math.abs(y - p.y - 500_000)).toBeLessThan(200);
    }
  });
});
