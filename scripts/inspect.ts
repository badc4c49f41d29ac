/**
 * `wijkatlas inspect F`: what a data file holds, as Wijkatlas reads it: format, CRS and how it was
 * found, record count, geometry types, bounding box (source CRS and WGS 84), fields with types and
 * example values, and the problems a build would meet.
 */
import { parseArgs } from 'node:util';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { UserError } from '../src/core/user-error.ts';
import { guessCrsFromBbox } from '../src/io/guess-crs.ts';
import { parseCrs } from '../src/io/parse-crs.ts';
import { bboxOf, readVectorSource, type VectorSource } from '../src/io/read-vector-source.ts';
import { reprojectFeatures } from '../src/io/reproject.ts';
import { INPUT_FLAGS, INPUT_FLAGS_HELP, inputOptions } from './lib/load-source.ts';

export const INSPECT_HELP = `Usage: wijkatlas inspect F [options]

Prints what F holds as Wijkatlas reads it: format, CRS (and how it was found), record count,
geometry types, bounding box in the file's CRS and in WGS 84, fields with types and example values,
and problems (rejected records, file warnings, coordinates that look like another CRS).

  --json             print the report as JSON instead of text
${INPUT_FLAGS_HELP}
  -h, --help         show this help`;

/** The inspect report (also the --json output). */
export interface InspectReport {
  file: string;
  format: string;
  layer?: string;
  records: number;
  crs: { id: string; name: string; how: string };
  geometryTypes: Record<string, number>;
  bbox: { source: number[] | null; wgs84: number[] | null };
  fields: { name: string; types: string[]; filled: number; examples: (string | number | boolean)[] }[];
  problems: { rejected: number; byReason: Record<string, number>; first: string[]; warnings: string[]; crsHint: string | null };
}

export async function inspectCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...INPUT_FLAGS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) return (console.log(INSPECT_HELP), 0);
  if (positionals.length !== 1) {
    throw new UserError(`expected one input file, found ${positionals.length === 0 ? 'none' : positionals.length}: ${positionals.join(' ')}`, "run 'wijkatlas inspect --help'");
  }
  const src = await readVectorSource(inputOptions(positionals[0], values));
  const report = inspectSource(positionals[0], src);
  console.log(values.json ? JSON.stringify(report, null, 1) : formatReport(report));
  return 0;
}

/**
 * Build the report of a source as read.
 *
 * @example
 * inspectSource('wijken.shp', await readVectorSource({ path: 'wijken.shp' })).crs.id // 'EPSG:31370'
 */
export function inspectSource(file: string, src: VectorSource): InspectReport {
  const crs = parseCrs(src.crs);
  const bad = new Set(src.problems.map((p) => p.index));
  const good = src.features.filter((_, i) => !bad.has(i));
  const box = bboxOf(src.features);
  const hasBox = box.every(Number.isFinite);
  let wgs84: number[] | null = null;
  if (good.length > 0) {
    try {
      const b = bboxOf(reprojectFeatures(good, crs, 'EPSG:4326', { file }));
      wgs84 = b.every(Number.isFinite) ? b.map((v) => round(v, 6)) : null;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
    }
  }
  const guess = hasBox ? guessCrsFromBbox(box) : null;
  const crsHint =
    guess && guess.crs !== crs.id && !(guess.crs === 'EPSG:4326' && crs.geographic && guess.what.includes('not in Belgium'))
      ? `the coordinates look like ${guess.what}${guess.crs ? ` (${guess.crs})` : ''}, but the CRS is ${crs.id}: check --crs or the file's CRS`
      : null;
  const byReason: Record<string, number> = {};
  for (const p of src.problems) byReason[p.reason] = (byReason[p.reason] ?? 0) + 1;
  return {
    file,
    format: src.format,
    ...(src.layer !== undefined ? { layer: src.layer } : {}),
    records: src.recordCount,
    crs: { id: crs.id, name: crs.name, how: src.crsSource },
    geometryTypes: countTypes(src.features),
    bbox: { source: hasBox ? box.map((v) => round(v, crs.geographic ? 6 : 3)) : null, wgs84 },
    fields: describeFields(src.features),
    problems: { rejected: src.problems.length, byReason, first: src.problems.slice(0, 5).map((p) => p.detail), warnings: src.warnings, crsHint },
  };
}

function countTypes(features: Feature<Geometry | null, GeoJsonProperties>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of features) {
    const t = f.geometry?.type ?? 'null';
    out[t] = (out[t] ?? 0) + 1;
  }
  return out;
}

function describeFields(features: Feature<Geometry | null, GeoJsonProperties>[]): InspectReport['fields'] {
  const fields = new Map<string, { types: Set<string>; filled: number; examples: (string | number | boolean)[] }>();
  for (const f of features) {
    for (const [name, value] of Object.entries(f.properties ?? {})) {
      let entry = fields.get(name);
      if (!entry) fields.set(name, (entry = { types: new Set(), filled: 0, examples: [] }));
      if (value === null || value === undefined || value === '') continue;
      entry.filled++;
      entry.types.add(typeof value === 'object' ? (Array.isArray(value) ? 'array' : 'object') : typeof value);
      const shown = typeof value === 'object' ? JSON.stringify(value).slice(0, 40) : typeof value === 'string' && value.length > 40 ? `${value.slice(0, 40)}…` : value;
      if (entry.examples.length < 3 && !entry.examples.includes(shown as string | number | boolean)) entry.examples.push(shown as string | number | boolean);
    }
  }
  return [...fields].map(([name, e]) => ({ name, types: [...e.types].sort(), filled: e.filled, examples: e.examples }));
}

function formatReport(r: InspectReport): string {
  const lines = [
    `file:      ${r.file}`,
    `format:    ${r.format}${r.layer !== undefined ? ` (layer ${r.layer})` : ''}`,
    `records:   ${r.records}`,
    `crs:       ${r.crs.id === r.crs.name ? r.crs.id : `${r.crs.id} (${r.crs.name})`}`,
    `           found: ${r.crs.how}`,
    `geometry:  ${Object.entries(r.geometryTypes).map(([t, n]) => `${n} ${t}`).join(', ') || 'none'}`,
    `bbox:      ${r.bbox.source ? r.bbox.source.join(', ') : 'none'} (${r.crs.id.length > 20 ? 'source CRS' : r.crs.id})`,
    `           ${r.bbox.wgs84 ? r.bbox.wgs84.join(', ') : 'none'} (WGS 84 lon/lat)`,
    `fields:    ${r.fields.length === 0 ? 'none' : ''}`,
  ];
  const width = Math.max(0, ...r.fields.map((f) => f.name.length));
  for (const f of r.fields) {
    lines.push(`  ${f.name.padEnd(width)}  ${(f.types.join('|') || 'empty').padEnd(14)} ${String(f.filled).padStart(7)} filled  e.g. ${f.examples.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  const p = r.problems;
  lines.push(`problems:  ${p.rejected === 0 && p.warnings.length === 0 && !p.crsHint ? 'none' : ''}`);
  if (p.rejected) lines.push(`  ${p.rejected} record(s) would be rejected: ${Object.entries(p.byReason).map(([k, n]) => `${n} ${k}`).join(', ')}`);
  for (const d of p.first) lines.push(`    ${d}`);
  if (p.rejected > p.first.length) lines.push(`    … and ${p.rejected - p.first.length} more`);
  for (const w of p.warnings) lines.push(`  warning: ${w}`);
  if (p.crsHint) lines.push(`  crs: ${p.crsHint}`);
  return lines.join('\n');
}

function round(v: number, d: number): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}
