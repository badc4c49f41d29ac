/**
 * `wijkatlas blocks`: street blocks from street centre lines, railways, optional waterways and a
 * study-area polygon, written as RFC 7946 GeoJSON (WGS84) with a report of what was dropped or merged.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { deriveStreetBlocks } from '../src/core/blocks/derive-street-blocks.ts';
import { UserError } from '../src/core/user-error.ts';
import { reprojectFeatures } from '../src/io/reproject.ts';
import { stringifyFeatureCollection } from '../src/io/write-geojson.ts';
import { loadSourceWithCrsFlag, type LoadedSource } from './lib/load-source.ts';

export const BLOCKS_HELP = `Usage: wijkatlas blocks --streets F --rail F [--water F] --area F [--area-where "FIELD=VALUE"] --out F.geojson

Derives street blocks: the faces of the street/railway/waterway network inside the study area,
with slivers merged or dropped and street space removed (rules: docs/blocks.md).

  --streets F        street centre lines (GeoJSON; OSM 'highway' class sets the street half-width)
  --rail F           railway lines (GeoJSON; may be an empty collection)
  --water F          waterway lines (optional)
  --area F           study-area polygon(s)
  --area-where F=V   keep only the area feature(s) whose property F equals V, e.g. "naam=Arsenaal (Mechelen)"
  --crs CRS          CRS of the inputs when the files do not say (default: EPSG:4326)
  --streets-crs CRS  CRS of the streets file alone, over --crs (also --rail-crs, --water-crs, --area-crs),
                     e.g. OSM streets in EPSG:4326 with the city's area in EPSG:31370
  --working-crs CRS  projected CRS in metres for the geometry work (default: EPSG:31370, Belgian Lambert 72)
  --out F.geojson    output blocks (RFC 7946, WGS84)
  --report F.json    also write the full report (default: <out without .geojson>.report.json)
  --quiet            no progress output
  -h, --help         show this help`;

const lineFeatures = (s: LoadedSource) => s.features.filter((f) => f.geometry && /LineString$/.test(f.geometry.type)) as Feature<LineString | MultiLineString>[];

export async function blocksCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      streets: { type: 'string' },
      rail: { type: 'string' },
      water: { type: 'string' },
      area: { type: 'string' },
      'area-where': { type: 'string' },
      crs: { type: 'string' },
      'streets-crs': { type: 'string' },
      'rail-crs': { type: 'string' },
      'water-crs': { type: 'string' },
      'area-crs': { type: 'string' },
      'working-crs': { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return (console.log(BLOCKS_HELP), 0);
  for (const flag of ['streets', 'rail', 'area', 'out'] as const) {
    if (!values[flag]) throw new UserError(`missing --${flag}: expected a file path.`, "run 'wijkatlas blocks --help'");
  }
  const log = values.quiet ? () => {} : (l: string) => console.error(l);
  const t0 = performance.now();
  const opts = { baseDir: process.cwd(), workingCrs: values['working-crs'] ?? 'EPSG:31370', onInvalid: 'error' as const, keepAll: true };
  const crs = values.crs;
  const streets = await loadSourceWithCrsFlag('streets', { path: values.streets!, crs: values['streets-crs'] ?? crs }, opts, '--streets-crs');
  const rail = await loadSourceWithCrsFlag('rail', { path: values.rail!, crs: values['rail-crs'] ?? crs }, opts, '--rail-crs');
  const water = values.water ? await loadSourceWithCrsFlag('water', { path: values.water, crs: values['water-crs'] ?? crs }, opts, '--water-crs') : null;
  const area = await loadSourceWithCrsFlag('area', { path: values.area!, crs: values['area-crs'] ?? crs, where: values['area-where'] }, opts, '--area-crs');
  const areas = area.features.filter((f) => f.geometry && /Polygon$/.test(f.geometry.type)) as Feature<Polygon | MultiPolygon>[];
  if (areas.length === 0) throw new UserError(`${area.file}: expected a Polygon or MultiPolygon study area, found none.`);
  if (areas.length > 1 && !values['area-where']) {
    throw new UserError(`${area.file}: holds ${areas.length} polygons; pick the study area with --area-where "FIELD=VALUE".`);
  }
  const areaFeature: Feature<Polygon | MultiPolygon> =
    areas.length === 1
      ? areas[0]
      : { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: areas.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)) } };
  log(`blocks: read ${streets.features.length} streets, ${rail.features.length} railway lines${water ? `, ${water.features.length} waterways` : ''} (${((performance.now() - t0) / 1000).toFixed(2)} s)`);
  const { blocks, report } = deriveStreetBlocks({ streets: lineFeatures(streets), rail: lineFeatures(rail), water: water ? lineFeatures(water) : undefined, area: areaFeature });
  const out = path.resolve(values.out!);
  writeFileSync(out, stringifyFeatureCollection(reprojectFeatures(blocks, opts.workingCrs, 'EPSG:4326')));
  const reportFile = path.resolve(values.report ?? out.replace(/\.geo\.?json$|\.json$/i, '') + '.report.json');
  writeFileSync(reportFile, JSON.stringify(report, null, 1) + '\n');
  const reasons: Record<string, number> = {};
  for (const d of report.dropped) reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
  log(
    `blocks: ${blocks.length} blocks from ${report.facesFound} faces; merged ${report.merged.length} groups; dropped ${report.dropped.length}` +
      (report.dropped.length ? ` (${Object.entries(reasons).map(([k, v]) => `${v} ${k}`).join(', ')})` : '') +
      ` -> ${path.relative(process.cwd(), out)} (${((performance.now() - t0) / 1000).toFixed(2)} s); report: ${path.relative(process.cwd(), reportFile)}`,
  );
  return 0;
}
