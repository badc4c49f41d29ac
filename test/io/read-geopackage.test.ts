import { describe, expect, it } from 'vitest';
import { readGeopackage } from '../../src/io/read-geopackage.ts';
import { parseGpkgGeometry, parseWkb, WkbError } from '../../src/io/parse-wkb.ts';
import { readVectorSource } from '../../src/io/read-vector-source.ts';
import { gpkgBlob, LAMBERT72_GPKG_SRS, makeGeopackage, SQUARE, wkbPoint, wkbPolygon } from '../fixtures/io/make-format-fixtures.ts';
import { expectUserError, fixtureBytes, fixturePath } from './fixtures.ts';

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));

describe('parseWkb', () => {
  it('reads points, polygons, Z, EWKB with SRID, big-endian and multi geometries', () => {
    expect(parseWkb(wkbPoint(1.5, -2))).toEqual({ type: 'Point', coordinates: [1.5, -2] });
    expect(parseWkb(wkbPolygon([SQUARE]))).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
    // big-endian POINT(1 2): 00 00000001 3ff0000000000000 4000000000000000
    expect(parseWkb(hex('00000000013ff00000000000004000000000000000'))).toEqual({ type: 'Point', coordinates: [1, 2] });
    // ISO POINT Z (1 2 3) = type 1001
    expect(parseWkb(hex('01e9030000000000000000f03f00000000000000400000000000000840'))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    // EWKB SRID=31370;POINT(1 2): type 0x20000001, srid 31370
    expect(parseWkb(hex('01010000208a7a0000000000000000f03f0000000000000040'))).toEqual({ type: 'Point', coordinates: [1, 2] });
    // MULTIPOINT((1 2),(3 4))
    const mp = hex('0104000000020000000101000000000000000000f03f0000000000000040010100000000000000000008400000000000001040');
    expect(parseWkb(mp)).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    // POINT EMPTY as NaN coordinates
    expect(parseWkb(hex('0101000000000000000000f87f000000000000f87f'))).toBeNull();
  });

  it('damaged WKB throws WkbError (cut short, unknown type, trailing bytes)', () => {
    expect(() => parseWkb(wkbPoint(1, 2).subarray(0, 12))).toThrow(WkbError);
    expect(() => parseWkb(hex('0109000000'))).toThrow(/type code/);
    expect(() => parseWkb(Uint8Array.from([...wkbPoint(1, 2), 0]))).toThrow(/1 more byte/);
    expect(() => parseWkb(hex('0103000000ffffff7f'))).toThrow(WkbError);
  });

  it('reads the GeoPackage binary header (srs_id, envelope, empty flag)', () => {
    expect(parseGpkgGeometry(gpkgBlob(wkbPoint(1, 2), 31370))).toEqual({ geometry: { type: 'Point', coordinates: [1, 2] }, srsId: 31370 });
    const withEnvelope = Uint8Array.from([0x47, 0x50, 0, 0x03, 0x8a, 0x7a, 0, 0, ...new Array(32).fill(0), ...wkbPoint(1, 2)]);
    expect(parseGpkgGeometry(withEnvelope).geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseGpkgGeometry(Uint8Array.from([0x47, 0x50, 0, 0x11, 0, 0, 0, 0])).geometry).toBeNull();
    expect(() => parseGpkgGeometry(wkbPoint(1, 2))).toThrow(/starting with "GP"/);
  });
});

describe('readGeopackage', () => {
  it('reads a layer with its CRS from gpkg_spatial_ref_sys; NULL geometry is a rejected record with its fid', async () => {
    const r = await readGeopackage(fixtureBytes('geopackage/wijken.gpkg'), { file: 'wijken.gpkg' });
    expect(r).toMatchObject({ layer: 'wijken', layers: ['wijken'], crs: 'EPSG:31370', srsId: 31370 });
    expect(r.features[0]).toEqual({ type: 'Feature', id: 1, properties: { naam: 'Arsenaal' }, geometry: { type: 'Polygon', coordinates: [SQUARE] } });
    expect(r.features[2].geometry).toEqual({ type: 'Point', coordinates: [158650, 189990] });
    expect(r.problems).toMatchObject([{ index: 1, id: 2, reason: 'null-geometry' }]);
    expect(r.problems[0].detail).toContain('wijken.gpkg, layer wijken, feature 2 (fid 2)');
  });

  it('several layers need --layer; srs from a WKT definition; undefined srs needs --crs', async () => {
    const custom = { id: 900, org: 'MYORG', code: 1, definition: LAMBERT72_GPKG_SRS.definition };
    const bytes = await makeGeopackage(
      [
        { table: 'a', srsId: 900, rows: [[1, 'x', wkbPoint(158650, 189990)]] },
        { table: 'b', srsId: 0, rows: [[1, 'y', wkbPoint(158650, 189990)]] },
      ],
      [custom],
    );
    await expectUserError(() => readGeopackage(bytes, { file: 'two.gpkg' }), ['two.gpkg', 'holds 2 feature tables (a, b)', '--layer']);
    const a = await readGeopackage(bytes, { file: 'two.gpkg', layer: 'a' });
    expect(a.crs).toBe('EPSG:31370');
    expect(a.crsSource).toContain('from its WKT definition');
    expect((await readGeopackage(bytes, { layer: 'b' })).crs).toBeNull();
    await expectUserError(() => readGeopackage(bytes, { file: 'two.gpkg', layer: 'c' }), ['expected a layer "c", found a, b']);
  });

  it('readVectorSource: .gpkg, a damaged blob is a rejected record, a damaged file a one-line error', async () => {
    const src = await readVectorSource({ path: fixturePath('geopackage/wijken.gpkg') });
    expect(src).toMatchObject({ format: 'geopackage', crs: 'EPSG:31370', recordCount: 3, layer: 'wijken' });
    const bad = await makeGeopackage([{ table: 't', srsId: 31370, rows: [[1, 'ok', wkbPoint(158650, 189990)], [2, 'kapot', wkbPolygon([SQUARE]).subarray(0, 30)]] }], [LAMBERT72_GPKG_SRS]);
    const r = await readGeopackage(bad, { file: 'bad.gpkg' });
    expect(r.problems).toMatchObject([{ index: 1, reason: 'invalid-geometry' }]);
    expect(r.problems[0].detail).toContain('the geometry blob is damaged');
    const good = fixtureBytes('geopackage/wijken.gpkg');
    await expectUserError(() => readGeopackage(good.subarray(0, 50), { file: 'cut.gpkg' }), ['cut.gpkg', 'expected a GeoPackage']);
    const scrambled = good.slice();
    for (let i = 100; i < scrambled.length; i += 7) scrambled[i] ^= 0x5a;
    await expectUserError(() => readGeopackage(scrambled, { file: 'scrambled.gpkg' }), ['scrambled.gpkg']);
  });
});
