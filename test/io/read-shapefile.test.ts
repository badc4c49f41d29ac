import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDbf, encodingFromCpg } from '../../src/io/read-dbf.ts';
import { readShapefile, shapefilePartsFromZip } from '../../src/io/read-shapefile.ts';
import { readVectorSource } from '../../src/io/read-vector-source.ts';
import { reprojectFeatures } from '../../src/io/reproject.ts';
import { expectOneLineDetails, expectUserError, fixtureBytes, fixturePath } from './fixtures.ts';
import { LAMBERT72_ESRI_PRJ, linesShapefile, pointsShapefile, polygonsShapefile } from '../fixtures/io/make-format-fixtures.ts';
import { SHP, writeDbf, writeShapefile, encode } from './shapefile-writer.ts';

describe('readShapefile (generated fixtures)', () => {
  it('reads points with UTF-8 attributes, keeps the null shape as a rejected record with its number', () => {
    const r = readShapefile({ ...pointsShapefile(), cpg: 'UTF-8' }, { file: 'points.shp' });
    expect(r.features).toHaveLength(4);
    expect(r.features[0]).toEqual({ type: 'Feature', properties: { id: 1, naam: 'Café Zoniënwoud' }, geometry: { type: 'Point', coordinates: [158650, 189990] } });
    expect(r.features[2].geometry).toBeNull();
    expect(r.problems).toEqual([{ index: 2, id: null, reason: 'null-geometry', detail: expect.stringContaining('points.shp, record 3: expected a shape, found a null shape') }]);
    expect(r.encoding).toBe('utf-8');
  });

  it('assembles polygon rings by orientation: hole inside its outer, two outers -> MultiPolygon, RFC 7946 winding', () => {
    const r = readShapefile(polygonsShapefile(), { file: 'polygons.shp' });
    const [withHole, twoParts] = r.features.map((f) => f.geometry);
    expect(withHole?.type).toBe('Polygon');
    expect((withHole as Polygon).coordinates).toHaveLength(2);
    expect(twoParts?.type).toBe('MultiPolygon');
    expect((twoParts as MultiPolygon).coordinates).toHaveLength(2);
    const area = (ring: Position[]) => ring.slice(0, -1).reduce((s, [x1, y1], i) => s + x1 * ring[i + 1][1] - ring[i + 1][0] * y1, 0) / 2;
    expect(area((withHole as Polygon).coordinates[0])).toBeGreaterThan(0); // outer counter-clockwise
    expect(area((withHole as Polygon).coordinates[1])).toBeLessThan(0); // hole clockwise
    expect(r.problems).toEqual([]);
  });

  it('an orphan counter-clockwise ring (writer got the orientation wrong) becomes an outer ring: no area lost', () => {
    const ccw = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]].map(([x, y]) => [x + 150000, y + 180000]);
    const r = readShapefile(writeShapefile(SHP.Polygon, [[ccw]], [{ name: 'a', type: 'C', length: 2 }], [['x']]), { file: 'ccw.shp' });
    expect(r.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [ccw] });
  });

  it('reads polylines (one part -> LineString, two -> MultiLineString), MultiPoint, PointZ, PolygonZ and PointM', () => {
    const lines = readShapefile(linesShapefile(), { file: 'lines.shp' }).features.map((f) => f.geometry?.type);
    expect(lines).toEqual(['LineString', 'MultiLineString']);
    const field = [{ name: 'n', type: 'N' as const, length: 3 }];
    const mp = readShapefile(writeShapefile(SHP.MultiPoint, [[[[1, 2], [3, 4]]]], field, [[1]])).features[0].geometry;
    expect(mp).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    const pz = readShapefile(writeShapefile(SHP.PointZ, [[1, 2, 30]], field, [[1]])).features[0].geometry;
    expect(pz).toEqual({ type: 'Point', coordinates: [1, 2, 30] });
    const ring = [[0, 0, 5], [0, 1, 5], [1, 1, 6], [1, 0, 6], [0, 0, 5]];
    const polyz = readShapefile(writeShapefile(SHP.PolygonZ, [[ring]], field, [[1]])).features[0].geometry as Polygon;
    expect(new Set(polyz.coordinates[0].map((p) => p.length))).toEqual(new Set([3]));
    expect(polyz.coordinates[0].map((p) => p[2]).sort()).toEqual([5, 5, 5, 6, 6]); // z kept with its vertex
    const pm = readShapefile(writeShapefile(SHP.PointM, [[1, 2, 99]], field, [[1]])).features[0].geometry;
    expect(pm).toEqual({ type: 'Point', coordinates: [1, 2] }); // M dropped
  });

  it('a missing .shx: records are read one after another, with a warning', () => {
    const { shp, dbf } = pointsShapefile();
    const r = readShapefile({ shp, dbf, cpg: 'UTF-8' }, { file: 'points.shp' });
    expect(r.features).toHaveLength(4);
    expect(r.features[3].geometry).toEqual({ type: 'Point', coordinates: [159001, 189500] });
    expect(r.warnings.join(' ')).toContain('points.shx is missing');
  });

  it('a truncated .shp: the complete records are read, the rest are rejected with their record numbers; no hang', () => {
    const { shp, shx, dbf } = pointsShapefile();
    for (const cut of [100 + 28 + 10, 100 + 28 + 28 + 5, shp.length - 3]) {
      for (const withShx of [true, false]) {
        const r = readShapefile({ shp: shp.subarray(0, cut), shx: withShx ? shx : undefined, dbf, cpg: 'UTF-8' }, { file: 'cut.shp' });
        expect(r.features).toHaveLength(4); // the .dbf has 4 records: every one is accounted for
        const rejected = new Set(r.problems.map((p) => p.index));
        const read = r.features.filter((f, i) => f.geometry && !rejected.has(i)).length;
        expect(read + rejected.size).toBe(4);
        expect(rejected.has(3)).toBe(true);
        expectOneLineDetails(r.problems, 'cut.shp');
      }
    }
  });

  it('refuses files that are not shapefiles, with a one-line message', async () => {
    await expectUserError(() => readShapefile({ shp: new Uint8Array(0) }, { file: 'leeg.shp' }), ['leeg.shp', 'empty (0-byte)']);
    await expectUserError(() => readShapefile({ shp: encode('<html>'.repeat(40)) }, { file: 'x.shp' }), ['x.shp', 'file code 9994', 'not a .shp']);
  });

  it('a .dbf with fewer records than the .shp: the extra shapes are rejected as missing attributes', () => {
    const { shp, shx } = pointsShapefile();
    const dbf = writeDbf([{ name: 'id', type: 'N', length: 5 }], [[1], [2]]);
    const full = readDbf(dbf);
    expect(full.records).toHaveLength(2);
    const r = readShapefile({ shp, shx, dbf }, { file: 'p.shp' });
    expect(r.features).toHaveLength(4);
    expect(r.problems.map((p) => [p.index, p.reason])).toEqual([[2, 'null-geometry'], [3, 'missing-value']]);
  });

  it('reads a shapefile from a .zip (in a folder), and asks for --layer when there are several', async () => {
    const { parts, name } = shapefilePartsFromZip(fixtureBytes('shapefile/points.zip'), 'points.zip');
    expect(name).toBe('data/points.shp');
    expect(parts.prj).toBe(LAMBERT72_ESRI_PRJ);
    const src = await readVectorSource({ path: fixturePath('shapefile/points.zip') });
    expect(src).toMatchObject({ format: 'shapefile', crs: 'EPSG:31370', recordCount: 4, layer: 'points' });
    expect(src.features[1].properties).toEqual({ id: 2, naam: 'Dronckaert - Coisé' });
    const { zipSync } = await import('fflate');
    const p = pointsShapefile();
    const two = zipSync({ 'a.shp': p.shp, 'b.shp': p.shp });
    await expectUserError(() => shapefilePartsFromZip(two, 'two.zip'), ['two.zip', 'holds 2 shapefiles (a, b)', '--layer']);
    expect(shapefilePartsFromZip(two, 'two.zip', 'b').name).toBe('b.shp');
    await expectUserError(() => shapefilePartsFromZip(encode('PK garbage'), 'bad.zip'), ['bad.zip', 'cannot be unzipped']);
  });
});

describe('readDbf', () => {
  it('maps .cpg names to encodings', () => {
    expect(['UTF-8', '65001', 'ANSI 1252', '1252', '8859-1', 'ISO-8859-1', 'latin1', 'ISO 8859-15'].map(encodingFromCpg)).toEqual([
      'utf-8', 'utf-8', 'windows-1252', 'windows-1252', 'windows-1252', 'windows-1252', 'windows-1252', 'iso-8859-15',
    ]);
    expect(encodingFromCpg('klingon')).toBeNull();
  });

  it('defaults to Latin-1 without a .cpg; a .cpg that says UTF-8 over Latin-1 bytes falls back with a warning', () => {
    const dbf = writeDbf([{ name: 'naam', type: 'C', length: 12 }], [['Coisé']]);
    expect(readDbf(dbf).records[0]).toEqual({ naam: 'Coisé' });
    const wrong = readDbf(dbf, { cpg: 'UTF-8', file: 'w.dbf' });
    expect(wrong.records[0]).toEqual({ naam: 'Coisé' });
    expect(wrong.warnings[0]).toContain('w.dbf: the .cpg says UTF-8 but the text is not valid UTF-8');
    const utf8 = writeDbf([{ name: 'naam', type: 'C', length: 12 }], [['Coisé']], { utf8: true });
    const noCpg = readDbf(utf8);
    expect(noCpg.records[0]).toEqual({ naam: 'Coisé' });
    expect(noCpg.warnings[0]).toContain('no .cpg file and the text is valid UTF-8');
    expect(readDbf(utf8, { encoding: 'latin1' }).records[0]).toEqual({ naam: 'CoisÃ©' }); // the user's word wins
  });

  it('reads odd field types: L, D, I, O, N with overflow stars, memo (null + warning), deleted records', () => {
    const fields = [
      { name: 'ok', type: 'L' as const, length: 1 },
      { name: 'datum', type: 'D' as const, length: 8 },
      { name: 'aantal', type: 'I' as const, length: 4 },
      { name: 'dubbel', type: 'O' as const, length: 8 },
      { name: 'bedrag', type: 'N' as const, length: 6, decimals: 2 },
      { name: 'memo', type: 'M' as const, length: 10 },
    ];
    const dbf = writeDbf(fields, [[true, '20210503', 42, 1.5, '******', '1'], ['?', '', -7, -0.25, '3,50', null]], { deleted: [1] });
    const t = readDbf(dbf, { file: 'odd.dbf' });
    expect(t.records).toEqual([
      { ok: true, datum: '2021-05-03', aantal: 42, dubbel: 1.5, bedrag: null, memo: null },
      { ok: null, datum: null, aantal: -7, dubbel: -0.25, bedrag: 3.5, memo: null },
    ]);
    expect(t.deleted).toEqual([2]);
    expect(t.warnings.join(' ')).toContain('memo field(s) memo');
  });

  it('refuses a 0-byte or header-less .dbf and keeps short files accountable', async () => {
    await expectUserError(() => readDbf(new Uint8Array(0), { file: 'leeg.dbf' }), ['leeg.dbf', 'empty (0-byte)', 'delete it to read the geometries']);
    await expectUserError(() => readDbf(new Uint8Array(20), { file: 'kort.dbf' }), ['kort.dbf', 'at least 32 bytes']);
    const dbf = writeDbf([{ name: 'n', type: 'N', length: 3 }], [[1], [2], [3]]);
    const cut = readDbf(dbf.subarray(0, dbf.length - 5), { file: 'cut.dbf' }); // the end marker and record 3 cut off
    expect(cut.records).toEqual([{ n: 1 }, { n: 2 }, null]);
    expect(cut.warnings.join(' ')).toContain('announces 3 records but the file holds only 2');
    // A damaged header announcing ~4 billion records: read what is there, warn, no hang.
    const huge = dbf.slice();
    new DataView(huge.buffer).setUint32(4, 0xfffffff0, true);
    const t = readDbf(huge, { file: 'huge.dbf' });
    expect(t.records).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(t.warnings.join(' ')).toContain('announces 4294967280 records');
  });
});

describe('readVectorSource: shapefiles on disk', () => {
  it('reads the .prj (ESRI Lambert 72 -> EPSG:31370), the .cpg and says how the CRS was found', async () => {
    const src = await readVectorSource({ path: fixturePath('shapefile/points.shp') });
    expect(src).toMatchObject({ format: 'shapefile', crs: 'EPSG:31370', recordCount: 4 });
    expect(src.crsSource).toContain('.prj: PROJCS "Belge_Lambert_1972" matched EPSG:31370');
    expect(src.problems.map((p) => p.index)).toEqual([2]);
  });

  it('Latin-1 without .cpg; polygons validated; lines', async () => {
    expect((await readVectorSource({ path: fixturePath('shapefile/latin1-no-cpg.shp') })).features[0].properties).toEqual({ naam: 'Coisé' });
    expect((await readVectorSource({ path: fixturePath('shapefile/polygons.shp') })).problems).toEqual([]);
    expect((await readVectorSource({ path: fixturePath('shapefile/lines.shp') })).recordCount).toBe(2);
  });

  it('a declared crs that contradicts the .prj is an error; --encoding overrides the .cpg', async () => {
    await expectUserError(() => readVectorSource({ path: fixturePath('shapefile/points.shp'), crs: 'EPSG:3812' }), ['declares crs EPSG:3812', 'points.prj says EPSG:31370']);
    const src = await readVectorSource({ path: fixturePath('shapefile/points.shp'), encoding: 'latin1' });
    expect(src.features[0].properties?.naam).toBe('CafÃ© ZoniÃ«nwoud');
  });
});

const shared = fileURLToPath(new URL('../../../shared/realdata/', import.meta.url));
const haveShared = existsSync(`${shared}flanders/wijken-2024.shp`) && existsSync(`${shared}mechelen/wijken-2024-wgs84.geojson`);
if (!haveShared) console.warn(`read-shapefile.test.ts: skipping the real-data checks: ${shared} is absent (read-only real data, not in the repository)`);

/** Great-circle distance in metres. */
function metres(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}
const vertices = (g: Geometry | null): Position[] => (g?.type === 'Polygon' ? g.coordinates.flat() : g?.type === 'MultiPolygon' ? g.coordinates.flat(2) : []);

describe.skipIf(!haveShared)('real Shapefiles (../shared/realdata)', () => {
  let wijken: Awaited<ReturnType<typeof readVectorSource>>;
  beforeAll(async () => {
    wijken = await readVectorSource({ path: `${shared}flanders/wijken-2024.shp` });
  }, 60_000);

  it('Flanders wijken: 2,730 polygons, Lambert 72 from the .prj, accents right (UTF-8 .cpg), nothing rejected', () => {
    expect(wijken.recordCount).toBe(2730);
    expect(wijken.crs).toBe('EPSG:31370');
    expect(wijken.problems).toEqual([]);
    const names = wijken.features.map((f) => String(f.properties?.naam));
    expect(names).toContain('Zoniënwoud (Hoeilaart)');
    expect(names).toContain('Dronckaert - Coisé (Menen)');
    expect(names.some((n) => /Ã|\uFFFD/.test(n))).toBe(false);
  });

  it('Arsenaal (geoitem 1202512) in WGS 84 is within 1 m of the publisher\'s WGS 84 version (discrete Hausdorff)', () => {
    const published = JSON.parse(readFileSync(`${shared}mechelen/wijken-2024-wgs84.geojson`, 'utf8')) as FeatureCollection;
    const ours = wijken.features.filter((f) => String(f.properties?.geoitem) === '1202512');
    expect(ours).toHaveLength(1);
    expect(ours[0].properties?.naam).toBe('Arsenaal (Mechelen)');
    const a = vertices(reprojectFeatures(ours, wijken.crs, 'EPSG:4326')[0].geometry);
    const b = vertices(published.features.find((f) => String(f.properties?.geoitem) === '1202512')!.geometry);
    const directed = (p: Position[], q: Position[]) => Math.max(...p.map((x) => Math.min(...q.map((y) => metres(x, y)))));
    const hausdorff = Math.max(directed(a, b), directed(b, a));
    console.info(`Arsenaal from the Flanders Shapefile vs published WGS 84: ${a.length} vs ${b.length} vertices, Hausdorff ${hausdorff.toFixed(4)} m`);
    expect(a.length).toBeGreaterThan(10);
    expect(hausdorff).toBeLessThan(1);
  });

  it('geodanet (NAD83 StatePlane Arizona Central, US feet .prj) reprojects into Phoenix/Tempe (lon ≈ -112, lat ≈ 33.4)', async () => {
    for (const layer of ['crimes', 'streets', 'schools']) {
      const src = await readVectorSource({ path: `${shared}spatial-stats/geodanet/${layer}.shp` });
      expect(src.crs).toMatch(/\+proj=tmerc .*\+to_meter=0\.3048006096/);
      expect(src.problems).toEqual([]);
      const wgs = reprojectFeatures(src.features, src.crs, 'EPSG:4326');
      for (const f of wgs) {
        const g = f.geometry as Geometry & { coordinates: unknown };
        const [lon, lat] = (JSON.stringify(g.coordinates).match(/-?\d+\.?\d*/g) ?? []).map(Number);
        expect(lon).toBeGreaterThan(-112.3);
        expect(lon).toBeLessThan(-111.7);
        expect(lat).toBeGreaterThan(33.2);
        expect(lat).toBeLessThan(33.7);
      }
    }
    const counts = await Promise.all(['crimes', 'streets', 'schools'].map(async (l) => (await readVectorSource({ path: `${shared}spatial-stats/geodanet/${l}.shp` })).recordCount));
    expect(counts).toEqual([287, 293, 8]);
  });
});
