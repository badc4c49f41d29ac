/**
 * CSV reader for files as Belgian Excel (and everybody else) exports them.
 */
import { UserError } from '../core/user-error.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';

/** Separators that are detected. */
export type CsvSeparator = ';' | ',' | '\t';

/** Options of readCsv. */
export interface ReadCsvOptions {
  /** File name used in messages. Default: 'input'. */
  file?: string;
  /** Field separator. Default 'auto': detected (see readCsv). */
  separator?: CsvSeparator | 'auto';
  /** Text encoding. Default 'auto' (BOM, else UTF-8, else Windows-1252). */
  encoding?: TextEncodingName;
}

/** A parsed CSV file: all values are strings, exactly as in the file. */
export interface CsvTable {
  /** File name used in messages. */
  file: string;
  /** Column names, trimmed, in file order. An empty name becomes `column_<letter>` (column_D). */
  header: string[];
  /** One record per non-blank data row; every header name is a key ('' when the row is short). */
  rows: Record<string, string>[];
  /** Spreadsheet row number of each entry of `rows` (header = row 1, so the first data row is 2). */
  rowNumbers: number[];
  /** The separator used. */
  separator: CsvSeparator;
  /** The encoding used, e.g. 'utf-8', 'utf-8 (BOM)', 'windows-1252'. */
  encoding: string;
}

interface CsvRecord {
  fields: string[];
  /** Spreadsheet row number (1-based, counting every record, blank ones included). */
  row: number;
}

const CANDIDATES: CsvSeparator[] = [';', ',', '\t'];

/**
 * Read a CSV file.
 *
 * - Separator: ';' (Belgian Excel), ',' or tab, detected on the first 50 records: the candidate
 *   that splits the header into the most columns among those whose data rows have the same number
 *   of fields as the header. An Excel `sep=;` first line is honoured (and not counted as a row).
 * - Quotes: fields in double quotes may hold separators, quotes ("") and line breaks; a record
 *   with a line break inside quotes is still one row, as in a spreadsheet.
 * - Encoding: see decodeText (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 fallback).
 * - Blank lines are skipped but still counted, so `rowNumbers` match what a spreadsheet shows.
 * - Empty trailing fields beyond the header (`a;b;`) are ignored; a non-empty one is a UserError
 *   (a value probably holds an unquoted separator), as are duplicate column names and an
 *   unclosed quote.
 *
 * @param input - file contents
 * @param options - see ReadCsvOptions
 * @returns the table
 * @example
 * const table = readCsv(bytes, { file: 'incidents.csv' });
 * table.rows[0]['x']   // '158650,5' (still a string: see parseBelgianNumber)
 * table.rowNumbers[0]  // 2
 */
export function readCsv(input: string | Uint8Array, options: ReadCsvOptions = {}): CsvTable {
  const file = options.file ?? 'input';
  const decoded = decodeText(input, options.encoding ?? 'auto', file);
  let text = decoded.text;

  let declared: CsvSeparator | undefined = options.separator === 'auto' ? undefined : options.separator;
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) {
    text = text.slice(sepLine[0].length);
    if (!declared && (CANDIDATES as string[]).includes(sepLine[1])) declared = sepLine[1] as CsvSeparator;
  }
  if (declared !== undefined && !CANDIDATES.includes(declared)) {
    throw new TypeError(`readCsv: separator must be one of ';', ',', '\\t' or 'auto', got ${JSON.stringify(declared)}`);
  }
  if (text.trim() === '') throw new UserError(`${file}: expected a header row and data rows, found an empty file; check that the export completed`);

  const separator = declared ?? detectSeparator(text);
  const records = parseRecords(text, separator, file, Infinity);
  while (records.length > 0 && isBlank(records[records.length - 1])) records.pop();

  const header = makeHeader(records[0].fields, file);
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  for (const record of records.slice(1)) {
    if (isBlank(record)) continue;
    const { fields, row } = record;
    for (let c = header.length; c < fields.length; c++) {
      if (fields[c].trim() !== '') {
        throw new UserError(
          `${file}, row ${row}: expected ${header.length} fields like the header, found ${fields.length} (column ${columnLetter(c)} holds ${JSON.stringify(fields[c].slice(0, 30))}); a value probably contains the separator "${printable(separator)}": quote that value or export with another separator`,
        );
      }
    }
    rows.push(Object.fromEntries(header.map((name, c) => [name, fields[c] ?? ''])));
    rowNumbers.push(row);
  }
  return { file, header, rows, rowNumbers, separator, encoding: decoded.encoding };
}

function detectSeparator(text: string): CsvSeparator {
  const sample = text.slice(0, 65_536);
  let best: { sep: CsvSeparator; consistent: number; columns: number } | null = null;
  for (const sep of CANDIDATES) {
    const records = parseRecords(sample, sep, 'sample', 50, true);
    // The last record of a truncated sample may be cut short: leave it out.
    if (records.length === 0) continue;
    const data = records.slice(1, sample.length < text.length ? -1 : undefined).filter((r) => !isBlank(r));
    const columns = records[0].fields.length;
    if (columns < 2) continue;
    const consistent = data.filter((r) => r.fields.length === columns).length;
    if (!best || consistent > best.consistent || (consistent === best.consistent && columns > best.columns)) best = { sep, consistent, columns };
  }
  return best?.sep ?? ',';
}

/**
 * RFC 4180 parsing with lenient quotes (a quote inside an unquoted field is kept as text); stops
 * after `limit` records. `sample`: a missing closing quote ends parsing instead of throwing.
 */
function parseRecords(text: string, sep: string, file: string, limit: number, sample = false): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let row = 1;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    records.push({ fields, row });
    fields = [];
    field = '';
    row++;
  };
  while (i < n && records.length < limit) {
    const c = text[i];
    if (c === '"' && field === '') {
      const start = row;
      i++;
      for (;;) {
        if (i >= n) {
          if (sample) return records;
          throw new UserError(`${file}, row ${start}: a quoted field starts here but its closing quote is missing; add the closing " or remove the opening one`);
        }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else if (c === sep) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
    } else {
      field += c;
      i++;
    }
  }
  if (records.length < limit && (field !== '' || fields.length > 0)) endRecord();
  return records;
}

function makeHeader(fields: string[], file: string): string[] {
  const names = fields.map((f, c) => f.trim() || `column_${columnLetter(c)}`);
  // Trailing unnamed, generated columns from `a;b;` exports are dropped.
  while (names.length > 1 && fields[names.length - 1].trim() === '') names.pop();
  const seen = new Map<string, number>();
  names.forEach((name, c) => {
    const first = seen.get(name);
    if (first !== undefined) {
      throw new UserError(`${file}, row 1: expected unique column names, found "${name}" in columns ${columnLetter(first)} and ${columnLetter(c)}; rename one of them`);
    }
    seen.set(name, c);
  });
  return names;
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === '');
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA', as spreadsheets name columns. */
function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function printable(sep: string): string {
  return sep === '\t' ? 'tab' : sep;
}
