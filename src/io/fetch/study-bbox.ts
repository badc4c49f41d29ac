/**
 * The study area of a fetch as a WGS 84 bounding box: from `--bbox minLon,minLat,maxLon,maxLat` or from
 * the extent of an area file (any format readVectorSource reads, in any supported CRS).
 */
import { UserError } from '../../core/user-error.ts';
import { readVectorSource } from '../read-vector-source.ts';
import { reprojectFeatures } from '../reproject.ts';
import { featuresBBox } from '../../core/geometry/features-bbox.ts';

/** [minLon, minLat, maxLon, maxLat] in degrees (WGS 84). */
export type LonLatBBox = [number, number, number, number];

/**
 * Parses "minLon,minLat,maxLon,maxLat" (degrees). Lambert-like numbers, swapped axes, min ≥ max and
 * boxes larger than 2° are one-line UserErrors that say what the numbers look like.
 *
 * @example
 * parseBBox('4.47,51.01,4.49,51.03'); // [4.47, 51.01, 4.49, 51.03]
 */
export function parseBBox(text: string): LonLatBBox {
  const parts = text.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || !nums.every(Number.isFinite)) {
    throw new UserError(`--bbox: expected four numbers minLon,minLat,maxLon,maxLat (degrees, e.g. 4.47,51.01,4.49,51.03), found "${text}"`);
  }
  const [x0, y0, x1, y1] = nums;
  if (nums.some((v) => Math.abs(v) > 180)) {
    throw new UserError(`--bbox: ${text} looks like projected metres (e.g. Belgian Lambert 72), not degrees; give longitude/latitude in WGS 84, e.g. 4.47,51.01,4.49,51.03`);
  }
  // Latitude first: impossible latitudes, or a Belgian box with the axes swapped (lon 2.5–6.4, lat 49.5–51.5).
  if (Math.abs(y0) > 90 || Math.abs(y1) > 90 || (x0 >= 49 && x1 <= 52 && y0 >= 2 && y1 <= 7)) {
    throw new UserError(`--bbox: ${text} looks like latitude first; the order is minLon,minLat,maxLon,maxLat (for Mechelen: 4.47,51.01,4.49,51.03)`);
  }
  if (!(x0 < x1 && y0 < y1)) throw new UserError(`--bbox: expected minLon < maxLon and minLat < maxLat, found ${text}`);
  if (x1 - x0 > 2 || y1 - y0 > 2) throw new UserError(`--bbox: the box ${text} spans more than 2°; fetch a study area, not a country (split it or use a smaller box)`);
  return [x0, y0, x1, y1];
}

/**
 * Bounding box, in WGS 84, of the features of an area file.
 *
 * @example
 * await bboxOfAreaFile('data/arsenaal-demo/area.geojson'); // [4.47…, 51.01…, 4.49…, 51.03…]
 */
export async function bboxOfAreaFile(path: string): Promise<LonLatBBox> {
  const src = await readVectorSource({ path });
  const wgs = reprojectFeatures(src.features.filter((f) => f.geometry), src.crs, 'EPSG:4326', { file: path });
  const b = featuresBBox(wgs);
  if (!b.every(Number.isFinite)) throw new UserError(`${path}: expected at least one feature with coordinates for the study area, found none`);
  try {
    return parseBBox(b.join(','));
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`${path}: the area's extent ${err.message.replace(/^--bbox: /, '')}`);
    throw err;
  }
}

/**
 * The box in another CRS: the extent of its boundary (21 points per side) reprojected.
 *
 * @example
 * bboxInCrs([4.47, 51.01, 4.49, 51.03], 'EPSG:31370'); // [157…, 188…, 159…, 191…]
 */
export function bboxInCrs(b: LonLatBBox, crs: string): [number, number, number, number] {
  const ring: number[][] = [];
  for (let i = 0; i <= 20; i++) {
    const t = i / 20;
    ring.push([b[0] + t * (b[2] - b[0]), b[1]], [b[2], b[1] + t * (b[3] - b[1])], [b[2] - t * (b[2] - b[0]), b[3]], [b[0], b[3] - t * (b[3] - b[1])]);
  }
  const [f] = reprojectFeatures([{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: ring } }], 'EPSG:4326', crs);
  const pts = (f.geometry as { coordinates: number[][] }).coordinates;
  return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
}
