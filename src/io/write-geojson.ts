/**
 * Deterministic RFC 7946 GeoJSON writer: same features in, same bytes out.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { UserError } from '../core/user-error.ts';

/** Options of stringifyFeatureCollection. */
export interface StringifyOptions {
  /** Decimal places kept in coordinates (6 ≈ 0.1 m in degrees). Integer 0..15. Default 6, or 3 (1 mm) for a projected `crs`. */
  precision?: number;
  /**
   * CRS of the coordinates. Default 'EPSG:4326': RFC 7946 output, no `crs` member. Any other id
   * (a projected CRS such as 'EPSG:31370', or a proj4 string) writes a legacy GeoJSON 2008 `crs`
   * member (`urn:ogc:def:crs:EPSG::31370`, or the proj4 string as the name), as QGIS and GDAL read
   * it; such a file is not RFC 7946.
   */
  crs?: string;
}

/**
 * Serialise features (in WGS 84 longitude/latitude, or in `options.crs`) as a FeatureCollection:
 * RFC 7946 for WGS 84, GeoJSON 2008 with a `crs` member otherwise.
 *
 * Output rules, all for byte-identical output on identical input:
 * - no `crs` member (RFC 7946: WGS 84 only), no bbox, no foreign members;
 * - one feature per line (diffs stay readable), keys in a fixed order: type, id (when a string
 *   or number), properties, geometry; property keys sorted (recursively in nested objects);
 * - coordinates rounded to `precision` decimals, written without exponent, trailing zeros or
 *   -0 (`-0.0000001` → `0`); property numbers keep full precision but are also written without
 *   exponent and -0; non-finite property numbers become null (as JSON.stringify does);
 * - polygon rings wound per RFC 7946 §3.1.6 after rounding: outer rings counter-clockwise,
 *   holes clockwise (in the lon/lat plane);
 * - ends with a newline.
 * Input features are not mutated. A coordinate outside ±180/±90 is a bug (reproject first) and
 * throws an Error with its stack.
 *
 * @param features - WGS 84 features
 * @param options - see StringifyOptions
 * @returns the GeoJSON text
 * @example
 * fs.writeFileSync('blocks.geojson', stringifyFeatureCollection(reprojectFeatures(blocks, 'EPSG:31370', 'EPSG:4326')));
 */
export function stringifyFeatureCollection(features: readonly Feature<Geometry | null>[], options: StringifyOptions = {}): string {
  const crs = options.crs ?? 'EPSG:4326';
  const wgs84 = crs === 'EPSG:4326';
  const precision = options.precision ?? (wgs84 ? 6 : 3);
  if (!Number.isInteger(precision) || precision < 0 || precision > 15) {
    throw new UserError(`expected precision to be a whole number from 0 to 15, found ${JSON.stringify(precision)}; use 6 (about 0.1 m) unless you need otherwise`);
  }
  if (!Array.isArray(features)) throw new TypeError('stringifyFeatureCollection: features must be an array');
  const crsMember = wgs84 ? '' : `"crs":{"type":"name","properties":{"name":${JSON.stringify(/^EPSG:\d+$/.test(crs) ? `urn:ogc:def:crs:EPSG::${crs.slice(5)}` : crs)}}},`;
  if (features.length === 0) return `{"type":"FeatureCollection",${crsMember}"features":[]}\n`;

  const lines = features.map((feature, index) => {
    const round = (p: Position): number[] => {
      const [x, y] = p;
      if (wgs84 ? !(Math.abs(x) <= 180 && Math.abs(y) <= 90) : !(Number.isFinite(x) && Number.isFinite(y))) {
        throw new Error(`stringifyFeatureCollection: feature index ${index} has position [${x}, ${y}], ${wgs84 ? 'not WGS 84 longitude/latitude; reproject to EPSG:4326 (or pass options.crs) before writing' : 'not finite numbers; validate features before writing'}`);
      }
      return p.length === 2 ? [roundTo(x, precision), roundTo(y, precision)] : p.map((v) => roundTo(v, precision));
    };
    const parts = ['"type":"Feature"'];
    if (typeof feature.id === 'string' || typeof feature.id === 'number') parts.push(`"id":${stringifyValue(feature.id)}`);
    parts.push(`"properties":${feature.properties === null || feature.properties === undefined ? 'null' : stringifyValue(feature.properties)}`);
    parts.push(`"geometry":${stringifyGeometry(feature.geometry, round, precision)}`);
    return `{${parts.join(',')}}`;
  });
  return `{"type":"FeatureCollection",${crsMember}"features":[\n${lines.join(',\n')}\n]}\n`;
}

type Round = (p: Position) => number[];

function stringifyGeometry(geometry: Geometry | null | undefined, round: Round, precision: number): string {
  if (geometry === null || geometry === undefined) return 'null';
  if (geometry.type === 'GeometryCollection') {
    return `{"type":"GeometryCollection","geometries":[${geometry.geometries.map((g) => stringifyGeometry(g, round, precision)).join(',')}]}`;
  }
  const text = (p: number[]) => `[${p.map((v) => formatNumber(v, precision)).join(',')}]`;
  const line = (ps: Position[]) => `[${ps.map((p) => text(round(p))).join(',')}]`;
  const polygon = (rings: Position[][]) => `[${rings.map((ring, r) => `[${wind(ring.map(round), r === 0).map(text).join(',')}]`).join(',')}]`;
  let coordinates: string;
  switch (geometry.type) {
    case 'Point':
      coordinates = text(round(geometry.coordinates));
      break;
    case 'MultiPoint':
    case 'LineString':
      coordinates = line(geometry.coordinates);
      break;
    case 'MultiLineString':
      coordinates = `[${geometry.coordinates.map(line).join(',')}]`;
      break;
    case 'Polygon':
      coordinates = polygon(geometry.coordinates);
      break;
    case 'MultiPolygon':
      coordinates = `[${geometry.coordinates.map(polygon).join(',')}]`;
      break;
    default:
      throw new Error(`stringifyFeatureCollection: unknown geometry type ${JSON.stringify((geometry as { type?: unknown }).type)}; validate features before writing`);
  }
  return `{"type":"${geometry.type}","coordinates":${coordinates}}`;
}

/** Ring with RFC 7946 winding: outer counter-clockwise, hole clockwise. Returns a new array. */
function wind(ring: number[][], outer: boolean): number[][] {
  const area = signedArea(ring);
  const ccw = area > 0;
  if (area === 0 || ccw === outer) return ring;
  return ring.slice().reverse();
}

/** Shoelace area relative to the first vertex (positive = counter-clockwise). */
function signedArea(ring: number[][]): number {
  if (ring.length < 3) return 0;
  const [x0, y0] = ring[0];
  let sum = 0;
  for (let i = 1; i < ring.length - 1; i++) {
    sum += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  }
  return sum / 2;
}

function roundTo(value: number, precision: number): number {
  const factor = 10 ** precision;
  const r = Math.round(value * factor) / factor;
  return r === 0 ? 0 : r; // also turns -0 into 0
}

/** A rounded coordinate as text: fixed-point, no exponent, no trailing zeros, no -0. */
function formatNumber(value: number, precision: number): string {
  if (value === 0) return '0';
  const fixed = value.toFixed(precision);
  if (precision === 0) return fixed === '-0' ? '0' : fixed;
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (fixed.charCodeAt(end - 1) === 46 /* . */) end--;
  const trimmed = fixed.slice(0, end);
  return trimmed === '-0' ? '0' : trimmed;
}

/** JSON for property values: sorted keys, numbers without exponent or -0. */
function stringifyValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? plainNumber(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : stringifyValue(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined && typeof (value as Record<string, unknown>)[k] !== 'function')
      .map((k) => `${JSON.stringify(k)}:${stringifyValue((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return 'null';
}

/** Shortest round-trip digits of a number, with any exponent expanded: 1e-7 → '0.0000001'. */
function plainNumber(value: number): string {
  if (value === 0) return '0';
  const s = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!match) return s;
  const [, sign, lead, rest = '', expText] = match;
  const digits = lead + rest;
  const exp = Number(expText);
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.padEnd(exp + 1, '0')}`;
}
