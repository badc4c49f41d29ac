/**
 * Bytes -> text for the text formats (CSV, GeoJSON), with the encodings Belgian Excel produces.
 */
import { UserError } from '../core/user-error.ts';

/** Encodings a caller may ask for. 'latin1' means Windows-1252, as in the WHATWG Encoding standard. */
export type TextEncodingName = 'auto' | 'utf-8' | 'latin1' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Decoded text and the encoding that was used. */
export interface DecodedText {
  text: string;
  /** 'utf-8', 'utf-8 (BOM)', 'windows-1252', 'utf-16le' or 'utf-16be'. */
  encoding: string;
}

/**
 * Decode bytes to text.
 *
 * 'auto' (default): a byte-order mark decides (UTF-8, UTF-16LE as in Excel's "Unicode text", or
 * UTF-16BE); otherwise the bytes are decoded as UTF-8, and if they are not valid UTF-8 (an 'é'
 * saved as the single byte 0xE9 by Excel's "CSV (comma delimited)"), as Windows-1252, the Western
 * European code page Excel uses on Belgian Windows (a superset of Latin-1 that also has '€').
 * A leading BOM is always removed. A string input is returned as is (minus a BOM).
 *
 * @param input - bytes or already decoded text
 * @param encoding - see TextEncodingName
 * @param file - file name for messages
 * @returns text and encoding used
 * @example
 * decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])).text // 'café' (Windows-1252 fallback)
 */
export function decodeText(input: string | Uint8Array, encoding: TextEncodingName = 'auto', file = 'input'): DecodedText {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const b = input;
  if (encoding === 'auto') {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: decode('utf-8', b.subarray(3)), encoding: 'utf-8 (BOM)' };
    if (b[0] === 0xff && b[1] === 0xfe) return { text: decode('utf-16le', b.subarray(2)), encoding: 'utf-16le' };
    if (b[0] === 0xfe && b[1] === 0xff) return { text: decode('utf-16be', b.subarray(2)), encoding: 'utf-16be' };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
    } catch {
      return { text: decode('windows-1252', b), encoding: 'windows-1252' };
    }
  }
  const label = encoding === 'latin1' ? 'windows-1252' : encoding;
  if (label === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(b).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
    } catch {
      throw new UserError(`${file}: expected UTF-8 text (encoding: utf-8 in the config), found bytes that are not UTF-8; set encoding to latin1 or auto, or re-save the file as UTF-8`);
    }
  }
  return { text: decode(label, b).replace(/^\uFEFF/, ''), encoding: label };
}

function decode(label: string, bytes: Uint8Array): string {
  if (label === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/**
 * Windows-1252 characters of bytes 0x80..0x9F (the rest equals Latin-1). Node 20's TextDecoder
 * decodes the 'windows-1252' label as plain Latin-1 ('€' came out as U+0080), so we map these 32
 * bytes ourselves. Bytes undefined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the
 * same code point, as in the WHATWG Encoding standard.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}
