/**
 * Per-record geometry checks of freshly read features: structure (null geometry, unknown type,
 * too few positions, unclosed rings), non-finite coordinates, and coordinates that are impossible
 * for the declared CRS (Lambert metres declared as degrees and the like) — validateFeatures; and
 * the step every reader ends with: repair what is safe, reject the rest with a reason, check the
 * layer's geometry kind — repairFeatures (see docs/io.md, "Validation, repair and accounting").
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { repairGeometry, type GeometryRepairKind } from '../core/geometry/repair-geometry.ts';
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
  'wrong-geometry-type': 'move such records to a layer of their own or drop them',
  'self-intersection': 'repair the geometry (QGIS: Vector > Geometry Tools > Fix Geometries) or drop the record',
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

/** Which kind of geometry a layer takes; records of another kind are rejected 'wrong-geometry-type'. */
export type ExpectedGeometry = 'point' | 'line' | 'areal' | 'point-or-areal';

/** Options of repairFeatures. */
export interface RepairFeaturesOptions extends ValidateFeaturesOptions {
  /** The kind of geometry the layer takes. Default: any kind. */
  expect?: ExpectedGeometry;
  /** Largest relative area change accepted when repairing a self-intersection (default 0.01 = 1 %). */
  maxAreaChange?: number;
}

/** One record whose geometry was repaired: what was done, as a one-line detail with file and record. */
export interface RepairedRecord {
  /** 0-based position of the record in its source. */
  index: number;
  /** The record's own id (feature.id) when it has one, else null. */
  id: string | number | null;
  /** What was done, in order (see GeometryRepairKind). */
  repairs: GeometryRepairKind[];
  /** One line: file, record, what was repaired (e.g. `wijken.geojson, feature 3: closed ring 1 (outer)`). */
  detail: string;
}

/** Features after repair, and what happened to each record that was not fine as read. */
export interface RepairFeaturesResult {
  /** One feature per record, in input order: repaired where repaired, as read where rejected or fine. */
  features: Feature<Geometry | null, GeoJsonProperties>[];
  /** One problem per rejected record (the reader's, or one found here), sorted by index. */
  problems: RejectedRecord[];
  /** One entry per repaired record, sorted by index. */
  repairs: RepairedRecord[];
}

const KINDS: Record<ExpectedGeometry, { types: string[]; words: string }> = {
  point: { types: ['Point', 'MultiPoint'], words: 'points (Point or MultiPoint)' },
  line: { types: ['LineString', 'MultiLineString'], words: 'lines (LineString or MultiLineString)' },
  areal: { types: ['Polygon', 'MultiPolygon'], words: 'polygons (Polygon or MultiPolygon)' },
  'point-or-areal': { types: ['Point', 'MultiPoint', 'Polygon', 'MultiPolygon'], words: 'points or polygons' },
};

/**
 * The second half of every reader: takes the features and per-record problems a reader found and,
 * after the structure and the coordinates' plausibility for the CRS, repairs what is safe to repair (see repairGeometry in src/core/geometry: unclosed rings, repeated
 * positions, ring orientation, degenerate holes and parts, small self-intersections), rejects records
 * of the wrong geometry kind (`expect`) and self-intersections that cannot be repaired, and checks
 * the repaired geometries again (structure, finite numbers, coordinates plausible for the CRS).
 *
 * Records the reader rejected for another reason than 'invalid-geometry' (null geometry,
 * non-finite or impossible coordinates, unreadable CSV numbers) stay rejected with the reader's
 * detail. Records it rejected as 'invalid-geometry' get a second chance, because that is where
 * unclosed rings and rings of 3 positions land. Every record ends up in exactly one of: fine,
 * repaired (`repairs`), rejected (`problems`). Inputs are never modified.
 *
 * @param features - one per record, as read
 * @param problems - the reader's problems (`index` into `features`)
 * @param options - file, crs, recordLabel (as validateFeatures), expect and maxAreaChange
 * @returns features, problems and repairs
 * @example
 * const read = readGeojson(bytes, { file: 'a.geojson' });
 * const { features, problems, repairs } = repairFeatures(read.features, read.problems, { file: 'a.geojson', crs: read.crs, expect: 'areal' });
 */
export function repairFeatures(
  features: readonly Feature<Geometry | null, GeoJsonProperties>[],
  problems: readonly RejectedRecord[],
  options: RepairFeaturesOptions = {},
): RepairFeaturesResult {
  const file = options.file ?? 'input';
  const crs = typeof options.crs === 'object' ? options.crs : parseCrs(options.crs ?? 'EPSG:4326');
  const label = options.recordLabel ?? ((index: number) => `feature ${index + 1}`);
  const precision = crs.geographic ? 8 : 6; // Clipper2's grid: ~1 mm in degrees, 1 µm in metres
  const byIndex = new Map(problems.map((p) => [p.index, p]));
  const out = features.slice();
  const rejected: RejectedRecord[] = [];
  const repaired: RepairedRecord[] = [];
  const reject = (index: number, issue: Issue) =>
    rejected.push({ index, id: featureId(features[index]), reason: issue.reason, detail: `${file}, ${label(index)}: ${issue.detail}; ${ADVICE[issue.reason] ?? 'fix or drop the record'}` });

  features.forEach((feature, index) => {
    const own = byIndex.get(index);
    if (own && own.reason !== 'invalid-geometry') return void rejected.push(own);
    const structural = checkFeature(feature, crs, true);
    if (structural) return void (own ? rejected.push(own) : reject(index, structural));
    const geometry = feature.geometry as Geometry;
    const kind = options.expect ? KINDS[options.expect] : null;
    if (kind && !kind.types.includes(geometry.type)) {
      return void reject(index, { reason: 'wrong-geometry-type', detail: `expected ${kind.words} in this layer, found a ${geometry.type}` });
    }
    const result = repairGeometry(geometry, { maxAreaChange: options.maxAreaChange, precision });
    if (!result.ok) return void reject(index, { reason: result.reason, detail: result.detail });
    const candidate = result.repairs.length > 0 ? { ...feature, geometry: result.geometry } : feature;
    const strict = checkFeature(candidate, crs);
    if (strict) return void reject(index, strict);
    if (result.repairs.length === 0) {
      // Nothing to repair: a reader's 'invalid-geometry' was about something these checks do not see
      // (e.g. a shapefile part index out of range); it stands.
      if (own) rejected.push(own);
      return;
    }
    out[index] = candidate;
    repaired.push({
      index,
      id: featureId(feature),
      repairs: result.repairs.map((r) => r.kind),
      detail: `${file}, ${label(index)}: ${result.repairs.map((r) => r.detail).join('; ')}`,
    });
  });
  return { features: out, problems: rejected, repairs: repaired };
}

function checkFeature(feature: unknown, crs: CrsInfo, lenient = false): Issue | null {
  if (!isObject(feature)) return { reason: 'invalid-geometry', detail: `expected a GeoJSON Feature object, found ${describe(feature)}` };
  const geometry = feature.geometry;
  if (geometry === null || geometry === undefined) return { reason: 'null-geometry', detail: 'expected a geometry, found none (null)' };
  const structural = checkGeometry(geometry, lenient);
  if (structural) return structural;
  return checkPlausible(geometry as GeometryLike, crs);
}

type GeometryLike = { type: string; coordinates?: unknown; geometries?: unknown[] };

/** Depth of coordinate nesting per type: 0 = position, 1 = list of positions, ... */
const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };
const TYPES = 'Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection';

/** `lenient`: ring length, ring closure and LineString length are left to repairGeometry. */
function checkGeometry(geometry: unknown, lenient = false): Issue | null {
  if (!isObject(geometry)) return { reason: 'invalid-geometry', detail: `expected a geometry object, found ${describe(geometry)}` };
  const type = geometry.type;
  if (type === 'GeometryCollection') {
    const members = geometry.geometries;
    if (!Array.isArray(members)) return { reason: 'invalid-geometry', detail: `expected "geometries" to be an array in a GeometryCollection, found ${describe(members)}` };
    if (members.length === 0) return { reason: 'null-geometry', detail: 'expected a geometry, found an empty GeometryCollection' };
    for (const member of members) {
      if (member === null) return { reason: 'invalid-geometry', detail: 'expected geometries in a GeometryCollection, found null' };
      const issue = checkGeometry(member, lenient);
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
      return checkPositions(coordinates, type, lenient ? 0 : 2);
    case 'MultiLineString':
      return firstIssue(coordinates, (line, i) => checkPositions(line, `${type} part ${i + 1}`, lenient ? 0 : 2));
    case 'Polygon':
      return checkPolygon(coordinates, type, lenient);
    default: // MultiPolygon
      return firstIssue(coordinates, (polygon, i) => checkPolygon(polygon, `${type} part ${i + 1}`, lenient));
  }
}

function checkPolygon(rings: unknown, where: string, lenient = false): Issue | null {
  if (!Array.isArray(rings)) return { reason: 'invalid-geometry', detail: `${where}: expected a list of rings, found ${describe(rings)}` };
  if (rings.length === 0) return { reason: 'invalid-geometry', detail: `${where}: expected at least one ring, found none` };
  return firstIssue(rings, (ring, r) => {
    const name = `${where} ring ${r + 1}${r === 0 ? ' (outer)' : ' (hole)'}`;
    const issue = checkPositions(ring, name, lenient ? 0 : 1);
    if (issue || lenient) return issue;
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
  // Wijkatlas is about Belgium: "longitude 49..52, latitude 2..7" (off Somalia) is Belgium with the axes swapped.
  const swappedBelgium = (x: number, y: number) => crs.geographic && x >= 49 && x <= 52 && y >= 2 && y <= 7;
  const outside = findPosition(geometry, ([x, y]) => x < box[0] || y < box[1] || x > box[2] || y > box[3] || looksLikeDegrees(x, y) || swappedBelgium(x, y));
  if (!outside) return null;
  const [x, y] = outside;
  const expected = swappedBelgium(x, y)
    ? 'longitude first (x) and latitude second (y)'
    : crs.geographic
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
