import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readGeojson } from '../../src/io/read-geojson.ts';
import { repairFeatures, validateFeatures } from '../../src/io/validate-features.ts';
import { expectOneLineDetails, fixtureBytes } from './fixtures.ts';

/** Problems of a fixture, read as a file would be. */
const problemsOf = (name: string) => {
  const { problems } = readGeojson(fixtureBytes(name), { file: name });
  expectOneLineDetails(problems, name);
  return problems;
};

describe('validateFeatures (through readGeojson fixtures)', () => {
  it('polygon-too-few-points: a ring with 3 positions is invalid-geometry at feature 2', () => {
    const [p, ...rest] = problemsOf('polygon-too-few-points.geojson');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ index: 1, id: null, reason: 'invalid-geometry' });
    expect(p.detail).toBe(
      'polygon-too-few-points.geojson, feature 2: Polygon ring 1 (outer): expected at least 4 positions (first repeated at the end), found 3; repair the geometry (QGIS: Vector > Geometry Tools > Fix Geometries) or drop the record',
    );
  });

  it('polygon-ring-not-closed', () => {
    const [p] = problemsOf('polygon-ring-not-closed.geojson');
    expect(p.reason).toBe('invalid-geometry');
    expect(p.detail).toContain('is not closed: expected the last position to equal the first [4.49, 51.02], found [4.49, 51.03]');
  });

  it('point-string-coordinates: a string is not a coordinate', () => {
    const [p] = problemsOf('point-string-coordinates.geojson');
    expect(p).toMatchObject({ index: 0, reason: 'invalid-coordinates' });
    expect(p.detail).toContain('expected finite numbers, found ["4.49", 51.02]');
  });

  it('linestring-one-position', () => {
    const [p] = problemsOf('linestring-one-position.geojson');
    expect(p.reason).toBe('invalid-geometry');
    expect(p.detail).toContain('LineString: expected at least 2 positions, found 1');
  });

  it('unknown-geometry-type', () => {
    const [p] = problemsOf('unknown-geometry-type.geojson');
    expect(p.reason).toBe('invalid-geometry');
    expect(p.detail).toContain('expected a geometry type (Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection), found "Circle"');
  });

  it('null-geometry: null and empty geometries, with the feature id', () => {
    const problems = problemsOf('null-geometry.geojson');
    expect(problems.map((p) => [p.index, p.id, p.reason])).toEqual([
      [0, 'inc-1', 'null-geometry'],
      [1, null, 'null-geometry'],
    ]);
    expect(problems[1].detail).toContain('found an empty Point');
  });

  it('lambert-as-degrees: says what the numbers look like and what to declare', () => {
    const [p] = problemsOf('lambert-as-degrees.geojson');
    expect(p.reason).toBe('invalid-coordinates');
    expect(p.detail).toBe(
      'lambert-as-degrees.geojson, feature 1: coordinates [158650, 189990] are impossible for EPSG:4326 (expected longitude -180..180 and latitude -90..90); these numbers look like Belgian Lambert 72 metres (x≈158650, y≈189990); declare crs EPSG:31370; fix the coordinates or drop the record',
    );
  });

  it('flags degrees declared as Lambert 72, Lambert 72 declared as Lambert 2008, and swapped lat/lon', () => {
    const point = (x: number, y: number): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } });
    const [degrees] = validateFeatures([point(4.4912, 51.0201)], { file: 'a.geojson', crs: 'EPSG:31370' });
    expect(degrees.detail).toContain('look like longitude/latitude degrees (lon≈4.4912, lat≈51.0201); declare crs EPSG:4326');
    const [lambert] = validateFeatures([point(158650, 189990)], { file: 'a.geojson', crs: 'EPSG:3812' });
    expect(lambert.detail).toContain('declare crs EPSG:31370');
    const [swapped] = validateFeatures([point(51.0201, 4.4912)], { file: 'a.geojson', crs: 'EPSG:31370' });
    expect(swapped.detail).toContain('swapped order');
    expect(validateFeatures([point(158650, 189990)], { crs: 'EPSG:31370' })).toEqual([]);
  });

  it('checks members of a GeometryCollection and parts of multi-geometries', () => {
    const features: Feature[] = [
      { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [4.4, 51] }, { type: 'LineString', coordinates: [[4.4, 51]] }] } },
      { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[0, 0], [1, 0], [0, 0]]]] } },
    ];
    const problems = validateFeatures(features);
    expect(problems.map((p) => p.reason)).toEqual(['invalid-geometry', 'invalid-geometry']);
    expect(problems[1].detail).toContain('MultiPolygon part 2 ring 1 (outer)');
  });

  it('accepts valid input and a custom record label', () => {
    expect(validateFeatures(readGeojson(fixtureBytes('all-geometry-types.geojson')).features.slice(0, 7))).toEqual([]);
    const [p] = validateFeatures([{ type: 'Feature', properties: {}, geometry: null }], { file: 'x.csv', recordLabel: (i) => `row ${i + 2}` });
    expect(p.detail).toMatch(/^x\.csv, row 2: /);
  });
});

describe('repairFeatures (the repair step every reader ends with)', () => {
  const poly = (ring: number[][]): Feature => ({ type: 'Feature', id: 'p', properties: { a: 1 }, geometry: { type: 'Polygon', coordinates: [ring] } });
  const point = (x: number, y: number): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } });

  it('repairs the unclosed ring validateFeatures rejects, and leaves the input alone', () => {
    const features = [poly([[4.48, 51.03], [4.49, 51.03], [4.49, 51.04]])];
    const before = JSON.stringify(features);
    const problems = validateFeatures(features, { file: 'a.geojson' });
    expect(problems.map((p) => p.reason)).toEqual(['invalid-geometry']);
    const r = repairFeatures(features, problems, { file: 'a.geojson', recordLabel: (i) => `line ${i + 7}` });
    expect(r.problems).toEqual([]);
    expect(r.repairs).toEqual([{ index: 0, id: 'p', repairs: ['closed-ring'], detail: 'a.geojson, line 7: closed ring 1 (outer)' }]);
    expect(r.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [[[4.48, 51.03], [4.49, 51.03], [4.49, 51.04], [4.48, 51.03]]] });
    expect(r.features[0].properties).toEqual({ a: 1 });
    expect(JSON.stringify(features)).toBe(before);
  });

  it("keeps the reader's own problems (null geometry, bad coordinates) with their details", () => {
    const features: Feature<Geometry | null>[] = [{ type: 'Feature', properties: {}, geometry: null }, point(NaN, 51)];
    const problems = validateFeatures(features, { file: 'b.csv', recordLabel: (i) => `row ${i + 2}` });
    const r = repairFeatures(features, problems, { file: 'b.csv' });
    expect(r.problems).toEqual(problems);
    expect(r.repairs).toEqual([]);
  });

  it('rejects records of the wrong kind for the layer, and degenerate or crossing polygons', () => {
    const at = (ring: number[][]) => ring.map(([x, y]) => [157_000 + x, 190_000 + y]);
    const features = [
      point(157_000, 190_000),
      poly(at([[0, 0], [1, 1], [2, 2], [0, 0]])),
      poly(at([[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]])),
      poly(at([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]])),
    ];
    const r = repairFeatures(features, [], { file: 'c.geojson', crs: 'EPSG:31370', expect: 'areal' });
    expect(r.problems.map((p) => [p.index, p.reason])).toEqual([
      [0, 'wrong-geometry-type'],
      [1, 'invalid-geometry'],
      [2, 'self-intersection'],
    ]);
    expect(r.problems[0].detail).toBe(
      'c.geojson, feature 1: expected polygons (Polygon or MultiPolygon) in this layer, found a Point; move such records to a layer of their own or drop them',
    );
    // Coordinates impossible for the CRS are reported before the kind: that is the bigger mistake.
    const degrees = repairFeatures([point(4.48, 51.03)], [], { crs: 'EPSG:31370', expect: 'areal' });
    expect(degrees.problems.map((p) => p.reason)).toEqual(['invalid-coordinates']);
  });

  it('checks the repaired geometry again: a repaired ring in the wrong CRS is still rejected', () => {
    const r = repairFeatures([poly([[157000, 190000], [157010, 190000], [157010, 190010]])], [], { file: 'd.geojson' });
    expect(r.repairs).toEqual([]);
    expect(r.problems[0].reason).toBe('invalid-coordinates');
    expect(r.problems[0].detail).toContain('declare crs EPSG:31370');
  });

  it('flags latitude/longitude in swapped order around Belgium in a geographic CRS', () => {
    const [p] = validateFeatures([point(51.0201, 4.4912)], { file: 'e.csv' });
    expect(p.detail).toBe(
      'e.csv, feature 1: coordinates [51.0201, 4.4912] are impossible for EPSG:4326 (expected longitude first (x) and latitude second (y)); these numbers look like latitude/longitude degrees in swapped order (lat≈51.0201, lon≈4.4912); put longitude first (x) and latitude second (y); fix the coordinates or drop the record',
    );
    expect(validateFeatures([point(4.4912, 51.0201), point(52.5, 4.5), point(-51, -4)])).toEqual([]);
  });
});
