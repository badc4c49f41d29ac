/**
 * Well-Known Binary geometry (ISO and PostGIS EWKB flavours, 2D/Z/M/ZM) and GeoPackage binary
 * geometry blobs -> GeoJSON geometry. Z is kept as the third value, M is dropped.
 */
import type { Geometry, Position } from 'geojson';

/** A WKB problem; the caller turns it into a record problem. */
export class WkbError extends Error {
  override name = 'WkbError';
}

const TYPES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'] as const;

/**
 * Parse WKB. EMPTY geometries (and a POINT of NaN coordinates, the WKB way of writing POINT EMPTY)
 * give null.
 *
 * @param bytes - the WKB
 * @returns the geometry, or null for EMPTY
 * @throws WkbError for bytes that are not valid WKB (cut short, unknown type, trailing bytes)
 * @example
 * parseWkb(Uint8Array.from([1, 1, 0, 0, 0, ...x, ...y])) // { type: 'Point', coordinates: [x, y] }
 */
export function parseWkb(bytes: Uint8Array): Geometry | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  const need = (n: number) => {
    if (p + n > bytes.length) throw new WkbError(`cut short: expected ${n} more byte(s) at byte ${p}, found ${bytes.length - p}`);
  };
  const read = (depth: number): Geometry | null => {
    if (depth > 32) throw new WkbError('nested deeper than 32 levels');
    need(5);
    const order = bytes[p];
    if (order > 1) throw new WkbError(`expected a byte-order mark 0 or 1 at byte ${p}, found ${order}`);
    const le = order === 1;
    let code = view.getUint32(p + 1, le);
    p += 5;
    let hasZ = false;
    let hasM = false;
    if (code & 0x20000000) {
      need(4);
      p += 4; // EWKB SRID
    }
    if (code & 0x80000000) hasZ = true;
    if (code & 0x40000000) hasM = true;
    code &= 0x0fffffff;
    const dim = Math.floor(code / 1000);
    if (dim === 1 || dim === 3) hasZ = true;
    if (dim === 2 || dim === 3) hasM = true;
    const base = code % 1000;
    const type = TYPES[base];
    if (!type || dim > 3) throw new WkbError(`expected a geometry type code 1..7 (+1000/2000/3000), found ${code}`);
    const size = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    const count = () => {
      need(4);
      const n = view.getUint32(p, le);
      p += 4;
      if (n > (bytes.length - p) / 1) throw new WkbError(`expected a count, found ${n} (more than the bytes left)`);
      return n;
    };
    const position = (): Position => {
      need(8 * size);
      const x = view.getFloat64(p, le);
      const y = view.getFloat64(p + 8, le);
      const pos = hasZ ? [x, y, view.getFloat64(p + 16, le)] : [x, y];
      p += 8 * size;
      return pos;
    };
    const positions = () => Array.from({ length: count() }, position);
    switch (type) {
      case 'Point': {
        const pos = position();
        return Number.isNaN(pos[0]) && Number.isNaN(pos[1]) ? null : { type, coordinates: pos };
      }
      case 'LineString': {
        const c = positions();
        return c.length ? { type, coordinates: c } : null;
      }
      case 'Polygon': {
        const rings = Array.from({ length: count() }, positions);
        return rings.length ? { type, coordinates: rings } : null;
      }
      case 'GeometryCollection': {
        const parts = Array.from({ length: count() }, () => read(depth + 1)).filter((g): g is Geometry => g !== null);
        return parts.length ? { type, geometries: parts } : null;
      }
      default: {
        const want = type.slice(5);
        const parts = Array.from({ length: count() }, () => {
          const g = read(depth + 1);
          if (g && g.type !== want) throw new WkbError(`expected ${want} parts in a ${type}, found ${g.type}`);
          return g as { coordinates: unknown } | null;
        }).filter((g) => g !== null);
        return parts.length ? ({ type, coordinates: parts.map((g) => g!.coordinates) } as Geometry) : null;
      }
    }
  };
  const geometry = read(0);
  if (p !== bytes.length) throw new WkbError(`expected the geometry to end at byte ${p}, found ${bytes.length - p} more byte(s)`);
  return geometry;
}

/**
 * Parse a GeoPackage binary geometry blob ('GP' header, optional envelope, then WKB).
 *
 * @param blob - the column value
 * @returns the geometry (null when the empty flag is set or the WKB is EMPTY) and the header's srs_id
 * @throws WkbError for a blob that is not a GeoPackage geometry
 * @example
 * parseGpkgGeometry(row.geom).geometry?.type // 'Polygon'
 */
export function parseGpkgGeometry(blob: Uint8Array): { geometry: Geometry | null; srsId: number } {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) {
    throw new WkbError(`expected a GeoPackage geometry starting with "GP", found ${Array.from(blob.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ') || 'no bytes'}`);
  }
  const flags = blob[3];
  if (flags & 0x20) throw new WkbError('extended GeoPackage geometries (flag bit 5) are not supported');
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
  if (envelope === undefined) throw new WkbError(`expected an envelope code 0..4, found ${(flags >> 1) & 0x07}`);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const srsId = view.getInt32(4, (flags & 1) === 1);
  if (8 + envelope > blob.length) throw new WkbError(`cut short: the header announces a ${envelope}-byte envelope, found ${blob.length - 8} bytes`);
  if (flags & 0x10) return { geometry: null, srsId };
  return { geometry: parseWkb(blob.subarray(8 + envelope)), srsId };
}
