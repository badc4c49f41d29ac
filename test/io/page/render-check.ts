// Shared render checks of exported pages: legend swatch colours found in the map, empty margins.
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import type { Page, PageItem } from '../../../src/core/page/page-model.ts';

export interface Raster {
  width: number;
  height: number;
  /** Bytes per pixel: 3 (PPM) or 4 (RGBA). */
  channels: number;
  data: Uint8Array;
}

/** pdftoppm is there (poppler-utils); render checks skip with a warning without it. */
export const HAS_POPPLER = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;

/** One page of a PDF rendered by pdftoppm at `dpi`, as raw RGB (binary PPM from stdout). */
export function pdftoppm(pdf: string, pageNumber: number, dpi: number): Raster {
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(pageNumber), '-l', String(pageNumber), '-singlefile', pdf], { maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  const buf = r.stdout as Buffer;
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.toString('latin1', 0, 40));
  if (!m) throw new Error('pdftoppm: expected a binary PPM');
  return { width: Number(m[1]), height: Number(m[2]), channels: 3, data: buf.subarray(m[0].length) };
}

const hex = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));

/** The legend swatches of a page: fill colour and centre in mm. */
export function legendSwatches(page: Page): Array<{ id: string; fill: string; x: number; y: number }> {
  const out: Array<{ id: string; fill: string; x: number; y: number }> = [];
  const walk = (items: PageItem[]) => {
    for (const i of items) {
      if (i.kind === 'group') walk(i.items);
      else if (i.kind === 'path' && i.id?.startsWith('legend-swatch-')) {
        const [x, y, x2, y2] = i.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
        out.push({ id: i.id, fill: i.fill!, x: (x + x2) / 2, y: (y + y2) / 2 });
      }
    }
  };
  walk(page.items);
  return out;
}

/** The map frame of a page (the clip of the group with role `map`), mm. */
export function mapFrame(page: Page): { x: number; y: number; width: number; height: number } {
  const find = (items: PageItem[]): PageItem | undefined => items.find((i) => i.kind === 'group' && i.role === 'map') ?? items.map((i) => (i.kind === 'group' ? find(i.items) : undefined)).find(Boolean);
  const g = find(page.items);
  if (!g || g.kind !== 'group' || !g.clip) throw new Error('page has no map frame');
  return g.clip;
}

function pixel(r: Raster, x: number, y: number): number[] {
  const o = (Math.round(y) * r.width + Math.round(x)) * r.channels;
  return [r.data[o], r.data[o + 1], r.data[o + 2]];
}

const near = (a: number[], b: number[], tol: number) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

/**
 * Checks a rendered page: each legend swatch shows its colour, and each colour is found in the map
 * frame (at least `minPixels` pixels) — legend and map agree; the outer margin is white — nothing drawn
 * outside the page's margins.
 */
export function checkRender(r: Raster, page: Page, options: { minPixels?: number; tolerance?: number } = {}): void {
  const { minPixels = 20, tolerance = 3 } = options;
  const pxPerMm = r.width / page.width;
  expect(Math.abs(r.height / pxPerMm - page.height)).toBeLessThan(0.5);
  const frame = mapFrame(page);
  const swatches = legendSwatches(page);
  expect(swatches.length).toBeGreaterThanOrEqual(2);
  for (const s of swatches) {
    const want = hex(s.fill);
    const got = pixel(r, s.x * pxPerMm, s.y * pxPerMm);
    expect(near(got, want, tolerance), `${s.id}: swatch drawn as ${got}, legend colour ${want}`).toBe(true);
    let count = 0;
    for (let y = Math.ceil(frame.y * pxPerMm); y < (frame.y + frame.height) * pxPerMm - 1; y++) {
      for (let x = Math.ceil(frame.x * pxPerMm); x < (frame.x + frame.width) * pxPerMm - 1; x++) if (near(pixel(r, x, y), want, tolerance)) count++;
    }
    expect(count, `${s.id} (${s.fill}) found in the map`).toBeGreaterThanOrEqual(minPixels);
  }
  // Outer 4 mm of the paper: nothing there.
  const band = Math.floor(4 * pxPerMm);
  let ink = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (x >= band && x < r.width - band && y >= band && y < r.height - band) continue;
      if (!near(pixel(r, x, y), [255, 255, 255], 2)) ink++;
    }
  }
  expect(ink, 'pixels drawn in the outer 4 mm margin').toBe(0);
}
