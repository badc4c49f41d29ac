/**
 * `wijkatlas build [--config F] [--out DIR]`: reads a declarative atlas config, derives the street
 * blocks, joins every source onto them and writes the layers directory (GeoJSON per layer,
 * manifest.json, report.json). Same inputs -> byte-identical files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { blockFieldCatalogue } from '../src/core/atlas/block-field-catalogue.ts';
import { buildManifest, type ManifestInput, type ManifestLayer } from '../src/core/atlas/build-manifest.ts';
import { composeBlockProperties } from '../src/core/atlas/compose-block-properties.ts';
import { deriveStreetBlocks } from '../src/core/blocks/derive-street-blocks.ts';
import type { AtlasConfig } from '../src/core/config/atlas-config.ts';
import { DEFAULT_K } from '../src/core/config/atlas-config.ts';
import { validateAtlasConfig } from '../src/core/config/validate-atlas-config.ts';
import { incidentRatePer1000, periodLengthYears } from '../src/core/join/incident-rate-per-1000.ts';
import { indexBlocks } from '../src/core/join/index-blocks.ts';
import { joinHousing } from '../src/core/join/join-housing.ts';
import { joinIncidents } from '../src/core/join/join-incidents.ts';
import { joinLandCover } from '../src/core/join/join-land-cover.ts';
import type { BlockValues, JoinResult } from '../src/core/join/join-report.ts';
import { joinSurvey } from '../src/core/join/join-survey.ts';
import { AGE_BANDS, joinTenure } from '../src/core/join/join-tenure.ts';
import type { BlockFeature, JoinReport } from '../src/core/types.ts';
import { UserError } from '../src/core/user-error.ts';
import { locateJsonError } from '../src/io/locate-json-error.ts';
import { parseDateTime } from '../src/io/parse-date-time.ts';
import { reprojectFeatures } from '../src/io/reproject.ts';
import { stringifyFeatureCollection } from '../src/io/write-geojson.ts';
import { rejectsFormatOf, stringifyRejects } from '../src/io/write-rejects.ts';
import { loadSource, mergeProblems, type LoadOptions, type LoadedSource } from './lib/load-source.ts';
import { loadRasterLandCover } from './lib/raster-land-cover.ts';
import { checkRejectShares, PERSONAL, redactProblems, rejectRows, withRepairNotes } from './lib/rejects.ts';
import { featuresBBox } from '../src/core/geometry/features-bbox.ts';
import { incidentDensityLayer, type IncidentDensityLayer } from '../src/core/stats/incident-density-layer.ts';
import { rasterMeanPerBlock } from '../src/core/stats/raster-mean-per-block.ts';
import { empiricalBayesRates } from '../src/core/stats/empirical-bayes-rates.ts';

export const DEFAULT_CONFIG = 'data/arsenaal-demo/atlas.config.json';

export const BUILD_HELP = `Usage: wijkatlas build [--config F] [--out DIR] [--rejects F] [--quiet]

Builds an atlas: derives the street blocks, joins every configured source onto them and writes
DIR/blocks.geojson (+ context layers), DIR/manifest.json and DIR/report.json.

  --config F   atlas config (JSON; default: ${DEFAULT_CONFIG}); paths in it are relative to it
  --out DIR    layers directory to write (default: layers)
  --rejects F  also write every rejected and every repaired record of every input, with reason,
               file and row/line, to F (.csv, .json or .ndjson); written before the reject-share
               check, so it is there when the build stops for too many rejects
  --quiet      no progress output
  -h, --help   show this help

The config format is described in README.md (section "Atlas config").`;

/** Reads and validates an atlas config file. */
export function readAtlasConfig(file: string): AtlasConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`config file not found: ${file}; pass --config with the path of an atlas config (JSON).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    const at = locateJsonError(text);
    const where = at ? `, line ${at.line} column ${at.column}` : '';
    throw new UserError(`${file}${where}: expected valid JSON, found a syntax error (${(err as Error).message.split('\n')[0]}); fix the config file.`);
  }
  return validateAtlasConfig(raw, path.basename(file));
}

export interface BuildResult {
  blocks: BlockFeature[];
  reports: JoinReport[];
  files: string[];
}

/** Options of buildAtlas. */
export interface BuildOptions {
  /** Write every rejected and repaired record to this file (.csv, .json or .ndjson). */
  rejects?: string;
}

/**
 * Builds the atlas of `configFile` into `outDir`. `log` receives progress lines.
 */
export async function buildAtlas(configFile: string, outDir: string, log: (line: string) => void = () => {}, options: BuildOptions = {}): Promise<BuildResult> {
  const t0 = performance.now();
  const rejectsFormat = options.rejects !== undefined ? rejectsFormatOf(options.rejects) : null;
  const step = (msg: string) => log(`  ${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s  ${msg}`);
  const config = readAtlasConfig(configFile);
  const crs = config.working_crs ?? 'EPSG:31370';
  const base: LoadOptions = {
    baseDir: path.dirname(configFile),
    workingCrs: crs,
    onInvalid: config.on_invalid ?? 'error',
    invalidHint: 'or set "on_invalid": "reject" in the config to list malformed records in layers/report.json instead.',
  };
  const inputs: ManifestInput[] = [];
  const loaded: LoadedSource[] = [];
  const load = async (id: string, spec: Parameters<typeof loadSource>[1], o: Partial<LoadOptions> = {}) => {
    const s = await loadSource(id, spec, { ...base, ...o });
    inputs.push(s.input);
    loaded.push(s);
    return s;
  };

  // 1. Study area and network -> blocks.
  // Block inputs are strict: a malformed or off-kind record stops the build (blocks derived from half a network would be wrong).
  const strict = { keepAll: true, onInvalid: 'error', invalidHint: undefined } as const;
  const area = await load('area', config.area, { ...strict, geometry: 'areal' });
  const areaFeature = toArea(area);
  const streets = await load('streets', config.blocks.streets, { ...strict, geometry: 'line' });
  const rail = await load('rail', config.blocks.rail, { ...strict, geometry: 'line' });
  const water = config.blocks.water ? await load('water', config.blocks.water, { ...strict, geometry: 'line' }) : null;
  step(`read area, ${streets.features.length} streets, ${rail.features.length} railway lines${water ? `, ${water.features.length} waterways` : ''}`);
  const derived = deriveStreetBlocks(
    { streets: lines(streets), rail: lines(rail), water: water ? lines(water) : undefined, area: areaFeature },
    config.blocks.options ?? {},
  );
  const blocks = derived.blocks;
  step(`derived ${blocks.length} blocks (${derived.report.facesFound} faces, ${derived.report.dropped.length} dropped, ${derived.report.merged.length} merged)`);

  // 2. Joins.
  const index = indexBlocks(blocks);
  const results: Array<{ id: string; result: JoinResult; source: LoadedSource }> = [];
  const S = config.sources;
  let density: IncidentDensityLayer | null = null;
  if (S.housing) {
    const src = await load('housing', S.housing, { required: ['construction_year'], geometry: 'point-or-areal' });
    results.push({ id: 'housing', source: src, result: joinHousing(blocks, src.features, { source: 'housing', snapDistance: S.housing.snap_m ?? 0, closedRowValues: S.housing.closed_row_values, index }) });
  }
  if (S.tenure) {
    const src = await load('tenure', S.tenure, { required: ['tenure'], geometry: 'point' });
    const ageBands = hasAgeBands(S.tenure.fields);
    results.push({ id: 'tenure', source: src, result: joinTenure(blocks, src.features, { source: 'tenure', snapDistance: S.tenure.snap_m ?? 0, tenureValues: S.tenure.tenure_values, ageBands, index }) });
  }
  if (S.incidents) {
    const src = await load('incidents', S.incidents, { required: ['category'], geometry: 'point' });
    // A date and a time in two columns (as police exports have them) become one date-time.
    const records = src.features.map((f) => {
      const p = f.properties ?? {};
      if (p.datetime == null && p.date != null) {
        const dt = parseDateTime(`${String(p.date).trim()}${p.time ? ' ' + String(p.time).trim() : ''}`);
        return { ...f, properties: { ...p, datetime: dt ?? `${p.date} ${p.time ?? ''}`.trim() } };
      }
      if (typeof p.datetime === 'string') return { ...f, properties: { ...p, datetime: parseDateTime(p.datetime) ?? p.datetime } };
      return f;
    });
    const categories = S.incidents.categories.map((c) => ({ value: c.value, id: c.id }));
    const result = joinIncidents(blocks, records, { source: 'incidents', categories, period: S.incidents.period, snapDistance: S.incidents.snap_m ?? 0, index });
    results.push({ id: 'incidents', source: src, result });
    // the counted incidents, binned and smoothed: the heat surface and weekday × hour chart of the app
    if (result.placed.length > 0) {
      const placed = result.placed.map(({ index: i, blockId }) => {
        const [x, y] = (records[i].geometry as Point).coordinates;
        return { x, y, time: records[i].properties?.datetime ?? null, block: blockId };
      });
      const d = S.incidents.density ?? {};
      density = incidentDensityLayer(placed, { crs, cellSize: d.cell_m, binSize: d.bin_m, kernel: d.kernel, bandwidth: d.bandwidth_m, extent: featuresBBox(blocks) });
      step(`incident density: ${density.incidents} incidents in ${density.bins.n.length} bins of ${density.bin_m} m, ${density.kernel} kernel, bandwidth ${density.bandwidth_m} m (${density.bandwidth_rule}), ${density.grid.width} × ${density.grid.height} cells of ${density.grid.cell_m} m`);
    }
  }
  if (S.landcover?.raster) {
    // A land-cover raster (GeoTIFF): zonal statistics in the raster's CRS, same fields as the polygons.
    const { result, source } = await loadRasterLandCover(blocks, S.landcover, { baseDir: base.baseDir, workingCrs: crs });
    inputs.push(source.input);
    loaded.push(source);
    results.push({ id: 'landcover', source, result });
  } else if (S.landcover) {
    const src = await load('landcover', S.landcover, { required: ['class'] });
    results.push({ id: 'landcover', source: src, result: joinLandCover(blocks, src.features, { source: 'landcover', classValues: S.landcover.class_values, index }) });
  }
  if (S.survey) {
    const extra = Object.fromEntries(S.survey.questions.map((q) => [q.id, q.field]));
    const src = await load('survey', S.survey, { extraFields: extra, geometry: 'point' });
    const questions = S.survey.questions.map((q) => ({ id: q.id, type: q.type, field: q.id, yes: q.yes, no: q.no }));
    results.push({ id: 'survey', source: src, result: joinSurvey(blocks, src.features, { source: 'survey', questions, k: S.survey.k ?? DEFAULT_K, snapDistance: S.survey.snap_m ?? 0, index }) });
  }
  const reports = results.map((r) => withRepairNotes(mergeProblems(r.result.report, PERSONAL[r.id] === 'all' ? redactProblems(r.source) : r.source), r.source));
  for (const r of reports) step(`joined ${r.source}: ${r.joined} of ${r.recordsIn} records${r.rejected.length ? `, ${r.rejected.length} rejected (see report.json)` : ''}`);
  if (options.rejects !== undefined && rejectsFormat) {
    const rows = rejectRows(loaded, reports);
    mkdirSync(path.dirname(path.resolve(options.rejects)), { recursive: true });
    writeFileSync(options.rejects, stringifyRejects(rows, rejectsFormat));
    const n = rows.filter((r) => r.outcome === 'rejected').length;
    step(`wrote ${n} rejected and ${rows.length - n} repaired records to ${path.relative(process.cwd(), path.resolve(options.rejects))}`);
  }
  checkRejectShares(config, reports, new Map(results.map((r) => [r.id, r.source.file])), options.rejects);

  // 3. Derived rates and the published block layer.
  const values = results.map((r) => r.result.values);
  if (S.incidents) values.push(incidentRates(blocks, results, S.incidents.period ? periodLengthYears(S.incidents.period) : 1));
  if (density) values.push(densityPerBlock(blocks, density));
  const catalogue = blockFieldCatalogue({ categories: S.incidents?.categories, questions: S.survey?.questions, k: S.survey?.k ?? DEFAULT_K, ageBands: hasAgeBands(S.tenure?.fields), closedRow: !!S.housing?.closed_row_values }).filter(
    (f) => f.source === 'blocks' || results.some((r) => r.id === f.source) || (f.source === 'incidents' && !!S.incidents),
  );
  const published = composeBlockProperties(blocks, values, catalogue);

  // 4. Write layers (WGS84), manifest and report.
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const layers: ManifestLayer[] = [];
  const writeLayer = (id: string, file: string, feats: Feature<Geometry | null>[], meta: Omit<ManifestLayer, 'id' | 'file' | 'features'>) => {
    const wgs = reprojectFeatures(feats, crs, 'EPSG:4326');
    writeFileSync(path.join(outDir, file), stringifyFeatureCollection(wgs));
    written.push(file);
    layers.push({ id, file, features: feats.length, ...meta });
    return wgs;
  };
  const blocksWgs = writeLayer('blocks', 'blocks.geojson', published, {
    kind: 'blocks',
    geometry: 'Polygon',
    label: { nl: 'Bouwblokken', en: 'Street blocks' },
    sources: ['area', 'streets', 'rail', ...(water ? ['water'] : []), ...results.map((r) => r.id)],
    fields: catalogue,
  });
  const ctx = (id: string, label: ManifestLayer['label'], geometry: string, sources: string[], fields: ManifestLayer['fields'] = []) => ({ kind: 'context' as const, label, geometry, sources, fields, id });
  const pick = (f: Feature<Geometry | null>, keys: string[]) => ({ ...f, properties: Object.fromEntries(keys.map((k) => [k, f.properties?.[k] ?? null])) });
  const { id: _s, ...streetsMeta } = ctx('streets', { nl: 'Straten', en: 'Streets' }, 'LineString', ['streets']);
  writeLayer('streets', 'streets.geojson', streets.features.map((f) => pick(f, ['name', 'highway'])), streetsMeta);
  const { id: _r, ...railMeta } = ctx('railways', { nl: 'Spoorwegen', en: 'Railways' }, 'LineString', ['rail']);
  writeLayer('railways', 'railways.geojson', rail.features.map((f) => pick(f, ['name', 'railway', 'type'])), railMeta);
  if (water) {
    const { id: _w, ...waterMeta } = ctx('water', { nl: 'Waterlopen', en: 'Waterways' }, 'LineString', ['water']);
    writeLayer('water', 'water.geojson', water.features.map((f) => pick(f, ['name', 'waterway', 'type'])), waterMeta);
  }
  const { id: _a, ...areaMeta } = ctx('area', { nl: 'Studiegebied', en: 'Study area' }, 'Polygon', ['area']);
  writeLayer('area', 'area.geojson', [{ type: 'Feature', properties: { name: config.title.nl }, geometry: areaFeature.geometry }], areaMeta);
  const lc = results.find((r) => r.id === 'landcover');
  if (lc && S.landcover && !S.landcover.raster) {
    const map = S.landcover.class_values ?? {};
    const { id: _l, ...lcMeta } = ctx('landcover', { nl: 'Bodembedekking', en: 'Land cover' }, 'Polygon', ['landcover']);
    writeLayer(
      'landcover',
      'landcover.geojson',
      lc.source.features.filter((f) => f.geometry).map((f) => ({ ...f, properties: { class: map[String(f.properties?.class)] ?? String(f.properties?.class ?? '') } })),
      lcMeta,
    );
  }
  if (density) {
    const { x0, y0, cell_m: c, width, height } = density.grid;
    const corner = (x: number, y: number): Feature<Point> => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } });
    const corners = reprojectFeatures([corner(x0, y0 - height * c), corner(x0, y0), corner(x0 + width * c, y0), corner(x0 + width * c, y0 - height * c)], crs, 'EPSG:4326');
    const layer = { ...density, corners_wgs84: corners.map((f) => (f.geometry as Point).coordinates.map((v) => Math.round(v * 1e7) / 1e7) as [number, number]) };
    writeFileSync(path.join(outDir, 'incident-density.json'), JSON.stringify(layer) + '\n');
    written.push('incident-density.json');
    layers.push({ id: 'incident-density', file: 'incident-density.json', kind: 'density', geometry: 'Raster', features: density.bins.n.length, label: { nl: 'Incidentendichtheid', en: 'Incident density' }, sources: ['incidents'], fields: [] });
  }
  const manifest = buildManifest(config, { bbox: bboxOf(blocksWgs), inputs, layers });
  writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const report = { schema_version: 1, atlas: config.id, blocks: derived.report, joins: reports };
  writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 1) + '\n');
  written.push('manifest.json', 'report.json');
  step(`wrote ${written.length} files to ${path.relative(process.cwd(), outDir) || '.'}`);
  return { blocks: published, reports, files: written };
}

/** Age bands are counted when the tenure source maps all five `age_<band>` record fields. */
function hasAgeBands(fields: Record<string, string> | undefined): boolean {
  return AGE_BANDS.every((b) => fields?.[`age_${b}`] !== undefined);
}

function lines(s: LoadedSource): Feature<LineString | MultiLineString>[] {
  return s.features.filter((f) => f.geometry && (f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString')) as Feature<LineString | MultiLineString>[];
}

/** One study-area feature: several selected polygons are combined into a MultiPolygon. */
function toArea(s: LoadedSource): Feature<Polygon | MultiPolygon> {
  const polys = s.features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
  if (!polys.length) throw new UserError(`${s.file}: expected at least one Polygon or MultiPolygon for the study area, found none; check the file and "where".`);
  if (polys.length === 1) return polys[0] as Feature<Polygon | MultiPolygon>;
  const coords = polys.flatMap((f) => (f.geometry!.type === 'Polygon' ? [(f.geometry as Polygon).coordinates] : (f.geometry as MultiPolygon).coordinates));
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: coords } };
}

/** Mean incident density per block (cells whose centre lies in the block), per km², rounded to 0.1. */
function densityPerBlock(blocks: BlockFeature[], layer: IncidentDensityLayer): Map<string, BlockValues> {
  const { x0, y0, cell_m, width, height } = layer.grid;
  const means = rasterMeanPerBlock({ x0, y0, cellSize: cell_m, width, height, values: Float64Array.from(layer.values) }, blocks);
  return new Map(blocks.map((b, i) => [b.properties.block_id, { incident_density_per_km2: Math.round(means[i] * 10) / 10 }]));
}

function incidentRates(blocks: BlockFeature[], results: Array<{ id: string; result: JoinResult }>, years: number): Map<string, BlockValues> {
  const inc = results.find((r) => r.id === 'incidents')?.result.values;
  const ten = results.find((r) => r.id === 'tenure')?.result.values;
  const out = new Map<string, BlockValues>();
  const ids = blocks.map((b) => String(b.properties.block_id));
  const counts = ids.map((id) => inc?.get(id)?.incidents_total as number | null | undefined);
  const people = ids.map((id) => ten?.get(id)?.inhabitants as number | null | undefined);
  // global empirical Bayes (Marshall) on the period's counts, then annualised like the raw rate
  const usable = ten ? ids.map((_, i) => typeof counts[i] === 'number' && typeof people[i] === 'number') : [];
  const eb = ten ? empiricalBayesRates(ids.map((_, i) => (usable[i] ? (counts[i] as number) : 0)), ids.map((_, i) => (usable[i] ? (people[i] as number) : 0))).eb : [];
  ids.forEach((id, i) => {
    const rate = ten ? incidentRatePer1000(counts[i], people[i], years) : null;
    const smoothed = ten && usable[i] && eb[i] !== null ? (eb[i] as number) / years : null;
    out.set(id, { incidents_per_1000: rate === null ? null : Math.round(rate * 10) / 10, incidents_per_1000_eb: smoothed === null ? null : Math.round(smoothed * 10) / 10 });
  });
  return out;
}

function bboxOf(features: Feature<Geometry | null>[]): [number, number, number, number] {
  return featuresBBox(features).map((v) => Math.round(v * 1e6) / 1e6) as [number, number, number, number];
}

export async function buildCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { config: { type: 'string' }, out: { type: 'string' }, rejects: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) return (console.log(BUILD_HELP), 0);
  const config = path.resolve(values.config ?? DEFAULT_CONFIG);
  const out = path.resolve(values.out ?? 'layers');
  const log = values.quiet ? () => {} : (l: string) => console.error(l);
  log(`wijkatlas build: ${path.relative(process.cwd(), config)} -> ${path.relative(process.cwd(), out) || '.'}`);
  const res = await buildAtlas(config, out, log, { rejects: values.rejects });
  const warnings = res.reports.flatMap((r) => r.warnings);
  for (const w of warnings) log(`  warning: ${w}`);
  return 0;
}
