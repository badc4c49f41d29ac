/**
 * `wijkatlas build` with a raster land-cover source on the Arsenaal demo: the same config field
 * (sources.landcover) gives paved_m2 / green_m2 from a GeoTIFF instead of polygons. The rasters are made
 * here so that the right answer is known for every block: a class raster that is paved west of a line
 * and green east of it must give paved_m2 + green_m2 = the block's area exactly (fractional counting),
 * and a constant 40 % sealed raster in Lambert 2008 (so the blocks are reprojected) must give 0.4 × area.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAtlas, DEFAULT_CONFIG } from '../../../scripts/build.ts';
import { bboxInCrs, bboxOfAreaFile } from '../../../src/io/fetch/study-bbox.ts';
import { writeTiff } from '../helpers/write-tiff.ts';

const root = path.resolve(__dirname, '../../..');
const demo = path.join(root, 'data/arsenaal-demo');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-raster-build-'));
type Props = Record<string, number | string | null>;

function config(landcover: Record<string, unknown>): string {
  const cfg = JSON.parse(readFileSync(path.join(root, DEFAULT_CONFIG), 'utf8'));
  for (const s of [cfg.area, cfg.blocks.streets, cfg.blocks.rail, ...Object.values(cfg.sources)] as Array<{ path: string }>) s.path = path.join(demo, s.path);
  cfg.sources.landcover = landcover;
  const file = path.join(tmp, `config-${Object.keys(landcover).join('-')}-${Math.round(Math.random() * 1e9)}.json`);
  writeFileSync(file, JSON.stringify(cfg));
  return file;
}

async function rasterOver(crs: 'EPSG:31370' | 'EPSG:3812', size: number, value: (x: number, y: number) => number, name: string): Promise<string> {
  const box = bboxInCrs(await bboxOfAreaFile(path.join(demo, 'area.geojson')), crs);
  const x0 = Math.floor(box[0] / size) * size - 2 * size;
  const y1 = Math.ceil(box[3] / size) * size + 2 * size;
  const width = Math.ceil((box[2] - x0) / size) + 2;
  const height = Math.ceil((y1 - box[1]) / size) + 2;
  const band = new Array<number>(width * height);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) band[r * width + c] = value(x0 + (c + 0.5) * size, y1 - (r + 0.5) * size);
  const file = path.join(tmp, name);
  writeFileSync(file, writeTiff({ width, height, bands: [band], compression: 8, tile: 256, origin: [x0, y1], pixelSize: size, epsg: Number(crs.slice(5)), nodata: '255' }));
  return file;
}

describe('wijkatlas build with a land-cover raster', () => {
  let classBlocks: Props[];
  let sealedBlocks: Props[];
  let classReport: { joins: Array<{ source: string; join: string; recordsIn: number; joined: number; notes: Record<string, number> }> };
  let classManifest: { inputs: Array<{ id: string; format: string; records: number; crs: string }>; layers: Array<{ id: string }> };
  let split = 0;
  beforeAll(async () => {
    const areaBox = bboxInCrs(await bboxOfAreaFile(path.join(demo, 'area.geojson')), 'EPSG:31370');
    split = Math.round((areaBox[0] + areaBox[2]) / 2) + 0.3; // a line through pixel columns, not along them
    const classes = await rasterOver('EPSG:31370', 2, (x) => (x < split ? 2 : 6), 'bbk.tif');
    const sealed = await rasterOver('EPSG:3812', 5, () => 40, 'baf-3812.tif');
    const outA = path.join(tmp, 'a');
    const outB = path.join(tmp, 'b');
    await buildAtlas(config({ path: classes, raster: { kind: 'classes' }, class_values: { '2': 'paved', '6': 'green' } }), outA);
    await buildAtlas(config({ path: sealed, raster: { kind: 'sealed-percent', counting: 'fractional' } }), outB);
    classBlocks = JSON.parse(readFileSync(path.join(outA, 'blocks.geojson'), 'utf8')).features.map((f: { properties: Props }) => f.properties);
    sealedBlocks = JSON.parse(readFileSync(path.join(outB, 'blocks.geojson'), 'utf8')).features.map((f: { properties: Props }) => f.properties);
    classReport = JSON.parse(readFileSync(path.join(outA, 'report.json'), 'utf8'));
    classManifest = JSON.parse(readFileSync(path.join(outA, 'manifest.json'), 'utf8'));
  }, 120_000);

  it('class raster, fractional: paved + green = the block area for every block, and some blocks are split', () => {
    expect(classBlocks.length).toBeGreaterThan(20);
    // area_m2 is published to 1 decimal, the class areas to 2: the sum may differ by 0.05 + 2 × 0.005.
    for (const b of classBlocks) {
      expect(Math.abs((b.paved_m2 as number) + (b.green_m2 as number) - (b.area_m2 as number)), String(b.block_id)).toBeLessThanOrEqual(0.0601);
      expect([b.built_m2, b.water_m2]).toEqual([0, 0]);
    }
    const mixed = classBlocks.filter((b) => (b.paved_m2 as number) > 1 && (b.green_m2 as number) > 1);
    expect(mixed.length).toBeGreaterThan(0);
  });

  it('reports the raster as one record, with pixel accounting, and lists it in the manifest without a polygon layer', () => {
    const lc = classReport.joins.find((j) => j.source === 'landcover')!;
    expect([lc.join, lc.recordsIn, lc.joined]).toEqual(['zonal-statistics', 1, 1]);
    expect(lc.notes.pixel_size_m2).toBe(4);
    expect(lc.notes.pixels_outside_blocks).toBeGreaterThan(0);
    const total = classBlocks.reduce((s, b) => s + (b.area_m2 as number), 0);
    expect(Math.abs(lc.notes.area_in_blocks_m2 - total)).toBeLessThan(1);
    expect(classManifest.inputs.find((i) => i.id === 'landcover')).toMatchObject({ format: 'geotiff', records: 1, crs: 'EPSG:31370' });
    expect(classManifest.layers.map((l) => l.id)).not.toContain('landcover');
  });

  it('sealed-percent raster in Lambert 2008: blocks are reprojected; paved_m2 = 0.4 × area, green unknown', () => {
    for (const b of sealedBlocks) {
      expect(Math.abs((b.paved_m2 as number) - 0.4 * (b.area_m2 as number)), String(b.block_id)).toBeLessThanOrEqual(0.001 * (b.area_m2 as number) + 0.05);
      expect(b.pct_paved).toBeCloseTo(40, 0);
      expect([b.green_m2, b.pct_green]).toEqual([null, null]);
    }
  });
});
