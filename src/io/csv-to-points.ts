/**
 * CSV rows -> features: points from x/y columns, or any geometry from a WKT column.
 */
import type { Feature, Geometry } from 'geojson';
import type { RejectedRecord } from '../core/types.ts';
import { UserError } from '../core/user-error.ts';
import { parseBelgianNumber } from './parse-belgian-number.ts';
import { parseCrs, type CrsInfo } from './parse-crs.ts';
import { parseWkt, WktError } from './parse-wkt.ts';
import type { CsvTable } from './read-csv.ts';
import { validateFeatures } from './validate-features.ts';
import { withFile } from './with-file.ts';

/** Options of csvToPoints. Give x and y, or wkt, or nothing (then columns are detected). */
export interface CsvToPointsOptions {
  /** Column holding x / longitude (e.g. 'x', 'lon'). */
  x?: string;
  /** Column holding y / latitude. */
  y?: string;
  /** Column holding WKT ('POINT (4.47 51.02)', 'POLYGON ((...))', 'MULTI...'). */
  wkt?: string;
  /** CRS of the coordinates. Default 'EPSG:4326'. Used to flag impossible coordinates. */
  crs?: string | CrsInfo;
}

/** Point features (one per row, in row order) and the rows that have no usable point. */
export interface CsvPointsResult {
  /** One feature per row; `properties` is the row (strings); geometry null where a problem is. */
  features: Feature<Geometry | null, Record<string, string>>[];
  /** Per-row problems; `index` points into `features` and `table.rows`, `detail` gives the row number. */
  problems: RejectedRecord[];
}

/** Column pairs detected when no columns are configured, in order of preference (case-insensitive). */
const XY_PAIRS: [string, string][] = [
  ['x', 'y'],
  ['lon', 'lat'],
  ['lng', 'lat'],
  ['long', 'lat'],
  ['longitude', 'latitude'],
  ['lengtegraad', 'breedtegraad'],
  ['lambert_x', 'lambert_y'],
  ['x_lambert', 'y_lambert'],
  ['lambertx', 'lamberty'],
  ['x_lambert72', 'y_lambert72'],
  ['x_l72', 'y_l72'],
  ['x_coord', 'y_coord'],
  ['xcoord', 'ycoord'],
  ['coord_x', 'coord_y'],
  ['x_coordinaat', 'y_coordinaat'],
  ['xcoordinaat', 'ycoordinaat'],
  ['easting', 'northing'],
  ['point_x', 'point_y'],
];
const WKT_COLUMNS = ['wkt', 'geometry', 'geom', 'the_geom', 'wkt_geom', 'shape'];

/**
 * Turn CSV rows into point features. Coordinates are parsed with parseBelgianNumber (decimal
 * comma or point); WKT numbers use a decimal point as WKT requires. A row whose coordinates are
 * empty or unparseable becomes a feature with a null geometry plus a problem naming the
 * spreadsheet row number; coordinates impossible for the CRS are problems too (see
 * validateFeatures). File-level mistakes (a configured column that does not exist, no coordinate
 * columns at all) are UserErrors.
 *
 * @param table - from readCsv
 * @param options - see CsvToPointsOptions
 * @returns features and problems
 * @example
 * const { features, problems } = csvToPoints(readCsv(bytes, { file: 'incidents.csv' }), { x: 'x', y: 'y', crs: 'EPSG:31370' });
 */
export function csvToPoints(table: CsvTable, options: CsvToPointsOptions = {}): CsvPointsResult {
  const { file, header, rows, rowNumbers } = table;
  const declared = options.crs ?? 'EPSG:4326';
  const crs = typeof declared === 'object' ? declared : withFile(() => parseCrs(declared), file);
  const columns = chooseColumns(header, options, file);
  const label = (index: number) => `row ${rowNumbers[index]}`;

  const problems: RejectedRecord[] = [];
  const features = rows.map((row, index): Feature<Geometry | null, Record<string, string>> => {
    const parsed = columns.wkt !== undefined ? pointFromWkt(row[columns.wkt], columns.wkt, crs) : pointFromXY(row, columns.x, columns.y);
    if ('reason' in parsed) {
      problems.push({ index, id: null, reason: parsed.reason, detail: `${file}, ${label(index)}: ${parsed.detail}; fix the row or drop it` });
      return { type: 'Feature', properties: row, geometry: null };
    }
    return { type: 'Feature', properties: row, geometry: Array.isArray(parsed) ? { type: 'Point', coordinates: parsed } : parsed.geometry };
  });

  const parseFailed = new Set(problems.map((p) => p.index));
  const implausible = validateFeatures(features, { file, crs, recordLabel: label }).filter((p) => !parseFailed.has(p.index));
  return { features, problems: [...problems, ...implausible].sort((a, b) => a.index - b.index) };
}

type Columns = { wkt: string; x?: undefined; y?: undefined } | { wkt?: undefined; x: string; y: string };
type Parsed = number[] | { geometry: Geometry } | { reason: RejectedRecord['reason']; detail: string };

function chooseColumns(header: string[], options: CsvToPointsOptions, file: string): Columns {
  const { x, y, wkt } = options;
  if (wkt !== undefined && (x !== undefined || y !== undefined)) {
    throw new UserError(`${file}: expected either x and y columns or a wkt column, found both in the config; remove one`);
  }
  if ((x === undefined) !== (y === undefined)) {
    throw new UserError(`${file}: expected both x and y column names in the config, found only ${x !== undefined ? `x ("${x}")` : `y ("${y}")`}; add the other one`);
  }
  if (wkt !== undefined) return { wkt: requireColumn(header, wkt, 'wkt', file) };
  if (x !== undefined && y !== undefined) return { x: requireColumn(header, x, 'x', file), y: requireColumn(header, y, 'y', file) };

  const find = (name: string) => header.find((h) => h.toLowerCase() === name);
  const wktColumn = WKT_COLUMNS.map(find).find((h) => h !== undefined);
  if (wktColumn !== undefined) return { wkt: wktColumn };
  for (const [a, b] of XY_PAIRS) {
    const cx = find(a);
    const cy = find(b);
    if (cx !== undefined && cy !== undefined) return { x: cx, y: cy };
  }
  throw new UserError(
    `${file}: expected coordinate columns (x/y, lon/lat, longitude/latitude or a wkt column), found columns ${listColumns(header)}; set x and y (or wkt) in the config to the names of the coordinate columns`,
  );
}

function requireColumn(header: string[], name: string, option: string, file: string): string {
  if (header.includes(name)) return name;
  const similar = header.find((h) => h.toLowerCase() === name.trim().toLowerCase());
  const hint = similar !== undefined ? ` (did you mean "${similar}"?)` : '';
  throw new UserError(`${file}, row 1: expected a column "${name}" (${option} in the config), found columns ${listColumns(header)}${hint}; set ${option} to a column name of the header row`);
}

function pointFromXY(row: Record<string, string>, xColumn: string, yColumn: string): Parsed {
  const xs = row[xColumn] ?? '';
  const ys = row[yColumn] ?? '';
  if (xs.trim() === '' && ys.trim() === '') {
    return { reason: 'null-geometry', detail: `expected coordinates in columns "${xColumn}" and "${yColumn}", found empty cells` };
  }
  const x = parseBelgianNumber(xs);
  const y = parseBelgianNumber(ys);
  if (x === null) return { reason: 'invalid-coordinates', detail: `expected a number in column "${xColumn}", found ${shown(xs)}` };
  if (y === null) return { reason: 'invalid-coordinates', detail: `expected a number in column "${yColumn}", found ${shown(ys)}` };
  return [x, y];
}

function pointFromWkt(text: string | undefined, column: string, crs: CrsInfo): Parsed {
  const s = (text ?? '').trim();
  if (s === '') return { reason: 'null-geometry', detail: `expected WKT in column "${column}", found an empty cell` };
  let parsed;
  try {
    parsed = parseWkt(s);
  } catch (err) {
    if (!(err instanceof WktError)) throw err;
    return { reason: 'invalid-geometry', detail: `expected WKT like "POINT (4.47 51.02)" in column "${column}", found ${shown(s)} (${err.message})` };
  }
  if (parsed.geometry === null) return { reason: 'null-geometry', detail: `expected a geometry in column "${column}", found ${s.replace(/^SRID=\d+\s*;\s*/i, '').split(/[\s(]/)[0].toUpperCase()} EMPTY` };
  if (parsed.srid !== null && `EPSG:${parsed.srid}` !== crs.id) {
    return { reason: 'invalid-coordinates', detail: `expected coordinates in ${crs.id} (the declared crs), found SRID=${parsed.srid} in column "${column}" (declare crs EPSG:${parsed.srid} if the whole file uses it)` };
  }
  return { geometry: parsed.geometry };
}

function shown(value: string): string {
  return value.trim() === '' ? 'an empty cell' : JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function listColumns(header: string[]): string {
  const names = header.slice(0, 12).map((h) => `"${h}"`).join(', ');
  return header.length > 12 ? `${names}, … (${header.length} in all)` : names;
}

