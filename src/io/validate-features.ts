/**
 * Per-record geometry checks of freshly read features: structure (null geometry, unknown type,
 * too few positions, unclosed rings), non-finite coordinates, and coordinates that are impossible
 * for the declared CRS (Lambert metres declared as degrees and the like).
 */
import type { RejectedRecord, RejectReason } from '../core/types.ts';
import { parseCrs, type CrsInfo } from './parse-crs.ts';

/** Options of validateFeatures. */
export interface ValidateFeaturesOptions {
  /** File name used in messages. Default: 'input'. */
  file?: string;
  /** Declared CRS of the coordinates. Default: 'EPSG:4326'. */
  crs?: string | CrsInfo;
  /** How a record is named in messages. Default: `feature ${index + 1}` (counted from 1, as a user counts). */
  recordLabel?: (index: number) => string;
}

interface Issue {
  reason: RejectReason;
  detail: string;
}

const ADVICE: Record<string, string> = {
  'null-geometry': 'give the record a geometry or drop it',
  'invalid-geometry': 'repair the geometry (QGIS: Vector > Geometry Tools > Fix Geometries) or drop the record',
  'invalid-coordinates': 'fix the coordinates or drop the record',
};

/**
 * Check every feature and return one problem per bad feature (the first problem found in it), in
 * input order. Never throws for record-level problems: the caller decides (strict build: throw the
 * first `detail` as a UserError; lenient: turn problems into JoinReport rejects).
 *
 * Reasons: 'null-geometry' (geometry null/missing or empty, e.g. `"coordinates": []`),
 * 'invalid-geometry' (unknown or missing type, malformed nesting, LineString with < 2 positions,
 * polygon ring with < 4 positions or not closed), 'invalid-coordinates' (a value that is not a
 * finite number: NaN, Infinity, a string, null; or coordinates outside what the declared CRS can
 * hold, e.g. |longitude| > 180). `detail` is one line: file, record, what was expected, what was
 * found, what to do.
 *
 * @param features - features as parsed (any shape: this is where untrusted input is checked)
 * @param options - see ValidateFeaturesOptions
 * @returns problems, one per bad feature
 * @example
 * validateFeatures(features, { file: 'incidents.geojson', crs: 'EPSG:4326' });
 * // [{ index: 3, id: null, reason: 'invalid-coordinates', detail: 'incidents.geojson, feature 4: ...' }]
 */
export function validateFeatures(features: readonly unknown[], options: ValidateFeaturesOptions = {}): RejectedRecord[] {
  if (!Array.isArray(features)) throw new TypeError('validateFeatures: features must be an array');
  const file = options.file ?? 'input';
  const crs = typeof options.crs === 'object' ? options.crs : parseCrs(options.crs ?? 'EPSG:4326');
  const label = options.recordLabel ?? ((index: number) => `feature ${index + 1}`);

  const problems: RejectedRecord[] = [];
  features.forEach((feature, index) => {
    const issue = checkFeature(feature, crs);
    if (!issue) return;
    problems.push({
      index,
      id: featureId(feature),
      reason: issue.reason,
      detail: `${file}, ${label(index)}: ${issue.detail}; ${ADVICE[issue.reason] ?? 'fix or drop the record'}`,
    });
  });
  return problems;
}

function checkFeature(feature: unknown, crs: CrsInfo): Issue | null {
  if (!isObject(feature)) return { reason: 'invalid-geometry', detail: `expected a GeoJSON Feature object, found ${describe(feature)}` };
  const geometry = feature.geometry;
  if (geometry === null || geometry === undefined) return { reason: 'null-geometry', detail: 'expected a geometry, found none (null)' };
  const structural = checkGeometry(geometry);
  if (structural) return structural;
  return checkPlausible(geometry as GeometryLike, crs);
}

type GeometryLike = { type: string; coordinates?: unknown; geometries?: unknown[] };

/** Depth of coordinate nesting per type: 0 = position, 1 = list of positions, ... */
const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };
const TYPES = 'Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection';

function checkGeometry(geometry: unknown): Issue | null {
  if (!isObject(geometry)) return { reason: 'invalid-geometry', detail: `expected a geometry object, found ${describe(geometry)}` };
  const type = geometry.type;
  if (type === 'GeometryCollection') {
    const members = geometry.geometries;
    if (!Array.isArray(members)) return { reason: 'invalid-geometry', detail: `expected "geometries" to be an array in a GeometryCollection, found ${describe(members)}` };
    if (members.length === 0) return { reason: 'null-geometry', detail: 'expected a geometry, found an empty GeometryCollection' };
    for (const member of members) {
      if (member === null) return { reason: 'invalid-geometry', detail: 'expected geometries in a GeometryCollection, found null' };
      const issue = checkGeometry(member);
      if (issue) return issue;
    }
    return null;
  }
  if (typeof type !== 'string' || !(type in DEPTH)) {
    return { reason: 'invalid-geometry', detail: `expected a geometry type (${TYPES}), found ${type === undefined ? 'no type' : describe(type)}` };
  }
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates)) return { reason: 'invalid-geometry', detail: `expected "coordinates" to be an array in a ${type}, found ${describe(coordinates)}` };
  if (coordinates.length === 0) return { reason: 'null-geometry', detail: `expected a geometry, found an empty ${type} ("coordinates": [])` };

  switch (type) {
    case 'Point':
      return checkPosition(coordinates, type);
    case 'MultiPoint':
      return checkPositions(coordinates, type, 1);
    case 'LineString':
      return checkPositions(coordinates, type, 2);
    case 'MultiLineString':
      return firstIssue(coordinates, (line, i) => checkPositions(line, `${type} part ${i + 1}`, 2));
    case 'Polygon':
      return checkPolygon(coordinates, type);
    default: // MultiPolygon
      return firstIssue(coordinates, (polygon, i) => checkPolygon(polygon, `${type} part ${i + 1}`));
  }
}

function checkPolygon(rings: unknown, where: string): Issue | null {
  if (!Array.isArray(rings)) return { reason: 'invalid-geometry', detail: `${where}: expected a list of rings, found ${describe(rings)}` };
  if (rings.length === 0) return { reason: 'invalid-geometry', detail: `${where}: expected at least one ring, found none` };
  return firstIssue(rings, (ring, r) => {
    const name = `${where} ring ${r + 1}${r === 0 ? ' (outer)' : ' (hole)'}`;
    const issue = checkPositions(ring, name, 1);
    if (issue) return issue;
    const positions = ring as number[][];
    if (positions.length < 4) {
      return { reason: 'invalid-geometry', detail: `${name}: expected at least 4 positions (first repeated at the end), found ${positions.length}` };
    }
    const first = positions[0];
    const last = positions[positions.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return { reason: 'invalid-geometry', detail: `${name} is not closed: expected the last position to equal the first ${describe(first)}, found ${describe(last)}` };
    }
    return null;
  });
}

function checkPositions(list: unknown, where: string, min: number): Issue | null {
  if (!Array.isArray(list)) return { reason: 'invalid-geometry', detail: `${where}: expected a list of positions, found ${describe(list)}` };
  const issue = firstIssue(list, (position) => checkPosition(position, where));
  if (issue) return issue;
  if (list.length < min) return { reason: 'invalid-geometry', detail: `${where}: expected at least ${min} positions, found ${list.length}` };
  return null;
}

function checkPosition(position: unknown, where: string): Issue | null {
  if (!Array.isArray(position)) return { reason: 'invalid-geometry', detail: `${where}: expected a position [x, y], found ${describe(position)}` };
  if (position.length < 2) return { reason: 'invalid-coordinates', detail: `${where}: expected a position [x, y], found ${describe(position)}` };
  for (const value of position) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { reason: 'invalid-coordinates', detail: `${where}: expected finite numbers, found ${describe(position)}` };
    }
  }
  return null;
}

function firstIssue(list: unknown[], check: (item: unknown, i: number) => Issue | null): Issue | null {
  for (let i = 0; i < list.length; i++) {
    const issue = check(list[i], i);
    if (issue) return issue;
  }
  return null;
}

/** First position outside the declared CRS's plausible box, with a guess of what it really is. */
function checkPlausible(geometry: GeometryLike, crs: CrsInfo): Issue | null {
  const box = crs.plausible;
  if (!box) return null;
  // In a projected CRS, |x| <= 180 and |y| <= 90 would be within 200 m of the false origin: degrees.
  const looksLikeDegrees = (x: number, y: number) => !crs.geographic && Math.abs(x) <= 180 && Math.abs(y) <= 90;
  const outside = findPosition(geometry, ([x, y]) => x < box[0] || y < box[1] || x > box[2] || y > box[3] || looksLikeDegrees(x, y));
  if (!outside) return null;
  const [x, y] = outside;
  const expected = crs.geographic
    ? `longitude ${box[0]}..${box[2]} and latitude ${box[1]}..${box[3]}`
    : looksLikeDegrees(x, y)
      ? `metres, not values within ±180 and ±90`
      : `x ${box[0]}..${box[2]} and y ${box[1]}..${box[3]} metres`;
  const guess = guessCrs(x, y, crs.id);
  const hint = guess ? `; these numbers look like ${guess}` : `; check the declared CRS (crs in the config, or the file's crs member)`;
  return { reason: 'invalid-coordinates', detail: `coordinates ${describe([x, y])} are impossible for ${crs.id} (expected ${expected})${hint}` };
}

function findPosition(geometry: GeometryLike, test: (p: number[]) => boolean): number[] | null {
  if (geometry.type === 'GeometryCollection') {
    for (const member of geometry.geometries ?? []) {
      const found = findPosition(member as GeometryLike, test);
      if (found) return found;
    }
    return null;
  }
  const stack: unknown[] = [geometry.coordinates];
  while (stack.length > 0) {
    const item = stack.pop() as unknown[];
    if (typeof item[0] === 'number') {
      if (test(item as number[])) return item as number[];
    } else {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    }
  }
  return null;
}

/**
 * What a Belgian coordinate pair probably is, as a hint ending in what to declare. Ranges are
 * Belgium with a margin; the first match wins.
 */
function guessCrs(x: number, y: number, declared: string): string | null {
  const m = (v: number) => Math.round(v);
  const d = (v: number) => Number(v.toFixed(5));
  const guesses: [boolean, string, string][] = [
    [x >= 2 && x <= 7 && y >= 49 && y <= 52, `longitude/latitude degrees (lon≈${d(x)}, lat≈${d(y)})`, 'EPSG:4326'],
    [x >= 49 && x <= 52 && y >= 2 && y <= 7, `latitude/longitude degrees in swapped order (lat≈${d(x)}, lon≈${d(y)}); put longitude first (x) and latitude second (y)`, ''],
    [x >= 0 && x <= 320_000 && y >= 0 && y <= 320_000, `Belgian Lambert 72 metres (x≈${m(x)}, y≈${m(y)})`, 'EPSG:31370'],
    [x >= 480_000 && x <= 830_000 && y >= 480_000 && y <= 780_000, `Belgian Lambert 2008 metres (x≈${m(x)}, y≈${m(y)})`, 'EPSG:3812'],
    [x >= 300_000 && x <= 850_000 && y >= 5_400_000 && y <= 5_800_000, `UTM zone 31N metres (x≈${m(x)}, y≈${m(y)})`, 'EPSG:32631 (or EPSG:25831 for ETRS89)'],
    [x >= 200_000 && x <= 900_000 && y >= 6_200_000 && y <= 6_800_000, `Web Mercator metres (x≈${m(x)}, y≈${m(y)})`, 'EPSG:3857'],
  ];
  for (const [matches, what, crs] of guesses) {
    if (!matches || crs === declared) continue;
    return crs ? `${what}; declare crs ${crs}` : what;
  }
  return null;
}

function featureId(feature: unknown): string | number | null {
  if (!isObject(feature)) return null;
  const id = feature.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Short, one-line rendering of a value for messages (NaN and Infinity shown as such). */
function describe(value: unknown, depth = 0): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) {
    if (depth > 1) return '[…]';
    const items = value.slice(0, 4).map((v) => describe(v, depth + 1));
    return `[${items.join(', ')}${value.length > 4 ? ', …' : ''}]`;
  }
  if (typeof value === 'object') return 'an object';
  return String(value);
}
