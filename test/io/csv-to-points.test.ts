import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { csvToPoints } from '../../src/io/csv-to-points.ts';
import { readCsv } from '../../src/io/read-csv.ts';
import { expectOneLineDetails, expectUserError, fixtureBytes } from './fixtures.ts';

const table = (name: string) => readCsv(fixtureBytes(name), { file: name });

describe('csvToPoints', () => {
  it('csv-semicolon-decimal-comma: decimal commas and space thousands in Lambert 72', () => {
    const { features, problems } = csvToPoints(table('csv-semicolon-decimal-comma.csv'), { x: 'x', y: 'y', crs: 'EPSG:31370' });
    expect(problems).toEqual([]);
    expect(features.map((f) => (f.geometry as Point | null)?.coordinates)).toEqual([
      [158650.5, 189990.25],
      [158700, 190010.75],
    ]);
    expect(features[0].properties.naam).toBe('Hamerstraat');
  });

  it('detects lon/lat columns when none are configured', () => {
    const { features } = csvToPoints(table('csv-comma-decimal-point.csv'));
    expect((features[0].geometry as Point).coordinates).toEqual([4.4912, 51.0201]);
  });

  it('csv-bad-coordinates: empty and unparseable rows become problems with spreadsheet row numbers', () => {
    const { features, problems } = csvToPoints(table('csv-bad-coordinates.csv'), { x: 'x', y: 'y', crs: 'EPSG:31370' });
    expect(features).toHaveLength(5);
    expect(problems.map((p) => [p.index, p.reason])).toEqual([
      [1, 'null-geometry'],
      [2, 'invalid-coordinates'],
      [3, 'invalid-coordinates'],
    ]);
    expect(problems.map((p) => p.detail)).toEqual([
      'csv-bad-coordinates.csv, row 3: expected coordinates in columns "x" and "y", found empty cells; fix the row or drop it',
      'csv-bad-coordinates.csv, row 5: expected a number in column "x", found "abc"; fix the row or drop it',
      'csv-bad-coordinates.csv, row 6: expected a number in column "y", found an empty cell; fix the row or drop it',
    ]);
    expect(features[1].geometry).toBeNull();
    expect((features[4].geometry as Point).coordinates).toEqual([1234.5, 189990.5]); // '1.234,5' and '189.990,5'
  });

  it('csv-lambert-as-degrees: Lambert numbers without a crs are flagged with the row and a hint', () => {
    const { problems } = csvToPoints(table('csv-lambert-as-degrees.csv'), { x: 'x', y: 'y' });
    expect(problems).toHaveLength(1);
    expect(problems[0].detail).toMatch(/^csv-lambert-as-degrees\.csv, row 2: coordinates \[158650, 189990\] are impossible for EPSG:4326 .*declare crs EPSG:31370/);
    expectOneLineDetails(problems, 'csv-lambert-as-degrees.csv');
  });

  it('csv-wkt-points: POINT WKT, POINT EMPTY, other types, SRID and garbage', () => {
    const { features, problems } = csvToPoints(table('csv-wkt-points.csv'), { crs: 'EPSG:31370' });
    expect(features[0].geometry).toEqual({ type: 'Point', coordinates: [158650, 189990] });
    expect(features[3].geometry).toEqual({ type: 'Point', coordinates: [158700.5, 190010] });
    // Other geometry types are read; (0 0, 1 1) is then impossible for Lambert 72 metres.
    expect(features[2].geometry).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 1]] });
    expect(problems.map((p) => [p.index, p.reason])).toEqual([
      [1, 'null-geometry'],
      [2, 'invalid-coordinates'],
      [4, 'invalid-geometry'],
    ]);
    expect(problems[0].detail).toContain('POINT EMPTY');
    expect(problems[2].detail).toContain('expected a number');
    const srid = csvToPoints(table('csv-wkt-points.csv'), { crs: 'EPSG:4326' }).problems.find((p) => p.index === 3);
    expect(srid?.detail).toContain('found SRID=31370');
  });

  it('rejects configuration mistakes with a one-line UserError', async () => {
    const t = table('csv-semicolon-decimal-comma.csv');
    await expectUserError(() => csvToPoints(t, { x: 'X', y: 'y' }), ['csv-semicolon-decimal-comma.csv, row 1', 'expected a column "X"', 'did you mean "x"?']);
    await expectUserError(() => csvToPoints(t, { x: 'x' }), ['expected both x and y']);
    await expectUserError(() => csvToPoints(t, { x: 'x', y: 'y', wkt: 'wkt' }), ['either x and y columns or a wkt column']);
    await expectUserError(() => csvToPoints(readCsv('a;b\n1;2\n', { file: 'geen.csv' })), ['geen.csv', 'expected coordinate columns', '"a", "b"']);
    await expectUserError(() => csvToPoints(t, { x: 'x', y: 'y', crs: 'EPSG:1234' }), ['csv-semicolon-decimal-comma.csv', 'EPSG:1234']);
  });

  it('detects Lambert column names and reads any WKT geometry', () => {
    const lambert = csvToPoints(readCsv('naam;Lambert_X;Lambert_Y\nArsenaal;158650,5;189990\n', { file: 'l.csv' }), { crs: 'EPSG:31370' });
    expect(lambert.features[0].geometry).toEqual({ type: 'Point', coordinates: [158650.5, 189990] });
    const wkt = csvToPoints(
      readCsv('id;wkt_geom\n1;POLYGON ((158000 189000, 159000 189000, 159000 190000, 158000 189000))\n2;MULTILINESTRING ((158000 189000, 158100 189100), (158200 189000, 158300 189000))\n', { file: 'w.csv' }),
      { crs: 'EPSG:31370' },
    );
    expect(wkt.problems).toEqual([]);
    expect(wkt.features.map((f) => f.geometry?.type)).toEqual(['Polygon', 'MultiLineString']);
  });
});
