import { describe, expect, it } from 'vitest';
import { readGeojson } from '../../src/io/read-geojson.ts';
import { expectOneLineDetails, expectUserError, fixtureBytes } from './fixtures.ts';

const read = (name: string, options: Parameters<typeof readGeojson>[1] = {}) => readGeojson(fixtureBytes(name), { file: name, ...options });

describe('readGeojson', () => {
  it('reads every geometry type and null geometry from a FeatureCollection, default CRS EPSG:4326', () => {
    const { features, crs, problems } = read('all-geometry-types.geojson');
    expect(crs).toBe('EPSG:4326');
    expect(features.map((f) => f.geometry?.type ?? null)).toEqual(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', null]);
    expect(problems).toEqual([{ index: 7, id: null, reason: 'null-geometry', detail: expect.stringContaining('all-geometry-types.geojson, feature 8') }]);
  });

  it('reads a bare geometry and a single Feature (keeping its id)', () => {
    const bare = read('bare-geometry.geojson');
    expect(bare.features).toEqual([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [4.49, 51.02] } }]);
    const single = read('single-feature.geojson');
    expect(single.features).toHaveLength(1);
    expect(single.features[0].id).toBe(7);
    expect(single.problems).toEqual([]);
  });

  it('honours a legacy crs member (name URN and the old EPSG form)', () => {
    const named = read('legacy-crs-member.geojson');
    expect(named.crs).toBe('EPSG:31370');
    expect(named.problems).toEqual([]);
    expect(read('legacy-crs-epsg-type.geojson').crs).toBe('EPSG:3812');
  });

  it('accepts a declared CRS that agrees with the file, rejects one that contradicts it', async () => {
    expect(read('legacy-crs-member.geojson', { crs: 'EPSG:31370' }).crs).toBe('EPSG:31370');
    await expectUserError(() => read('legacy-crs-member.geojson', { crs: 'EPSG:4326' }), ['legacy-crs-member.geojson', 'EPSG:4326', 'EPSG:31370', 'remove crs from the config']);
  });

  it('reports broken JSON with file, line and column in one line', async () => {
    const message = await expectUserError(() => read('broken-json.geojson'), ['broken-json.geojson, line 7, column 7', 'expected "," or "}"', 'found "\\""']);
    expect(message).toMatch(/fix the JSON there/);
  });

  it('rejects JSON that is not GeoJSON', async () => {
    await expectUserError(() => read('not-geojson-array.geojson'), ['not-geojson-array.geojson', 'found a JSON array']);
    await expectUserError(() => readGeojson('{"version": 0.6, "elements": []}', { file: 'bars.json' }), ['bars.json', 'Overpass', 'osmtogeojson']);
    await expectUserError(() => readGeojson('{"type": "Topology"}', { file: 't.json' }), ['t.json', '"type": "Topology"']);
    await expectUserError(() => readGeojson('  \n', { file: 'empty.geojson' }), ['empty.geojson', 'empty file']);
  });

  it('reads newline-delimited GeoJSON: blank lines skipped, CRLF tolerated, records named by line', () => {
    const { features, problems } = read('ndjson.ndjson', { ndjson: true });
    expect(features.map((f) => f.properties)).toEqual([{ n: 1 }, { n: 2 }, {}]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 2, reason: 'invalid-geometry' });
    expect(problems[0].detail).toContain('ndjson.ndjson, line 4 (feature 3)');
  });

  it('detects newline-delimited content in a .geojson file', () => {
    expect(read('ndjson-in-geojson-file.geojson').features).toHaveLength(2);
  });

  it('tolerates RFC 8142 record separators', () => {
    const text = '\u001e{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[4.4,51]}}\n\u001e{"type":"Point","coordinates":[4.5,51]}\n';
    expect(readGeojson(text, { file: 'seq.geojsons' }).features).toHaveLength(2);
  });

  it('reports a broken NDJSON line with its line number', async () => {
    await expectUserError(() => read('ndjson-broken-line.ndjson', { ndjson: true }), ['ndjson-broken-line.ndjson, line 3, column', 'expected "," or "}"', 'end of file']);
  });

  it('accepts literal NaN/Infinity (Python json.dumps) and reports them per record, not as broken JSON', () => {
    const { features, problems } = read('point-nan-coordinates.geojson');
    expect(features).toHaveLength(3);
    expect(problems.map((p) => [p.index, p.reason])).toEqual([
      [1, 'invalid-coordinates'],
      [2, 'invalid-coordinates'],
    ]);
    expect(problems[0].detail).toContain('found [NaN, 51.02]');
    expect(problems[1].detail).toContain('found [4.49, -Infinity]');
    expect(features[2].properties?.note).toBe('the string NaN stays a string');
    expectOneLineDetails(problems, 'point-nan-coordinates.geojson');
  });

  it('keeps index alignment for records that are not objects, and reports them', () => {
    const { features, problems } = readGeojson('{"type":"FeatureCollection","features":[42,{"type":"Point","coordinates":[4.4,51]},null]}', { file: 'odd.geojson' });
    expect(features).toHaveLength(3);
    expect(features[1].geometry).toEqual({ type: 'Point', coordinates: [4.4, 51] });
    expect(problems.map((p) => [p.index, p.reason])).toEqual([
      [0, 'invalid-geometry'],
      [2, 'invalid-geometry'],
    ]);
    expect(problems[0].detail).toBe('odd.geojson, feature 1: expected a GeoJSON Feature object, found 42; fix or drop the record');
  });

  it('reads Windows-1252 bytes when the file is not UTF-8', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('{"type":"Feature","properties":{"naam":"Caf'), 0xe9, ...new TextEncoder().encode('"},"geometry":null}')]);
    expect(readGeojson(bytes).features[0].properties).toEqual({ naam: 'Café' });
  });
});
