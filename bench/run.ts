/**
 * `npm run bench`: performance targets of Wijkatlas, measured against the peers a user would pick
 * instead, in the same run on the same machine. Not a test: it prints a table (and writes
 * tmp/bench.json). Real-data cases need ../shared/realdata and skip with a message without it.
 *
 * Targets (issue "Foundation"): demo build < 5 s; blocks for the whole city of Mechelen < 10 s.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { deriveStreetBlocks } from '../src/core/blocks/derive-street-blocks.ts';
import { buildAtlas, DEFAULT_CONFIG } from '../scripts/build.ts';
import { loadSource } from '../scripts/lib/load-source.ts';
import { joinLandCover } from '../src/core/join/join-land-cover.ts';
import { syntheticOverlay } from './synthetic-overlay.ts';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '../shared/realdata/mechelen');
const rows: Array<{ case: string; ours_s: number; target_s?: number; peer?: string; peer_s?: number; ratio?: number; detail?: string }> = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time<T>(runs: number, fn: () => Promise<T> | T): Promise<{ s: number; all: number[]; last: T; allResults: T[] }> {
  const all: number[] = [];
  const allResults: T[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    allResults.push(await fn());
    all.push((performance.now() - t) / 1000);
  }
  return { s: median(all), all, last: allResults[allResults.length - 1], allResults };
}

function geosPeer(args: string[]): { total_s: number; geometry_s: number; faces: number; blocks: number; engine: string } | null {
  const py = '/usr/bin/python3';
  const probe = spawnSync(py, ['-c', 'import shapely, pyproj'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.error('  peer GEOS skipped: install it with `apt-get install -y python3-shapely python3-pyproj`');
    return null;
  }
  const r = spawnSync(py, ['-W', 'ignore', path.join(root, 'bench/peers/blocks_geos.py'), ...args], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) {
    console.error(`  peer GEOS failed: ${r.stderr.trim().split('\n').pop()}`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function blocksCase(name: string, area: string, where: string | undefined, runs: number, target?: number) {
  const streetsFile = path.join(shared, 'osm-roads-2017.geojson');
  const railFile = path.join(shared, 'osm-railways-2015.geojson');
  const o = { baseDir: root, workingCrs: 'EPSG:31370', onInvalid: 'error' as const, keepAll: true };
  const run = async () => {
    const streets = await loadSource('streets', { path: streetsFile }, o);
    const rail = await loadSource('rail', { path: railFile }, o);
    const a = await loadSource('area', { path: area, where }, o);
    const lines = (s: typeof streets) => s.features as Feature<LineString | MultiLineString>[];
    const t = performance.now();
    const res = deriveStreetBlocks({ streets: lines(streets), rail: lines(rail), area: a.features[0] as Feature<Polygon | MultiPolygon> });
    return { res, derive: (performance.now() - t) / 1000 };
  };
  const m = await time(runs, run);
  const deriveMedian = median(m.allResults.map((r) => r.derive));
  const peer = geosPeer([streetsFile, railFile, area, ...(where ? [where] : [])]);
  rows.push({
    case: `${name}: read + reproject + derive blocks`,
    ours_s: m.s,
    target_s: target,
    peer: peer?.engine,
    peer_s: peer?.total_s,
    ratio: peer ? peer.total_s / m.s : undefined,
    detail: `${m.last.res.blocks.length} blocks from ${m.last.res.report.facesFound} faces (GEOS: ${peer?.faces ?? '–'} faces); derive only ${deriveMedian.toFixed(2)} s vs GEOS geometry ${peer?.geometry_s.toFixed(2) ?? '–'} s; runs ${m.all.map((x) => x.toFixed(2)).join(', ')}`,
  });
}

/** Land cover per block by true intersection area: our clipper2 overlay against GEOS on the same seeded data. */
async function overlayCase(nBlocks: number, nCover: number) {
  const { blocks, cover } = syntheticOverlay(nBlocks, nCover, 7);
  const m = await time(3, () => joinLandCover(blocks, cover));
  let ours = 0;
  for (const v of m.last.values.values()) ours += ['paved_m2', 'green_m2', 'built_m2', 'water_m2'].reduce((s, k) => s + ((v[k] as number) ?? 0), 0);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-overlay-'));
  writeFileSync(path.join(dir, 'blocks.geojson'), JSON.stringify({ type: 'FeatureCollection', features: blocks }));
  writeFileSync(path.join(dir, 'cover.geojson'), JSON.stringify({ type: 'FeatureCollection', features: cover }));
  const r = spawnSync('/usr/bin/python3', ['-W', 'ignore', path.join(root, 'bench/peers/overlay_geos.py'), path.join(dir, 'blocks.geojson'), path.join(dir, 'cover.geojson')], { encoding: 'utf8', timeout: 600_000 });
  const peer = r.status === 0 ? (JSON.parse(r.stdout.trim()) as { engine: string; seconds: number; total_area: number }) : null;
  if (!peer) console.error('  peer GEOS overlay skipped: apt-get install -y python3-shapely');
  rows.push({
    case: `land-cover overlay, ${nBlocks.toLocaleString('en')} blocks × ${nCover.toLocaleString('en')} polygons (synthetic, seeded)`,
    ours_s: m.s,
    peer: peer?.engine,
    peer_s: peer?.seconds,
    ratio: peer ? peer.seconds / m.s : undefined,
    detail: `total intersected area ${Math.round(ours)} m² vs GEOS ${peer ? Math.round(peer.total_area) : '–'} m²; runs ${m.all.map((x) => x.toFixed(2)).join(', ')}`,
  });
}

async function main() {
  const only = process.argv.slice(2);
  if (only.length > 0 && !only.includes('foundation')) return runSuites(only);
  console.error(`wijkatlas bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  const out = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-bench-'));
  const demo = await time(5, () => buildAtlas(path.join(root, DEFAULT_CONFIG), out));
  const cold = await time(3, () => spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), 'build', '--quiet', '--out', out], { cwd: root }));
  rows.push({ case: 'demo atlas build, cold CLI `wijkatlas build` (Node + tsx start included)', ours_s: cold.s, target_s: 5, detail: `runs ${cold.all.map((x) => x.toFixed(2)).join(', ')}` });
  rows.push({ case: 'demo atlas build (Arsenaal, all joins, write layers), in-process', ours_s: demo.s, target_s: 5, detail: `runs ${demo.all.map((x) => x.toFixed(2)).join(', ')}` });

  if (existsSync(shared)) {
    await blocksCase('Arsenaal blocks (real OSM)', path.join(shared, 'wijken-2024-wgs84.geojson'), 'naam=Arsenaal (Mechelen)', 3);
    await blocksCase('Mechelen city blocks (10,600 edges)', path.join(shared, 'gemeente-2024-wgs84.geojson'), undefined, 3, 10);
  } else {
    console.error(`  real-data cases skipped: ${shared} is absent`);
  }

  await overlayCase(2000, 50000);

  console.log('\n| case | Wijkatlas (s, median) | target | peer | peer (s) | peer / Wijkatlas | detail |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const ok = r.target_s === undefined ? '' : r.ours_s < r.target_s ? `< ${r.target_s} s ✓` : `< ${r.target_s} s ✗`;
    console.log(`| ${r.case} | ${r.ours_s.toFixed(2)} | ${ok} | ${r.peer ?? '–'} | ${r.peer_s?.toFixed(2) ?? '–'} | ${r.ratio ? r.ratio.toFixed(2) + '×' : '–'} | ${r.detail ?? ''} |`);
  }
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  writeFileSync(path.join(root, 'tmp/bench.json'), JSON.stringify(rows, null, 2));

  await runSuites(process.argv.slice(2));
}

/**
 * The other issues' benchmarks, each its own script (also runnable alone with `npx tsx bench/NAME.ts`).
 * `npm run bench -- stats export` runs a subset; `npm run bench -- foundation` only the cases above.
 */
async function runSuites(wanted: string[]): Promise<void> {
  for (const suite of ['stats', 'orienteering', 'export', 'app']) {
    if (wanted.length > 0 && !wanted.includes(suite)) continue;
    console.log(`\n## bench/${suite}.ts\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, `bench/${suite}.ts`)], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) console.error(`  bench/${suite}.ts exited with ${r.status}`);
  }
}

await main();
