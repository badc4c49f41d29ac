/**
 * Well-Known Text geometry -> GeoJSON geometry: POINT, LINESTRING, POLYGON, MULTIPOINT (with or
 * without parentheses around each point), MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION, with
 * Z, M or ZM, EMPTY, and a PostGIS `SRID=n;` prefix. Z is kept as the third value, M is dropped.
 */
import type { Geometry, Position } from 'geojson';

/** A WKT geometry as parsed, with the SRID of an EWKT prefix. */
export interface ParsedWkt {
  /** null for EMPTY. */
  geometry: Geometry | null;
  /** The `SRID=n;` prefix, if any. */
  srid: number | null;
}

/** Why a WKT text could not be parsed (one line, for a record problem). */
export class WktError extends Error {
  override name = 'WktError';
}

const TYPES: Record<string, Geometry['type']> = {
  POINT: 'Point',
  LINESTRING: 'LineString',
  POLYGON: 'Polygon',
  MULTIPOINT: 'MultiPoint',
  MULTILINESTRING: 'MultiLineString',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
};

/**
 * Parse WKT (numbers with a decimal point, as WKT requires).
 *
 * @param text - e.g. 'POLYGON ((0 0, 10 0, 10 10, 0 0))'
 * @returns the geometry (null for EMPTY) and the SRID prefix
 * @throws WktError with what was expected and found
 * @example
 * parseWkt('SRID=31370;POINT (158650 189990)') // { geometry: { type: 'Point', coordinates: [158650, 189990] }, srid: 31370 }
 */
export function parseWkt(text: string): ParsedWkt {
  let s = text.trim();
  let srid: number | null = null;
  const prefix = /^SRID=(\d+)\s*;/i.exec(s);
  if (prefix) {
    srid = Number(prefix[1]);
    s = s.slice(prefix[0].length);
  }
  let i = 0;
  let mOnly = false;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const found = () => (i >= s.length ? 'the end' : JSON.stringify(s.slice(i, i + 12)));
  const expect = (c: string) => {
    ws();
    if (s[i] !== c) throw new WktError(`expected "${c}" at character ${i + 1}, found ${found()}`);
    i++;
  };
  const word = () => {
    ws();
    const m = /^[A-Za-z]+/.exec(s.slice(i));
    if (!m) return '';
    i += m[0].length;
    return m[0].toUpperCase();
  };
  const number = () => {
    ws();
    const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
    if (!m) throw new WktError(`expected a number (with a decimal point) at character ${i + 1}, found ${found()}`);
    i += m[0].length;
    return Number(m[0]);
  };
  const position = (dims: number, hasZ: boolean): Position => {
    const values: number[] = [];
    for (;;) {
      values.push(number());
      ws();
      if (i >= s.length || s[i] === ',' || s[i] === ')') break;
    }
    if (values.length < 2 || values.length > 4 || (dims && values.length !== dims)) {
      throw new WktError(`expected ${dims || '2 to 4'} numbers per position, found ${values.length}`);
    }
    return hasZ || (!dims && values.length >= 3 && !mOnly) ? values.slice(0, 3) : values.slice(0, 2);
  };
  const list = <T>(item: () => T): T[] => {
    expect('(');
    const out = [item()];
    ws();
    while (s[i] === ',') {
      i++;
      out.push(item());
      ws();
    }
    expect(')');
    return out;
  };
  const isEmpty = () => {
    ws();
    if (/^EMPTY\b/i.test(s.slice(i))) {
      i += 5;
      return true;
    }
    return false;
  };
  const geometry = (depth: number): Geometry | null => {
    if (depth > 16) throw new WktError('expected at most 16 nested collections');
    const start = i;
    const keyword = word();
    const type = TYPES[keyword];
    if (!type) throw new WktError(`expected a geometry type (POINT, LINESTRING, POLYGON, MULTI..., GEOMETRYCOLLECTION) at character ${start + 1}, found ${keyword ? JSON.stringify(keyword) : found()}`);
    let dims = 0;
    let hasZ = false;
    const save = i;
    const modifier = word();
    if (modifier === 'Z') [dims, hasZ] = [3, true];
    else if (modifier === 'M') [dims, mOnly] = [3, true];
    else if (modifier === 'ZM') [dims, hasZ] = [4, true];
    else i = save;
    if (isEmpty()) return null;
    const pos = () => position(dims, hasZ);
    const ring = () => list(pos);
    switch (type) {
      case 'Point':
        return { type, coordinates: list(pos)[0] };
      case 'LineString':
        return { type, coordinates: list(pos) };
      case 'Polygon':
        return { type, coordinates: list(ring) };
      case 'MultiPoint':
        return {
          type,
          coordinates: list(() => {
            ws();
            return s[i] === '(' ? list(pos)[0] : pos();
          }),
        };
      case 'MultiLineString':
        return { type, coordinates: list(ring) };
      case 'MultiPolygon':
        return { type, coordinates: list(() => list(ring)) };
      default: {
        const members = list(() => geometry(depth + 1)).filter((g): g is Geometry => g !== null);
        return members.length ? { type: 'GeometryCollection', geometries: members } : null;
      }
    }
  };
  const g = geometry(0);
  ws();
  if (i < s.length) throw new WktError(`expected the end of the WKT at character ${i + 1}, found ${found()}`);
  return { geometry: g, srid };
}
