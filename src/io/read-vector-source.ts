/**
 * The one entry point the rest of the code uses to read a vector file: picks the reader from the
 * extension (or `format`), hashes the bytes, and returns features, CRS and per-record problems.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { RejectedRecord } from '../core/types.ts';
import { UserError } from '../core/user-error.ts';
import { csvToPoints } from './csv-to-points.ts';
import type { TextEncodingName } from './decode-text.ts';
import { describeCrsGuess } from './guess-crs.ts';
import { hashBytes } from './hash-file.ts';
import { parseCrs } from './parse-crs.ts';
import { wktToCrs } from './parse-wkt-crs.ts';
import { readCsv } from './read-csv.ts';
import { readGeojson } from './read-geojson.ts';
import { readGeopackage } from './read-geopackage.ts';
import { readOsmXml, readOverpassJson } from './read-osm.ts';
import { readShapefile, shapefilePartsFromZip, type ShapefileParts } from './read-shapefile.ts';
import { repairFeatures, validateFeatures, type ExpectedGeometry, type RepairedRecord } from './validate-features.ts';
import { checkTextFile } from './check-text-file.ts';
import { withFile } from './with-file.ts';

/** Formats readVectorSource can read. */
export type VectorFormat = 'geojson' | 'ndjson' | 'csv' | 'tsv' | 'shapefile' | 'osm-xml' | 'overpass-json' | 'geopackage';

/** What to read. Paths are used as given (the caller resolves them against the config file). */
export interface VectorSourceOptions {
  path: string;
  /** Overrides the format implied by the extension and content. */
  format?: VectorFormat;
  /**
   * Declared CRS of the coordinates. Default: from the file (GeoJSON crs member, .prj,
   * gpkg_spatial_ref_sys), else EPSG:4326 for GeoJSON/CSV. A Shapefile without .prj needs it.
   */
  crs?: string;
  /** CSV only: column holding x / longitude. */
  x?: string;
  /** CSV only: column holding y / latitude. */
  y?: string;
  /** CSV only: column holding WKT geometry. */
  wkt?: string;
  /** Text encoding (CSV, GeoJSON) or .dbf code page (Shapefile). Default 'auto' / the .cpg. */
  encoding?: TextEncodingName | string;
  /** GeoPackage table, or shapefile inside a .zip, when the file holds several. */
  layer?: string;
  /** The kind of geometry the layer takes; records of another kind are rejected 'wrong-geometry-type'. Default: any. */
  geometry?: ExpectedGeometry;
  /** Largest relative area change accepted when repairing a self-intersecting polygon (default 0.01). */
  maxAreaChange?: number;
}

/** A vector source as read, in its own CRS. */
export interface VectorSource {
  /** One feature per record, in input order (problem records included, as read; CSV: geometry null). */
  features: Feature<Geometry | null, GeoJsonProperties>[];
  /** Canonical CRS id of the coordinates, e.g. 'EPSG:31370' (or a proj4 string). */
  crs: string;
  /** How the CRS was found, e.g. '.prj: PROJCS "Belge_Lambert_1972" matched EPSG:31370 ...', 'declared', 'default'. */
  crsSource: string;
  /** Per-record problems; `index` points into `features`. The caller decides: throw or reject. */
  problems: RejectedRecord[];
  /** Records whose geometry was repaired (features[index] holds the repaired geometry), with what was done. */
  repairs: RepairedRecord[];
  /** How a record is named in messages: 'row 12' (CSV), 'line 4 (feature 3)' (NDJSON), 'feature 3'. */
  recordLabel: (index: number) => string;
  /** File-level notes that lost nothing but deserve a look (missing .shx, wrong .cpg ...). */
  warnings: string[];
  /** Number of records read (= features.length). */
  recordCount: number;
  /** SHA-256 of the file's bytes (hex). */
  sha256: string;
  /** The format that was read. */
  format: VectorFormat;
  /** The layer read (GeoPackage table or shapefile in a zip), when there was a choice. */
  layer?: string;
}

type ReaderResult = Pick<VectorSource, 'features' | 'crs' | 'problems'> & { crsSource?: string; warnings?: string[]; layer?: string; recordLabel?: (index: number) => string };
type Reader = (bytes: Uint8Array, options: VectorSourceOptions) => ReaderResult | Promise<ReaderResult>;

/** One line per supported format. */
const READERS: Record<VectorFormat, Reader> = {
  geojson: (bytes, o) => readGeojsonSource(bytes, o, undefined),
  ndjson: (bytes, o) => readGeojsonSource(bytes, o, true),
  csv: (bytes, o) => readDelimited(bytes, o, 'auto'),
  tsv: (bytes, o) => readDelimited(bytes, o, '\t'),
  shapefile: (bytes, o) => readShapefileSource(bytes, o),
  'osm-xml': (bytes, o) => withCrs(readOsmXml(bytes, { file: o.path }), o),
  'overpass-json': (bytes, o) => withCrs(readOverpassJson(bytes, { file: o.path }), o),
  geopackage: (bytes, o) => readGeopackageSource(bytes, o),
};

const EXTENSIONS: Record<string, VectorFormat> = {
  '.geojson': 'geojson',
  '.json': 'geojson',
  '.ndjson': 'ndjson',
  '.geojsonl': 'ndjson',
  '.geojsons': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.shp': 'shapefile',
  '.zip': 'shapefile',
  '.osm': 'osm-xml',
  '.xml': 'osm-xml',
  '.gpkg': 'geopackage',
};

/**
 * Read a vector file. File-level problems (missing file, unsupported format, broken JSON, unknown
 * CRS, missing CSV columns) throw a one-line UserError; record-level geometry problems are
 * returned in `problems`. Coordinates are NOT reprojected: use reprojectFeatures(features, crs, to)
 * on the records you keep.
 *
 * @param options - see VectorSourceOptions
 * @returns features, crs, problems, recordCount, sha256 and format
 * @example
 * const src = await readVectorSource({ path: 'data/incidents.csv', x: 'x', y: 'y', crs: 'EPSG:31370' });
 * if (src.problems.length > 0) throw new UserError(src.problems[0].detail);
 */
export async function readVectorSource(options: VectorSourceOptions): Promise<VectorSource> {
  if (!options || typeof options.path !== 'string' || options.path === '') {
    throw new UserError(`expected a path to a data file, found ${JSON.stringify(options?.path)}; set path in the config`);
  }
  const { path } = options;
  if (options.format !== undefined && !(options.format in READERS)) {
    throw new UserError(`${path}: expected format ${Object.keys(READERS).join(', ')}, found "${options.format}"; fix format in the config`);
  }
  const byExtension = options.format ?? formatOf(path);
  if ((options.x !== undefined || options.y !== undefined || options.wkt !== undefined) && byExtension !== 'csv' && byExtension !== 'tsv') {
    throw new UserError(`${path}: x, y and wkt apply to CSV files only, found them for a ${byExtension} file; remove them from the config`);
  }
  // Line-oriented text: stop early on a line of hundreds of MB (corrupt or mislabelled file).
  if (byExtension === 'csv' || byExtension === 'tsv' || byExtension === 'ndjson' || byExtension === 'geojson') {
    await checkTextFile(path, { lines: byExtension !== 'geojson' });
  }
  const bytes = await readBytes(path);
  const format = options.format ?? sniffFormat(bytes, byExtension, path);
  const result = await READERS[format](bytes, options);
  const { crs } = result;
  const recordLabel = result.recordLabel ?? ((index: number) => `feature ${index + 1}`);
  // Every reader's output goes through the same repair and geometry-kind checks (src/io/validate-features.ts).
  const { features, problems, repairs } = repairFeatures(result.features, result.problems, {
    file: path,
    crs,
    recordLabel,
    expect: options.geometry,
    maxAreaChange: options.maxAreaChange,
  });
  return {
    features,
    crs,
    crsSource: result.crsSource ?? (options.crs !== undefined ? 'declared (--crs or crs in the config)' : 'default (EPSG:4326)'),
    problems,
    repairs,
    recordLabel,
    warnings: result.warnings ?? [],
    recordCount: features.length,
    sha256: hashBytes(bytes),
    format,
    ...(result.layer !== undefined ? { layer: result.layer } : {}),
  };
}

/**
 * The format of a file from its extension, or null when the extension says nothing.
 *
 * @param path - file path
 * @returns the format
 * @throws UserError for an unknown extension
 * @example
 * formatOf('wijken.shp') // 'shapefile'
 */
export function formatOf(path: string): VectorFormat {
  const ext = extname(path).toLowerCase();
  const format = EXTENSIONS[ext];
  if (format) return format;
  const known = Object.keys(EXTENSIONS).join(', ');
  throw new UserError(`${path}: expected a file ending in one of ${known}, found ${ext ? `"${ext}"` : 'no extension'}; rename the file or set format in the config`);
}

/** The content decides where the extension is ambiguous (.json: GeoJSON or Overpass) or plainly wrong. */
function sniffFormat(bytes: Uint8Array, byExtension: VectorFormat, path: string): VectorFormat {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const zipOrShp = (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0x27 && bytes[3] === 0x0a);
  const sqlite = head.startsWith('SQLite format 3\u0000');
  if (byExtension === 'geojson' && /^\s*\{/.test(head)) {
    const elements = head.search(/"elements"\s*:\s*\[/);
    const features = head.search(/"(features|geometry|coordinates)"\s*:/);
    const geojsonType = /"type"\s*:\s*"(FeatureCollection|Feature)"/.test(head);
    if (elements >= 0 && !geojsonType && (features < 0 || elements < features)) return 'overpass-json';
  }
  const claimed = (f: string) => {
    throw new UserError(`${path}: the extension says ${byExtension} but the content is ${f}; rename the file or set format in the config`);
  };
  if (byExtension !== 'shapefile' && zipOrShp) claimed(bytes[0] === 0x50 ? 'a zip archive' : 'a shapefile (.shp)');
  if (byExtension !== 'geopackage' && sqlite) claimed('an SQLite database (GeoPackage?)');
  if ((byExtension === 'geojson' || byExtension === 'csv') && /^\s*<\?xml[^>]*>\s*<osm[\s>]|^\s*<osm[\s>]/.test(head)) return 'osm-xml';
  return byExtension;
}

function readGeojsonSource(bytes: Uint8Array, o: VectorSourceOptions, ndjson: true | undefined): ReaderResult {
  const r = readGeojson(bytes, { file: o.path, crs: o.crs, encoding: textEncoding(o), ndjson });
  const crsSource = o.crs !== undefined ? 'declared (--crs or crs in the config)' : r.crs === 'EPSG:4326' ? 'default (GeoJSON is WGS 84)' : 'the file\'s "crs" member';
  return { ...r, crsSource };
}

function textEncoding(o: VectorSourceOptions): TextEncodingName | undefined {
  const e = o.encoding;
  if (e === undefined) return undefined;
  const known: Record<string, TextEncodingName> = { auto: 'auto', 'utf-8': 'utf-8', utf8: 'utf-8', latin1: 'latin1', 'latin-1': 'latin1', 'iso-8859-1': 'latin1', 'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };
  const name = known[e.toLowerCase()];
  if (!name) throw new UserError(`${o.path}: expected encoding auto, utf-8, latin1, windows-1252, utf-16le or utf-16be, found "${e}"; fix encoding`);
  return name;
}

function readDelimited(bytes: Uint8Array, o: VectorSourceOptions, separator: 'auto' | '\t'): ReaderResult {
  const table = readCsv(bytes, { file: o.path, encoding: textEncoding(o), separator });
  const crs = o.crs ?? 'EPSG:4326';
  const { features, problems } = csvToPoints(table, { x: o.x, y: o.y, wkt: o.wkt, crs });
  // csvToPoints has validated the name; parseCrs only canonicalises it ('urn:...' -> 'EPSG:...').
  return { features, problems, crs: parseCrs(crs).id, recordLabel: (index) => `row ${table.rowNumbers[index]}` };
}

/** OSM data is WGS 84 by definition: a different declared CRS is a mistake. */
function withCrs(r: Omit<ReaderResult, 'crs'>, o: VectorSourceOptions): ReaderResult {
  if (o.crs !== undefined && withFile(() => parseCrs(o.crs!).id, o.path) !== 'EPSG:4326') {
    throw new UserError(`${o.path}: OpenStreetMap data is always WGS 84 (EPSG:4326), found crs ${o.crs} in the config; remove crs for this source`);
  }
  return { ...r, crs: 'EPSG:4326', crsSource: 'OpenStreetMap data is WGS 84 (EPSG:4326)', recordLabel: (i) => String(r.features[i]?.id ?? `element ${i + 1}`).replace('/', ' ') };
}

async function readShapefileSource(bytes: Uint8Array, o: VectorSourceOptions): Promise<ReaderResult> {
  let parts: ShapefileParts;
  let file = o.path;
  let layer: string | undefined;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const fromZip = shapefilePartsFromZip(bytes, o.path, o.layer);
    parts = fromZip.parts;
    file = `${o.path}!${fromZip.name}`;
    layer = basename(fromZip.name).replace(/\.shp$/i, '');
  } else {
    if (extname(o.path).toLowerCase() === '.zip') throw new UserError(`${o.path}: expected a zip archive, found other bytes; download the file again`);
    parts = { shp: bytes, ...(await sidecars(o.path)) };
  }
  const r = readShapefile(parts, { file, encoding: o.encoding === 'auto' ? undefined : o.encoding });
  const base = file.replace(/\.shp$/i, '');
  const warnings = [...r.warnings];
  let crs: string;
  let crsSource: string;
  const declared = o.crs !== undefined ? withFile(() => parseCrs(o.crs!).id, o.path) : undefined;
  if (r.prj !== undefined && r.prj.trim() !== '') {
    let fromPrj: { id: string; how: string } | null = null;
    try {
      const match = wktToCrs(r.prj);
      fromPrj = { id: parseCrs(match.crs).id, how: match.how };
      warnings.push(...match.warnings.map((w) => `${base}.prj: ${w}`));
    } catch (err) {
      if (!(err instanceof UserError) || declared === undefined) throw new UserError(`${base}.prj: ${(err as Error).message}`);
      warnings.push(`${base}.prj could not be used (${(err as Error).message}); the declared crs ${declared} was used`);
    }
    if (fromPrj && declared !== undefined && declared !== fromPrj.id) {
      throw new UserError(`${o.path}: the config declares crs ${declared} but ${basename(base)}.prj says ${fromPrj.id}; remove crs from the config (or --crs), or fix the .prj`);
    }
    crs = fromPrj?.id ?? declared!;
    crsSource = fromPrj ? `.prj: ${fromPrj.how}` : 'declared (--crs or crs in the config); the .prj was unusable';
  } else if (declared !== undefined) {
    crs = declared;
    crsSource = `declared (--crs or crs in the config); ${basename(base)}.prj is missing`;
  } else {
    const guess = describeCrsGuess(bboxOf(r.features), 'give --crs');
    throw new UserError(`${o.path}: expected the coordinate system in ${basename(base)}.prj, found no .prj; ${guess ? `${guess} (or crs in the config)` : "give --crs (or crs in the config) with the layer's CRS"}`);
  }
  const problems = mergeValidation(r.features, r.problems, file, crs, (i) => `record ${i + 1}`);
  return { features: r.features, crs, crsSource, problems, warnings, layer, recordLabel: (i) => `record ${i + 1}` };
}

async function readGeopackageSource(bytes: Uint8Array, o: VectorSourceOptions): Promise<ReaderResult> {
  const r = await readGeopackage(bytes, { file: o.path, layer: o.layer });
  let crs = r.crs;
  let crsSource = r.crsSource;
  if (o.crs !== undefined) {
    const declared = withFile(() => parseCrs(o.crs!).id, o.path);
    if (crs !== null && crs !== declared) throw new UserError(`${o.path}: the config declares crs ${declared} but the GeoPackage layer "${r.layer}" says ${crs}; remove crs from the config or fix the layer's srs_id`);
    crs = declared;
    crsSource = crsSource ?? 'declared (--crs or crs in the config)';
  }
  if (crs === null) {
    const guess = describeCrsGuess(bboxOf(r.features), 'give --crs');
    throw new UserError(`${o.path}: layer "${r.layer}" has an undefined coordinate system (srs_id ${r.srsId}); ${guess ? `${guess} (or crs in the config)` : 'give --crs (or crs in the config) with the layer\'s CRS'}`);
  }
  const problems = mergeValidation(r.features, r.problems, o.path, crs, (i) => `feature ${i + 1} (fid ${r.fids[i]})`);
  return { features: r.features, crs, crsSource: crsSource ?? 'gpkg_spatial_ref_sys', problems, warnings: r.warnings, layer: r.layer, recordLabel: (i) => `feature ${i + 1} (fid ${r.fids[i]})` };
}

/** The reader's own problems plus validateFeatures' for the other records (one problem per record). */
function mergeValidation(features: Feature<Geometry | null, GeoJsonProperties>[], own: RejectedRecord[], file: string, crs: string, label: (i: number) => string): RejectedRecord[] {
  const seen = new Set(own.map((p) => p.index));
  const checked = validateFeatures(features, { file, crs, recordLabel: label }).filter((p) => !seen.has(p.index));
  return [...own, ...checked].sort((a, b) => a.index - b.index);
}

/** Bounding box of all positions (for CRS guesses in messages). */
export function bboxOf(features: readonly Feature<Geometry | null, GeoJsonProperties>[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
      return;
    }
    for (const item of c) visit(item);
  };
  const visitGeometry = (g: Geometry | null): void => {
    if (!g) return;
    if (g.type === 'GeometryCollection') g.geometries.forEach(visitGeometry);
    else visit((g as { coordinates?: unknown }).coordinates);
  };
  for (const f of features) visitGeometry(f.geometry);
  return box;
}

/** The .shx/.dbf/.prj/.cpg beside a .shp, matched case-insensitively (WIJKEN.SHX next to wijken.shp). */
async function sidecars(path: string): Promise<Omit<ShapefileParts, 'shp'>> {
  const dir = dirname(path);
  const stem = basename(path).replace(/\.shp$/i, '').toLowerCase();
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    names = [];
  }
  const find = async (ext: string) => {
    const name = names.find((n) => n.toLowerCase() === `${stem}.${ext}`);
    return name === undefined ? undefined : new Uint8Array(await readFile(join(dir, name)));
  };
  const latin1 = (b: Uint8Array | undefined) => (b === undefined ? undefined : new TextDecoder('latin1').decode(b));
  return { shx: await find('shx'), dbf: await find('dbf'), prj: latin1(await find('prj')), cpg: latin1(await find('cpg')) };
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`file not found: ${path}; check the path in the config (paths are relative to the config file)`);
    if (code === 'EISDIR') throw new UserError(`${path}: expected a file, found a folder; point the config at a file inside it`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`${path}: cannot read the file (permission denied); check its permissions`);
    throw err;
  }
}
