// The filtered table as files: CSV the way Belgian Excel opens it (UTF-8 with BOM, ';' between fields,
// decimal comma, CRLF) and GeoJSON. Pure: the component turns the text into a download.
import type { Feature, FeatureCollection } from 'geojson';

const BOM = '\uFEFF';

/** One CSV cell: numbers with a decimal comma and no grouping; text quoted when needed and defused against formula injection. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  let text = typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 'true' : 'false') : JSON.stringify(value);
  // a cell starting with = + - @ (or tab/CR) would be run as a formula by spreadsheet programs
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text of `features` with one column per field name (header = field names, so the file is the same
 * in every language), starting with a UTF-8 byte-order mark.
 */
export function tableCsv(features: readonly Feature[], fields: readonly string[]): string {
  const lines = [fields.map(csvCell).join(';')];
  for (const f of features) lines.push(fields.map((name) => csvCell(f.properties?.[name])).join(';'));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** A FeatureCollection of `features` (the same objects, not copied) as indented JSON text. */
export function tableGeoJson(features: readonly Feature[]): string {
  const fc: FeatureCollection = { type: 'FeatureCollection', features: [...features] };
  return JSON.stringify(fc);
}

const WEEKDAYS_NL = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

/**
 * The weekday × hour table (168 counts, Monday 0 h first) as CSV for Belgian Excel, the same columns
 * as `wijkatlas density --table`: dag;0u;…;23u, one row per weekday.
 */
export function weekdayHourCsv(counts: readonly number[], group = 'selectie'): string {
  const lines = [['groep', 'dag', ...Array.from({ length: 24 }, (_, h) => `${h}u`)].join(';')];
  for (let d = 0; d < 7; d++) lines.push([csvCell(group), WEEKDAYS_NL[d], ...counts.slice(d * 24, d * 24 + 24)].join(';'));
  return BOM + lines.join('\r\n') + '\r\n';
}
