/**
 * The fonts every page writer embeds: DejaVu Sans Book, Bold and Oblique from the npm package
 * @fontsource/dejavu-sans (WOFF, latin subset), so output does not depend on the fonts of the machine.
 * The WOFF files are unpacked to plain TrueType once (pdfkit embeds them; resvg reads only TTF/OTF files,
 * so they are also written to a cache folder under the OS temp directory).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

/** One embedded font. */
export interface PageFont {
  family: 'DejaVu Sans';
  weight: 'normal' | 'bold';
  style: 'normal' | 'italic';
  /** TrueType bytes. */
  ttf: Buffer;
  /** The WOFF file it came from. */
  woffPath: string;
}

const require = createRequire(import.meta.url);
const FILES = [
  { weight: 'normal', style: 'normal', file: 'dejavu-sans-latin-400-normal.woff' },
  { weight: 'bold', style: 'normal', file: 'dejavu-sans-latin-700-normal.woff' },
  { weight: 'normal', style: 'italic', file: 'dejavu-sans-latin-400-italic.woff' },
] as const;
let cache: PageFont[] | undefined;

/** Path of a file of @fontsource/dejavu-sans. */
function fontsourceFile(name: string): string {
  const pkg = require.resolve('@fontsource/dejavu-sans/package.json');
  return path.join(path.dirname(pkg), 'files', name);
}

/**
 * WOFF 1.0 -> TrueType/OpenType (sfnt): table directory rebuilt, zlib-compressed tables inflated
 * (W3C WOFF File Format 1.0, sections 4–5).
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('woffToSfnt: not a WOFF 1.0 file (signature "wOFF" missing).');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = woff.readUInt32BE(e);
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const checksum = woff.readUInt32BE(e + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error(`woffToSfnt: table ${i} inflated to ${data.length} bytes, expected ${origLength}.`);
    tables.push({ tag, checksum, data });
  }
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  const headerSize = 12 + 16 * numTables;
  const size = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerSize);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange * 16, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const e = 12 + i * 16;
    out.writeUInt32BE(t.tag, e);
    out.writeUInt32BE(t.checksum, e + 4);
    out.writeUInt32BE(offset, e + 8);
    out.writeUInt32BE(t.data.length, e + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

/** DejaVu Sans Book, Bold and Oblique, unpacked from the package's WOFF files (cached per process). */
export function pageFonts(): PageFont[] {
  if (!cache) {
    cache = FILES.map(({ weight, style, file }) => {
      const woffPath = fontsourceFile(file);
      return { family: 'DejaVu Sans' as const, weight, style, ttf: woffToSfnt(readFileSync(woffPath)), woffPath };
    });
  }
  return cache;
}

/** The fonts as .ttf files on disk (for resvg), in a cache folder named after their content. */
export function pageFontFiles(): string[] {
  return pageFonts().map((f) => {
    const hash = createHash('sha256').update(f.ttf).digest('hex').slice(0, 16);
    const dir = path.join(os.tmpdir(), 'wijkatlas-fonts');
    const file = path.join(dir, `DejaVuSans-${f.weight}-${f.style}-${hash}.ttf`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const part = `${file}.${process.pid}.part`;
      writeFileSync(part, f.ttf);
      renameSync(part, file);
    }
    return file;
  });
}
