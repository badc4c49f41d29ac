import type { Feature, Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readGeojson } from '../../src/io/read-geojson.ts';
import { stringifyFeatureCollection } from '../../src/io/write-geojson.ts';
import { expectUserError, fixtureBytes } from './fixtures.ts';

/** Planar signed area in lon/lat; > 0 is counter-clockwise. */
const signedArea = (ring: number[][]) => ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1][1] - ring[i + 1][0] * p[1], 0) / 2;

const cw = [
  [4.49, 51.02],
  [4.49, 51.03],
  [4.5, 51.03],
  [4.5, 51.02],
  [4.49, 51.02],
];
const ccwHole = [
  [4.492, 51.022],
  [4.498, 51.022],
  [4.498, 51.028],
  [4.492, 51.028],
  [4.492, 51.022],
];

describe('stringifyFeatureCollection', () => {
  it('writes one feature per line, sorted property keys, rounded coordinates and a trailing newline', () => {
    const features: Feature<Geometry | null>[] = [
      { type: 'Feature', id: 'b1', properties: { z: 1, a: { y: 2, b: [3, { d: 1, c: 2 }] }, m: 'é' }, geometry: { type: 'Point', coordinates: [4.123456789, 51.000000049] } },
      { type: 'Feature', properties: null, geometry: null },
    ];
    expect(stringifyFeatureCollection(features)).toBe(
      '{"type":"FeatureCollection","features":[\n' +
        '{"type":"Feature","id":"b1","properties":{"a":{"b":[3,{"c":2,"d":1}],"y":2},"m":"é","z":1},"geometry":{"type":"Point","coordinates":[4.123457,51]}},\n' +
        '{"type":"Feature","properties":null,"geometry":null}\n' +
        ']}\n',
    );
  });

  it('is byte-identical for the same input, whatever the key order of properties', () => {
    const { features } = readGeojson(fixtureBytes('all-geometry-types.geojson'));
    const shuffled = features.map((f) => ({ ...f, properties: { zz: 1, aa: 2 } }));
    const reordered = features.map((f) => ({ ...f, properties: { aa: 2, zz: 1 } }));
    const a = stringifyFeatureCollection(shuffled);
    expect(stringifyFeatureCollection(reordered)).toBe(a);
    expect(stringifyFeatureCollection(JSON.parse(JSON.stringify(shuffled)))).toBe(a);
    // and it is valid JSON that reads back to the same geometries
    const back = JSON.parse(a);
    expect(back.features).toHaveLength(features.length);
    expect(back.crs).toBeUndefined();
  });

  it('winds outer rings counter-clockwise and holes clockwise (RFC 7946), without mutating input', () => {
    const polygon: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [cw, ccwHole] } };
    const before = JSON.stringify(polygon);
    const out = JSON.parse(stringifyFeatureCollection([polygon, { ...polygon, geometry: { type: 'MultiPolygon', coordinates: [[cw, ccwHole]] } }]));
    const [outer, hole] = out.features[0].geometry.coordinates as number[][][];
    expect(signedArea(outer)).toBeGreaterThan(0);
    expect(signedArea(hole)).toBeLessThan(0);
    const [mOuter, mHole] = out.features[1].geometry.coordinates[0] as number[][][];
    expect(signedArea(mOuter)).toBeGreaterThan(0);
    expect(signedArea(mHole)).toBeLessThan(0);
    expect(outer[0]).toEqual(outer[outer.length - 1]);
    expect(JSON.stringify(polygon)).toBe(before);
  });

  it('writes no -0 and no exponents', () => {
    const text = stringifyFeatureCollection([
      { type: 'Feature', properties: { tiny: 1e-7, negZero: -0, big: 1e21, nan: NaN }, geometry: { type: 'LineString', coordinates: [[-0.0000001, 0.0000004], [1e-7, -1e-12]] } },
    ]);
    expect(text).toContain('"coordinates":[[0,0],[0,0]]');
    expect(text).toContain('"tiny":0.0000001');
    expect(text).toContain('"negZero":0');
    expect(text).toContain('"big":1000000000000000000000');
    expect(text).toContain('"nan":null');
    expect(text).not.toMatch(/e[-+]?\d/i);
    expect(text).not.toContain('-0,');
  });

  it('honours precision and writes empty collections', () => {
    const f: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [4.123456789, 51.5] } };
    expect(stringifyFeatureCollection([f], { precision: 2 })).toContain('"coordinates":[4.12,51.5]');
    expect(stringifyFeatureCollection([])).toBe('{"type":"FeatureCollection","features":[]}\n');
  });

  it('rejects a bad precision (UserError) and projected coordinates (bug: Error with stack)', async () => {
    await expectUserError(() => stringifyFeatureCollection([], { precision: 1.5 }), ['precision', '1.5']);
    const lambert: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [158650, 189990] } };
    expect(() => stringifyFeatureCollection([lambert])).toThrow(/feature index 0 .*reproject to EPSG:4326/);
  });

  it('writes projected coordinates with a crs member (GeoJSON 2008) that readGeojson reads back', () => {
    const f: Feature = { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [158650.12345, 189990.5] } };
    const text = stringifyFeatureCollection([f], { crs: 'EPSG:31370' });
    expect(text).toBe('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::31370"}},"features":[\n{"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[158650.123,189990.5]}}\n]}\n');
    const back = readGeojson(text);
    expect(back.crs).toBe('EPSG:31370');
    expect(back.features[0].geometry).toEqual({ type: 'Point', coordinates: [158650.123, 189990.5] });
    // a proj4 string is written as the name; parseCrs reads it back
    const custom = '+proj=tmerc +lat_0=31 +lon_0=-111.9166666666667 +k=0.9999 +x_0=213360 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +to_meter=0.3048006096012192 +no_defs';
    expect(readGeojson(stringifyFeatureCollection([f], { crs: custom })).crs).toBe(custom);
    expect(stringifyFeatureCollection([], { crs: 'EPSG:3812' })).toBe('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3812"}},"features":[]}\n');
    // EPSG:4326 stays RFC 7946: no crs member
    expect(stringifyFeatureCollection([], { crs: 'EPSG:4326' })).toBe('{"type":"FeatureCollection","features":[]}\n');
  });
});
