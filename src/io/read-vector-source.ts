/**
 * The one entry point the rest of the code uses to read a vector file: picks the reader from the
 * extension (or `format`), hashes the bytes, and returns features, CRS and per-record problems.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { RejectedRecord } from '../core/types.ts';
import { UserError } from '../core/user-error.ts';
import { csvToPoints } from './csv-to-points.ts';
import type { TextEncodingName } from './decode-text.ts';
import { hashBytes } from './hash-file.ts';
import { parseCrs } from './parse-crs.ts';
import { readCsv } from './read-csv.ts';
import { readGeojson } from './read-geojson.ts';

/** Formats readVectorSource can read, and those that come later. */
export type VectorFormat = 'geojson' | 'ndjson' | 'csv' | 'tsv' | 'shapefile' | 'osm-xml' | 'geopackage';

/** What to read. Paths are used as given (the caller resolves them against the config file). */
export interface VectorSourceOptions {
  path: string;
  /** Overrides the format implied by the extension. */
  format?: VectorFormat;
  /** Declared CRS of the coordinates. Default: from the file (GeoJSON crs member), else EPSG:4326. */
  crs?: string;
  /** CSV only: column holding x / longitude. */
  x?: string;
  /** CSV only: column holding y / latitude. */
  y?: string;
  /** CSV only: column holding POINT WKT. */
  wkt?: string;
  /** Text encoding. Default 'auto'. */
  encoding?: TextEncodingName;
}

/** A vector source as read, in its own CRS. */
export interface VectorSource {
  /** One feature per record, in input order (problem records included, as read; CSV: geometry null). */
  features: Feature<Geometry | null, GeoJsonProperties>[];
  /** Canonical CRS id of the coordinates, e.g. 'EPSG:31370'. */
  crs: string;
  /** Per-record problems; `index` points into `features`. The caller decides: throw or reject. */
  problems: RejectedRecord[];
  /** Number of records read (= features.length). */
  recordCount: number;
  /** SHA-256 of the file's bytes (hex). */
  sha256: string;
  /** The format that was read. */
  format: VectorFormat;
}

type ReaderResult = Pick<VectorSource, 'features' | 'crs' | 'problems'>;
type Reader = (bytes: Uint8Array, options: VectorSourceOptions) => ReaderResult;

/** One line per supported format. */
const READERS: Partial<Record<VectorFormat, Reader>> = {
  geojson: (bytes, o) => readGeojson(bytes, { file: o.path, crs: o.crs, encoding: o.encoding }),
  ndjson: (bytes, o) => readGeojson(bytes, { file: o.path, crs: o.crs, encoding: o.encoding, ndjson: true }),
  csv: (bytes, o) => readDelimited(bytes, o, 'auto'),
  tsv: (bytes, o) => readDelimited(bytes, o, '\t'),
};

/** Formats that exist in the world but not yet here: what to tell the user. */
const NOT_YET: Partial<Record<VectorFormat, string>> = {
  shapefile: 'Shapefile is not supported yet; convert it to GeoJSON (ogr2ogr -f GeoJSON out.geojson in.shp, or QGIS: Export > Save Features As > GeoJSON) and point the config at that file',
  'osm-xml': 'OSM XML is not supported yet; convert it to GeoJSON (osmtogeojson in.osm > out.geojson, or ogr2ogr -f GeoJSON out.geojson in.osm) and point the config at that file',
  geopackage: 'GeoPackage is not supported yet; export the layer to GeoJSON (ogr2ogr -f GeoJSON out.geojson in.gpkg <layer>, or QGIS: Export > Save Features As > GeoJSON) and point the config at that file',
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
  '.osm': 'osm-xml',
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
  const format = options.format ?? formatOf(path);
  if (!(format in READERS) && !(format in NOT_YET)) {
    throw new UserError(`${path}: expected format ${Object.keys(READERS).join(', ')}, found "${format}"; fix format in the config`);
  }
  const notYet = NOT_YET[format];
  if (notYet) throw new UserError(`${path}: ${notYet}`);
  if ((options.x !== undefined || options.y !== undefined || options.wkt !== undefined) && format !== 'csv' && format !== 'tsv') {
    throw new UserError(`${path}: x, y and wkt apply to CSV files only, found them for a ${format} file; remove them from the config`);
  }

  const bytes = await readBytes(path);
  const read = READERS[format]!;
  const { features, crs, problems } = read(bytes, options);
  return { features, crs, problems, recordCount: features.length, sha256: hashBytes(bytes), format };
}

function formatOf(path: string): VectorFormat {
  const ext = extname(path).toLowerCase();
  const format = EXTENSIONS[ext];
  if (format) return format;
  const known = Object.keys(EXTENSIONS).join(', ');
  throw new UserError(`${path}: expected a file ending in one of ${known}, found ${ext ? `"${ext}"` : 'no extension'}; rename the file or set format in the config`);
}

function readDelimited(bytes: Uint8Array, o: VectorSourceOptions, separator: 'auto' | '\t'): ReaderResult {
  const table = readCsv(bytes, { file: o.path, encoding: o.encoding, separator });
  const crs = o.crs ?? 'EPSG:4326';
  const { features, problems } = csvToPoints(table, { x: o.x, y: o.y, wkt: o.wkt, crs });
  // csvToPoints has validated the name; parseCrs only canonicalises it ('urn:...' -> 'EPSG:...').
  return { features, problems, crs: parseCrs(crs).id };
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
