/**
 * Seeded synthetic data for the land-cover overlay benchmark: a jittered grid of street blocks and
 * random land-cover polygons over them (planar metres, around Mechelen in Lambert 72).
 */
import type { Feature, Polygon } from 'geojson';
import { seededRandom } from '../src/core/random/seeded-random.ts';
import type { BlockFeature } from '../src/core/types.ts';

export function syntheticOverlay(nBlocks: number, nCover: number, seed = 1): { blocks: BlockFeature[]; cover: Feature<Polygon, { class: string }>[] } {
  const rand = seededRandom(seed);
  const side = Math.ceil(Math.sqrt(nBlocks));
  const cell = 100;
  const street = 12;
  const x0 = 155000;
  const y0 = 185000;
  const blocks: BlockFeature[] = [];
  for (let i = 0; i < nBlocks; i++) {
    const cx = x0 + (i % side) * cell;
    const cy = y0 + Math.floor(i / side) * cell;
    const j = () => (rand() - 0.5) * 6;
    const ring = [
      [cx + street / 2 + j(), cy + street / 2 + j()],
      [cx + cell - street / 2 + j(), cy + street / 2 + j()],
      [cx + cell - street / 2 + j(), cy + cell - street / 2 + j()],
      [cx + street / 2 + j(), cy + cell - street / 2 + j()],
    ];
    const area = Math.abs(ring.reduce((s, p, k) => s + p[0] * ring[(k + 1) % 4][1] - ring[(k + 1) % 4][0] * p[1], 0)) / 2;
    blocks.push({ type: 'Feature', properties: { block_id: `B${i}`, area_m2: area }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } });
  }
  const classes = ['paved', 'green', 'building', 'water'];
  const cover: Feature<Polygon, { class: string }>[] = [];
  const extent = side * cell;
  for (let i = 0; i < nCover; i++) {
    const x = x0 + rand() * extent;
    const y = y0 + Math.floor(rand() * Math.ceil(nBlocks / side)) * cell + rand() * cell;
    const w = 5 + rand() * 35;
    const h = 5 + rand() * 35;
    const n = 5 + Math.floor(rand() * 4);
    const ring = Array.from({ length: n }, (_, k) => {
      const a = (2 * Math.PI * k) / n;
      const r = 0.6 + rand() * 0.4;
      return [Math.round((x + Math.cos(a) * w * r) * 100) / 100, Math.round((y + Math.sin(a) * h * r) * 100) / 100];
    });
    cover.push({ type: 'Feature', properties: { class: classes[Math.floor(rand() * 4)] }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } });
  }
  return { blocks, cover };
}
