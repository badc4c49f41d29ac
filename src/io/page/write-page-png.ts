/** Rasterise a page to PNG at a chosen resolution with resvg, using the embedded DejaVu Sans only. */
import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { Page } from '../../core/page/page-model.ts';
import { pagePixels, pageToSvg } from '../../core/page/page-to-svg.ts';
import { pageFontFiles } from './page-fonts.ts';

export { pagePixels };

/**
 * PNG bytes of a page at `dpi` (72 to 1200; 150, 300 and 600 are the usual choices). No system fonts
 * are looked up: text uses the DejaVu Sans files of page-fonts.ts.
 *
 * @example
 * const png = pageToPng(page, 300); // 3508 × 2480 px for A4 landscape
 */
export function pageToPng(page: Page, dpi = 300): Buffer {
  return withDpi(renderPage(page, dpi).asPng(), dpi);
}

/** The page rendered by resvg at `dpi` (RGBA pixels in `.pixels`, PNG bytes from `.asPng()`). */
export function renderPage(page: Page, dpi: number): ReturnType<Resvg['render']> {
  if (!Number.isFinite(dpi) || dpi < 20 || dpi > 1200) throw new RangeError(`renderPage: expected a resolution from 20 to 1200 dpi, found ${dpi}.`);
  const pixels = pagePixels(page, dpi);
  const svg = pageToSvg(page, { pixels, fontFamily: 'DejaVu Sans' });
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: pageFontFiles(), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: '#ffffff',
    shapeRendering: 2,
    textRendering: 1,
  });
  const image = resvg.render();
  if (image.width !== pixels.width || image.height !== pixels.height) {
    throw new Error(`pageToPng: resvg rendered ${image.width} × ${image.height} px, expected ${pixels.width} × ${pixels.height}.`);
  }
  return image;
}

/** Writes the PNG of `page` to `file`. */
export function writePagePng(page: Page, file: string, dpi = 300): void {
  writeFileSync(file, pageToPng(page, dpi));
}

/** Insert a pHYs chunk (pixels per metre) after IHDR so viewers and word processors print at the right size. */
function withDpi(png: Buffer, dpi: number): Buffer {
  const ppm = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(ppm, 0);
  data.writeUInt32BE(ppm, 4);
  data[8] = 1;
  const type = Buffer.from('pHYs', 'latin1');
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 17);
  const ihdrEnd = 8 + 8 + png.readUInt32BE(8) + 4;
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
