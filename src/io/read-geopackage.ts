/**
 * GeoPackage (.gpkg) vector layers through sql.js (SQLite compiled to WebAssembly): the layer list
 * from gpkg_contents / gpkg_geometry_columns, the CRS from gpkg_spatial_ref_sys, geometries from the
 * GeoPackage binary header + WKB (parse-wkb.ts).
 */
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { RejectedRecord } from '../core/types.ts';
import { UserError } from '../core/user-error.ts';
import { KNOWN_CRS_IDS, parseCrs } from './parse-crs.ts';
import { parseGpkgGeometry, WkbError } from './parse-wkb.ts';

/** Options of readGeopackage. */
export interface ReadGeopackageOptions {
  /** File name for messages. */
  file?: string;
  /** Table to read; required when the file holds several feature tables. */
  layer?: string;
}

/** One layer as read. */
export interface ReadGeopackageResult {
  features: Feature<Geometry | null, GeoJsonProperties>[];
  problems: RejectedRecord[];
  warnings: string[];
  /** The table read. */
  layer: string;
  /** All feature tables in the file. */
  layers: string[];
  /** Canonical CRS id, or null when the srs is undefined (srs_id 0 or -1). */
  crs: string | null;
  /** How the CRS was found. */
  crsSource: string | null;
  srsId: number;
  /** Feature id (primary key) per feature. */
  fids: (number | string)[];
}

let sqlPromise: ReturnType<typeof initSqlJs> | null = null;

/**
 * Read one feature table of a GeoPackage. Attribute columns become properties (BLOBs are left out
 * with a warning); the primary key becomes the feature id.
 *
 * @param bytes - the .gpkg file
 * @param options - see ReadGeopackageOptions
 * @returns features, problems, the layer and its CRS
 * @throws UserError for a file that is not SQLite/GeoPackage, no feature table, an unknown layer
 * @example
 * const { features, crs } = await readGeopackage(bytes, { file: 'wijken.gpkg' });
 */
export async function readGeopackage(bytes: Uint8Array, options: ReadGeopackageOptions = {}): Promise<ReadGeopackageResult> {
  const file = options.file ?? 'input.gpkg';
  if (bytes.length < 100 || new TextDecoder('latin1').decode(bytes.subarray(0, 16)) !== 'SQLite format 3\u0000') {
    throw new UserError(`${file}: expected a GeoPackage (an SQLite database starting with "SQLite format 3"), found ${bytes.length < 100 ? `${bytes.length} bytes` : 'other bytes'}; export the layer again`);
  }
  sqlPromise ??= initSqlJs();
  const SQL = await sqlPromise;
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (err) {
    throw new UserError(`${file}: the SQLite database cannot be opened (${(err as Error).message}); the file is damaged: export it again`);
  }
  try {
    return readLayer(db, file, options.layer);
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (err instanceof Error && /malformed|not a database|corrupt|disk image/i.test(err.message)) {
      throw new UserError(`${file}: the GeoPackage is damaged (SQLite: ${err.message}); export it again`);
    }
    throw err;
  } finally {
    db.close();
  }
}

function rows(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: Record<string, SqlValue>[] = [];
    while (stmt.step()) out.push(stmt.getAsObject() as Record<string, SqlValue>);
    return out;
  } finally {
    stmt.free();
  }
}

function readLayer(db: Database, file: string, wanted: string | undefined): ReadGeopackageResult {
  const hasTable = (name: string) => rows(db, "SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name = ?", [name]).length > 0;
  if (!hasTable('gpkg_geometry_columns') || !hasTable('gpkg_contents')) {
    throw new UserError(`${file}: expected a GeoPackage with gpkg_contents and gpkg_geometry_columns tables, found a plain SQLite database; export the layer as GeoPackage (or GeoJSON)`);
  }
  const layers = rows(db, "SELECT g.table_name AS t, g.column_name AS c, g.srs_id AS s FROM gpkg_geometry_columns g JOIN gpkg_contents c ON c.table_name = g.table_name WHERE c.data_type = 'features' ORDER BY g.table_name");
  if (layers.length === 0) throw new UserError(`${file}: expected at least one feature table in gpkg_contents, found none (tiles or attributes only?); export a vector layer`);
  const names = layers.map((l) => String(l.t));
  let layer = layers[0];
  if (wanted !== undefined) {
    const found = layers.find((l) => String(l.t).toLowerCase() === wanted.toLowerCase());
    if (!found) throw new UserError(`${file}: expected a layer "${wanted}", found ${names.join(', ')}; set --layer (or layer in the config) to one of those`);
    layer = found;
  } else if (layers.length > 1) {
    throw new UserError(`${file}: holds ${layers.length} feature tables (${names.slice(0, 10).join(', ')}); choose one with --layer (or layer in the config)`);
  }
  const table = String(layer.t);
  const geomColumn = String(layer.c);
  const srsId = Number(layer.s);
  const { crs, crsSource } = layerCrs(db, srsId, file);

  const columns = rows(db, `PRAGMA table_info("${table.replace(/"/g, '""')}")`);
  const pk = columns.find((c) => Number(c.pk) === 1)?.name as string | undefined;
  const quoted = (n: string) => `"${n.replace(/"/g, '""')}"`;
  const warnings: string[] = [];
  const features: ReadGeopackageResult['features'] = [];
  const problems: RejectedRecord[] = [];
  const fids: (number | string)[] = [];
  const blobColumns = new Set<string>();
  const stmt = db.prepare(`SELECT ${pk ? `${quoted(pk)} AS "__fid", ` : 'rowid AS "__fid", '}* FROM ${quoted(table)}`);
  try {
    while (stmt.step()) {
      const row = stmt.getAsObject() as Record<string, SqlValue>;
      const index = features.length;
      const fid = row.__fid as number | string;
      const properties: Record<string, string | number | null> = {};
      for (const [k, v] of Object.entries(row)) {
        if (k === '__fid' || k === geomColumn || k === pk) continue;
        if (v instanceof Uint8Array) {
          blobColumns.add(k);
          continue;
        }
        properties[k] = v as string | number | null;
      }
      const blob = row[geomColumn];
      let geometry: Geometry | null = null;
      let problem: { reason: RejectedRecord['reason']; what: string } | null = null;
      if (blob === null || blob === undefined) problem = { reason: 'null-geometry', what: 'expected a geometry, found NULL' };
      else if (!(blob instanceof Uint8Array)) problem = { reason: 'invalid-geometry', what: `expected a GeoPackage geometry blob, found ${typeof blob}` };
      else {
        try {
          const parsed = parseGpkgGeometry(blob);
          geometry = parsed.geometry;
          if (geometry === null) problem = { reason: 'null-geometry', what: 'expected a geometry, found an empty one' };
        } catch (err) {
          if (!(err instanceof WkbError)) throw err;
          problem = { reason: 'invalid-geometry', what: `the geometry blob is damaged: ${err.message}` };
        }
      }
      features.push({ type: 'Feature', id: fid, properties, geometry });
      fids.push(fid);
      if (problem) problems.push({ index, id: fid, reason: problem.reason, detail: `${file}, layer ${table}, feature ${index + 1} (fid ${fid}): ${problem.what}; fix the feature or drop it` });
    }
  } finally {
    stmt.free();
  }
  if (blobColumns.size) warnings.push(`${file}: binary column(s) ${[...blobColumns].join(', ')} were left out of the properties`);
  return { features, problems, warnings, layer: table, layers: names, crs, crsSource, srsId, fids };
}

function layerCrs(db: Database, srsId: number, file: string): { crs: string | null; crsSource: string | null } {
  if (srsId === 0 || srsId === -1) return { crs: null, crsSource: null };
  const srs = rows(db, 'SELECT organization AS o, organization_coordsys_id AS c, definition AS d FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId])[0];
  if (!srs) return { crs: null, crsSource: null };
  const org = String(srs.o ?? '').toUpperCase();
  const code = Number(srs.c);
  if (org === 'EPSG' && KNOWN_CRS_IDS.includes(`EPSG:${code}`)) return { crs: `EPSG:${code}`, crsSource: `gpkg_spatial_ref_sys: srs_id ${srsId} = EPSG:${code}` };
  const definition = String(srs.d ?? '');
  if (definition && definition.toLowerCase() !== 'undefined') {
    try {
      return { crs: parseCrs(definition).id, crsSource: `gpkg_spatial_ref_sys: srs_id ${srsId} (${org}:${code}) from its WKT definition` };
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      throw new UserError(`${file}: srs_id ${srsId} (${org}:${code}) cannot be used: ${err.message}`);
    }
  }
  return { crs: null, crsSource: null };
}
