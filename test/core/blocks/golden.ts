/**
 * Golden-fixture helpers for the street-block tests. A fixture test/fixtures/blocks/<case>.geojson
 * holds the inputs (properties.role = street | rail | water | area) and the expected blocks
 * (role = block), styled so the file can be opened on a map, plus the expected report as the
 * foreign member `report`. Regenerate on purpose only: `REGEN=1 npx vitest run test/core/blocks`,
 * then review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, LineString, MultiLineString, Polygon, MultiPolygon, BlockFeature } from '../../../src/core/types.ts';
import type { BlocksReport } from '../../../src/core/blocks/block-types.ts';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/blocks');
export const REGEN = !!process.env.REGEN;

type AnyFeature = Feature<LineString | MultiLineString | Polygon | MultiPolygon>;
export interface Fixture {
  file: string;
  description: string;
  features: AnyFeature[];
  report?: BlocksReport;
}

export function readFixture(name: string): Fixture {
  const file = path.join(FIXTURES, `${name}.geojson`);
  return { file, ...JSON.parse(fs.readFileSync(file, 'utf8')) };
}

export function inputsOf(fx: Fixture) {
  const by = (role: string) => fx.features.filter((f) => f.properties?.role === role);
  const area = by('area')[0] as Feature<Polygon | MultiPolygon>;
  return {
    streets: by('street') as Feature<LineString>[],
    rail: by('rail') as Feature<LineString>[],
    water: by('water') as Feature<LineString>[],
    area,
  };
}

/** Expected blocks without the fixture's role/style properties. */
export function expectedBlocks(fx: Fixture): BlockFeature[] {
  return fx.features
    .filter((f) => f.properties?.role === 'block')
    .map((f) => {
      const { block_id, area_m2, block_type } = f.properties as Record<string, string | number>;
      return { type: 'Feature', properties: { block_id, area_m2, block_type }, geometry: f.geometry } as BlockFeature;
    });
}

/** Rounds every number to 3 decimals so tiny float differences between platforms do not matter. */
export function round3<T>(x: T): T {
  return JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)));
}

/** Rewrites the fixture with its inputs and the given blocks (styled) and report. */
export function writeFixture(fx: Fixture, blocks: BlockFeature[], report: BlocksReport): void {
  const inputs = fx.features.filter((f) => f.properties?.role !== 'block');
  const styled = blocks.map((b) => ({
    ...b,
    properties: { role: 'block', ...b.properties, fill: b.properties.block_type === 'rail-land' ? '#999999' : '#f2c14e', 'fill-opacity': 0.6, stroke: '#555555' },
  }));
  const out = { type: 'FeatureCollection', description: fx.description, report, features: [...inputs, ...styled] };
  fs.writeFileSync(fx.file, JSON.stringify(out, null, 1) + '\n');
}
