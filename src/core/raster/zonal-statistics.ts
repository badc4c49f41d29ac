import { Clipper, FillRule, type PathsD } from 'clipper2-ts';
import type { BlockFeature } from '../types.ts';
import { UserError } from '../user-error.ts';
import { BOUNDARY_TOLERANCE_M } from '../geometry/boundary-tolerance.ts';
import { arealToClipperPaths, CLIP_PRECISION, clipperIntersectionArea } from '../geometry/areal-intersection-area.ts';
import { pointInAreal } from '../geometry/point-in-areal.ts';
import { indexBlocks, type BlockIndex, type IndexedBlock } from '../join/index-blocks.ts';
import { buildJoinReport, type BlockValues, type JoinResult } from '../join/join-report.ts';
import type { LandCoverClass } from '../join/join-land-cover.ts';
import { roundTo } from '../join/read-number.ts';
import { mapToPixel, pixelArea, pixelToMap, type Raster } from './raster-types.ts';

/** What the pixel values mean. */
export type ZonalKind = 'classes' | 'sealed-percent';
/** How a pixel that straddles a block edge is counted. */
export type CountingMode = 'fractional' | 'centre';

const CLASSES: readonly LandCoverClass[] = ['paved', 'green', 'building', 'water'];
const FIELD: Record<LandCoverClass, string> = { paved: 'paved_m2', green: 'green_m2', building: 'built_m2', water: 'water_m2' };

export interface ZonalStatisticsOptions {
  /** 'classes' (one land-cover class per pixel) or 'sealed-percent' (0–100 % sealed per pixel). Required. */
  kind: ZonalKind;
  /**
   * 'fractional' (default): each pixel counts with the exact share of its area inside the block (clipper2),
   * so sums equal the true areas. 'centre': a pixel counts wholly for the block that holds its centre.
   */
  counting?: CountingMode;
  /** classes only: pixel value (as text, e.g. "2") -> paved | green | building | water. Unmapped values are reported. Default {}. */
  classValues?: Record<string, LandCoverClass>;
  /** Band to read (0-based). Default 0. */
  band?: number;
  /** Source name in the report. Default 'landcover'. */
  source?: string;
  /** Blocks already indexed by indexBlocks (in the raster's CRS). */
  index?: BlockIndex;
}

/** Per-block detail beyond the published fields. */
export interface ZonalBlockStats {
  /** m² of valid (not nodata, not out-of-range) pixels in the block. */
  valid_m2: number;
  /** m² of nodata pixels in the block. */
  nodata_m2: number;
  /** classes: m² per pixel value (text key), mapped or not. */
  class_m2: Record<string, number>;
  /** sealed-percent: sealed m² (Σ share × area). */
  sealed_m2: number | null;
  /** sealed-percent: mean sealed share of the valid pixels, in % (1 decimal); null without valid pixels. */
  sealed_mean_pct: number | null;
}

export interface ZonalResult extends JoinResult {
  /** One entry per block, in block order. */
  stats: Map<string, ZonalBlockStats>;
}

/**
 * Zonal statistics of a land-cover raster over street blocks, in the RASTER's CRS (reproject the blocks
 * to it first; the core never reprojects). Gives the same fields as joinLandCover, so paved_m2 / green_m2
 * can come from polygons or a raster through the same config:
 * - kind 'classes' (e.g. Bodembedekkingskaart, 1 m): area per pixel value per block; values mapped by
 *   `classValues` fill paved_m2, green_m2, built_m2, water_m2, pct_paved, pct_green.
 * - kind 'sealed-percent' (e.g. Bodemafdekkingskaart, 5 m, 0–100 % sealed): paved_m2 = Σ share × pixel
 *   area, pct_paved; the other classes are null (a sealed-share raster says nothing about green).
 *   stats.sealed_mean_pct is the mean share of the valid pixels.
 *
 * Counting ('counting'): 'fractional' weighs each pixel by the exact share of its footprint inside the
 * block (clipper2 only for pixels within half a pixel diagonal of the block's edge); 'centre' counts a
 * pixel wholly for the block that holds its centre; a centre on a shared edge (within 1 µm) goes to the
 * block with the smallest block_id, as in the point joins.
 *
 * Accounting: the raster is ONE record (recordsIn 1; rejected 'outside-blocks' when it covers no block).
 * Pixels are accounted in report.notes: pixels_total, pixels_nodata, pixels_invalid (sealed values outside
 * 0–100), pixels_in_blocks, pixels_nodata_in_blocks, pixels_outside_blocks (valid pixels in street space
 * or outside the blocks; assumes blocks do not overlap, as derived blocks never do), area_in_blocks_m2,
 * area_outside_blocks_m2, area_nodata_in_blocks_m2, area_unmapped_m2 (classes without a mapping),
 * blocks_without_pixels, blocks_partly_outside_raster (bounding box not within the raster's extent), pixel_size_m2. Blocks without a single valid pixel
 * are unmatched and get null fields (unknown, not zero).
 *
 * @param blocks street blocks in the raster's CRS (planar metres), each with block_id and area_m2
 * @param raster the raster (src/io readGeotiff)
 * @param options kind (required), counting ('fractional'), classValues ({}), band (0), source ('landcover'), index
 * @returns values per block (land-cover fields), per-block stats and the report (join 'zonal-statistics')
 * @example
 * const { values, report } = zonalStatistics(blocks, raster, { kind: 'classes', classValues: { '1': 'building', '2': 'paved', '6': 'green' } });
 * values.get('B12'); // { paved_m2: 812, green_m2: 130, built_m2: 2210, water_m2: 0, pct_paved: 25.1, pct_green: 4 }
 */
export function zonalStatistics(blocks: readonly BlockFeature[], raster: Raster, options: ZonalStatisticsOptions): ZonalResult {
  const { kind, counting = 'fractional', classValues = {}, band = 0, source = 'landcover' } = options ?? ({} as ZonalStatisticsOptions);
  if (kind !== 'classes' && kind !== 'sealed-percent') throw new UserError(`${source}: raster kind must be 'classes' or 'sealed-percent', found ${JSON.stringify(kind)}.`);
  if (counting !== 'fractional' && counting !== 'centre') throw new UserError(`${source}: counting must be 'fractional' or 'centre', found ${JSON.stringify(counting)}.`);
  for (const [key, value] of Object.entries(classValues)) {
    if (!CLASSES.includes(value)) throw new UserError(`${source}: classValues maps "${key}" to ${JSON.stringify(value)}; expected one of ${CLASSES.join(', ')}.`);
  }
  if (kind === 'sealed-percent' && Object.keys(classValues).length > 0) {
    throw new UserError(`${source}: class values apply to a 'classes' raster, found them for a 'sealed-percent' raster; remove class_values or set kind 'classes'.`);
  }
  const data = checkRaster(raster, band, source);
  const index = options.index ?? indexBlocks(blocks);
  const pixA = pixelArea(raster.transform);
  const grid = new PixelGrid(raster);

  // Whole-raster counts (nodata, invalid, valid) for the accounting.
  let nodataTotal = 0;
  let invalidTotal = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (isNodata(v, raster.nodata)) nodataTotal++;
    else if (kind === 'sealed-percent' && !(v >= 0 && v <= 100)) invalidTotal++;
  }
  const validTotal = data.length - nodataTotal - invalidTotal;

  const values = new Map<string, BlockValues>();
  const stats = new Map<string, ZonalBlockStats>();
  const matched = new Set<string>();
  const unmapped = new Map<string, number>();
  let validIn = 0; // pixel-equivalents
  let nodataIn = 0;
  let invalidIn = 0;
  let partlyOutside = 0;
  for (const block of index.blocks) {
    const cls: Record<string, number> = {};
    let valid = 0;
    let nodata = 0;
    let invalid = 0;
    let sealed = 0;
    grid.forEachPixel(block, counting, index, (c, r, w) => {
      const v = data[r * raster.width + c];
      if (isNodata(v, raster.nodata)) return void (nodata += w);
      if (kind === 'sealed-percent') {
        if (!(v >= 0 && v <= 100)) return void (invalid += w);
        sealed += (w * v) / 100;
      } else {
        const key = String(v);
        cls[key] = (cls[key] ?? 0) + w;
      }
      valid += w;
    });
    validIn += valid;
    nodataIn += nodata;
    invalidIn += invalid;
    if (!grid.holdsBBox(block)) partlyOutside++;
    const s: ZonalBlockStats = {
      valid_m2: roundTo(valid * pixA, 2),
      nodata_m2: roundTo(nodata * pixA, 2),
      class_m2: Object.fromEntries(Object.keys(cls).sort(compareValues).map((k) => [k, roundTo(cls[k] * pixA, 2)])),
      sealed_m2: kind === 'sealed-percent' ? roundTo(sealed * pixA, 2) : null,
      sealed_mean_pct: kind === 'sealed-percent' && valid > 0 ? roundTo((sealed / valid) * 100, 1) : null,
    };
    stats.set(block.id, s);
    if (valid > 0) matched.add(block.id);
    values.set(block.id, blockValues(block, kind, valid > 0, cls, sealed, pixA, classValues, unmapped));
  }

  const outside = Math.max(0, validTotal - validIn);
  const notes: Record<string, number> = {
    pixel_size_m2: roundTo(pixA, 6),
    pixels_total: data.length,
    pixels_nodata: nodataTotal,
    pixels_invalid: invalidTotal,
    pixels_in_blocks: roundTo(validIn, 2),
    pixels_nodata_in_blocks: roundTo(nodataIn, 2),
    pixels_outside_blocks: roundTo(outside, 2),
    area_in_blocks_m2: roundTo(validIn * pixA, 2),
    area_outside_blocks_m2: roundTo(outside * pixA, 2),
    area_nodata_in_blocks_m2: roundTo(nodataIn * pixA, 2),
    blocks_without_pixels: index.blocks.length - matched.size,
    blocks_partly_outside_raster: partlyOutside,
  };
  const warnings: string[] = [];
  if (kind === 'classes') {
    const unmappedArea = [...unmapped.values()].reduce((a, b) => a + b, 0);
    notes.area_unmapped_m2 = roundTo(unmappedArea * pixA, 2);
    if (unmapped.size > 0) {
      const list = [...unmapped.keys()].sort(compareValues).join(', ');
      warnings.push(`${source}: pixel values ${list} (${roundTo(unmappedArea * pixA, 0)} m² in blocks) have no class mapping and are not counted in any field; map them with class_values.`);
    }
  }
  if (nodataIn > 0) warnings.push(`${source}: ${roundTo(nodataIn * pixA, 0)} m² of nodata pixels inside blocks are not counted; shares of those blocks are too low.`);
  if (invalidIn > 0) warnings.push(`${source}: ${roundTo(invalidIn * pixA, 0)} m² of pixels inside blocks have sealed shares outside 0–100 and are not counted.`);
  if (partlyOutside > 0) warnings.push(`${source}: ${partlyOutside} block(s) lie partly or wholly outside the raster; their areas are counted only where the raster covers them.`);
  const joined = matched.size > 0 ? 1 : 0;
  const rejected = joined
    ? []
    : [{ index: 0, id: null, reason: 'outside-blocks' as const, detail: `the raster (${raster.width}×${raster.height} pixels, ${raster.crs}) has no valid pixel in any block; check that blocks and raster are in the same CRS and cover the same area` }];
  const report = buildJoinReport({ source, join: 'zonal-statistics', recordsIn: 1, joined, rejected, blockIds: index.blocks.map((b) => b.id), matched, notes, warnings });
  return { values, stats, report };
}

function blockValues(
  block: IndexedBlock,
  kind: ZonalKind,
  any: boolean,
  cls: Record<string, number>,
  sealed: number,
  pixA: number,
  classValues: Record<string, LandCoverClass>,
  unmapped: Map<string, number>,
): BlockValues {
  const v: BlockValues = {};
  const hasArea = Number.isFinite(block.areaM2) && block.areaM2 > 0;
  const share = (m2: number) => (hasArea ? roundTo((m2 / block.areaM2) * 100, 1) : null);
  if (kind === 'sealed-percent') {
    const paved = sealed * pixA;
    for (const c of CLASSES) v[FIELD[c]] = c === 'paved' && any ? roundTo(paved, 2) : null;
    v.pct_paved = any ? share(paved) : null;
    v.pct_green = null;
    return v;
  }
  const sums = [0, 0, 0, 0];
  const loose = new Map(Object.entries(classValues).map(([k, c]) => [k.trim().toLowerCase(), c]));
  for (const [key, w] of Object.entries(cls)) {
    const c = classValues[key] ?? loose.get(key);
    if (c) sums[CLASSES.indexOf(c)] += w * pixA;
    else unmapped.set(key, (unmapped.get(key) ?? 0) + w);
  }
  CLASSES.forEach((c, k) => (v[FIELD[c]] = any ? roundTo(sums[k], 2) : null));
  v.pct_paved = any ? share(sums[0]) : null;
  v.pct_green = any ? share(sums[1]) : null;
  return v;
}

/**
 * Visits the pixels of a block with their weight (share of the pixel counted for this block). Works in
 * pixel space (the block's rings mapped by the inverse transform, so rotated rasters work too), one row
 * at a time: the crossings of the row's centre line with the rings give the inside intervals; in
 * fractional mode the pixels that an edge passes through are clipped exactly (clipper2, pixel = unit
 * square, so the clipped area IS the weight), all others are wholly in or out.
 */
class PixelGrid {
  private readonly raster: Raster;
  /** The 1 µm boundary tolerance in pixel units. */
  private readonly tolPx: number;

  constructor(raster: Raster) {
    this.raster = raster;
    const [, dx, rx, , ry, dy] = raster.transform;
    this.tolPx = BOUNDARY_TOLERANCE_M / Math.min(Math.hypot(dx, ry), Math.hypot(rx, dy));
  }

  /** True when the block's bounding box lies within the raster's extent. */
  holdsBBox(block: IndexedBlock): boolean {
    const [x0, y0, x1, y1] = block.bbox;
    const eps = 1e-9;
    return [mapToPixel(this.raster.transform, x0, y0), mapToPixel(this.raster.transform, x1, y0), mapToPixel(this.raster.transform, x0, y1), mapToPixel(this.raster.transform, x1, y1)].every(
      ([c, r]) => c >= -eps && r >= -eps && c <= this.raster.width + eps && r <= this.raster.height + eps,
    );
  }

  forEachPixel(block: IndexedBlock, counting: CountingMode, index: BlockIndex, visit: (c: number, r: number, w: number) => void): void {
    const { width, height, transform: t } = this.raster;
    const polygons = (block.geometry.type === 'Polygon' ? [block.geometry.coordinates] : block.geometry.coordinates).map((rings) =>
      rings.map((ring) => ring.map(([x, y]) => mapToPixel(t, x, y))),
    );
    // Edges in pixel space (closing edges included; a closed ring's closing edge has length 0).
    const eu1: number[] = [];
    const ev1: number[] = [];
    const eu2: number[] = [];
    const ev2: number[] = [];
    let umin = Infinity;
    let umax = -Infinity;
    let vmin = Infinity;
    let vmax = -Infinity;
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          eu1.push(ring[j][0]);
          ev1.push(ring[j][1]);
          eu2.push(ring[i][0]);
          ev2.push(ring[i][1]);
          umin = Math.min(umin, ring[i][0]);
          umax = Math.max(umax, ring[i][0]);
          vmin = Math.min(vmin, ring[i][1]);
          vmax = Math.max(vmax, ring[i][1]);
        }
      }
    }
    const c0 = Math.max(0, Math.floor(umin));
    const c1 = Math.min(width - 1, Math.floor(umax));
    const r0 = Math.max(0, Math.floor(vmin));
    const r1 = Math.min(height - 1, Math.floor(vmax));
    if (c1 < c0 || r1 < r0) return;
    const tol = this.tolPx;
    const n = eu1.length;
    const marked = new Uint8Array(c1 - c0 + 1);
    let paths: PathsD | null = null;
    const crossings: number[] = [];
    for (let r = r0; r <= r1; r++) {
      const vc = r + 0.5;
      crossings.length = 0;
      marked.fill(0);
      let special = false;
      for (let e = 0; e < n; e++) {
        const u1 = eu1[e];
        const v1 = ev1[e];
        const u2 = eu2[e];
        const v2 = ev2[e];
        if (v1 > vc !== v2 > vc) crossings.push(u1 + ((vc - v1) * (u2 - u1)) / (v2 - v1));
        if (counting === 'centre') {
          if (Math.abs(v1 - vc) <= tol || Math.abs(v2 - vc) <= tol) special = true;
          continue;
        }
        const lo = Math.min(v1, v2);
        const hi = Math.max(v1, v2);
        if (hi < r || lo > r + 1) continue;
        let ua: number;
        let ub: number;
        if (v1 === v2) {
          ua = Math.min(u1, u2);
          ub = Math.max(u1, u2);
        } else {
          const sa = Math.min(1, Math.max(0, (r - v1) / (v2 - v1)));
          const sb = Math.min(1, Math.max(0, (r + 1 - v1) / (v2 - v1)));
          const pa = u1 + sa * (u2 - u1);
          const pb = u1 + sb * (u2 - u1);
          ua = Math.min(pa, pb);
          ub = Math.max(pa, pb);
        }
        const from = Math.max(c0, Math.floor(ua - tol));
        const to = Math.min(c1, Math.floor(ub + tol));
        for (let c = from; c <= to; c++) marked[c - c0] = 1;
      }
      crossings.sort((a, b) => a - b);
      // The block cut to this row of pixels: each edge pixel is then clipped against a few vertices only.
      let rowPaths: PathsD | null = null;
      let k = 0; // crossings left of the current pixel centre
      for (let c = c0; c <= c1; c++) {
        const cc = c + 0.5;
        while (k < crossings.length && crossings[k] < cc) k++;
        if (counting === 'fractional' && marked[c - c0]) {
          paths ??= arealToClipperPaths({ type: 'MultiPolygon', coordinates: polygons }, c0, r0);
          rowPaths ??= Clipper.intersectD(paths, [rectPath(0, r - r0, c1 + 1 - c0, r + 1 - r0)], FillRule.NonZero, CLIP_PRECISION);
          const square = rectPath(c - c0, r - r0, c + 1 - c0, r + 1 - r0);
          const area = rowPaths.length ? clipperIntersectionArea([square], rowPaths) : 0;
          if (!Number.isFinite(area) || area < 0) throw new Error(`clipping pixel (${c}, ${r}) with block ${block.id} gave ${area} (bug)`);
          const w = Math.min(1, area);
          if (w > 1e-12) visit(c, r, w);
          continue;
        }
        const near = (k < crossings.length && crossings[k] - cc <= tol) || (k > 0 && cc - crossings[k - 1] <= tol);
        if (counting === 'centre' && (special || near)) {
          const [cx, cy] = pixelToMap(t, cc, vc);
          const where = pointInAreal([cx, cy], block.geometry, BOUNDARY_TOLERANCE_M);
          if (where === 'inside' || (where === 'boundary' && ownsBoundaryPoint(block, cx, cy, index))) visit(c, r, 1);
          continue;
        }
        if (k % 2 === 1) visit(c, r, 1);
      }
    }
  }
}

/** A counter-clockwise rectangle as a clipper2 path. */
function rectPath(x0: number, y0: number, x1: number, y1: number): Array<{ x: number; y: number }> {
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}

/** Centre mode: a centre on a block edge belongs to the block with the smallest block_id among those that hold it. */
function ownsBoundaryPoint(block: IndexedBlock, x: number, y: number, index: BlockIndex): boolean {
  for (const k of index.tree?.search(x - BOUNDARY_TOLERANCE_M, y - BOUNDARY_TOLERANCE_M, x + BOUNDARY_TOLERANCE_M, y + BOUNDARY_TOLERANCE_M) ?? []) {
    const other = index.blocks[k];
    if (other === block || other.rank > block.rank) continue;
    if (pointInAreal([x, y], other.geometry, BOUNDARY_TOLERANCE_M) !== 'outside') return false;
  }
  return true;
}

function isNodata(v: number, nodata: number | null): boolean {
  return Number.isNaN(v) || (nodata !== null && v === nodata);
}

/** Pixel values as text keys, in numeric order. */
function compareValues(a: string, b: string): number {
  return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function checkRaster(raster: Raster, band: number, source: string): ArrayLike<number> {
  if (!raster || typeof raster !== 'object') throw new UserError(`${source}: expected a raster object, found ${typeof raster}; read it with readGeotiff.`);
  const { width, height, transform, bands } = raster;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new UserError(`${source}: expected a raster of at least 1×1 pixels, found ${width}×${height}.`);
  }
  if (!Array.isArray(transform) || transform.length !== 6 || !transform.every(Number.isFinite) || transform[1] * transform[5] - transform[2] * transform[4] === 0) {
    throw new UserError(`${source}: the raster has no usable pixel-to-map transform (${JSON.stringify(transform)}); the GeoTIFF needs ModelPixelScale + ModelTiepoint or ModelTransformation.`);
  }
  if (!Number.isInteger(band) || band < 0 || band >= (bands?.length ?? 0)) {
    throw new UserError(`${source}: band ${band} does not exist; the raster has ${bands?.length ?? 0} band(s) (counted from 0).`);
  }
  const data = bands[band];
  if (data.length !== width * height) throw new Error(`${source}: band ${band} has ${data.length} values for ${width}×${height} pixels (bug in the reader)`);
  return data;
}
