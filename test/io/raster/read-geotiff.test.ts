import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { readGeotiff, readGeotiffBytes } from '../../../src/io/read-geotiff.ts';
import { expectUserError } from '../fixtures.ts';
import { writeTiff } from '../helpers/write-tiff.ts';

const W = 37;
const H = 29;
const values = Array.from({ length: W * H }, (_, i) => (i * 7 + (i >> 3)) % 11);

describe('readGeotiff', () => {
  for (const compression of [1, 5, 8, 32773] as const) {
    for (const tile of [undefined, 16]) {
      it(`reads ${tile ? 'tiled' : 'stripped'} files with compression ${compression} (uint8, uint16, float32)`, async () => {
        for (const type of ['uint8', 'uint16', 'float32'] as const) {
          const bytes = writeTiff({ width: W, height: H, bands: [values], compression, tile, type, origin: [150000, 200029], pixelSize: 1, nodata: '255' });
          const { raster, tiled, compression: found } = await readGeotiffBytes(bytes, { file: 't.tif' });
          expect(Array.from(raster.bands[0])).toEqual(values);
          expect([raster.width, raster.height, raster.crs, raster.nodata, tiled, found]).toEqual([W, H, 'EPSG:31370', 255, !!tile, compression]);
          expect(raster.transform).toEqual([150000, 1, 0, 200029, 0, -1]);
        }
      });
    }
  }

  it('reads what geotiff.js writeArrayBuffer writes (uncompressed strips)', async () => {
    const buffer = writeArrayBuffer(new Uint8Array(values), {
      width: W,
      height: H,
      BitsPerSample: [8],
      SamplesPerPixel: 1,
      PhotometricInterpretation: 1,
      SampleFormat: [1],
      ModelPixelScale: [5, 5, 0],
      ModelTiepoint: [0, 0, 0, 150000, 200145, 0],
      GTModelTypeGeoKey: 1,
      GTRasterTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 31370,
      GDAL_NODATA: '0',
    });
    const { raster, crsFrom } = await readGeotiffBytes(new Uint8Array(buffer));
    expect(Array.from(raster.bands[0])).toEqual(values);
    expect(raster.transform).toEqual([150000, 5, 0, 200145, 0, -5]);
    expect([raster.nodata, crsFrom]).toEqual([0, 'ProjectedCSTypeGeoKey']);
  });

  it('takes the transform from ModelTransformation, and shifts PixelIsPoint tie points by half a pixel', async () => {
    const t = await readGeotiffBytes(writeTiff({ width: 2, height: 2, bands: [[1, 2, 3, 4]], transform: [650000, 2, 0.5, 670000, 0.25, -2], epsg: 3812 }));
    expect(t.raster.transform).toEqual([650000, 2, 0.5, 670000, 0.25, -2]);
    expect(t.raster.crs).toBe('EPSG:3812');
    const p = await readGeotiffBytes(writeTiff({ width: 2, height: 2, bands: [[1, 2, 3, 4]], origin: [150000.5, 200009.5], rasterType: 2 }));
    expect(p.raster.transform).toEqual([150000, 1, 0, 200010, 0, -1]);
  });

  it('reads several bands and a window around a bbox', async () => {
    const second = values.map((v) => v * 2);
    const bytes = writeTiff({ width: W, height: H, bands: [values, second], compression: 8, tile: 16, origin: [150000, 200029] });
    const whole = await readGeotiffBytes(bytes);
    expect(whole.raster.bands.map((b) => Array.from(b))).toEqual([values, second]);
    const part = await readGeotiffBytes(bytes, { bbox: [150010.5, 200000.2, 150012, 200003] });
    // columns 10..11, rows 26..28 (y 200003 .. 200000)
    expect([part.window, part.raster.width, part.raster.height]).toEqual([[10, 26, 12, 29], 2, 3]);
    expect(part.raster.transform).toEqual([150010, 1, 0, 200003, 0, -1]);
    expect(Array.from(part.raster.bands[1])).toEqual([26, 27, 28].flatMap((r) => [second[r * W + 10], second[r * W + 11]]));
    await expectUserError(() => readGeotiffBytes(bytes, { file: 'w.tif', bbox: [160000, 200000, 160010, 200010] }), ['w.tif', 'does not cover']);
  });

  it('uses the config crs only when the file has no EPSG code, and refuses a contradiction', async () => {
    const noCode = writeTiff({ width: 1, height: 1, bands: [[1]], epsg: null });
    await expectUserError(() => readGeotiffBytes(noCode, { file: 'u.tif' }), ['u.tif', 'no EPSG code', '"crs"']);
    expect((await readGeotiffBytes(noCode, { crs: 'EPSG:31370' })).crsFrom).toBe('config');
    const lambert = writeTiff({ width: 1, height: 1, bands: [[1]] });
    await expectUserError(() => readGeotiffBytes(lambert, { file: 'l.tif', crs: 'EPSG:3812' }), ['l.tif', 'EPSG:3812', 'EPSG:31370']);
    const wgs = await readGeotiffBytes(writeTiff({ width: 1, height: 1, bands: [[1]], geographic: true, origin: [4.4, 51.1], pixelSize: 0.001 }));
    expect([wgs.raster.crs, wgs.crsFrom]).toEqual(['EPSG:4326', 'GeographicTypeGeoKey']);
  });

  it('gives one-line errors for missing, empty, non-TIFF, truncated and ungeoreferenced files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-tif-'));
    await expectUserError(() => readGeotiff(path.join(dir, 'missing.tif')), ['file not found', 'missing.tif']);
    await expectUserError(() => readGeotiffBytes(new Uint8Array(0), { file: 'e.tif' }), ['e.tif', 'empty file']);
    await expectUserError(() => readGeotiffBytes(new TextEncoder().encode('{"type":"FeatureCollection"}'), { file: 'j.tif' }), ['j.tif', 'expected a GeoTIFF']);
    const good = writeTiff({ width: W, height: H, bands: [values], compression: 8 });
    const truncated = good.slice(0, good.length - 40);
    await expectUserError(() => readGeotiffBytes(truncated, { file: 't.tif' }), ['t.tif', 'truncated']);
    await expectUserError(() => readGeotiffBytes(good.slice(0, 12), { file: 'h.tif' }), ['h.tif']);
    const f = path.join(dir, 'plain.tif');
    writeFileSync(f, writeTiff({ width: 2, height: 1, bands: [[1, 2]], plain: true }));
    await expectUserError(() => readGeotiff(f), ['plain.tif', 'no georeferencing']);
  });
});
