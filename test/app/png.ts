// A minimal PNG decoder for screenshots (8-bit RGB/RGBA, not interlaced), so the tests need no image library.
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  data: Uint8Array;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

export function decodePng(png: Buffer): Pixels {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('decodePng: not a PNG file.');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = body.subarray(8, 13);
      channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(`decodePng: expected 8-bit RGB(A) without interlacing, found depth ${depth}, colour type ${colorType}, interlace ${interlace}.`);
      }
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = v & 255;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    data[i * 4] = rows[j];
    data[i * 4 + 1] = rows[j + 1];
    data[i * 4 + 2] = rows[j + 2];
    data[i * 4 + 3] = channels === 4 ? rows[j + 3] : 255;
  }
  return { width, height, data };
}

/** Pixels whose colour is within `tolerance` (per channel) of `rgb`, and their centre; only from column `fromX` on when given (e.g. right of the panel). */
export function findColour(img: Pixels, rgb: readonly number[], tolerance = 3, fromX = 0): { count: number; x: number; y: number } {
  let count = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    if (i % img.width < fromX) continue;
    const o = i * 4;
    if (Math.abs(img.data[o] - rgb[0]) <= tolerance && Math.abs(img.data[o + 1] - rgb[1]) <= tolerance && Math.abs(img.data[o + 2] - rgb[2]) <= tolerance) {
      count++;
      sx += i % img.width;
      sy += Math.floor(i / img.width);
    }
  }
  return { count, x: count ? sx / count : NaN, y: count ? sy / count : NaN };
}

/** Number of distinct colours (a blank page has one or two). */
export function distinctColours(img: Pixels): number {
  const seen = new Set<number>();
  for (let o = 0; o < img.data.length; o += 4) seen.add((img.data[o] << 16) | (img.data[o + 1] << 8) | img.data[o + 2]);
  return seen.size;
}

/** Number of pixels that differ between two images of the same size, optionally only from column `fromX` on (e.g. right of the panel). */
export function differingPixels(a: Pixels, b: Pixels, fromX = 0): number {
  if (a.width !== b.width || a.height !== b.height) return Math.max(a.width * a.height, b.width * b.height);
  let n = 0;
  for (let o = 0; o < a.data.length; o += 4) {
    if ((o / 4) % a.width < fromX) continue;
    if (a.data[o] !== b.data[o] || a.data[o + 1] !== b.data[o + 1] || a.data[o + 2] !== b.data[o + 2]) n++;
  }
  return n;
}
