import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashBytes } from '../../src/io/hash-file.ts';
import { readVectorSource } from '../../src/io/read-vector-source.ts';
import { expectUserError, fixtureBytes, fixturePath } from './fixtures.ts';

describe('readVectorSource', () => {
  it('reads GeoJSON with its legacy crs, counts records and hashes the bytes', async () => {
    const src = await readVectorSource({ path: fixturePath('legacy-crs-member.geojson') });
    expect(src).toMatchObject({ format: 'geojson', crs: 'EPSG:31370', recordCount: 1, problems: [] });
    expect(src.sha256).toBe(hashBytes(fixtureBytes('legacy-crs-member.geojson')));
  });

  it('reads NDJSON by extension', async () => {
    const src = await readVectorSource({ path: fixturePath('ndjson.ndjson') });
    expect(src.format).toBe('ndjson');
    expect(src.recordCount).toBe(3);
    expect(src.problems).toHaveLength(1);
  });

  it('reads CSV with x/y columns and a declared CRS (urn form canonicalised)', async () => {
    const src = await readVectorSource({ path: fixturePath('csv-semicolon-decimal-comma.csv'), x: 'x', y: 'y', crs: 'urn:ogc:def:crs:EPSG::31370' });
    expect(src).toMatchObject({ format: 'csv', crs: 'EPSG:31370', recordCount: 2, problems: [] });
    expect(src.features[0].geometry).toEqual({ type: 'Point', coordinates: [158650.5, 189990.25] });
  });

  it('reads CSV with a wkt column, .tsv and .txt files', async () => {
    expect((await readVectorSource({ path: fixturePath('csv-wkt-points.csv'), crs: 'EPSG:31370' })).recordCount).toBe(5);
    expect((await readVectorSource({ path: fixturePath('csv-tab.tsv'), crs: 'EPSG:31370' })).features[0].geometry).toEqual({ type: 'Point', coordinates: [158650.5, 189990] });
    expect((await readVectorSource({ path: fixturePath('csv-utf16-tab.txt'), crs: 'EPSG:31370' })).recordCount).toBe(1);
  });

  it('returns record problems instead of throwing; the detail is the one-line message', async () => {
    const src = await readVectorSource({ path: fixturePath('lambert-as-degrees.geojson') });
    expect(src.problems).toHaveLength(1);
    expect(src.problems[0].detail).toContain('declare crs EPSG:31370');
  });

  it('says the file is missing and how paths are resolved', async () => {
    await expectUserError(() => readVectorSource({ path: 'data/nope.geojson' }), [
      'file not found: data/nope.geojson; check the path in the config (paths are relative to the config file)',
    ]);
  });

  it('rejects unknown extensions and content that contradicts the extension', async () => {
    await expectUserError(() => readVectorSource({ path: 'data/x.xlsx' }), ['data/x.xlsx', '".xlsx"', 'set format in the config']);
    const dir = mkdtempSync(join(tmpdir(), 'wijkatlas-sniff-'));
    writeFileSync(join(dir, 'points.geojson'), fixtureBytes('shapefile/points.shp'));
    await expectUserError(() => readVectorSource({ path: join(dir, 'points.geojson') }), ['the extension says geojson but the content is a shapefile']);
  });

  it('rejects options that do not fit the format', async () => {
    await expectUserError(() => readVectorSource({ path: fixturePath('ndjson.ndjson'), x: 'x', y: 'y' }), ['x, y and wkt apply to CSV files only']);
  });

  it('lets format override the extension', async () => {
    const src = await readVectorSource({ path: fixturePath('ndjson-in-geojson-file.geojson'), format: 'ndjson' });
    expect(src.format).toBe('ndjson');
    expect(src.recordCount).toBe(2);
  });

  it('reports a folder given as a file', async () => {
    await expectUserError(() => readVectorSource({ path: fixturePath(''), format: 'geojson' }), ['expected a file, found a folder']);
  });
});
