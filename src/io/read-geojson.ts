/**
 * GeoJSON reader: FeatureCollection, single Feature, bare geometry, and newline-delimited GeoJSON
 * (one Feature or geometry per line; RFC 8142 record separators are tolerated).
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { RejectedRecord } from '../core/types.ts';
import { UserError } from '../core/user-error.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';
import { locateJsonError } from './locate-json-error.ts';
import { parseCrs } from './parse-crs.ts';
import { validateFeatures } from './validate-features.ts';
import { withFile } from './with-file.ts';

/** Options of readGeojson. */
export interface ReadGeojsonOptions {
  /** File name used in messages. Default: 'input'. */
  file?: string;
  /**
   * Declared CRS (from the config). Default: the file's legacy `crs` member, else EPSG:4326.
   * A declared CRS that contradicts the file's `crs` member is a UserError.
   */
  crs?: string;
  /** true: newline-delimited; false: one JSON document; undefined (default): detect. */
  ndjson?: boolean;
  /** Text encoding. Default 'auto' (UTF-8, falling back to Windows-1252). */
  encoding?: TextEncodingName;
}

/** Features as read (in the source CRS), the CRS, and per-record geometry problems. */
export interface ReadGeojsonResult {
  /** One feature per record, in input order; records listed in `problems` are included as read. */
  features: Feature<Geometry | null, GeoJsonProperties>[];
  /** Canonical CRS id of the coordinates, e.g. 'EPSG:31370'. */
  crs: string;
  /** Per-record problems found by validateFeatures; `index` points into `features`. */
  problems: RejectedRecord[];
  /** How a record is named in messages: 'feature 3', or 'line 4 (feature 3)' for newline-delimited files. */
  recordLabel: (index: number) => string;
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/**
 * Read GeoJSON text or bytes. Throws a one-line UserError for file-level problems (broken JSON,
 * with line and column; not GeoJSON; unknown or contradicting CRS); record-level geometry
 * problems are returned in `problems`, never thrown. Literal NaN/Infinity (as Python's json module
 * writes them) are accepted by the parser and then reported per record as invalid coordinates.
 *
 * @param input - file contents
 * @param options - see ReadGeojsonOptions
 * @returns features, crs and problems
 * @example
 * const { features, crs, problems } = readGeojson(bytes, { file: 'wijken.geojson' });
 */
export function readGeojson(input: string | Uint8Array, options: ReadGeojsonOptions = {}): ReadGeojsonResult {
  const file = options.file ?? 'input';
  const { text } = decodeText(input, options.encoding ?? 'auto', file);
  if (text.trim() === '') throw new UserError(`${file}: expected GeoJSON, found an empty file; check that the file was exported completely`);

  let raw: unknown[];
  let fileCrs: string | null = null;
  let label: (index: number) => string = (index) => `feature ${index + 1}`;

  const parsed = options.ndjson === true ? FAILED : tryParse(text);
  const ndjson = options.ndjson ?? (parsed === FAILED && looksLikeNdjson(text));
  if (ndjson) {
    const parsed = parseNdjson(text, file);
    raw = parsed.records;
    label = (index) => `line ${parsed.lines[index]} (feature ${index + 1})`;
  } else {
    const root = parsed !== FAILED ? parsed : parseDocument(text, file);
    raw = rootRecords(root, file);
    fileCrs = legacyCrs((root as { crs?: unknown }).crs, file);
  }

  const crs = resolveCrs(options.crs, fileCrs, file);
  const features = raw.map(toFeature);
  const problems = validateFeatures(features, { file, crs, recordLabel: label });
  // Records that were not even objects: validateFeatures saw the placeholder; say what was there.
  for (const problem of problems) {
    const original = raw[problem.index];
    if (typeof original !== 'object' || original === null || Array.isArray(original)) {
      problem.reason = 'invalid-geometry';
      problem.detail = `${file}, ${label(problem.index)}: expected a GeoJSON Feature object, found ${JSON.stringify(original)}; fix or drop the record`;
    }
  }
  return { features, crs, problems, recordLabel: label };
}

const FAILED = Symbol('failed');
/** RFC 8142 GeoJSON text sequences start each record with an ASCII record separator (0x1E). */
const stripRecordSeparator = (line: string) => (line.charCodeAt(0) === 0x1e ? line.slice(1) : line);

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return FAILED;
  }
}

/** JSON.parse, tolerating literal NaN/Infinity; otherwise a UserError with line and column. */
function parseDocument(text: string, file: string, lineOffset = 0): unknown {
  const parsed = tryParse(text);
  if (parsed !== FAILED) return parsed;
  const tolerant = parseNonFinite(text);
  if (tolerant !== FAILED) return tolerant;
  const where = locateJsonError(text);
  if (!where) throw new UserError(`${file}: expected valid JSON, found text the JSON parser rejects; check the file with a JSON validator`);
  const line = where.line + lineOffset;
  throw new UserError(
    `${file}, line ${line}, column ${where.column}: expected ${where.expected}, found ${where.found}; fix the JSON there (a JSON-aware editor or \`jq . ${file}\` shows the spot)`,
  );
}

const SENTINELS: Record<string, number> = { '\u0000NaN': NaN, '\u0000Infinity': Infinity, '\u0000-Infinity': -Infinity };

/** Parse JSON in which NaN, Infinity and -Infinity appear as bare literals (Python's json.dumps). */
function parseNonFinite(text: string): unknown {
  let replaced = false;
  const patched = text.replace(/"(?:[^"\\\n]|\\.)*"|-?Infinity|NaN/g, (token) => {
    if (token.startsWith('"')) return token;
    replaced = true;
    return JSON.stringify(`\u0000${token}`);
  });
  if (!replaced) return FAILED;
  try {
    return JSON.parse(patched, (_key, value) => (typeof value === 'string' && value in SENTINELS ? SENTINELS[value] : value));
  } catch {
    return FAILED;
  }
}

function looksLikeNdjson(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return false;
  const first = stripRecordSeparator(lines[0]).trim();
  if (!first.startsWith('{')) return false;
  const parsed = tryParse(first);
  return (parsed !== FAILED && typeof parsed === 'object') || parseNonFinite(first) !== FAILED;
}

function parseNdjson(text: string, file: string): { records: unknown[]; lines: number[] } {
  const records: unknown[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((rawLine, i) => {
    const line = stripRecordSeparator(rawLine).trimEnd(); // keep leading spaces: error columns stay right
    if (line.trim() === '') return;
    const value = parseDocument(line, file, i);
    if (isObject(value) && value.type === 'FeatureCollection') {
      throw new UserError(`${file}, line ${i + 1}: expected one Feature per line (newline-delimited GeoJSON), found a FeatureCollection; write one Feature per line or use a .geojson file`);
    }
    records.push(value);
    lines.push(i + 1);
  });
  return { records, lines };
}

/** The records of a parsed GeoJSON document. */
function rootRecords(root: unknown, file: string): unknown[] {
  if (Array.isArray(root)) {
    throw new UserError(`${file}: expected a GeoJSON FeatureCollection, Feature or geometry, found a JSON array; wrap the features as {"type": "FeatureCollection", "features": [...]}`);
  }
  if (!isObject(root)) throw new UserError(`${file}: expected a GeoJSON FeatureCollection, Feature or geometry, found ${JSON.stringify(root)}; check that this is a GeoJSON file`);
  const type = root.type;
  if (type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) {
      throw new UserError(`${file}: expected "features" to be an array in the FeatureCollection, found ${root.features === undefined ? 'no "features"' : typeof root.features}; fix the file`);
    }
    return root.features;
  }
  if (type === 'Feature' || (typeof type === 'string' && GEOMETRY_TYPES.has(type))) return [root];
  if (type === undefined && Array.isArray(root.elements)) {
    throw new UserError(`${file}: expected GeoJSON, found an Overpass/OSM JSON response ("elements"); convert it to GeoJSON first (e.g. osmtogeojson)`);
  }
  throw new UserError(`${file}: expected a GeoJSON FeatureCollection, Feature or geometry, found ${type === undefined ? 'an object without "type"' : `"type": ${JSON.stringify(type)}`}; check that this is a GeoJSON file`);
}

/** A record as a Feature: bare geometries are wrapped, properties default to {}. */
function toFeature(record: unknown): Feature<Geometry | null, GeoJsonProperties> {
  if (!isObject(record)) return { type: 'Feature', properties: {}, geometry: null };
  if (typeof record.type === 'string' && GEOMETRY_TYPES.has(record.type)) {
    return { type: 'Feature', properties: {}, geometry: record as unknown as Geometry };
  }
  const properties = isObject(record.properties) ? (record.properties as GeoJsonProperties) : {};
  const feature: Feature<Geometry | null, GeoJsonProperties> = { type: 'Feature', properties, geometry: (record.geometry ?? null) as Geometry | null };
  if (typeof record.id === 'string' || typeof record.id === 'number') feature.id = record.id;
  return feature;
}

/** The CRS named by a legacy (GeoJSON 2008) `crs` member, or null when there is none. */
function legacyCrs(member: unknown, file: string): string | null {
  if (member === undefined || member === null) return null;
  if (isObject(member) && isObject(member.properties)) {
    const props = member.properties;
    if (member.type === 'name' && typeof props.name === 'string') return withFile(() => parseCrs(props.name as string).id, file);
    if (member.type === 'EPSG' && (typeof props.code === 'number' || typeof props.code === 'string')) return withFile(() => parseCrs(`EPSG:${props.code}`).id, file);
  }
  throw new UserError(`${file}: expected a "crs" member of the form {"type": "name", "properties": {"name": "EPSG:31370"}}, found ${JSON.stringify(member).slice(0, 80)}; remove the crs member and set crs in the config`);
}

function resolveCrs(declared: string | undefined, fromFile: string | null, file: string): string {
  if (declared === undefined) return fromFile ?? 'EPSG:4326';
  const id = withFile(() => parseCrs(declared).id, file);
  if (fromFile !== null && fromFile !== id) {
    throw new UserError(`${file}: the config declares crs ${id} but the file's crs member says ${fromFile}; remove crs from the config or fix the file's crs member`);
  }
  return id;
}


function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
