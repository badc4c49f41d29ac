/**
 * `wijkatlas density`: kernel density of incident points (after a time filter), as a grid layer and
 * as mean density per block, plus the weekday × hour table the prevention consultant plans shifts from.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Feature, Polygon } from 'geojson';
import { kernelDensity } from '../src/core/stats/kernel-density.ts';
import { rasterMeanPerBlock } from '../src/core/stats/raster-mean-per-block.ts';
import { timeFilter } from '../src/core/stats/time-filter.ts';
import { weekdayHourTable } from '../src/core/stats/weekday-hour-table.ts';
import { indexBlocks } from '../src/core/join/index-blocks.ts';
import { locatePoint } from '../src/core/join/locate-point.ts';
import type { Areal, BlockFeature } from '../src/core/types.ts';
import { UserError } from '../src/core/user-error.ts';
import { parseDateTime } from '../src/io/parse-date-time.ts';
import { readVectorSource } from '../src/io/read-vector-source.ts';
import { reprojectFeatures } from '../src/io/reproject.ts';
import { stringifyFeatureCollection } from '../src/io/write-geojson.ts';
import { INPUT_FLAGS, INPUT_FLAGS_HELP, inputOptions } from './lib/load-source.ts';

export const DENSITY_HELP = `Usage: wijkatlas density --incidents F [--time-field NAME] [--from DATE] [--to DATE] [--weekday 1,5,6]
         [--hours 18-22] [--kernel quartic|gaussian] [--bandwidth METRES] [--cell METRES]
         [--blocks F --id FIELD] [--working-crs CRS] [--table F.csv] --out F.geojson

Kernel density surface of incident points, in incidents per km², computed in a projected CRS
(default EPSG:31370), never in degrees (docs/stats.md: kernels and the bandwidth rule).

  --incidents F      incident points (any readable format; see --crs/--x/--y below)
  --time-field NAME  field with the date and time (ISO or Belgian "dd/mm/jjjj uu:mm"), or DATE+TIME for two
                     columns (e.g. datum+uur); needed by the time filters and --table
  --from, --to       keep incidents in this period (dates inclusive)
  --weekday LIST     keep these ISO weekdays, 1 = Monday … 7 = Sunday (e.g. 5,6 for Friday and Saturday)
  --hours A-B        keep hours in [A, B) on the wall clock; 22-6 wraps midnight, and with --weekday
                     its small hours count for the evening before (--weekday 5 --hours 22-6 = Friday night)
  --kernel K         quartic (default) or gaussian
  --bandwidth M      bandwidth in metres (default: ArcGIS/Silverman rule, see docs/stats.md)
  --cell M           cell size in metres (default 25)
  --blocks F         blocks: adds density_mean_per_km2 per block to --blocks-out (needs --id)
  --id FIELD         block id field (default block_id)
  --blocks-out F     blocks with their mean density (GeoJSON, WGS84)
  --blocks-crs CRS   CRS of the --blocks file when it does not say (default: EPSG:4326; --crs is the incidents')
  --table F.csv      weekday × hour counts of the kept incidents (per block when --blocks is given),
                     CSV for Belgian Excel (; separated, UTF-8 BOM)
  --out F.geojson    the density grid: one square per cell with density > 0, WGS84
${INPUT_FLAGS_HELP}`;

const WEEKDAYS_NL = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

function num(v: string | undefined, flag: string, fallback?: number): number | undefined {
  if (v === undefined) return fallback;
  const n = Number(v.replace(',', '.'));
  if (!(n > 0)) throw new UserError(`${flag}: expected a number of metres > 0, found "${v}".`);
  return n;
}

export async function densityCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_FLAGS,
      incidents: { type: 'string' },
      'time-field': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      weekday: { type: 'string' },
      hours: { type: 'string' },
      kernel: { type: 'string' },
      bandwidth: { type: 'string' },
      cell: { type: 'string' },
      blocks: { type: 'string' },
      id: { type: 'string' },
      'blocks-out': { type: 'string' },
      'blocks-crs': { type: 'string' },
      'working-crs': { type: 'string' },
      table: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(DENSITY_HELP);
    return 0;
  }
  if (!values.incidents) throw new UserError('missing --incidents F: the incident points to smooth', "run 'wijkatlas density --help'");
  if (!values.out) throw new UserError('missing --out F.geojson: where to write the density grid', "run 'wijkatlas density --help'");
  const kernel = values.kernel ?? 'quartic';
  if (kernel !== 'quartic' && kernel !== 'gaussian') throw new UserError(`--kernel: expected quartic or gaussian, found "${kernel}".`);
  const working = values['working-crs'] ?? 'EPSG:31370';
  const weekdays = values.weekday?.split(',').map((s) => {
    const d = Number(s.trim());
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new UserError(`--weekday: expected ISO weekdays 1 (Monday) … 7 (Sunday) separated by commas, found "${values.weekday}".`);
    return d;
  });
  let hours: { from: number; to: number } | undefined;
  if (values.hours !== undefined) {
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(values.hours.trim());
    if (!m || Number(m[1]) > 24 || Number(m[2]) > 24) throw new UserError(`--hours: expected a band of whole hours like 18-22 (22-6 wraps midnight), found "${values.hours}".`);
    hours = { from: Number(m[1]), to: Number(m[2]) };
  }
  const filtering = Boolean(values.from || values.to || weekdays || hours);
  const timeField = values['time-field'];
  if ((filtering || values.table) && !timeField) throw new UserError('--from/--to/--weekday/--hours/--table need --time-field NAME: the field with each incident\'s date and time.');

  const src = await readVectorSource(inputOptions(values.incidents, values));
  const points = src.features.map((f, i) => ({ f, i })).filter(({ f }) => f.geometry?.type === 'Point');
  const skipped = src.features.length - points.length;
  const projected = reprojectFeatures(points.map((p) => p.f), src.crs, working, { file: values.incidents });
  // --time-field datum+uur joins a date column and a time column ("25/09/2020" + "17:56")
  const timeFields = timeField ? timeField.split('+').map((s) => s.trim()) : [];
  for (const tf of timeFields) {
    if (points.length > 0 && !points.some((p) => p.f.properties && tf in p.f.properties)) {
      throw new UserError(`${values.incidents}: expected a field "${tf}" (--time-field), found only: ${Object.keys(points[0].f.properties ?? {}).join(', ') || 'no fields'}.`);
    }
  }
  // Belgian "dd/mm/jjjj uu:mm" and ISO text both become ISO (wall clock kept), as the incident join reads them
  const times = points.map((p) => {
    if (timeFields.length === 0) return null;
    const raw = timeFields.map((tf) => String(p.f.properties?.[tf] ?? '')).join(' ').trim();
    return parseDateTime(raw) ?? raw;
  });
  const kept = filtering ? timeFilter(times, { period: values.from || values.to ? { from: values.from ?? '0001-01-01', to: values.to ?? '9999-12-31' } : undefined, weekdays, hours }) : null;
  const idx = kept ? kept.indices : points.map((_, i) => i);
  if (idx.length === 0) throw new UserError(`${values.incidents}: no incident points left after the filters (${points.length} points read); widen --from/--to, --weekday or --hours.`);
  const xs = idx.map((i) => (projected[i].geometry as { coordinates: number[] }).coordinates[0]);
  const ys = idx.map((i) => (projected[i].geometry as { coordinates: number[] }).coordinates[1]);
  const kde = kernelDensity(xs, ys, { crs: working, cellSize: num(values.cell, '--cell', 25)!, bandwidth: num(values.bandwidth, '--bandwidth'), kernel });
  const r = kde.raster;

  // grid cells with density > 0 as squares, reprojected to WGS84
  const cells: Feature<Polygon>[] = [];
  for (let row = 0; row < r.height; row++) {
    for (let c = 0; c < r.width; c++) {
      const v = r.values[row * r.width + c];
      if (!(v > 0)) continue;
      const x = r.x0 + c * r.cellSize;
      const y = r.y0 - row * r.cellSize;
      cells.push({ type: 'Feature', properties: { density_per_km2: Math.round(v * 100) / 100, row, col: c }, geometry: { type: 'Polygon', coordinates: [[[x, y - r.cellSize], [x + r.cellSize, y - r.cellSize], [x + r.cellSize, y], [x, y], [x, y - r.cellSize]]] } });
    }
  }
  await writeFile(values.out, stringifyFeatureCollection(reprojectFeatures(cells, working, 'EPSG:4326', { file: values.out }) as Feature<Polygon>[]));

  let blockOf: (string | null)[] | null = null;
  if (values.blocks) {
    const idField = values.id ?? 'block_id';
    const bsrc = await readVectorSource({ path: values.blocks, crs: values['blocks-crs'] });
    const blocks = reprojectFeatures(bsrc.features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')), bsrc.crs, working, { file: values.blocks, crsFlag: '--blocks-crs' }) as Feature<Areal>[];
    if (blocks.length > 0 && !(idField in (blocks[0].properties ?? {}))) throw new UserError(`${values.blocks}: expected an id field "${idField}" (--id), found: ${Object.keys(blocks[0].properties ?? {}).join(', ')}.`);
    const means = rasterMeanPerBlock(r, blocks);
    if (values['blocks-out']) {
      const wgs = reprojectFeatures(blocks, working, 'EPSG:4326', { file: values['blocks-out'] }).map((f, i) => ({ ...f, properties: { ...f.properties, density_mean_per_km2: Number.isFinite(means[i]) ? Math.round(means[i] * 100) / 100 : null } }));
      await writeFile(values['blocks-out'], stringifyFeatureCollection(wgs));
    }
    // each kept incident's block, by the joins' own point location (shared edges: smallest block_id)
    const index = indexBlocks(blocks.map((b) => ({ ...b, properties: { block_id: String(b.properties?.[idField]), area_m2: 0 } })) as BlockFeature[]);
    blockOf = xs.map((x, k) => {
      const hit = locatePoint(index, x, ys[k]);
      return hit ? index.blocks[hit.block].id : null;
    });
  }
  if (values.table) {
    const table = weekdayHourTable(idx.map((i) => times[i]), blockOf ?? undefined);
    const lines = [['groep', 'dag', ...Array.from({ length: 24 }, (_, h) => `${h}u`)].join(';')];
    for (const [group, counts] of Object.entries(table.groups).sort(([a], [b]) => a.localeCompare(b))) {
      for (let d = 0; d < 7; d++) lines.push([group, WEEKDAYS_NL[d], ...counts.slice(d * 24, d * 24 + 24)].join(';'));
    }
    await writeFile(values.table, '\uFEFF' + lines.join('\r\n') + '\r\n');
    console.error(`density: weekday × hour table of ${table.counted} incidents (${table.skipped} without hour or block) -> ${values.table}`);
  }
  const dropped = kept ? `, ${points.length - idx.length} filtered out (period ${kept.dropped.period}, weekday ${kept.dropped.weekday}, hour ${kept.dropped.hour}, no time ${kept.dropped.noTime}, unreadable ${kept.unreadable.length})` : '';
  console.error(
    `density: ${idx.length} of ${src.features.length} incidents used${dropped}${skipped ? `, ${skipped} not points` : ''}; ${kde.kernel} kernel, bandwidth ${Math.round(kde.bandwidth)} m (${kde.bandwidthRule}), cell ${r.cellSize} m, ${cells.length} cells > 0 -> ${values.out}`,
  );
  return 0;
}
