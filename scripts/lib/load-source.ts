/**
 * Reading one configured source: the file through the io reader, its CRS, the field mapping onto
 * Wijkatlas's record fields, the strict/reject policy for malformed records, and reprojection into
 * the working CRS.
 */
import path from 'node:path';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { SourceSpec } from '../../src/core/config/atlas-config.ts';
import type { ManifestInput } from '../../src/core/atlas/build-manifest.ts';
import { selectWhere } from '../../src/core/atlas/select-where.ts';
import type { JoinReport, RejectedRecord } from '../../src/core/types.ts';
import { UserError } from '../../src/core/user-error.ts';
import { readVectorSource, type VectorFormat } from '../../src/io/read-vector-source.ts';
import type { ExpectedGeometry, RepairedRecord } from '../../src/io/validate-features.ts';
import { reprojectFeatures } from '../../src/io/reproject.ts';
import type { TextEncodingName } from '../../src/io/decode-text.ts';

export interface LoadedSource {
  id: string;
  /** Valid records, field-mapped, in the working CRS, in input order. */
  features: Feature<Geometry | null, GeoJsonProperties>[];
  /** For each kept feature, its record index in the file. */
  indices: number[];
  /** Malformed records that were set aside (only with on_invalid: 'reject'). */
  problems: RejectedRecord[];
  /** Records kept with a repaired geometry (unclosed ring closed, ...), with what was done. */
  repairs: RepairedRecord[];
  /** How the reader names record `index` of the file: 'row 12', 'line 4 (feature 3)', 'feature 3'. */
  recordLabel: (index: number) => string;
  /** Properties of record `index` of the file, as read (before field mapping). */
  propertiesOf: (index: number) => Record<string, unknown> | null;
  /** The record's own id (the column mapped to `id`, else feature.id), or null. */
  idOf?: (index: number) => string | number | null;
  input: ManifestInput;
  file: string;
}

export interface LoadOptions {
  baseDir: string;
  workingCrs: string;
  onInvalid: 'error' | 'reject';
  /** Record fields that must be mapped to existing columns (e.g. ['category']). */
  required?: string[];
  /** Extra record fields always copied (record field -> column), e.g. survey questions. */
  extraFields?: Record<string, string>;
  /** Copy every source property (context layers); otherwise only the mapped fields are kept. */
  keepAll?: boolean;
  /** Appended to the error for malformed records, e.g. how to switch to rejecting them. */
  invalidHint?: string;
  /** The kind of geometry the layer takes; records of another kind are malformed ('wrong-geometry-type'). */
  geometry?: ExpectedGeometry;
}

const ENCODINGS: Record<string, TextEncodingName> = { 'utf-8': 'utf-8', utf8: 'utf-8', latin1: 'latin1', 'latin-1': 'latin1', 'iso-8859-1': 'latin1', 'windows-1252': 'windows-1252' };

/**
 * Reads a source as configured. Malformed records stop the build with a one-line error (default) or,
 * with on_invalid 'reject', are set aside and later reported as rejected by mergeProblems.
 */
export async function loadSource(id: string, spec: SourceSpec, o: LoadOptions): Promise<LoadedSource> {
  const file = path.resolve(o.baseDir, spec.path);
  const shown = path.relative(process.cwd(), file) || file;
  const src = await readVectorSource({
    path: file,
    format: spec.format as VectorFormat | undefined,
    crs: spec.crs,
    x: spec.x,
    y: spec.y,
    encoding: spec.encoding ? ENCODINGS[spec.encoding] : undefined,
    geometry: o.geometry,
  });
  if (src.problems.length && o.onInvalid === 'error') {
    const p = src.problems[0];
    const more = src.problems.length > 1 ? ` (${src.problems.length - 1} more malformed record(s) in this file)` : '';
    const where = p.detail.includes(path.basename(file)) ? '' : `${shown}, record ${p.index + 1}: `;
    throw new UserError(
      `${where}${p.detail.replace(/[.;\s]+$/, '')}${more}${o.invalidHint ? `; ${o.invalidHint}` : '.'}`,
    );
  }
  const bad = new Set(src.problems.map((p) => p.index));
  let features = src.features.filter((_, i) => !bad.has(i));
  let indices = src.features.map((_, i) => i).filter((i) => !bad.has(i));
  if (spec.where) {
    const kept = new Set(selectWhere(features, spec.where, shown));
    indices = indices.filter((_, j) => kept.has(features[j]));
    features = features.filter((f) => kept.has(f));
  }
  const mapping = { ...(spec.fields ?? {}), ...(o.extraFields ?? {}) };
  const columns = new Set(src.features.flatMap((f) => Object.keys(f.properties ?? {})));
  for (const [field, column] of Object.entries(mapping)) {
    if (src.features.length && !columns.has(column)) {
      throw new UserError(
        `${shown}: the config maps "${field}" to column "${column}", which the file does not have; columns found: ${[...columns].slice(0, 15).join(', ')}. Fix "fields" in the config.`,
      );
    }
  }
  for (const field of o.required ?? []) {
    if (!(field in mapping) && !columns.has(field) && src.features.length) {
      throw new UserError(`${shown}: no column for "${field}"; map it in the config, e.g. "fields": { "${field}": "<column>" }.`);
    }
  }
  const mapped = features.map((f) => {
    const p = f.properties ?? {};
    const props: Record<string, unknown> = o.keepAll ? { ...p } : {};
    for (const field of o.required ?? []) if (field in p && !(field in mapping)) props[field] = p[field];
    for (const [field, column] of Object.entries(mapping)) props[field] = p[column] ?? null;
    return { type: 'Feature' as const, properties: props, geometry: f.geometry };
  });
  const projected = src.crs === o.workingCrs ? mapped : reprojectFeatures(mapped, src.crs, o.workingCrs, { file: shown });
  return {
    id,
    features: projected,
    indices,
    problems: src.problems,
    repairs: src.repairs,
    recordLabel: src.recordLabel,
    propertiesOf: (index) => (src.features[index]?.properties as Record<string, unknown> | null | undefined) ?? null,
    idOf: (index) => {
      const f = src.features[index];
      const v = mapping.id !== undefined ? f?.properties?.[mapping.id] : f?.id;
      return (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v)) ? v : null;
    },
    file: shown,
    input: { id, path: path.relative(process.cwd(), file).split(path.sep).join('/'), sha256: src.sha256, records: src.recordCount, format: src.format, crs: src.crs },
  };
}

/**
 * Puts the records set aside as malformed back into a join's report, with indices counted in the
 * file (not in the filtered list), so `joined + rejected == records in` holds for the file.
 */
export function mergeProblems(report: JoinReport, source: LoadedSource): JoinReport {
  const rejected = report.rejected.map((r) => ({ ...r, index: source.indices[r.index] ?? r.index }));
  rejected.push(...source.problems);
  rejected.sort((a, b) => a.index - b.index);
  return { ...report, recordsIn: report.recordsIn + source.problems.length, rejected };
}

/** The input flags every command that reads one file shares (convert, inspect). */
export const INPUT_FLAGS = {
  crs: { type: 'string' },
  x: { type: 'string' },
  y: { type: 'string' },
  wkt: { type: 'string' },
  encoding: { type: 'string' },
  layer: { type: 'string' },
  format: { type: 'string' },
} as const;

/** Help lines for INPUT_FLAGS. */
export const INPUT_FLAGS_HELP = `  --crs CRS          CRS of the input when the file does not say (EPSG:31370, a proj4 string, WKT);
                     needed for a .shp without .prj and for CSV in metres. Contradicting the file is an error
  --x COL, --y COL   CSV: coordinate columns (default: detected: x/y, lon/lat, lambert_x/lambert_y ...)
  --wkt COL          CSV: a WKT geometry column (default: detected: wkt, geometry, geom ...)
  --encoding E       text encoding (CSV/GeoJSON) or .dbf code page (Shapefile): utf-8, latin1, windows-1252 ...
                     (default: detected; the .cpg for shapefiles, else Latin-1)
  --layer NAME       GeoPackage table, or shapefile inside a .zip, when there are several
  --format F         override the format implied by the extension: ${['geojson', 'ndjson', 'csv', 'tsv', 'shapefile', 'osm-xml', 'overpass-json', 'geopackage'].join(', ')}`;

/** readVectorSource options from parsed INPUT_FLAGS values. */
export function inputOptions(path: string, v: { crs?: string; x?: string; y?: string; wkt?: string; encoding?: string; layer?: string; format?: string }) {
  return { path, crs: v.crs, x: v.x, y: v.y, wkt: v.wkt, encoding: v.encoding, layer: v.layer, format: v.format as VectorFormat | undefined };
}

/** The io layer's CRS advice ("…; declare crs EPSG:31370; fix the coordinates or drop the record"). */
const DECLARE_CRS = /; declare crs (\S+); fix the coordinates or drop the record\.?$/;

/**
 * A message with the io layer's "declare crs X" advice turned into this command's flag:
 * "give --area-crs X (or --crs for all inputs)".
 *
 * @param message - the message (or a record's detail)
 * @param flag - the per-file flag, e.g. '--area-crs'
 * @returns the message, and whether it carried a CRS guess
 */
export function withCrsFlag(message: string, flag: string): { text: string; guessed: boolean } {
  const guessed = DECLARE_CRS.test(message);
  return { text: message.replace(DECLARE_CRS, `; give ${flag} $1 (or --crs for all inputs)`), guessed };
}

/**
 * loadSource for a command with one CRS flag per input file: a user error that guesses the CRS names
 * the file's own flag instead of "declare crs".
 */
export async function loadSourceWithCrsFlag(id: string, spec: SourceSpec, o: LoadOptions, flag: string): Promise<LoadedSource> {
  try {
    return await loadSource(id, spec, o);
  } catch (e) {
    if (e instanceof UserError && DECLARE_CRS.test(e.message)) {
      const { text } = withCrsFlag(e.message, flag);
      throw new UserError(text.endsWith('.') ? text : `${text}.`, e.hint);
    }
    throw e;
  }
}
