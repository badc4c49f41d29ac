/**
 * `wijkatlas generate-demo [--out DIR] [--seed N]`: writes the synthetic demo inputs of Arsenaal
 * (data/arsenaal-demo/) — ordinary source files that go through the same readers and joins as a real
 * city's data. Deterministic: the same seed gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, LineString, Polygon } from 'geojson';
import { deriveStreetBlocks } from '../src/core/blocks/derive-street-blocks.ts';
import { reprojectFeatures } from '../src/io/reproject.ts';
import { readVectorSource } from '../src/io/read-vector-source.ts';
import { stringifyFeatureCollection } from '../src/io/write-geojson.ts';
import { UserError } from '../src/core/user-error.ts';
import { CROSS_STREETS, PARALLEL_STREETS, antwerpU, demoArea, demoRailways, demoStreets, leuvenV, toLocal, type XY } from './demo/arsenaal-geography.ts';
import {
  CALIBRATION,
  buildingFeatures,
  householdsCsv,
  incidentsCsv,
  synthesiseBuildings,
  synthesiseHouseholds,
  synthesiseLandCover,
  synthesiseSurvey,
  type DemoBlock,
} from './demo/synthesise-records.ts';

export const GENERATE_DEMO_HELP = `Usage: wijkatlas generate-demo [--out DIR] [--seed N]

Writes the synthetic demo atlas inputs of Arsenaal (Mechelen).
  --out DIR   output folder (default: data/arsenaal-demo)
  --seed N    random seed (default: 2020)
  -h, --help  show this help`;

const L72 = 'EPSG:31370';

/** GRB-style export: a legacy `crs` member naming Lambert 72 (GeoJSON 2008), coordinates in metres (cm precision). */
function projectedGeojson(features: Feature[], crs: string): string {
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }));
  const crsMember = JSON.stringify({ type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${crs.split(':')[1]}` } });
  return `{"type":"FeatureCollection","crs":${crsMember},"features":[\n${lines.join(',\n')}\n]}\n`;
}

export async function generateDemo(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) return (console.log(GENERATE_DEMO_HELP), 0);
  const out = path.resolve(values.out ?? 'data/arsenaal-demo');
  const seed = values.seed === undefined ? 2020 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UserError(`--seed: expected an integer, found "${values.seed}".`);
  mkdirSync(out, { recursive: true });
  const write = (name: string, text: string) => writeFileSync(path.join(out, name), text);

  // 1. The network and the study area, written in WGS84 like an OpenStreetMap extract.
  const wgs = (fs: Feature[]) => stringifyFeatureCollection(reprojectFeatures(fs, L72, 'EPSG:4326'));
  write('streets.geojson', wgs(demoStreets()));
  write('railways.geojson', wgs(demoRailways()));
  write('area.geojson', wgs([demoArea()]));

  // 2. Blocks exactly as the build will derive them, from the files just written (rounded to 6 decimals).
  const read = async (name: string) => reprojectFeatures((await readVectorSource({ path: path.join(out, name) })).features, 'EPSG:4326', L72);
  const streets = (await read('streets.geojson')) as Feature<LineString>[];
  const rail = (await read('railways.geojson')) as Feature<LineString>[];
  const area = (await read('area.geojson'))[0] as Feature<Polygon>;
  const { blocks } = deriveStreetBlocks({ streets, rail, area });
  const demoBlocks: DemoBlock[] = blocks.map((b) => {
    const ring = (b.geometry.type === 'Polygon' ? b.geometry.coordinates[0] : b.geometry.coordinates[0][0]) as XY[];
    const c = ring.slice(0, -1).reduce<XY>((s, p) => [s[0] + p[0] / (ring.length - 1), s[1] + p[1] / (ring.length - 1)], [0, 0]);
    return { id: String(b.properties.block_id), geometry: b.geometry, type: String(b.properties.block_type ?? 'block'), local: toLocal(c) };
  });

  // 3. Records.
  const buildings = synthesiseBuildings(demoBlocks, seed + 1);
  write('buildings.geojson', projectedGeojson(buildingFeatures(buildings), L72));
  const households = synthesiseHouseholds(buildings, seed + 2);
  write('households.csv', householdsCsv(households));
  const streetSegs: Array<[XY, XY]> = [
    ...PARALLEL_STREETS.map(([v]) => [[antwerpU(v) + 10, v], [420, v]] as [XY, XY]),
    ...CROSS_STREETS.map(([u]) => [[u, 10], [u, leuvenV(u) - 10]] as [XY, XY]),
  ];
  const inc = incidentsCsv(households, streetSegs, seed + 3);
  write('incidents.csv', inc.csv);
  write('landcover.geojson', projectedGeojson(synthesiseLandCover(demoBlocks, area.geometry, seed + 4), L72));
  write('survey.geojson', stringifyFeatureCollection(reprojectFeatures(synthesiseSurvey(households, seed + 5), L72, 'EPSG:4326')));
  console.error(
    `generate-demo: ${blocks.length} blocks, ${buildings.length} buildings (${CALIBRATION.dwellings} dwellings), ${households.length} households, ` +
      `${inc.valid} incidents (+${inc.extra} to be rejected), ${CALIBRATION.surveyRespondents} survey respondents -> ${path.relative(process.cwd(), out) || '.'}`,
  );
  return 0;
}
