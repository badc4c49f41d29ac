/**
 * The rejects file of `wijkatlas build --rejects F`: every rejected (and every repaired) record of
 * every input, with its reason, file and record number, as CSV or JSON.
 */
import { extname } from 'node:path';
import { UserError } from '../core/user-error.ts';

/** One rejected or repaired record. */
export interface RejectRow {
  /** Source id in the config: 'incidents', 'housing', 'area', 'streets', ... */
  source: string;
  /** The input file as given (relative to the working directory). */
  file: string;
  /** 1-based position of the record in the file (the n-th feature or data row). */
  record: number;
  /** Where to find it, as the reader counts: 'row 12' (CSV, spreadsheet row), 'line 4 (feature 3)', 'feature 3'. */
  location: string;
  /** 'rejected': left out of the atlas; 'repaired': kept with a repaired geometry. */
  outcome: 'rejected' | 'repaired';
  /** Rejects: the reason code ('null-geometry', 'outside-blocks', ...). Repairs: the repair kinds, joined with '+'. */
  reason: string;
  /** The record's own id, or null (always null for survey records). */
  id: string | number | null;
  /** One line: what was expected, what was found, what to do. */
  detail: string;
  /** The record's properties as read; null where they are personal data (survey, tenure). */
  properties: Record<string, unknown> | null;
}

/** Formats of the rejects file, chosen by extension. */
export type RejectsFormat = 'csv' | 'json' | 'ndjson';

const FORMATS: Record<string, RejectsFormat> = { '.csv': 'csv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };
const COLUMNS = ['source', 'file', 'record', 'location', 'outcome', 'reason', 'id', 'detail', 'properties'] as const;

/**
 * The format implied by a rejects file name.
 *
 * @param path - e.g. 'rejects.csv'
 * @returns 'csv', 'json' or 'ndjson'
 * @throws UserError for any other extension
 * @example
 * rejectsFormatOf('out/rejects.csv') // 'csv'
 */
export function rejectsFormatOf(path: string): RejectsFormat {
  const format = FORMATS[extname(path).toLowerCase()];
  if (format) return format;
  throw new UserError(`--rejects ${path}: expected a file name ending in .csv, .json or .ndjson, found ${extname(path) ? `"${extname(path)}"` : 'no extension'}; rename it`);
}

/**
 * Serialise reject rows. Same rows -> same bytes.
 *
 * - csv: RFC 4180, UTF-8, comma-separated, a header row, fields quoted where needed, `properties` as
 *   JSON text (empty where withheld), `id` empty when null. Open it in Excel via Data > From Text/CSV.
 * - json: `{ "schema_version": 1, "records": [...] }`, one object per row, properties as an object.
 * - ndjson: one row object per line.
 *
 * @param rows - rows in the order to write (the build sorts by source, then record)
 * @param format - see RejectsFormat
 * @returns the file contents, ending in a newline
 * @example
 * stringifyRejects([{ source: 'incidents', file: 'incidents.csv', record: 4, location: 'row 5', outcome: 'rejected',
 *   reason: 'invalid-coordinates', id: 'PV1', detail: '...', properties: { categorie: 'drugs' } }], 'csv');
 */
export function stringifyRejects(rows: readonly RejectRow[], format: RejectsFormat): string {
  const ordered = rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c]])));
  if (format === 'json') return `${JSON.stringify({ schema_version: 1, records: ordered }, null, 1)}\n`;
  if (format === 'ndjson') return ordered.map((r) => `${JSON.stringify(r)}\n`).join('');
  const lines = [COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(COLUMNS.map((c) => csvField(c === 'properties' ? (r.properties === null ? '' : JSON.stringify(r.properties)) : r[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
