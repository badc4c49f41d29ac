/**
 * A raster as core sees it: plain numbers, no file handles. src/io/read-geotiff.ts builds it from a
 * GeoTIFF; tests build it by hand.
 */

/** A numeric pixel array, one per band, row-major (row 0 = first row of the file). */
export type RasterBand = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/**
 * Affine pixel-to-map transform in GDAL order `[x0, dx, rx, y0, ry, dy]`: the map position of the
 * pixel CORNER at (column c, row r) is `x = x0 + c·dx + r·rx`, `y = y0 + c·ry + r·dy`. A north-up
 * raster has rx = ry = 0 and dy < 0; pixel centres lie at c + 0.5, r + 0.5.
 */
export type RasterTransform = [number, number, number, number, number, number];

export interface Raster {
  width: number;
  height: number;
  transform: RasterTransform;
  /** Canonical CRS id of the map coordinates, e.g. 'EPSG:31370'. */
  crs: string;
  /** Pixel value meaning "no data" (GDAL_NODATA), or null when the file declares none. */
  nodata: number | null;
  /** One typed array of width × height values per band. */
  bands: RasterBand[];
}

/**
 * Map position of a pixel-grid point (column, row may be fractional: +0.5 is the pixel centre).
 *
 * @example
 * pixelToMap([150000, 1, 0, 200000, 0, -1], 0.5, 0.5); // [150000.5, 199999.5]
 */
export function pixelToMap(t: RasterTransform, column: number, row: number): [number, number] {
  return [t[0] + column * t[1] + row * t[2], t[3] + column * t[4] + row * t[5]];
}

/**
 * Inverse of {@link pixelToMap}: the fractional (column, row) of a map position.
 * Throws a plain Error for a degenerate transform (callers validate rasters first).
 *
 * @example
 * mapToPixel([150000, 1, 0, 200000, 0, -1], 150000.5, 199999.5); // [0.5, 0.5]
 */
export function mapToPixel(t: RasterTransform, x: number, y: number): [number, number] {
  const det = t[1] * t[5] - t[2] * t[4];
  if (det === 0 || !Number.isFinite(det)) throw new Error(`raster transform ${JSON.stringify(t)} is degenerate`);
  const u = x - t[0];
  const v = y - t[3];
  return [(u * t[5] - v * t[2]) / det, (v * t[1] - u * t[4]) / det];
}

/**
 * Area of one pixel in squared map units (m² for a projected CRS in metres).
 *
 * @example
 * pixelArea([150000, 5, 0, 200000, 0, -5]); // 25
 */
export function pixelArea(t: RasterTransform): number {
  return Math.abs(t[1] * t[5] - t[2] * t[4]);
}
