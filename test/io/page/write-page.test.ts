import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { composeAtlasPages } from '../../../src/core/page/compose-atlas-pages.ts';
import { composeMapPage } from '../../../src/core/page/compose-map-page.ts';
import { pageToSvg } from '../../../src/core/page/page-to-svg.ts';
import { pagesToPdf } from '../../../src/io/page/write-page-pdf.ts';
import { pagePixels, pageToPng, renderPage } from '../../../src/io/page/write-page-png.ts';
import { writePageSvg } from '../../../src/io/page/write-page-svg.ts';
import { DEMO_DIR, FIXTURE_DIR, loadAtlasDir } from '../../core/page/fixture-atlas.ts';
import { checkRender, HAS_POPPLER, pdftoppm } from './render-check.ts';

if (!HAS_POPPLER) console.warn('PDF render checks skipped: pdftoppm/pdftotext (poppler-utils) not found; install poppler-utils.');

const demo = loadAtlasDir(DEMO_DIR);
const fixture = loadAtlasDir(FIXTURE_DIR);
const options = { layer: 'blocks', indicator: 'pct_built_before_1945', createdOn: '2026-11-27', classes: 5 } as const;
const date = new Date('2026-11-27T00:00:00Z');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-page-'));

/** Page boxes of a PDF (uncompressed object dictionaries). */
const mediaBoxes = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1].trim().split(/\s+/).map(Number));

describe('pagesToPdf', () => {
  it('writes an A4 landscape page of 842 × 595 pt (MediaBox), DejaVu Sans embedded, same bytes for the same inputs', async () => {
    const { page } = composeMapPage(demo, options);
    const a = await pagesToPdf([page], { creationDate: date });
    const b = await pagesToPdf([page], { creationDate: date });
    expect(a.equals(b)).toBe(true);
    const boxes = mediaBoxes(a);
    expect(boxes).toHaveLength(1);
    expect(boxes[0].map(Math.round)).toEqual([0, 0, 842, 595]);
    expect(boxes[0][2]).toBeCloseTo((297 / 25.4) * 72, 1);
    expect(boxes[0][3]).toBeCloseTo((210 / 25.4) * 72, 1);
    expect(a.toString('latin1')).toContain('(D:20261127000000Z)');
    expect(a.toString('latin1')).toMatch(/\/FontFile2/);
    const c = await pagesToPdf([page], { creationDate: new Date('2026-11-28T00:00:00Z') });
    expect(c.equals(a)).toBe(false);
  });

  it('draws vectors, not an image: the content stream has paths and no image XObject', async () => {
    const { page } = composeMapPage(fixture, { ...options, indicator: 'pct_old' });
    const pdf = await pagesToPdf([page], { creationDate: date });
    const text = pdf.toString('latin1');
    expect(text).not.toMatch(/\/Subtype \/Image/);
    const m = /stream\r?\n([\s\S]*?)endstream/.exec(text)!;
    const content = inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    expect((content.match(/ re\b| l\n| l /g) ?? []).length).toBeGreaterThan(20);
    expect(content).toMatch(/\bTJ\b|\bTj\b/);
  });

  it.skipIf(!HAS_POPPLER)('demo A4: text (pdftotext) has title, legend labels, scale bar label and attribution; render matches the legend', async () => {
    const { page, info } = composeMapPage(demo, options);
    const file = path.join(tmp, 'demo.pdf');
    writeFileSync(file, await pagesToPdf([page], { creationDate: date }));
    const info2 = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info2).toMatch(/Page size:\s+841\.89 x 595\.27\d? pts \(A4\)/);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Gebouwd vóór 1946');
    for (const row of info.legend) expect(text).toContain(row.label);
    expect(text).toContain(info.scaleBar.label);
    expect(text).toContain('Demogegevens — synthetisch');
    expect(text).toContain('Toestand gegevens: 31/12/2020');
    expect(text).toContain('Gemaakt op: 27/11/2026');
    expect(text).toContain('DEMO — synthetische gegevens');
    checkRender(pdftoppm(file, 1, 60), page);
  });

  it.skipIf(!HAS_POPPLER)('atlas: one page per block in one PDF, each rendering its legend colours in the map', async () => {
    const { pages } = composeAtlasPages(fixture, { ...options, indicator: 'pct_old', atlasLayer: 'blocks' });
    const file = path.join(tmp, 'atlas.pdf');
    writeFileSync(file, await pagesToPdf(pages, { creationDate: date }));
    expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+6\n/);
    expect(mediaBoxes(readFileSync(file))).toHaveLength(6);
    const r = pdftoppm(file, 2, 60);
    expect(r.width).toBe(Math.round((297 / 25.4) * 60));
    const text = spawnSync('pdftotext', ['-f', '6', '-l', '6', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Blad 6 van 6');
    expect(text).toContain('B1005');
  });
});

describe('pageToPng', () => {
  it('A4 landscape at 300 dpi is exactly 3508 × 2480 px, with the resolution stored (pHYs)', () => {
    const { page } = composeMapPage(fixture, { ...options, indicator: 'pct_old' });
    expect(pagePixels(page, 300)).toEqual({ width: 3508, height: 2480 });
    expect(pagePixels(page, 150)).toEqual({ width: 1754, height: 1240 });
    expect(pagePixels(page, 600)).toEqual({ width: 7016, height: 4961 });
    const png = pageToPng(page, 300);
    expect(png.readUInt32BE(16)).toBe(3508);
    expect(png.readUInt32BE(20)).toBe(2480);
    const phys = png.indexOf('pHYs');
    expect(phys).toBeGreaterThan(0);
    expect(png.readUInt32BE(phys + 4)).toBe(Math.round(300 / 0.0254));
  });

  it('renders with the embedded fonts: legend colours are found in the map, margins stay white', () => {
    const { page } = composeMapPage(demo, options);
    const img = renderPage(page, 60);
    const pixels = img.pixels; // a getter that copies: read it once
    checkRender({ width: img.width, height: img.height, channels: 4, data: pixels }, page);
    // Text is drawn (dark pixels in the title line), so fonts were found without system lookup.
    let dark = 0;
    const pxPerMm = img.width / page.width;
    for (let y = Math.round(10 * pxPerMm); y < Math.round(17 * pxPerMm); y++) for (let x = Math.round(10 * pxPerMm); x < Math.round(80 * pxPerMm); x++) if (pixels[(y * img.width + x) * 4] < 100) dark++;
    expect(dark).toBeGreaterThan(50);
  });
});

describe('writePageSvg', () => {
  it('writes the same SVG as pageToSvg, sized in mm', () => {
    const { page } = composeMapPage(fixture, { ...options, indicator: 'pct_old' });
    const file = path.join(tmp, 'page.svg');
    writePageSvg(page, file);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toBe(pageToSvg(page));
    expect(svg).toMatch(/width="297mm" height="210mm" viewBox="0 0 297 210"/);
  });
});
