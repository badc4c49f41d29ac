/**
 * `wijkatlas convert F --to-crs EPSG:CODE --out F.geojson`: any readable vector file to GeoJSON in
 * any supported CRS, through the same reader and reprojection code as the build.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UserError } from '../src/core/user-error.ts';
import { parseCrs } from '../src/io/parse-crs.ts';
import { readVectorSource } from '../src/io/read-vector-source.ts';
import { reprojectFeatures } from '../src/io/reproject.ts';
import { stringifyFeatureCollection } from '../src/io/write-geojson.ts';
import { INPUT_FLAGS, INPUT_FLAGS_HELP, inputOptions } from './lib/load-source.ts';

export const CONVERT_HELP = `Usage: wijkatlas convert F --out F.geojson [--to-crs EPSG:CODE] [options]

Reads F (Shapefile or .zip, GeoJSON, NDJSON, CSV/TSV, OSM XML, Overpass JSON, GeoPackage) and writes
GeoJSON. EPSG:4326 output is RFC 7946; a projected --to-crs writes a GeoJSON with a "crs" member.
Records that cannot be converted (no geometry, impossible coordinates ...) are left out and listed.

  --out F.geojson    output file ('-' for standard output)
  --to-crs CRS       target CRS (default EPSG:4326): EPSG:4326, 31370, 3812, 3857, 32631, 25831 or proj4
  --precision N      decimals kept (default 6 for degrees, 3 for metres)
  --rejects F.json   also write the left-out records (record number, reason, detail) as JSON
  --force            overwrite an existing --out file
${INPUT_FLAGS_HELP}
  -h, --help         show this help`;

export async function convertCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_FLAGS,
      out: { type: 'string' },
      'to-crs': { type: 'string' },
      precision: { type: 'string' },
      rejects: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return (console.log(CONVERT_HELP), 0);
  if (positionals.length !== 1) {
    throw new UserError(`expected one input file, found ${positionals.length === 0 ? 'none' : positionals.length}: ${positionals.join(' ')}`, "run 'wijkatlas convert --help'");
  }
  if (!values.out) throw new UserError('missing --out: expected an output file (.geojson, or - for standard output)', "run 'wijkatlas convert --help'");
  const precision = values.precision === undefined ? undefined : Number(values.precision);
  if (precision !== undefined && !(Number.isInteger(precision) && precision >= 0 && precision <= 15)) {
    throw new UserError(`--precision: expected a whole number from 0 to 15, found "${values.precision}"`);
  }
  const target = parseCrs(values['to-crs'] ?? 'EPSG:4326');
  if (values.out !== '-' && existsSync(values.out) && !values.force) {
    throw new UserError(`${values.out} exists: expected a new output file; add --force to overwrite it`);
  }
  const [input] = positionals;
  const src = await readVectorSource(inputOptions(input, values));
  const bad = new Set(src.problems.map((p) => p.index));
  const kept = src.features.filter((_, i) => !bad.has(i));
  const out = reprojectFeatures(kept, src.crs, target, { file: input });
  const text = stringifyFeatureCollection(out, { crs: target.id, precision });
  if (values.out === '-') process.stdout.write(text);
  else writeFileSync(values.out, text);
  if (values.rejects) {
    writeFileSync(values.rejects, `${JSON.stringify({ file: input, records: src.recordCount, rejected: src.problems }, null, 1)}\n`);
  }
  for (const w of src.warnings) console.error(`convert: warning: ${w}`);
  const reasons: Record<string, number> = {};
  for (const p of src.problems) reasons[p.reason] = (reasons[p.reason] ?? 0) + 1;
  const left = Object.entries(reasons).map(([r, n]) => `${n} ${r}`).join(', ');
  console.error(
    `convert: ${src.recordCount} record(s) read from ${input} (${src.format}, ${src.crs === target.id ? src.crs : `${shortCrs(src.crs)} -> ${shortCrs(target.id)}`}); wrote ${out.length} to ${values.out === '-' ? 'standard output' : values.out}` +
      (src.problems.length ? `; left out ${src.problems.length} (${left})${values.rejects ? `: see ${values.rejects}` : ': add --rejects F.json for the list'}` : ''),
  );
  for (const p of src.problems.slice(0, 5)) console.error(`  ${p.detail}`);
  if (src.problems.length > 5) console.error(`  … and ${src.problems.length - 5} more`);
  return 0;
}

function shortCrs(id: string): string {
  return id.length > 40 ? `${id.slice(0, 37)}...` : id;
}
