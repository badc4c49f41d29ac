/**
 * Writes test/fixtures/app-layers/incident-density.json for the browser test: 120 seeded incidents
 * inside the fixture blocks (more in the A blocks, Friday and Saturday evenings more often), smoothed
 * by the same code as `wijkatlas build`. Run `npx tsx test/app/make-fixture-density.ts`;
 * test/app/fixture-density.test.ts checks that the committed file is what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { pointInAreal } from '../../src/core/geometry/point-in-areal.ts';
import { seededRandom } from '../../src/core/random/seeded-random.ts';
import { incidentDensityLayer, type IncidentDensityLayer } from '../../src/core/stats/incident-density-layer.ts';
import { reprojectFeatures } from '../../src/io/reproject.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/app-layers');

/** The fixture layer, computed (not read). */
export function makeIncidentDensity(): IncidentDensityLayer {
  const blocks = JSON.parse(readFileSync(path.join(dir, 'blocks.geojson'), 'utf8')) as FeatureCollection<Polygon>;
  const lambert = reprojectFeatures(blocks.features, 'EPSG:4326', 'EPSG:31370') as Feature<Polygon>[];
  const rand = seededRandom(2020);
  const placed: { x: number; y: number; time: string; block: string }[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  let guard = 0;
  while (placed.length < 120 && guard++ < 100_000) {
    const b = lambert[rand() < 0.6 ? Math.floor(rand() * 4) : Math.floor(rand() * lambert.length)];
    const ring = b.geometry.coordinates[0];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const x = Math.min(...xs) + rand() * (Math.max(...xs) - Math.min(...xs));
    const y = Math.min(...ys) + rand() * (Math.max(...ys) - Math.min(...ys));
    if (pointInAreal([x, y], b.geometry) !== 'inside') continue;
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const evening = rand() < 0.5;
    const hour = evening ? 19 + Math.floor(rand() * 5) : Math.floor(rand() * 24);
    // 2020-05-01 is a Friday: evenings fall on Fridays and Saturdays
    const date = evening ? new Date(Date.UTC(2020, 4, 1 + 7 * Math.floor(rand() * 30) + (rand() < 0.5 ? 0 : 1))).toISOString().slice(0, 10) : `2020-${pad(month)}-${pad(day)}`;
    placed.push({ x, y, time: `${date}T${pad(hour)}:${pad(Math.floor(rand() * 60))}:00`, block: String(b.properties?.block_id) });
  }
  const xs = lambert.flatMap((f) => f.geometry.coordinates[0].map((p) => p[0]));
  const ys = lambert.flatMap((f) => f.geometry.coordinates[0].map((p) => p[1]));
  const layer = incidentDensityLayer(placed, { crs: 'EPSG:31370', extent: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], bandwidth: 60, cellSize: 5, binSize: 5 });
  const { x0, y0, cell_m: c, width, height } = layer.grid;
  const pt = (x: number, y: number): Feature<Point> => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } });
  const corners = reprojectFeatures([pt(x0, y0 - height * c), pt(x0, y0), pt(x0 + width * c, y0), pt(x0 + width * c, y0 - height * c)], 'EPSG:31370', 'EPSG:4326');
  return { ...layer, corners_wgs84: corners.map((f) => (f.geometry as Point).coordinates.map((v) => Math.round(v * 1e7) / 1e7) as [number, number]) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(path.join(dir, 'incident-density.json'), JSON.stringify(makeIncidentDensity()) + '\n');
}
