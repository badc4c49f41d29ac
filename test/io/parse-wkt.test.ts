import { describe, expect, it } from 'vitest';
import { parseWkt, WktError } from '../../src/io/parse-wkt.ts';

describe('parseWkt', () => {
  it('reads every geometry type, Z/M/ZM, EMPTY and SRID prefixes', () => {
    expect(parseWkt('POINT (4.47 51.02)')).toEqual({ geometry: { type: 'Point', coordinates: [4.47, 51.02] }, srid: null });
    expect(parseWkt('SRID=31370;point(158650 189990)')).toEqual({ geometry: { type: 'Point', coordinates: [158650, 189990] }, srid: 31370 });
    expect(parseWkt('POINT Z (1 2 3)').geometry).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(parseWkt('POINT M (1 2 3)').geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWkt('POINT ZM (1 2 3 4)').geometry).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(parseWkt('LINESTRING (0 0, 1 1, 2 0)').geometry).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 1], [2, 0]] });
    expect(parseWkt('POLYGON ((0 0, 1 0, 1 1, 0 0), (0.1 0.1, 0.2 0.1, 0.2 0.2, 0.1 0.1))').geometry).toEqual({
      type: 'Polygon',
      coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.1]]],
    });
    expect(parseWkt('MULTIPOINT (1 2, 3 4)').geometry).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('MULTIPOINT ((1 2), (3 4))').geometry).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))').geometry?.type).toBe('MultiLineString');
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))').geometry).toMatchObject({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] });
    expect(parseWkt('GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))').geometry).toEqual({
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }],
    });
    expect(parseWkt('POLYGON EMPTY').geometry).toBeNull();
    expect(parseWkt('POINT (1e3 -2.5E-1)').geometry).toEqual({ type: 'Point', coordinates: [1000, -0.25] });
  });

  it('says what is wrong, with the character position', () => {
    expect(() => parseWkt('POINT (4,47 51,02)')).toThrow(WktError);
    expect(() => parseWkt('POINT (abc def)')).toThrow(/expected a number .* at character 8, found "abc def\)"/);
    expect(() => parseWkt('CIRCLE (0 0, 5)')).toThrow(/expected a geometry type/);
    expect(() => parseWkt('POINT (1 2) trailing')).toThrow(/expected the end of the WKT/);
    expect(() => parseWkt('LINESTRING (0 0, 1 1')).toThrow(/expected "\)"/);
    expect(() => parseWkt('POINT Z (1 2)')).toThrow(/expected 3 numbers per position, found 2/);
  });
});
