import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isArea, readOsmXml, readOverpassJson } from '../../src/io/read-osm.ts';
import { readVectorSource } from '../../src/io/read-vector-source.ts';
import { expectOneLineDetails, expectUserError, fixtureBytes, fixturePath } from './fixtures.ts';

describe('readOsmXml (small.osm, handmade)', () => {
  const r = readOsmXml(fixtureBytes('osm/small.osm'), { file: 'small.osm' });
  const byId = (id: string) => r.features.find((f) => f.id === id);

  it('tagged nodes -> points with tags, osm_type and osm_id; entities decoded; untagged, created_by-only and deleted nodes are not features', () => {
    expect(byId('node/5')).toEqual({ type: 'Feature', id: 'node/5', properties: { amenity: 'bench', name: 'Bank & één', osm_type: 'node', osm_id: 5 }, geometry: { type: 'Point', coordinates: [4.49, 51.02] } });
    expect(byId('node/6')).toBeUndefined();
    expect(byId('node/15')).toBeUndefined();
    expect(r.features.filter((f) => f.properties?.osm_type === 'node')).toHaveLength(1);
  });

  it('closed ways: building -> Polygon, highway=footway -> LineString, highway + area=yes -> Polygon; open way -> LineString', () => {
    expect(byId('way/100')?.geometry?.type).toBe('Polygon');
    expect(byId('way/101')?.geometry?.type).toBe('LineString');
    expect(byId('way/102')?.geometry?.type).toBe('Polygon');
    expect(byId('way/103')?.geometry).toEqual({ type: 'LineString', coordinates: [[4.48, 51.01], [4.481, 51.011]] });
  });

  it('multipolygon relation: outer ring joined from two ways, inner ring as a hole; member ways are not features of their own', () => {
    const g = byId('relation/300')?.geometry as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    expect(g.coordinates[0]).toHaveLength(5);
    expect(byId('relation/300')?.properties).toMatchObject({ landuse: 'grass', type: 'multipolygon' });
    expect(byId('way/200')).toBeUndefined();
    expect(byId('way/202')).toBeUndefined();
  });

  it('says what it did not read: an untagged stray way and a route relation', () => {
    expect(r.problems).toEqual([]);
    expect(r.warnings.join(' ')).toContain('1 way(s) without tags');
    expect(r.warnings.join(' ')).toContain('1 relation(s) that are not multipolygons');
  });

  it('area rules', () => {
    expect(isArea({ building: 'yes' })).toBe(true);
    expect(isArea({ highway: 'residential' })).toBe(false);
    expect(isArea({ highway: 'pedestrian', area: 'yes' })).toBe(true);
    expect(isArea({ natural: 'tree_row' })).toBe(false);
    expect(isArea({ leisure: 'park', area: 'no' })).toBe(false);
    expect(isArea({ barrier: 'fence' })).toBe(false);
  });

  it('broken XML: a one-line error with the line number, never a hang', async () => {
    await expectUserError(() => readOsmXml('<osm><node id="1" lat="1" lon="2">', { file: 'cut.osm' }), ['cut.osm, line 1', 'end of the file inside <node>']);
    await expectUserError(() => readOsmXml('<osm>\n<node id="1"></way>\n</osm>', { file: 'x.osm' }), ['x.osm, line 2', 'found </way> where </node> was expected']);
    await expectUserError(() => readOsmXml('<html><body>404</body></html>', { file: 'h.osm' }), ['h.osm', 'instead of an <osm> root element']);
    await expectUserError(() => readOsmXml('<osm>\n<node id="1" lat="1" lon=2/>\n</osm>', { file: 'q.osm' }), ['q.osm, line 2', 'malformed tag']);
  });

  it('an open multipolygon ring is a rejected record, not a crash', () => {
    const text = '<osm><node id="1" lat="0" lon="0"/><node id="2" lat="0" lon="1"/><node id="3" lat="1" lon="1"/><way id="9"><nd ref="1"/><nd ref="2"/><nd ref="3"/></way><relation id="5"><member type="way" ref="9" role="outer"/><tag k="type" v="multipolygon"/><tag k="natural" v="water"/></relation></osm>';
    const res = readOsmXml(text, { file: 'open.osm' });
    expect(res.features).toHaveLength(1);
    expect(res.problems).toMatchObject([{ index: 0, id: 'relation/5', reason: 'invalid-geometry' }]);
    expect(res.problems[0].detail).toContain('ring does not close');
  });
});

describe('readOverpassJson', () => {
  it('missing nodes and members are rejected with the element id; out center gives a point', () => {
    const r = readOverpassJson(fixtureBytes('osm/overpass-missing-nodes.json'), { file: 'o.json' });
    expect(r.features.map((f) => [f.id, f.geometry?.type ?? null])).toEqual([
      ['node/1', 'Point'],
      ['way/10', null],
      ['way/11', 'Point'],
      ['relation/20', null],
    ]);
    expect(r.problems.map((p) => [p.index, p.id, p.reason])).toEqual([
      [1, 'way/10', 'invalid-geometry'],
      [3, 'relation/20', 'invalid-geometry'],
    ]);
    expect(r.problems[0].detail).toContain('found 1 missing (e.g. node 3)');
    expectOneLineDetails(r.problems, 'o.json');
  });

  it('broken or non-Overpass JSON is a one-line error', async () => {
    await expectUserError(() => readOverpassJson('{"elements": [', { file: 'cut.json' }), ['cut.json, line 1', 'download it again']);
    await expectUserError(() => readOverpassJson('{"a": 1}', { file: 'a.json' }), ['a.json', '"elements" array']);
  });

  it('readVectorSource tells Overpass JSON from GeoJSON by content and refuses a projected crs for OSM', async () => {
    const src = await readVectorSource({ path: fixturePath('osm/overpass-missing-nodes.json') });
    expect(src).toMatchObject({ format: 'overpass-json', crs: 'EPSG:4326', recordCount: 4 });
    expect((await readVectorSource({ path: fixturePath('osm/small.osm') })).format).toBe('osm-xml');
    await expectUserError(() => readVectorSource({ path: fixturePath('osm/small.osm'), crs: 'EPSG:31370' }), ['always WGS 84']);
  });
});

const bars = fileURLToPath(new URL('../../../shared/realdata/mechelen/overpass-bars-2026.json', import.meta.url));
const haveBars = existsSync(bars);
if (!haveBars) console.warn(`read-osm.test.ts: skipping the real Overpass response: ${bars} is absent`);

describe.skipIf(!haveBars)('the real Overpass response (bars and cafés in Mechelen, ../shared)', () => {
  it('reads 89 nodes as points and 3 building ways (out geom) as polygons in central Mechelen, nothing rejected', async () => {
    const src = await readVectorSource({ path: bars });
    expect(src.format).toBe('overpass-json');
    expect(src.problems).toEqual([]);
    expect(src.features.filter((f) => f.geometry?.type === 'Point')).toHaveLength(89);
    expect(src.features.filter((f) => f.geometry?.type === 'Polygon').map((f) => f.id)).toEqual(['way/85615110', 'way/91859096', 'way/229393177']);
    expect(src.features.find((f) => f.id === 'node/313499887')?.properties).toMatchObject({ name: 'De Prof', amenity: 'pub', osm_id: 313499887 });
    for (const f of src.features) {
      const [lon, lat] = (JSON.stringify(f.geometry).match(/-?\d+\.\d+/g) ?? []).map(Number);
      expect(lon).toBeGreaterThan(4.4);
      expect(lon).toBeLessThan(4.55);
      expect(lat).toBeGreaterThan(50.98);
      expect(lat).toBeLessThan(51.07);
    }
  });
});
