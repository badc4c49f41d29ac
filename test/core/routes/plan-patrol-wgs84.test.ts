import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planPatrolWgs84 } from '../../../src/core/routes/plan-patrol-wgs84.ts';
import { LAMBERT72_PROJ4, lambert72 } from '../../../src/core/routes/project-lambert72.ts';
import { gpxText } from '../../../src/core/routes/gpx-text.ts';
import { parseCrs } from '../../../src/io/parse-crs.ts';
import { reprojectFeatures } from '../../../src/io/reproject.ts';

const dir = path.resolve(__dirname, '../../fixtures/routes');
const streets = JSON.parse(readFileSync(path.join(dir, 'grid-streets.geojson'), 'utf8')) as FeatureCollection;
const incidents = JSON.parse(readFileSync(path.join(dir, 'grid-incidents.geojson'), 'utf8')) as FeatureCollection<Point>;
const start = [4.4936, 51.0198] as const;

describe('planPatrolWgs84 (the browser path)', () => {
  it('plans on WGS84 streets and points, filtered to Friday evenings, and returns WGS84 routes', () => {
    const r = planPatrolWgs84(streets, { kind: 'points', data: incidents, timeField: 'datetime' }, start, { teams: 2, shiftMinutes: 60, maxIterations: 150, filter: { weekdays: [5], hours: { from: 18, to: 22 } } });
    expect(r.plan.totalScore).toBe(33);
    expect(r.coveredShare).toBeGreaterThan(0.8);
    const legs = r.features.features.filter((f) => f.properties.kind === 'leg');
    expect(legs.length).toBeGreaterThan(0);
    for (const f of legs) for (const [lon, lat] of f.geometry.coordinates as number[][]) {
      expect(lon).toBeGreaterThan(4.48);
      expect(lon).toBeLessThan(4.51);
      expect(lat).toBeGreaterThan(51.01);
      expect(lat).toBeLessThan(51.03);
    }
  });

  it('accepts counts per block and rejects a time filter for them', () => {
    const blocks: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { n: 7 }, geometry: { type: 'Polygon', coordinates: [[[4.4905, 51.0185], [4.4912, 51.0185], [4.4912, 51.0189], [4.4905, 51.0189], [4.4905, 51.0185]]] } }] };
    const r = planPatrolWgs84(streets, { kind: 'counts', data: blocks, countField: 'n' }, start, { teams: 1, shiftMinutes: 60, maxIterations: 50 });
    expect(r.plan.totalScore).toBe(7);
    expect(r.plan.routes[0].stops.length).toBeGreaterThan(0);
    expect(() => planPatrolWgs84(streets, { kind: 'counts', data: blocks, countField: 'n' }, start, { teams: 1, shiftMinutes: 60, filter: { weekdays: [5] } })).toThrow(/needs incident points/);
  });
});

describe('lambert72 (core copy of the pinned EPSG:31370)', () => {
  it('is the same definition as src/io/parse-crs.ts and projects like reprojectFeatures', () => {
    expect(LAMBERT72_PROJ4).toBe(parseCrs('EPSG:31370').proj4);
    const [f] = reprojectFeatures([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [4.4937, 51.0206] } }], 'EPSG:4326', 'EPSG:31370');
    const [x, y] = lambert72().forward([4.4937, 51.0206]);
    expect(x).toBeCloseTo((f.geometry as Point).coordinates[0], 6);
    expect(y).toBeCloseTo((f.geometry as Point).coordinates[1], 6);
    const [lon, lat] = lambert72().inverse([x, y]);
    expect(lon).toBeCloseTo(4.4937, 7); // 1e-7° ≈ 1 cm
    expect(lat).toBeCloseTo(51.0206, 7);
  });
});

describe('gpxText', () => {
  it('writes waypoints and one track, escaping names', () => {
    const text = gpxText({ name: 'Team <1> & co', waypoints: [{ lon: 4.49, lat: 51.02, name: 'Stop 1' }], tracks: [{ name: 'T', points: [[4.49, 51.02], [4.4912345678, 51.0212]] }] });
    expect(text).toContain('<name>Team &lt;1&gt; &amp; co</name>');
    expect(text).toContain('<wpt lat="51.02" lon="4.49"><name>Stop 1</name></wpt>');
    expect(text).toContain('<trkpt lat="51.0212" lon="4.4912346"/>');
    expect(() => gpxText({ name: 'x', tracks: [{ name: 't', points: [[NaN, 1]] }] })).toThrow(/not a finite number/);
  });
});
