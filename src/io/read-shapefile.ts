/**
 * ESRI Shapefile reader: .shp geometry, .shx index, .dbf attributes, .prj CRS, .cpg code page; from
 * loose files or a .zip. Every .dbf/.shp record becomes one feature (no silent drops); records
 * without a usable shape are reported per record.
 */
import { unzipSync } from 'fflate';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import type { RejectedRecord } from '../core/types.ts';
import { UserError } from '../core/user-error.ts';
import { readDbf } from './read-dbf.ts';
import { assemblePolygons } from './assemble-rings.ts';

/** The member files of one shapefile (any may be missing except .shp). */
export interface ShapefileParts {
  shp: Uint8Array;
  shx?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/** Options of readShapefile. */
export interface ReadShapefileOptions {
  /** Name of the .shp for messages. */
  file?: string;
  /** Encoding override for the .dbf (else .cpg, else Latin-1). */
  encoding?: string;
}

/** Features in file order (geometry in the file's CRS), per-record problems and file-level notes. */
export interface ShapefileResult {
  features: Feature<Geometry | null, GeoJsonProperties>[];
  problems: RejectedRecord[];
  warnings: string[];
  /** Contents of the .prj, if there was one. */
  prj?: string;
  /** Shape type name, e.g. 'Polygon', 'PolyLineZ'. */
  shapeType: string;
  /** Encoding used for the attributes. */
  encoding: string | null;
}

const SHAPE_TYPES: Record<number, string> = {
  0: 'Null',
  1: 'Point',
  3: 'PolyLine',
  5: 'Polygon',
  8: 'MultiPoint',
  11: 'PointZ',
  13: 'PolyLineZ',
  15: 'PolygonZ',
  18: 'MultiPointZ',
  21: 'PointM',
  23: 'PolyLineM',
  25: 'PolygonM',
  28: 'MultiPointM',
  31: 'MultiPatch',
};

/**
 * Read a shapefile from its parts. Record order is the .shp order (via the .shx when present, else
 * sequentially); record i of the .shp goes with record i of the .dbf.
 *
 * - Polygons: rings are grouped by orientation (clockwise = outer, counter-clockwise = hole, as
 *   the format requires), each hole goes to the smallest outer ring that contains it; one outer
 *   -> Polygon, several -> MultiPolygon. Output rings follow RFC 7946 (outer counter-clockwise).
 * - Z types keep z as the third value; M values are dropped.
 * - A null shape, a damaged record, a record past a truncated end, a .dbf record without a shape
 *   and a deleted .dbf record are kept as features with geometry null and reported in `problems`
 *   with their record number.
 *
 * @param parts - file contents
 * @param options - see ReadShapefileOptions
 * @returns features, problems and warnings
 * @throws UserError when the .shp is not a shapefile at all (bad header) or a part is unreadable
 * @example
 * const { features, problems } = readShapefile({ shp, shx, dbf, cpg: 'UTF-8' }, { file: 'wijken.shp' });
 */
export function readShapefile(parts: ShapefileParts, options: ReadShapefileOptions = {}): ShapefileResult {
  const file = options.file ?? 'input.shp';
  const base = file.replace(/\.shp$/i, '');
  const warnings: string[] = [];
  const { shp } = parts;
  if (shp.length === 0) throw new UserError(`${file}: expected a shapefile, found an empty (0-byte) file; export the layer again`);
  if (shp.length < 100) throw new UserError(`${file}: expected a 100-byte shapefile header, found ${shp.length} bytes; the file is cut short: export the layer again`);
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (view.getInt32(0, false) !== 9994) {
    throw new UserError(`${file}: expected a shapefile (file code 9994 at the start), found ${hex(shp.subarray(0, 4))}; this is not a .shp file (or it is damaged)`);
  }
  const typeCode = view.getInt32(32, true);
  const shapeType = SHAPE_TYPES[typeCode];
  if (shapeType === undefined) throw new UserError(`${file}: expected a shape type code (1, 3, 5, 8, 11 ... 31) in the header, found ${typeCode}; the file is damaged`);
  if (typeCode === 31) throw new UserError(`${file}: MultiPatch (3D surface) shapefiles are not supported; export the layer as polygons`);
  const declaredBytes = view.getInt32(24, false) * 2;
  if (declaredBytes !== shp.length) {
    warnings.push(`${file}: the header says the file is ${declaredBytes} bytes, found ${shp.length} bytes${declaredBytes > shp.length ? ' (cut short?)' : ''}`);
  }

  const offsets = recordOffsets(parts, file, warnings);
  const dbf = parts.dbf ? readDbf(parts.dbf, { file: `${base}.dbf`, cpg: parts.cpg, encoding: options.encoding }) : null;
  if (!parts.dbf) warnings.push(`${base}.dbf is missing: features have no attributes`);
  if (dbf) warnings.push(...dbf.warnings);

  const geometries: ({ geometry: Geometry | null } | { error: string; reason: RejectedRecord['reason'] })[] = [];
  let truncatedAt: number | null = null;
  for (let r = 0; r < offsets.list.length; r++) {
    const offset = offsets.list[r];
    if (offset + 8 > shp.length) {
      truncatedAt ??= r;
      geometries.push({ error: `record ${r + 1} lies past the end of ${file} (file cut short)`, reason: 'null-geometry' });
      continue;
    }
    const length = view.getInt32(offset + 4, false) * 2;
    if (length < 4 || offset + 8 + length > shp.length) {
      truncatedAt ??= r;
      geometries.push({ error: `record ${r + 1} is cut short: it needs ${length} bytes from byte ${offset + 8}, the file ends at ${shp.length}`, reason: 'invalid-geometry' });
      continue;
    }
    try {
      geometries.push({ geometry: parseShape(new DataView(shp.buffer, shp.byteOffset + offset + 8, length), typeCode) });
    } catch (err) {
      if (!(err instanceof ShapeError)) throw err;
      geometries.push({ error: `record ${r + 1}: ${err.message}`, reason: 'invalid-geometry' });
    }
  }
  if (truncatedAt !== null) warnings.push(`${file} is cut short: records from ${truncatedAt + 1} on could not be read and are reported as rejected`);

  const dbfCount = dbf?.records.length ?? 0;
  const count = Math.max(geometries.length, dbfCount);
  if (dbf && dbfCount !== geometries.length) {
    warnings.push(`${file} has ${geometries.length} shape records but ${base}.dbf has ${dbfCount} attribute records; the unmatched ones are reported as rejected`);
  }
  const deleted = new Set(dbf?.deleted ?? []);
  const features: ShapefileResult['features'] = [];
  const problems: RejectedRecord[] = [];
  const reject = (index: number, reason: RejectedRecord['reason'], what: string, todo: string) =>
    problems.push({ index, id: null, reason, detail: `${file}, record ${index + 1}: ${what}; ${todo}` });
  for (let i = 0; i < count; i++) {
    const g = geometries[i];
    const attributes = dbf ? dbf.records[i] : {};
    const properties: GeoJsonProperties = attributes ? { ...attributes } : {};
    const geometry = g && 'geometry' in g ? g.geometry : null;
    features.push({ type: 'Feature', properties, geometry });
    if (!g) reject(i, 'null-geometry', `expected a shape for .dbf record ${i + 1}, found none (the .shp has ${geometries.length} records)`, 'the .shp is probably cut short: export the layer again');
    else if ('error' in g) reject(i, g.reason, g.error, 'export the layer again or repair it in QGIS');
    else if (g.geometry === null) reject(i, 'null-geometry', 'expected a shape, found a null shape (shape type 0)', 'give the record a geometry or drop it');
    else if (dbf && !attributes) reject(i, 'missing-value', `expected attributes in ${base}.dbf, found none (it has ${dbf.declaredCount} records, ${dbf.records.filter(Boolean).length} complete)`, 'the .dbf is probably cut short: export the layer again');
    else if (deleted.has(i + 1)) reject(i, 'invalid-value', `the .dbf marks this record as deleted`, 'drop it, or undelete it in the source');
  }
  return { features, problems, warnings, prj: parts.prj, shapeType, encoding: dbf?.encoding ?? null };
}

/**
 * Split a zip holding one or more shapefiles into parts. Member names are matched case-insensitively;
 * folders inside the zip are allowed.
 *
 * @param zip - .zip contents
 * @param file - zip name for messages
 * @param layer - base name of the shapefile to take when the zip holds several
 * @returns the parts and the member name of the .shp
 * @throws UserError for a damaged zip, no .shp, or several without `layer`
 * @example
 * const { parts, name } = shapefilePartsFromZip(bytes, 'wijken.zip');
 */
export function shapefilePartsFromZip(zip: Uint8Array, file: string, layer?: string): { parts: ShapefileParts; name: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (err) {
    throw new UserError(`${file}: expected a zip archive, found bytes that cannot be unzipped (${(err as Error).message}); download the file again`);
  }
  const names = Object.keys(entries).filter((n) => !n.startsWith('__MACOSX/'));
  const shps = names.filter((n) => /\.shp$/i.test(n));
  if (shps.length === 0) throw new UserError(`${file}: expected a .shp inside the zip, found ${names.length ? names.slice(0, 8).join(', ') : 'no files'}; point the config at the right archive`);
  const stem = (n: string) => n.replace(/\.shp$/i, '');
  const short = (n: string) => stem(n).split('/').pop()!;
  let chosen = shps[0];
  if (layer !== undefined) {
    const match = shps.find((n) => short(n).toLowerCase() === layer.toLowerCase() || stem(n).toLowerCase() === layer.toLowerCase());
    if (!match) throw new UserError(`${file}: expected a layer "${layer}" in the zip, found ${shps.map(short).join(', ')}; set --layer to one of those`);
    chosen = match;
  } else if (shps.length > 1) {
    throw new UserError(`${file}: the zip holds ${shps.length} shapefiles (${shps.map(short).join(', ')}); choose one with --layer (or layer in the config)`);
  }
  const part = (ext: string) => {
    const want = `${stem(chosen)}.${ext}`.toLowerCase();
    const name = names.find((n) => n.toLowerCase() === want);
    return name ? entries[name] : undefined;
  };
  const text = (b: Uint8Array | undefined) => (b ? new TextDecoder('latin1').decode(b) : undefined);
  return { parts: { shp: entries[chosen], shx: part('shx'), dbf: part('dbf'), prj: text(part('prj')), cpg: text(part('cpg')) }, name: chosen };
}

class ShapeError extends Error {}

/** Byte offsets of the records: from the .shx when it is usable, else by walking the .shp. */
function recordOffsets(parts: ShapefileParts, file: string, warnings: string[]): { list: number[] } {
  const { shp, shx } = parts;
  const base = file.replace(/\.shp$/i, '');
  if (shx && shx.length >= 100 && new DataView(shx.buffer, shx.byteOffset, shx.byteLength).getInt32(0, false) === 9994) {
    const v = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
    const list: number[] = [];
    for (let p = 100; p + 8 <= shx.length; p += 8) list.push(v.getInt32(p, false) * 2);
    if ((shx.length - 100) % 8 !== 0) warnings.push(`${base}.shx ends in a partial entry (cut short?)`);
    return { list };
  }
  warnings.push(shx ? `${base}.shx is damaged; records were read one after another from the .shp` : `${base}.shx is missing; records were read one after another from the .shp`);
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const list: number[] = [];
  let p = 100;
  while (p + 8 <= shp.length) {
    list.push(p);
    const length = view.getInt32(p + 4, false) * 2;
    if (length < 4) break; // garbage: stop rather than loop; the record is reported as damaged
    p += 8 + length;
  }
  if (p < shp.length && p + 8 > shp.length) warnings.push(`${file}: ${shp.length - p} stray byte(s) after the last record`);
  return { list };
}

/** One record's content (after the 8-byte record header). */
function parseShape(v: DataView, fileType: number): Geometry | null {
  const need = (bytes: number) => {
    if (bytes > v.byteLength) throw new ShapeError(`expected ${bytes} bytes of shape data, found ${v.byteLength}`);
  };
  need(4);
  const type = v.getInt32(0, true);
  if (type === 0) return null;
  if (type !== fileType) throw new ShapeError(`expected shape type ${SHAPE_TYPES[fileType]} like the file header, found ${SHAPE_TYPES[type] ?? `code ${type}`}`);
  const hasZ = [11, 13, 15, 18].includes(type);
  const point = (at: number): Position => [v.getFloat64(at, true), v.getFloat64(at + 8, true)];
  if (type === 1 || type === 11 || type === 21) {
    need(20 + (hasZ ? 8 : 0));
    const p = point(4);
    if (hasZ) p.push(v.getFloat64(20, true));
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || p[0] < -1e38) return null; // "no data" point
    return { type: 'Point', coordinates: p };
  }
  if (type === 8 || type === 18 || type === 28) {
    need(40);
    const n = v.getInt32(36, true);
    if (n < 0 || n > 50_000_000) throw new ShapeError(`expected a point count, found ${n}`);
    need(40 + 16 * n + (hasZ ? 16 + 8 * n : 0));
    const points = Array.from({ length: n }, (_, i) => point(40 + 16 * i));
    if (hasZ) points.forEach((p, i) => p.push(v.getFloat64(40 + 16 * n + 16 + 8 * i, true)));
    return n === 0 ? null : { type: 'MultiPoint', coordinates: points };
  }
  // PolyLine / Polygon (+Z, +M)
  need(44);
  const numParts = v.getInt32(36, true);
  const numPoints = v.getInt32(40, true);
  if (numParts < 0 || numPoints < 0 || numParts > numPoints || numPoints > 50_000_000) {
    throw new ShapeError(`expected part and point counts, found ${numParts} parts and ${numPoints} points`);
  }
  const pointsAt = 44 + 4 * numParts;
  need(pointsAt + 16 * numPoints + (hasZ ? 16 + 8 * numPoints : 0));
  if (numPoints === 0) return null;
  const starts = Array.from({ length: numParts }, (_, i) => v.getInt32(44 + 4 * i, true));
  if (starts[0] !== 0 || starts.some((s, i) => s < 0 || s >= numPoints || (i > 0 && s < starts[i - 1]))) {
    throw new ShapeError(`expected part start indices in order from 0, found ${starts.slice(0, 6).join(', ')}`);
  }
  const zAt = pointsAt + 16 * numPoints + 16;
  const lines = starts.map((s, i) => {
    const end = i + 1 < numParts ? starts[i + 1] : numPoints;
    return Array.from({ length: end - s }, (_, k) => {
      const p = point(pointsAt + 16 * (s + k));
      if (hasZ) p.push(v.getFloat64(zAt + 8 * (s + k), true));
      return p;
    });
  });
  if (type === 3 || type === 13 || type === 23) {
    return lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
  }
  const polygons = assemblePolygons(lines);
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
}
