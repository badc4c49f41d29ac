/**
 * Zonal statistics on small GeoTIFFs written here (Lambert 72), checked against sums computed by hand.
 * Drawings of the rasters and blocks are in the comments; pixel (c, r) has its top-left corner at
 * (x0 + c·size, y0 − r·size).
 */
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import type { BlockFeature } from '../../../src/core/types.ts';
import { validateJoinReport } from '../../../src/core/join/join-report.ts';
import { zonalStatistics } from '../../../src/core/raster/zonal-statistics.ts';
import type { Raster } from '../../../src/core/raster/raster-types.ts';
import { readGeotiffBytes } from '../../../src/io/read-geotiff.ts';
import { reprojectFeatures } from '../../../src/io/reproject.ts';
import { expectUserError } from '../fixtures.ts';
import { writeTiff } from '../helpers/write-tiff.ts';

function block(id: string, ring: number[][], areaM2?: number): BlockFeature {
  const closed = [...ring, ring[0]];
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    a += x1 * y2 - x2 * y1;
  }
  return { type: 'Feature', properties: { block_id: id, area_m2: areaM2 ?? Math.abs(a / 2) }, geometry: { type: 'Polygon', coordinates: [closed] } };
}
const rect = (id: string, x0: number, y0: number, x1: number, y1: number, area?: number) => block(id, [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], area);

// Class raster, 1 m, 30 × 10 pixels, top-left corner (150000, 200010), uncompressed strips (geotiff.js writer):
//   row 0: value 1 (building) everywhere;
//   rows 1–9: columns 0–9 value 2 (paved), 10–19 value 6 (green), 20–29 value 9 (no mapping);
//   pixel (15, 5) is nodata (255).
const CW = 30;
const CH = 10;
const classValues = Array.from({ length: CW * CH }, (_, i) => {
  const c = i % CW;
  const r = Math.floor(i / CW);
  if (c === 15 && r === 5) return 255;
  if (r === 0) return 1;
  return c < 10 ? 2 : c < 20 ? 6 : 9;
});
const classTiff = () =>
  new Uint8Array(
    writeArrayBuffer(new Uint8Array(classValues), {
      width: CW,
      height: CH,
      BitsPerSample: [8],
      SamplesPerPixel: 1,
      PhotometricInterpretation: 1,
      SampleFormat: [1],
      ModelPixelScale: [1, 1, 0],
      ModelTiepoint: [0, 0, 0, 150000, 200010, 0],
      GTModelTypeGeoKey: 1,
      GTRasterTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 31370,
      GDAL_NODATA: '255',
    }),
  );
const mapping = { '1': 'building', '2': 'paved', '6': 'green' } as const;
// Blocks: A covers columns 0–9 exactly; B is unaligned (x 150010.3–150020, y 200000–200005.7) and holds the
// nodata pixel; T is the triangle (150020, 200000) (150030, 200000) (150020, 200010); D pokes out of the
// top of the raster (x 150012–150018, y 200008–200013); E lies outside the raster.
const classBlocks = [
  rect('A', 150000, 200000, 150010, 200010),
  rect('B', 150010.3, 200000, 150020, 200005.7),
  block('T', [[150020, 200000], [150030, 200000], [150020, 200010]]),
  rect('D', 150012, 200008, 150018, 200013),
  rect('E', 150100, 200000, 150110, 200010),
];

describe('zonal statistics of a class raster (Bodembedekkingskaart-like, 1 m)', () => {
  it('fractional counting gives the exact overlap areas', async () => {
    const { raster } = await readGeotiffBytes(classTiff(), { file: 'bbk.tif' });
    const { values, stats, report } = zonalStatistics(classBlocks, raster, { kind: 'classes', classValues: mapping });
    // A: row 0 building 10 m², rows 1–9 paved 90 m².
    expect(values.get('A')).toEqual({ paved_m2: 90, green_m2: 0, built_m2: 10, water_m2: 0, pct_paved: 90, pct_green: 0 });
    // B: 9.7 × 5.7 = 55.29 m², all green except the nodata pixel (15, 5), which lies wholly inside: 54.29.
    expect(values.get('B')).toEqual({ paved_m2: 0, green_m2: 54.29, built_m2: 0, water_m2: 0, pct_paved: 0, pct_green: 98.2 });
    expect(stats.get('B')).toMatchObject({ valid_m2: 54.29, nodata_m2: 1, class_m2: { '6': 54.29 } });
    // T: the part of row 0 (y 200009–200010) under the hypotenuse is a triangle of 0.5 m²; the rest (49.5) is value 9.
    expect(values.get('T')).toEqual({ paved_m2: 0, green_m2: 0, built_m2: 0.5, water_m2: 0, pct_paved: 0, pct_green: 0 });
    expect(stats.get('T')!.class_m2).toEqual({ '1': 0.5, '9': 49.5 });
    // D: only 6 × 2 m² lies on the raster: row 0 building 6, row 1 green 6.
    expect(values.get('D')).toMatchObject({ built_m2: 6, green_m2: 6, paved_m2: 0 });
    // E: no pixel at all: unknown, not zero.
    expect(values.get('E')).toEqual({ paved_m2: null, green_m2: null, built_m2: null, water_m2: null, pct_paved: null, pct_green: null });
    expect(report.unmatchedBlocks).toEqual(['E']);
    expect(report.notes).toMatchObject({
      pixel_size_m2: 1,
      pixels_total: 300,
      pixels_nodata: 1,
      pixels_in_blocks: 216.29, // 100 + 54.29 + 50 + 12
      pixels_nodata_in_blocks: 1,
      pixels_outside_blocks: 82.71, // 299 valid − 216.29
      area_unmapped_m2: 49.5,
      blocks_without_pixels: 1,
      blocks_partly_outside_raster: 2, // D and E
    });
    expect([report.recordsIn, report.joined, report.join]).toEqual([1, 1, 'zonal-statistics']);
    expect(validateJoinReport(report, classBlocks.map((b) => b.properties.block_id))).toEqual([]);
    expect(report.warnings.join('\n')).toMatch(/pixel values 9 .* no class mapping/);
    expect(report.warnings.join('\n')).toMatch(/1 m² of nodata pixels inside blocks/);
  });

  it('centre counting counts whole pixels by their centre', async () => {
    const { raster } = await readGeotiffBytes(classTiff());
    const { values, stats, report } = zonalStatistics(classBlocks, raster, { kind: 'classes', classValues: mapping, counting: 'centre' });
    expect(values.get('A')).toMatchObject({ paved_m2: 90, built_m2: 10 });
    // B: centres x 150010.5 … 150019.5 (10 columns) × y 200005.5 … 200000.5 (rows 4–9) = 60 pixels, one nodata.
    expect(values.get('B')).toMatchObject({ green_m2: 59, built_m2: 0 });
    expect(stats.get('B')!.nodata_m2).toBe(1);
    // T: centres (u, v) = (i + 0.5, k + 0.5) with u + v ≤ 10: i + k ≤ 9 → 55 pixels (the 10 on the hypotenuse
    // count: no other block holds them); 1 of them (i = 0, k = 9) is in row 0 (building).
    expect(stats.get('T')!.class_m2).toEqual({ '1': 1, '9': 54 });
    expect(values.get('D')).toMatchObject({ built_m2: 6, green_m2: 6 });
    expect(report.notes).toMatchObject({ pixels_in_blocks: 226, pixels_outside_blocks: 73, area_unmapped_m2: 54 });
  });

  it('a pixel centre on the edge shared by two blocks is counted once, for the smaller block_id', () => {
    const raster: Raster = { width: 2, height: 1, transform: [0, 1, 0, 1, 0, -1], crs: 'EPSG:31370', nodata: null, bands: [new Uint8Array([2, 2])] };
    // The edge x = 0.5 runs through the centre of pixel 0; the edge x = 1.5 through the centre of pixel 1.
    const blocks = [rect('b2', 0.5, 0, 1.5, 1), rect('b10', -1, 0, 0.5, 1), rect('b1', 1.5, 0, 3, 1)];
    const { values } = zonalStatistics(blocks, raster, { kind: 'classes', classValues: { '2': 'paved' }, counting: 'centre' });
    expect([values.get('b1')!.paved_m2, values.get('b2')!.paved_m2, values.get('b10')!.paved_m2]).toEqual([1, 1, null]);
    const frac = zonalStatistics(blocks, raster, { kind: 'classes', classValues: { '2': 'paved' } });
    expect([frac.values.get('b1')!.paved_m2, frac.values.get('b2')!.paved_m2, frac.values.get('b10')!.paved_m2]).toEqual([0.5, 1, 0.5]);
  });
});

describe('zonal statistics on a raster that is not north-up', () => {
  it('handles a transposed transform (x from the row, y from the column)', () => {
    // Pixel (0, 0) covers x 0–1, y 0–1 (value 2); pixel (1, 0) covers x 0–1, y 1–2 (value 6).
    const raster: Raster = { width: 2, height: 1, transform: [0, 0, 1, 0, 1, 0], crs: 'EPSG:31370', nodata: null, bands: [new Uint8Array([2, 6])] };
    const blocks = [rect('K', 0, 0.5, 1, 2)];
    const frac = zonalStatistics(blocks, raster, { kind: 'classes', classValues: { '2': 'paved', '6': 'green' } });
    expect(frac.values.get('K')).toMatchObject({ paved_m2: 0.5, green_m2: 1 });
    const centre = zonalStatistics(blocks, raster, { kind: 'classes', classValues: { '2': 'paved', '6': 'green' }, counting: 'centre' });
    // The centre of pixel (0, 0), (0.5, 0.5), lies on the block's edge: no other block, so it counts.
    expect(centre.values.get('K')).toMatchObject({ paved_m2: 1, green_m2: 1 });
  });

  it('gives the exact area under a raster rotated by 30°', () => {
    const a = Math.PI / 6;
    const raster: Raster = { width: 4, height: 3, transform: [1000, 2 * Math.cos(a), 2 * Math.sin(a), 2000, 2 * Math.sin(a), -2 * Math.cos(a)], crs: 'EPSG:31370', nodata: null, bands: [new Uint8Array(12).fill(2)] };
    // A 2 × 1 m block inside the raster's footprint (its corners are at pixel coordinates 0.3–1.7, 2.0–2.6):
    // 2 m² paved, although it crosses several tilted pixels.
    const inside = rect('R', 1003, 1997, 1005, 1998);
    const { values, report } = zonalStatistics([inside], raster, { kind: 'classes', classValues: { '2': 'paved' } });
    expect(values.get('R')!.paved_m2).toBeCloseTo(2, 6);
    expect(report.notes.blocks_partly_outside_raster).toBe(0);
    // Partly outside: x 1003–1006, y 1996–1998 reaches past the last row; only the covered part counts.
    const partly = zonalStatistics([rect('P', 1003, 1996, 1006, 1998)], raster, { kind: 'classes', classValues: { '2': 'paved' } });
    expect(partly.values.get('P')!.paved_m2 as number).toBeLessThan(6);
    expect(partly.report.notes.blocks_partly_outside_raster).toBe(1);
  });
});

// Sealed-share raster, 5 m, 4 × 4 pixels, top-left corner (150000, 200020), Deflate-compressed, 16 × 16 tiles:
const sealedValues = [
  [0, 50, 100, 255], // 255 = nodata
  [20, 40, 60, 80],
  [100, 100, 0, 0],
  [10, 120, 30, 30], // 120 is not a share
].flat();
const sealedTiff = () => writeTiff({ width: 4, height: 4, bands: [sealedValues], compression: 8, tile: 16, origin: [150000, 200020], pixelSize: 5, nodata: '255' });
// P: the top-left 2 × 2 pixels. Q: x 150010–150020, y 200002.5–200012.5 (half of rows 1 and 3, all of row 2,
// columns 2–3). R: the bottom-left two pixels (one out of range), area_m2 given as 50. S: the nodata pixel.
const sealedBlocks = [
  rect('P', 150000, 200010, 150010, 200020),
  rect('Q', 150010, 200002.5, 150020, 200012.5),
  rect('R', 150000, 200000, 150010, 200005),
  rect('S', 150015, 200015, 150020, 200020),
];

describe('zonal statistics of a sealed-share raster (Bodemafdekkingskaart-like, 5 m, Deflate, tiled)', () => {
  it('fractional: total sealed area = Σ share × overlap area; mean over valid pixels', async () => {
    const src = await readGeotiffBytes(sealedTiff(), { file: 'baf.tif' });
    expect([src.tiled, src.compression]).toEqual([true, 8]);
    const { values, stats, report } = zonalStatistics(sealedBlocks, src.raster, { kind: 'sealed-percent' });
    // P: 25 m² × (0 + 0.5 + 0.2 + 0.4) = 27.5 m² of 100 m².
    expect(values.get('P')).toEqual({ paved_m2: 27.5, green_m2: null, built_m2: null, water_m2: null, pct_paved: 27.5, pct_green: null });
    expect(stats.get('P')).toMatchObject({ sealed_m2: 27.5, sealed_mean_pct: 27.5, valid_m2: 100 });
    // Q: 12.5 × (0.6 + 0.8) + 25 × (0 + 0) + 12.5 × (0.3 + 0.3) = 25 m² of 100 m².
    expect(values.get('Q')).toMatchObject({ paved_m2: 25, pct_paved: 25 });
    expect(stats.get('Q')).toMatchObject({ sealed_mean_pct: 25, valid_m2: 100 });
    // R: 25 × 0.1 = 2.5 m²; the 120 pixel is not counted; pct of area_m2 50 → 5.
    expect(values.get('R')).toMatchObject({ paved_m2: 2.5, pct_paved: 5 });
    expect(stats.get('R')).toMatchObject({ sealed_mean_pct: 10, valid_m2: 25 });
    // S: nodata only.
    expect(values.get('S')!.paved_m2).toBeNull();
    expect(stats.get('S')).toMatchObject({ nodata_m2: 25, valid_m2: 0, sealed_mean_pct: null });
    expect(report.unmatchedBlocks).toEqual(['S']);
    expect(report.notes).toMatchObject({
      pixel_size_m2: 25,
      pixels_total: 16,
      pixels_nodata: 1,
      pixels_invalid: 1,
      pixels_in_blocks: 9,
      pixels_outside_blocks: 5,
      area_outside_blocks_m2: 125,
      area_nodata_in_blocks_m2: 25,
    });
    expect(report.warnings.join('\n')).toMatch(/outside 0–100/);
  });

  it('centre: the centres on the top and bottom edges of Q count wholly (no other block holds them)', async () => {
    const { raster } = await readGeotiffBytes(sealedTiff());
    const { values, stats, report } = zonalStatistics(sealedBlocks, raster, { kind: 'sealed-percent', counting: 'centre' });
    expect(values.get('P')).toMatchObject({ paved_m2: 27.5 });
    // Q: 6 whole pixels: 25 × (0.6 + 0.8 + 0 + 0 + 0.3 + 0.3) = 50 m²; mean 2 / 6 = 33.3 %.
    expect(values.get('Q')).toMatchObject({ paved_m2: 50, pct_paved: 50 });
    expect(stats.get('Q')).toMatchObject({ sealed_mean_pct: 33.3, valid_m2: 150 });
    expect(report.notes).toMatchObject({ pixels_in_blocks: 11, pixels_outside_blocks: 3 });
  });

  it('blocks given in WGS 84 and reprojected to the raster CRS give the same sums (to mm²)', async () => {
    const { raster } = await readGeotiffBytes(sealedTiff());
    const wgs = reprojectFeatures(sealedBlocks, 'EPSG:31370', 'EPSG:4326');
    const back = reprojectFeatures(wgs, 'EPSG:4326', raster.crs);
    const { values } = zonalStatistics(back, raster, { kind: 'sealed-percent' });
    expect(values.get('P')!.paved_m2 as number).toBeCloseTo(27.5, 2);
    expect(values.get('Q')!.paved_m2 as number).toBeCloseTo(25, 2);
  });

  it('a raster that covers no block is one rejected record, and bad options are one-line errors', async () => {
    const { raster } = await readGeotiffBytes(sealedTiff());
    const far = [rect('X', 160000, 200000, 160010, 200010)];
    const { report } = zonalStatistics(far, raster, { kind: 'sealed-percent' });
    expect([report.recordsIn, report.joined, report.rejected[0]?.reason]).toEqual([1, 0, 'outside-blocks']);
    await expectUserError(() => zonalStatistics(far, raster, { kind: 'percent' as never }), ["'classes' or 'sealed-percent'"]);
    await expectUserError(() => zonalStatistics(far, raster, { kind: 'sealed-percent', counting: 'area' as never }), ["'fractional' or 'centre'"]);
    await expectUserError(() => zonalStatistics(far, raster, { kind: 'sealed-percent', classValues: { '1': 'paved' } }), ['class_values']);
    await expectUserError(() => zonalStatistics(far, raster, { kind: 'classes', classValues: { '1': 'road' as never } }), ['"road"']);
    await expectUserError(() => zonalStatistics(far, raster, { kind: 'classes', band: 1 }), ['band 1']);
  });
});
