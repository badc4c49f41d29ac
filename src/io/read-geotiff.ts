/**
 * GeoTIFF -> a plain Raster (src/core/raster/raster-types.ts) with geotiff.js: strips or tiles,
 * uncompressed, Deflate, LZW, PackBits (and whatever else geotiff.js decodes). The CRS comes from the
 * GeoKeys, the pixel-to-map transform from ModelPixelScale + ModelTiepoint or ModelTransformation, and
 * nodata from the GDAL_NODATA tag.
 */
import { readFile } from 'node:fs/promises';
import { fromArrayBuffer, type GeoTIFFImage } from 'geotiff';
import type { Raster, RasterBand, RasterTransform } from '../core/raster/raster-types.ts';
import { mapToPixel } from '../core/raster/raster-types.ts';
import { UserError } from '../core/user-error.ts';
import { hashBytes } from './hash-file.ts';
import { parseCrs } from './parse-crs.ts';

export interface ReadGeotiffOptions {
  /** File name for messages (readGeotiff sets it to the path). */
  file?: string;
  /** CRS to use when the file has no EPSG GeoKey (user-defined CRS). Contradicting the file is a UserError. */
  crs?: string;
  /**
   * Read only the pixels that touch this box [minX, minY, maxX, maxY] in the raster's CRS, or a function
   * that gets the raster's CRS id and returns the box (to reproject your extent first). Default: the whole image.
   */
  bbox?: [number, number, number, number] | ((crs: string) => [number, number, number, number]);
}

export interface GeotiffSource {
  raster: Raster;
  /** SHA-256 of the file's bytes. */
  sha256: string;
  /** How the CRS was found: 'ProjectedCSTypeGeoKey', 'GeographicTypeGeoKey' or 'config'. */
  crsFrom: string;
  /** TIFF compression code (1 none, 5 LZW, 8/32946 Deflate, 32773 PackBits …). */
  compression: number;
  /** True for a tiled file, false for strips. */
  tiled: boolean;
  /** The window read, in pixels of the full image: [column0, row0, column1, row1) (the whole image without bbox). */
  window: [number, number, number, number];
  /** Width and height of the full image. */
  fullSize: [number, number];
}

/**
 * Reads a GeoTIFF file. File-level problems (missing file, not a TIFF, no georeferencing, unknown CRS,
 * undecodable data, a bbox the raster does not cover) are one-line UserErrors naming the file.
 *
 * @param path - the .tif file
 * @param options - crs (for files without an EPSG GeoKey), bbox (read a window only)
 * @returns the raster in its own CRS, its sha256 and how it was read
 * @example
 * const { raster } = await readGeotiff('data/bbk-mechelen.tif');
 * raster.crs; // 'EPSG:31370'
 */
export async function readGeotiff(path: string, options: ReadGeotiffOptions = {}): Promise<GeotiffSource> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`file not found: ${path}; check the path in the config (paths are relative to the config file)`);
    if (code === 'EISDIR') throw new UserError(`${path}: expected a GeoTIFF file, found a folder; point the config at the .tif file`);
    throw err;
  }
  return readGeotiffBytes(bytes, { ...options, file: options.file ?? path });
}

/**
 * Same as {@link readGeotiff}, from bytes already in memory.
 *
 * @example
 * const { raster } = await readGeotiffBytes(new Uint8Array(buffer), { file: 'test.tif' });
 */
export async function readGeotiffBytes(bytes: Uint8Array, options: ReadGeotiffOptions = {}): Promise<GeotiffSource> {
  const file = options.file ?? 'GeoTIFF';
  const sig = bytes.length >= 4 ? String.fromCharCode(bytes[0], bytes[1]) : '';
  if (sig !== 'II' && sig !== 'MM') {
    throw new UserError(`${file}: expected a GeoTIFF (bytes starting with "II" or "MM"), found ${bytes.length === 0 ? 'an empty file' : `bytes ${[...bytes.slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`}; export the raster as GeoTIFF`);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let image: GeoTIFFImage;
  try {
    const tiff = await fromArrayBuffer(buffer);
    image = await tiff.getImage(0);
  } catch (err) {
    throw new UserError(`${file}: cannot read the TIFF structure (${oneLine(err)}); the file is damaged or not a TIFF`);
  }
  const dir = image.getFileDirectory();
  const width = image.getWidth();
  const height = image.getHeight();
  await checkChunks(dir, bytes.length, file);
  const full = await geoTransform(image, file);
  const { crs, crsFrom } = crsOf(image, options.crs, file);

  let window: [number, number, number, number] = [0, 0, width, height];
  if (options.bbox) window = windowOf(full, typeof options.bbox === 'function' ? options.bbox(crs) : options.bbox, width, height, file);
  const transform: RasterTransform = [
    full[0] + window[0] * full[1] + window[1] * full[2],
    full[1],
    full[2],
    full[3] + window[0] * full[4] + window[1] * full[5],
    full[4],
    full[5],
  ];
  let bands: RasterBand[];
  try {
    const data = await image.readRasters({ interleave: false, window });
    bands = [...(data as unknown as RasterBand[])];
  } catch (err) {
    throw new UserError(`${file}: cannot decode the pixels (${oneLine(err)}); the file may be truncated or use an unsupported compression (compression code ${dir.getValue('Compression') ?? 1})`);
  }
  const noDataRaw = image.getGDALNoData();
  const nodata = noDataRaw === null || noDataRaw === undefined ? null : Number(noDataRaw);
  return {
    raster: { width: window[2] - window[0], height: window[3] - window[1], transform, crs, nodata, bands },
    sha256: hashBytes(bytes),
    crsFrom,
    compression: Number(dir.getValue('Compression') ?? 1),
    tiled: dir.hasTag('TileWidth'),
    window,
    fullSize: [width, height],
  };
}

/** The GDAL-order transform of the full image, from ModelPixelScale + ModelTiepoint or ModelTransformation. */
async function geoTransform(image: GeoTIFFImage, file: string): Promise<RasterTransform> {
  const dir = image.getFileDirectory();
  const scale = (await dir.loadValue('ModelPixelScale')) as ArrayLike<number> | undefined;
  const tie = (await dir.loadValue('ModelTiepoint')) as ArrayLike<number> | undefined;
  const matrix = (await dir.loadValue('ModelTransformation')) as ArrayLike<number> | undefined;
  let t: RasterTransform;
  if (scale && tie && tie.length >= 6) {
    if (tie.length > 6) throw new UserError(`${file}: the GeoTIFF has ${tie.length / 6} tie points (a warped, not affine, raster); warp it to a regular grid first (gdalwarp)`);
    const [i, j, , x, y] = Array.from(tie);
    const [sx, sy] = Array.from(scale);
    t = [x - i * sx, sx, 0, y + j * sy, 0, -sy];
  } else if (matrix && matrix.length >= 16) {
    const m = Array.from(matrix);
    t = [m[3], m[0], m[1], m[7], m[4], m[5]];
  } else {
    throw new UserError(`${file}: the TIFF has no georeferencing (no ModelPixelScale + ModelTiepoint or ModelTransformation); save it as a GeoTIFF with its CRS (e.g. gdal_translate -a_srs EPSG:31370 -a_ullr …)`);
  }
  if (!t.every(Number.isFinite) || t[1] * t[5] - t[2] * t[4] === 0) throw new UserError(`${file}: the georeferencing gives a degenerate pixel size (${JSON.stringify(t)}); fix the GeoTIFF tags`);
  // PixelIsPoint: the tie point is the centre of the first pixel; shift to its corner, as GDAL does.
  if (image.getGeoKeys()?.GTRasterTypeGeoKey === 2) {
    t[0] -= 0.5 * (t[1] + t[2]);
    t[3] -= 0.5 * (t[4] + t[5]);
  }
  return t;
}

function crsOf(image: GeoTIFFImage, declared: string | undefined, file: string): { crs: string; crsFrom: string } {
  const keys = image.getGeoKeys() ?? {};
  const projected = Number(keys.ProjectedCSTypeGeoKey);
  const geographic = Number(keys.GeographicTypeGeoKey);
  let found: { id: string; from: string } | null = null;
  if (Number.isInteger(projected) && projected > 0 && projected !== 32767) found = { id: `EPSG:${projected}`, from: 'ProjectedCSTypeGeoKey' };
  else if (Number(keys.GTModelTypeGeoKey) === 2 && Number.isInteger(geographic) && geographic > 0 && geographic !== 32767) found = { id: `EPSG:${geographic}`, from: 'GeographicTypeGeoKey' };
  const withFile = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`${file}: ${err.message}`);
      throw err;
    }
  };
  if (found) {
    const crs = withFile(() => parseCrs(found.id)).id;
    if (declared !== undefined) {
      const want = withFile(() => parseCrs(declared)).id;
      if (want !== crs) throw new UserError(`${file}: the config declares crs ${want}, but the GeoTIFF says ${crs} (${found.from}); remove crs from the config or fix the file`);
    }
    return { crs, crsFrom: found.from };
  }
  if (declared !== undefined) return { crs: withFile(() => parseCrs(declared)).id, crsFrom: 'config' };
  const citation = keys.GTCitationGeoKey ?? keys.PCSCitationGeoKey;
  throw new UserError(
    `${file}: the GeoTIFF has no EPSG code in its GeoKeys${citation ? ` (citation "${String(citation).replace(/\|$/, '')}")` : ''}; set "crs" in the config (e.g. "EPSG:31370") or re-save it with gdal_translate -a_srs EPSG:31370`,
  );
}

/** Every strip or tile must lie inside the file: a truncated file must not decode to silently short data. */
async function checkChunks(dir: GeoTIFFImage['fileDirectory'], size: number, file: string): Promise<void> {
  const tiled = dir.hasTag('TileOffsets');
  const offsets = (await dir.loadValue(tiled ? 'TileOffsets' : 'StripOffsets')) as ArrayLike<number> | undefined;
  const counts = (await dir.loadValue(tiled ? 'TileByteCounts' : 'StripByteCounts')) as ArrayLike<number> | undefined;
  const what = tiled ? 'tile' : 'strip';
  if (!offsets || !counts || offsets.length !== counts.length) {
    throw new UserError(`${file}: the TIFF has no valid ${what} offsets and byte counts; the file is damaged`);
  }
  for (let i = 0; i < offsets.length; i++) {
    if (Number(offsets[i]) + Number(counts[i]) > size) {
      throw new UserError(`${file}: ${what} ${i + 1} of ${offsets.length} ends at byte ${Number(offsets[i]) + Number(counts[i])}, but the file has ${size} bytes; the file is truncated, download or export it again`);
    }
  }
}

/** Pixel window [c0, r0, c1, r1) of the pixels touching bbox, clamped to the image. */
function windowOf(t: RasterTransform, bbox: [number, number, number, number], width: number, height: number, file: string): [number, number, number, number] {
  const [x0, y0, x1, y1] = bbox;
  const corners = [mapToPixel(t, x0, y0), mapToPixel(t, x1, y0), mapToPixel(t, x0, y1), mapToPixel(t, x1, y1)];
  const c0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[0]))));
  const r0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[1]))));
  const c1 = Math.min(width, Math.ceil(Math.max(...corners.map((p) => p[0]))));
  const r1 = Math.min(height, Math.ceil(Math.max(...corners.map((p) => p[1]))));
  if (c1 <= c0 || r1 <= r0) {
    const ext = [t[0], t[3] + height * t[5], t[0] + width * t[1], t[3]].map((v) => Math.round(v));
    throw new UserError(`${file}: the raster (extent ${ext.join(', ')}) does not cover the area ${bbox.map((v) => Math.round(v)).join(', ')}; check that raster and study area are in the same place and CRS`);
  }
  return [c0, r0, c1, r1];
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
}
