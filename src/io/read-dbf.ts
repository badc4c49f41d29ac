/**
 * dBASE (.dbf) attribute tables as Shapefiles carry them, with the code page from the .cpg file.
 */
import { UserError } from '../core/user-error.ts';
import { decodeText } from './decode-text.ts';

/** One column of a .dbf file. */
export interface DbfField {
  name: string;
  /** dBASE type letter: C, N, F, L, D, I, O, B, M, @, +, Y ... */
  type: string;
  length: number;
  decimals: number;
}

/** A .dbf table as read. */
export interface DbfTable {
  fields: DbfField[];
  /** One entry per record, in order; null when an announced record is missing (file cut short). */
  records: (Record<string, string | number | boolean | null> | null)[];
  /** Record numbers (1-based) marked deleted ('*'); their values are still read. */
  deleted: number[];
  /** Record count the header announces. */
  declaredCount: number;
  /** The encoding used to decode text, e.g. 'utf-8', 'windows-1252'. */
  encoding: string;
  /** File-level notes: a cut-short file, a .cpg that did not fit, unsupported field types. */
  warnings: string[];
}

/** Options of readDbf. */
export interface ReadDbfOptions {
  /** File name for messages. */
  file?: string;
  /** Contents of the .cpg file, if any ('UTF-8', '1252', '8859-1' ...). */
  cpg?: string;
  /** Encoding chosen by the user (overrides .cpg): 'utf-8', 'latin1', 'windows-1252' or a WHATWG label. */
  encoding?: string;
}

/** .cpg contents (squashed, lowercase) -> WHATWG encoding label. */
const CPG: Record<string, string> = {
  utf8: 'utf-8',
  '65001': 'utf-8',
  '1252': 'windows-1252',
  ansi1252: 'windows-1252',
  cp1252: 'windows-1252',
  windows1252: 'windows-1252',
  '88591': 'windows-1252',
  iso88591: 'windows-1252',
  latin1: 'windows-1252',
  '28591': 'windows-1252',
  '885915': 'iso-8859-15',
  iso885915: 'iso-8859-15',
  '1250': 'windows-1250',
  '1251': 'windows-1251',
  '88592': 'iso-8859-2',
  iso88592: 'iso-8859-2',
  '437': 'ibm866',
  '850': 'ibm866',
};

/**
 * Map a .cpg text (or a user-given encoding) to a decoder label.
 *
 * @param text - e.g. 'UTF-8', 'ANSI 1252', '8859-1'
 * @returns a label TextDecoder accepts, or null when unknown
 * @example
 * encodingFromCpg('ANSI 1252') // 'windows-1252'
 */
export function encodingFromCpg(text: string): string | null {
  const key = text.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key in CPG) return CPG[key] === 'ibm866' ? null : CPG[key];
  try {
    return new TextDecoder(text.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * Read a .dbf file. Text is decoded with, in order: the user's `encoding`; the .cpg; else
 * Windows-1252 (Latin-1), the Shapefile default. A .cpg that says UTF-8 over bytes that are not
 * UTF-8 falls back to Windows-1252 with a warning; without a .cpg, text that is valid multi-byte
 * UTF-8 is read as UTF-8 with a warning (Latin-1 text practically never is).
 *
 * Values: C -> trimmed string; N/F -> number (null when blank or '*****'); L -> boolean/null;
 * D -> 'YYYY-MM-DD' or null; I -> int32; O -> double; @ -> ISO date-time; + -> int32; Y -> currency;
 * M/B/G/P (memo blocks, no .dbt read) -> null with a warning. A record cut off by the end of the file
 * is null (the caller rejects it); a file shorter than its header is a UserError.
 *
 * @param bytes - .dbf contents
 * @param options - see ReadDbfOptions
 * @returns the table
 * @example
 * readDbf(bytes, { file: 'wijken.dbf', cpg: 'UTF-8' }).records[0] // { geoitem: '1202512', naam: 'Arsenaal (Mechelen)' }
 */
export function readDbf(bytes: Uint8Array, options: ReadDbfOptions = {}): DbfTable {
  const file = options.file ?? 'input.dbf';
  if (bytes.length === 0) throw new UserError(`${file}: expected a dBASE table, found an empty (0-byte) file; restore the .dbf from the source, or delete it to read the geometries without attributes`);
  if (bytes.length < 33) throw new UserError(`${file}: expected a dBASE header of at least 32 bytes, found ${bytes.length} bytes; the .dbf is damaged: restore it from the source`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || recordLength < 1 || headerLength > bytes.length) {
    throw new UserError(`${file}: expected a dBASE header (header length ${headerLength}, record length ${recordLength}), found values that do not fit a ${bytes.length}-byte file; the .dbf is damaged: restore it from the source`);
  }

  const warnings: string[] = [];
  const rawFields: (DbfField & { rawName: Uint8Array })[] = [];
  let offset = 1; // the deletion flag
  for (let p = 32; p + 32 <= headerLength && bytes[p] !== 0x0d; p += 32) {
    let end = p;
    while (end < p + 11 && bytes[end] !== 0) end++;
    rawFields.push({ rawName: bytes.subarray(p, end), name: '', type: String.fromCharCode(bytes[p + 11]).toUpperCase(), length: bytes[p + 16], decimals: bytes[p + 17] });
    offset += bytes[p + 16];
  }
  const textSample = characterBytes(bytes, rawFields, headerLength, recordLength, declaredCount);
  const { decode, encoding } = chooseDecoder(textSample, options, file, warnings);
  const fields: DbfField[] = rawFields.map(({ rawName, ...f }, i) => ({ ...f, name: decode(rawName).trim() || `field_${i + 1}` }));
  if (offset !== recordLength) warnings.push(`${file}: the fields add up to ${offset} bytes but the header says records are ${recordLength} bytes; values were read by field widths`);
  const names = new Set<string>();
  for (const f of fields) {
    let unique = f.name;
    for (let n = 2; names.has(unique); n++) unique = `${f.name}_${n}`;
    if (unique !== f.name) warnings.push(`${file}: duplicate field name "${f.name}" renamed to "${unique}"`);
    f.name = unique;
    names.add(unique);
  }
  const memo = fields.filter((f) => 'MBGP'.includes(f.type) && f.length === 10);
  if (memo.length) warnings.push(`${file}: memo field(s) ${memo.map((f) => f.name).join(', ')} are stored in a .dbt/.fpt file, which is not read; their values are null`);

  const records: DbfTable['records'] = [];
  const deleted: number[] = [];
  const available = Math.floor((bytes.length - headerLength) / recordLength);
  if (available < declaredCount) warnings.push(`${file}: the header announces ${declaredCount} records but the file holds only ${available} complete ones (cut short?)`);
  // A damaged header may announce billions of records: read what the file holds, plus one null
  // per announced record that is missing when that count is plausible (a file cut short: at most
  // as many missing as present, or 1,000). A header claiming a million records over four is damage,
  // not truncation: read what is there (the warning above says so) instead of a million nulls.
  const missing = declaredCount - available;
  const count = missing > 0 && missing <= Math.max(1000, available) ? declaredCount : Math.min(declaredCount, available);
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    if (start + recordLength > bytes.length) {
      records.push(null);
      continue;
    }
    if (bytes[start] === 0x2a) deleted.push(r + 1);
    const record: Record<string, string | number | boolean | null> = {};
    let p = start + 1;
    for (const f of fields) {
      record[f.name] = value(bytes.subarray(p, p + f.length), f, view, p, decode);
      p += f.length;
    }
    records.push(record);
  }
  return { fields, records, deleted, declaredCount, encoding, warnings };
}

type Decode = (b: Uint8Array) => string;

/** The bytes of every character field (up to 1 MB), for the encoding check; invalid UTF-8 at a cut field end is trimmed. */
function characterBytes(bytes: Uint8Array, fields: DbfField[], headerLength: number, recordLength: number, count: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let total = 0;
  for (let r = 0; r < count && total < 1_000_000; r++) {
    let p = headerLength + r * recordLength + 1;
    if (p - 1 + recordLength > bytes.length) break;
    for (const f of fields) {
      if (f.type === 'C') {
        const raw = bytes.subarray(p, p + f.length);
        if (raw.some((b) => b >= 0x80)) {
          out.push(raw);
          total += raw.length;
        }
      }
      p += f.length;
    }
  }
  return out;
}

function isUtf8(b: Uint8Array, fullWidth: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    // A value that fills its field may have been cut inside a multi-byte character: allow that.
    for (let cut = 1; fullWidth && cut <= 3 && cut < b.length; cut++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, b.length - cut));
        return (b[b.length - cut] & 0xc0) === 0xc0;
      } catch {
        /* try a shorter cut */
      }
    }
    return false;
  }
}

function chooseDecoder(sample: Uint8Array[], options: ReadDbfOptions, file: string, warnings: string[]): { decode: Decode; encoding: string } {
  const make = (label: string): Decode => (label === 'windows-1252' ? (b) => decodeText(b, label, file).text : (b) => new TextDecoder(label).decode(b));
  const trim = (b: Uint8Array) => {
    let end = b.length;
    while (end > 0 && (b[end - 1] === 0x20 || b[end - 1] === 0)) end--;
    return b.subarray(0, end);
  };
  const allUtf8 = sample.every((b) => {
    const t = trim(b);
    return isUtf8(t, t.length === b.length);
  });
  if (options.encoding) {
    const label = options.encoding === 'latin1' ? 'windows-1252' : encodingFromCpg(options.encoding);
    if (!label) throw new UserError(`${file}: unknown encoding "${options.encoding}"; use utf-8, latin1, windows-1252 or another WHATWG label`);
    return { decode: make(label), encoding: label };
  }
  if (options.cpg !== undefined) {
    const label = encodingFromCpg(options.cpg);
    if (!label) {
      warnings.push(`${file}: the .cpg says "${options.cpg.trim().slice(0, 30)}", an encoding not supported here; read as Windows-1252 (Latin-1): give --encoding if accents look wrong`);
      return { decode: make('windows-1252'), encoding: 'windows-1252' };
    }
    if (label === 'utf-8' && !allUtf8) {
      warnings.push(`${file}: the .cpg says UTF-8 but the text is not valid UTF-8; read as Windows-1252 (Latin-1) instead: fix the .cpg or give --encoding`);
      return { decode: make('windows-1252'), encoding: 'windows-1252' };
    }
    return { decode: make(label), encoding: label };
  }
  // No .cpg: Latin-1 is the Shapefile default, unless the text is (non-ASCII) valid UTF-8.
  if (sample.length > 0 && allUtf8) {
    warnings.push(`${file}: no .cpg file and the text is valid UTF-8, so it was read as UTF-8 (the Shapefile default is Latin-1); add a .cpg or give --encoding to be explicit`);
    return { decode: make('utf-8'), encoding: 'utf-8' };
  }
  return { decode: make('windows-1252'), encoding: 'windows-1252' };
}

function value(raw: Uint8Array, f: DbfField, view: DataView, at: number, decode: Decode): string | number | boolean | null {
  switch (f.type) {
    case 'C':
    case 'V': {
      let end = raw.length;
      while (end > 0 && (raw[end - 1] === 0x20 || raw[end - 1] === 0)) end--;
      return decode(raw.subarray(0, end)).trim();
    }
    case 'N':
    case 'F': {
      const s = ascii(raw).trim();
      if (s === '' || /^\*+$/.test(s)) return null;
      const n = Number(s.replace(',', '.'));
      return Number.isFinite(n) ? n : null;
    }
    case 'L': {
      const c = ascii(raw).trim().toUpperCase();
      if ('TY'.includes(c) && c !== '') return true;
      if ('FN'.includes(c) && c !== '') return false;
      return null;
    }
    case 'D': {
      const s = ascii(raw).trim();
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
      if (!m || s === '00000000') return null;
      return `${m[1]}-${m[2]}-${m[3]}`;
    }
    case 'I':
    case '+':
      return raw.length >= 4 ? view.getInt32(at, true) : null;
    case 'O':
      return raw.length >= 8 ? view.getFloat64(at, true) : null;
    case 'Y':
      return raw.length >= 8 ? Number(view.getBigInt64(at, true)) / 10000 : null;
    case 'B':
      // Visual FoxPro double (8 bytes); a 10-byte B is a dBASE memo block number.
      return raw.length === 8 ? view.getFloat64(at, true) : null;
    case '@':
    case 'T': {
      if (raw.length < 8) return null;
      const day = view.getInt32(at, true);
      const ms = view.getInt32(at + 4, true);
      // Julian day number -> Unix epoch (JDN 2440588 = 1970-01-01); blanks or nonsense -> null.
      if (day <= 0 || day > 5_373_484 || ms < 0 || ms >= 86_400_000) return null;
      const date = new Date((day - 2440588) * 86_400_000 + ms);
      return Number.isNaN(date.getTime()) ? null : date.toISOString().replace('.000Z', 'Z');
    }
    default:
      return null;
  }
}

function ascii(raw: Uint8Array): string {
  let s = '';
  for (const b of raw) s += b === 0 ? ' ' : String.fromCharCode(b);
  return s;
}
