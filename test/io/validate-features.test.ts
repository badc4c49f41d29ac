import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readGeojson } from '../../src/io/read-geojson.ts';
import { validateFeatures } from '../../src/io/validate-features.ts';
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
