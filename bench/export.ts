/**
 * `npx tsx bench/export.ts`: map-page export of 1,000 synthetic street blocks (seeded, irregular
 * 12-vertex polygons on a 40 × 25 grid in Mechelen, 5 % without data) to PDF, SVG and PNG at 300 dpi,
 * and an atlas PDF of 50 of them. Target (issue "Print-grade map export"): 1,000 blocks to PDF < 5 s,
 * composition included. Prints a table and exits 1 when the PDF target is missed.
 */
import { performance } from 'node:perf_hooks';
import type { Feature, Polygon } from 'geojson';
import { composeAtlasPages } from '../src/core/page/compose-atlas-pages.ts';
import { composeMapPage } from '../src/core/page/compose-map-page.ts';
import type { MapPageData, MapPageOptions } from '../src/core/page/page-input.ts';
import { pageToSvg } from '../src/core/page/page-to-svg.ts';
import { seededRandom } from '../src/core/random/seeded-random.ts';
import { pagesToPdf } from '../src/io/page/write-page-pdf.ts';
import { pageToPng } from '../src/io/page/write-page-png.ts';

/** 1,000 blocks (by default) around Mechelen with a percentage indicator; seeded, so every run draws the same map. */
export function syntheticAtlas(count = 1000, seed = 7): MapPageData {
  const rand = seededRandom(seed);
  const cols = 40;
  const rows = Math.ceil(count / cols);
  const lon0 = 4.46;
  const lat0 = 51.01;
  const mLon = 111_320 * Math.cos((51.02 * Math.PI) / 180);
  const mLat = 111_320;
  const size = 70;
  const gap = 12;
  const blocks: Feature<Polygon>[] = [];
  for (let i = 0; i < count; i++) {
    const cx = (i % cols) * (size + gap) + size / 2;
    const cy = Math.floor(i / cols) * (size + gap) + size / 2;
    const ring: number[][] = [];
    for (let k = 0; k < 12; k++) {
      const a = (k / 12) * 2 * Math.PI;
      const r = (size / 2) * (0.8 + 0.2 * rand()) * Math.SQRT2 * Math.min(1 / Math.abs(Math.cos(a) || 1e-9), 1 / Math.abs(Math.sin(a) || 1e-9)) * 0.7;
      ring.push([+(lon0 + (cx + r * Math.cos(a)) / mLon).toFixed(6), +(lat0 + (cy + r * Math.sin(a)) / mLat).toFixed(6)]);
    }
    ring.push(ring[0]);
    const value = rand() < 0.05 ? null : Math.round(rand() * 1000) / 10;
    blocks.push({ type: 'Feature', properties: { block_id: `B${100000 + i}`, pct_old: value, inhabitants: Math.round(rand() * 120) }, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  const w = lon0, s = lat0, e = lon0 + (cols * (size + gap)) / mLon, n = lat0 + (rows * (size + gap)) / mLat;
  const L = (nl: string, en: string) => ({ nl, en });
  return {
    manifest: {
      atlas: { title: L('Synthetische stad (bench)', 'Synthetic city (bench)'), demo: true, bbox: [w, s, e, n], data_date: '2020-12-31' },
      attribution: [L('Synthetisch, seed 7', 'Synthetic, seed 7')],
      layers: [
        {
          id: 'blocks',
          kind: 'blocks',
          geometry: 'Polygon',
          label: L('Bouwblokken', 'Street blocks'),
          fields: [
            { name: 'block_id', type: 'string', theme: 'id', unit: '', label: L('Bouwblok', 'Street block') },
            { name: 'pct_old', type: 'number', theme: 'housing', unit: '%', label: L('Gebouwd vóór 1946', 'Built before 1946') },
            { name: 'inhabitants', type: 'number', theme: 'tenure', unit: L('inwoners', 'inhabitants'), label: L('Inwoners', 'Inhabitants') },
          ],
        },
        { id: 'area', kind: 'context', geometry: 'Polygon', label: L('Studiegebied', 'Study area') },
      ],
    },
    layers: { blocks, area: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } }] },
  };
}

async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push((performance.now() - t0) / 1000);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function main(): Promise<number> {
  const data = syntheticAtlas(1000);
  const options: MapPageOptions = { layer: 'blocks', indicator: 'pct_old', createdOn: '2026-11-27', classes: 5, method: 'jenks' };
  const date = new Date('2026-11-27T00:00:00Z');
  await pagesToPdf([composeMapPage(syntheticAtlas(10), options).page], { creationDate: date }); // warm-up: fonts, pdfkit
  const rows: Array<[string, number, string]> = [];
  const compose = await median(5, () => composeMapPage(data, options));
  rows.push(['compose page (1,000 blocks, Jenks)', compose, '']);
  const pdf = await median(5, async () => pagesToPdf([composeMapPage(data, options).page], { creationDate: date }));
  const pdfBytes = (await pagesToPdf([composeMapPage(data, options).page], { creationDate: date })).length;
  rows.push(['PDF, compose + write', pdf, `< 5 s ${pdf < 5 ? 'OK' : 'MISSED'}; ${(pdfBytes / 1024).toFixed(0)} KiB`]);
  const svg = await median(5, () => pageToSvg(composeMapPage(data, options).page));
  rows.push(['SVG, compose + serialise', svg, `${(pageToSvg(composeMapPage(data, options).page).length / 1024).toFixed(0)} KiB`]);
  const png = await median(3, () => pageToPng(composeMapPage(data, options).page, 300));
  rows.push(['PNG 300 dpi (3508 × 2480), compose + render', png, '']);
  const atlasData = syntheticAtlas(50);
  const atlas = await median(3, async () => pagesToPdf(composeAtlasPages(atlasData, { ...options, atlasLayer: 'blocks' }).pages, { creationDate: date }));
  rows.push(['atlas PDF, 50 pages', atlas, `${((atlas / 50) * 1000).toFixed(0)} ms per page`]);
  console.log('\n| export case | seconds (median) | note |');
  console.log('|---|---|---|');
  for (const [name, s, note] of rows) console.log(`| ${name} | ${s.toFixed(2)} | ${note} |`);
  return pdf < 5 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
