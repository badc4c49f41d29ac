/**
 * Performance of the atlas app (`npx tsx bench/app.ts`; prints a table and writes tmp/bench-app.json).
 *
 * 1. Production bundle: `vite build` against layers/; gzip size of the JS the page loads up front
 *    (entry + modulepreload) and of the lazy chunks, and the JS the browser actually fetched before the
 *    first map.
 * 2. Cold load of the demo atlas to the first complete map in headless Chromium (fresh context, so no
 *    cache), median of 5: performance.now() at deck.gl's first drawn frame.
 * 3. Re-colour 20,000 synthetic blocks when the indicator changes: the core classification + colour
 *    array in Node (every method), and in the browser (the same work inside the app, and the whole
 *    change: select → React → deck.gl attribute update → frame drawn).
 *
 * Targets (issue "The map application"): first map < 2 s, initial JS < 400 kB gzip, re-colour < 100 ms.
 * WebGL runs on SwiftShader (CPU) in headless Chromium, so browser timings are pessimistic.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection } from 'geojson';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { CLASSIFICATION_METHODS, type ClassificationMethod } from '../src/core/classify/index.ts';
import { blockClasses, blockColors, DEFAULT_STYLE } from '../src/app/state/block-style.ts';
import { createServer } from '../scripts/static-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const N_SYNTH = 20_000;
const rows: { case: string; value: number; unit: string; target?: number; detail?: string }[] = [];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** mulberry32: a seeded generator so runs compare. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 20,000 square blocks on a 200 × 100 grid near Mechelen, with two skewed indicators (5 % no data). */
function syntheticBlocks(): FeatureCollection {
  const rand = rng(2020);
  const features: Feature[] = [];
  const d = 0.0004;
  for (let i = 0; i < N_SYNTH; i++) {
    const x = 4.45 + (i % 200) * d * 1.6;
    const y = 51.0 + Math.floor(i / 200) * d;
    const gap = d * 0.1;
    features.push({
      type: 'Feature',
      properties: {
        block_id: `S${i}`,
        share_a: rand() < 0.05 ? null : Math.round(rand() ** 2 * 1000) / 10,
        count_b: rand() < 0.05 ? null : Math.round(-Math.log(1 - rand()) * 40),
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + d * 1.6 - gap, y],
            [x + d * 1.6 - gap, y + d - gap],
            [x, y + d - gap],
            [x, y],
          ],
        ],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

function syntheticManifest(fc: FeatureCollection) {
  return {
    schema_version: 1,
    atlas: { id: 'bench-20k', title: { nl: 'Benchmark 20.000 blokken' }, demo: true, bbox: [4.45, 51.0, 4.45 + 200 * 0.0004 * 1.6, 51.0 + 100 * 0.0004] },
    attribution: [{ nl: 'Synthetisch' }],
    default_indicator: 'share_a',
    inputs: [],
    layers: [
      {
        id: 'blocks',
        file: 'blocks.geojson',
        kind: 'blocks',
        geometry: 'Polygon',
        features: fc.features.length,
        label: { nl: 'Bouwblokken' },
        sources: [],
        fields: [
          { name: 'block_id', type: 'string', label: { nl: 'Bouwblok' } },
          { name: 'share_a', type: 'number', theme: 'housing', unit: '%', label: { nl: 'Aandeel A' } },
          { name: 'count_b', type: 'number', theme: 'safety', unit: 'feiten', label: { nl: 'Aantal B' } },
        ],
      },
    ],
  };
}

function nodeRecolour(fc: FeatureCollection) {
  const features = fc.features;
  for (const method of CLASSIFICATION_METHODS.filter((m): m is Exclude<ClassificationMethod, 'manual'> => m !== 'manual')) {
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const field = run % 2 ? 'share_a' : 'count_b';
      const t = performance.now();
      // what the app does on an indicator change: read the values, classify, rank, build the colour array
      const values = features.map((f) => {
        const v = f.properties?.[field];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      });
      const classes = blockClasses(values, field, 'housing', { ...DEFAULT_STYLE, method, classes: 7 });
      blockColors(classes, null);
      times.push(performance.now() - t);
    }
    rows.push({ case: `re-colour ${N_SYNTH} blocks, Node, ${method} (7 classes)`, value: Math.round(median(times.slice(1)) * 10) / 10, unit: 'ms', target: 100 });
  }
}

async function serve(dir: string) {
  const server = createServer({ root: dir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

async function main() {
  if (!existsSync(path.join(root, 'layers/manifest.json'))) throw new Error('bench/app.ts: layers/manifest.json missing; run `npx wijkatlas build` first.');
  const work = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-bench-app-'));
  const dist = path.join(work, 'dist');
  const previous = process.env.WIJKATLAS_LAYERS;
  process.env.WIJKATLAS_LAYERS = path.join(root, 'layers');
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist } });
  } finally {
    if (previous === undefined) delete process.env.WIJKATLAS_LAYERS;
    else process.env.WIJKATLAS_LAYERS = previous;
  }

  // 1. bundle
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  const assets = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  let initialGz = 0;
  let lazyGz = 0;
  const chunks: string[] = [];
  for (const f of assets) {
    const size = gz(path.join(dist, 'assets', f));
    if (initial.has(`assets/${f}`)) initialGz += size;
    else lazyGz += size;
    chunks.push(`${f} ${kB(size)} kB${initial.has(`assets/${f}`) ? ' (initial)' : ''}`);
  }
  rows.push({ case: 'initial JS (entry + modulepreload), gzip -9', value: kB(initialGz), unit: 'kB', target: 400, detail: [...initial].join(', ') });
  rows.push({ case: 'lazy JS chunks, gzip -9', value: kB(lazyGz), unit: 'kB', detail: chunks.join('; ') });

  const fc = syntheticBlocks();
  nodeRecolour(fc);

  if (!existsSync(CHROMIUM)) {
    console.warn(`bench/app.ts: ${CHROMIUM} not found; browser rows skipped (apt-get install -y chromium).`);
  } else {
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      // 2. cold load of the demo atlas
      const demo = await serve(dist);
      console.log('bench/app.ts: 5 cold loads of the demo atlas…');
      const loads: number[] = [];
      const dataAt: number[] = [];
      let fetchedJs = 0;
      for (let run = 0; run < 5; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const js = new Set<string>();
        page.on('response', (r) => {
          if (r.url().endsWith('.js')) js.add(new URL(r.url()).pathname);
        });
        await page.goto(demo.url);
        await page.waitForFunction(() => window.__wijkatlasFirstMapMs !== undefined, undefined, { timeout: 60_000 });
        loads.push(await page.evaluate(() => window.__wijkatlasFirstMapMs as number));
        dataAt.push(await page.evaluate(() => window.__wijkatlasTimings?.atlasLoadedAt ?? NaN));
        if (run === 0) fetchedJs = [...js].reduce((sum, p) => sum + gz(path.join(dist, p.replace(/^\//, ''))), 0);
        await context.close();
      }
      demo.server.close();
      rows.push({ case: 'cold load demo atlas → first complete map (median of 5)', value: Math.round(median(loads)), unit: 'ms', target: 2000, detail: `runs ${loads.map(Math.round).join(', ')} ms; atlas data in memory at ${Math.round(median(dataAt))} ms (median), the rest is deck.gl start-up and shader compilation on SwiftShader` });
      rows.push({ case: 'JS fetched before the first map, gzip -9', value: kB(fetchedJs), unit: 'kB', target: 400 });

      // 3. re-colour 20,000 blocks in the browser: the same build with synthetic layers
      const synthDist = path.join(work, 'dist-20k');
      cpSync(dist, synthDist, { recursive: true });
      rmSync(path.join(synthDist, 'layers'), { recursive: true, force: true });
      mkdirSync(path.join(synthDist, 'layers'));
      writeFileSync(path.join(synthDist, 'layers/blocks.geojson'), JSON.stringify(fc));
      writeFileSync(path.join(synthDist, 'layers/manifest.json'), JSON.stringify(syntheticManifest(fc)));
      const synth = await serve(synthDist);
      console.log('bench/app.ts: loading 20,000 synthetic blocks in Chromium (SwiftShader; takes a while)…');
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(synth.url);
      await page.waitForFunction(() => window.__wijkatlasReady === true, undefined, { timeout: 120_000 });
      const inApp: number[] = [];
      const whole: number[] = [];
      for (let run = 0; run < 6; run++) {
        const field = run % 2 ? 'share_a' : 'count_b';
        // a string, not a function: tsx would wrap a function's inner closures in its __name helper, unknown in the page
        const ms = (await page.evaluate(`(async () => {
          const select = document.getElementById('indicator-select');
          const start = performance.now();
          select.value = ${JSON.stringify(field)};
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise((resolve) => {
            const check = () => (window.__wijkatlasRenderedIndicator === ${JSON.stringify(field)} ? resolve() : requestAnimationFrame(check));
            check();
          });
          return performance.now() - start;
        })()`)) as number;
        const t = await page.evaluate(() => window.__wijkatlasTimings ?? {});
        whole.push(ms);
        inApp.push((t.classify ?? NaN) + (t.colours ?? NaN));
      }
      synth.server.close();
      rows.push({ case: `re-colour ${N_SYNTH} blocks in the browser: classify + colour array (median of 6)`, value: Math.round(median(inApp) * 10) / 10, unit: 'ms', target: 100 });
      rows.push({
        case: `re-colour ${N_SYNTH} blocks in the browser: select → frame drawn (median of 6)`,
        value: Math.round(median(whole)),
        unit: 'ms',
        target: 100,
        detail: `runs ${whole.map(Math.round).join(', ')} ms (SwiftShader)`,
      });
    } finally {
      await browser.close();
    }
  }
  rmSync(work, { recursive: true, force: true });

  console.log(`Wijkatlas app benchmark — ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString().slice(0, 10)}`);
  for (const r of rows) {
    const verdict = r.target === undefined ? '' : r.value <= r.target ? '  ok' : '  OVER TARGET';
    console.log(`${r.case.padEnd(78)} ${String(r.value).padStart(8)} ${r.unit}${r.target === undefined ? '' : ` (target < ${r.target} ${r.unit})`}${verdict}`);
    if (r.detail) console.log(`    ${r.detail}`);
  }
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  writeFileSync(path.join(root, 'tmp/bench-app.json'), JSON.stringify(rows, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
