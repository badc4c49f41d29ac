/**
 * `wijkatlas fetch osm|statbel-sectors|grb`: downloads a study area's data from an online source, with a
 * cache on disk, retries and a clear offline error. Writes the data to --out and, beside it,
 * <out>.source.json (what was asked where, when, its SHA-256 and the licence).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../src/core/user-error.ts';
import { hashBytes } from '../src/io/hash-file.ts';
import { readOverpassJson } from '../src/io/read-osm.ts';
import { stringifyFeatureCollection } from '../src/io/write-geojson.ts';
import type { CachedRequestOptions } from '../src/io/fetch/cached-request.ts';
import { fetchGrb, GRB_LAYERS, GRB_WFS_URL, type GrbLayer } from '../src/io/fetch/fetch-grb.ts';
import { fetchOverpass, OVERPASS_URL } from '../src/io/fetch/fetch-overpass.ts';
import { fetchStatbelSectors, STATBEL_SECTORS_YEAR, statbelSectorsUrl } from '../src/io/fetch/fetch-statbel-sectors.ts';
import { bboxOfAreaFile, parseBBox, type LonLatBBox } from '../src/io/fetch/study-bbox.ts';
import { fetchedGeojson } from '../src/io/fetch/write-fetched-geojson.ts';

const SOURCES = ['osm', 'statbel-sectors', 'grb'] as const;
type Source = (typeof SOURCES)[number];

const LICENCES: Record<Source, string> = {
  osm: '© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)',
  'statbel-sectors': 'Statbel (Directorate-general Statistics - Statistics Belgium), open data licence (https://statbel.fgov.be/en/use-data)',
  grb: 'Bron: Grootschalig Referentie Bestand Vlaanderen, Digitaal Vlaanderen; Modellicentie Gratis Hergebruik / Gratis open data licentie Vlaanderen',
};

export const FETCH_HELP = `Usage: wijkatlas fetch osm|statbel-sectors|grb (--area F | --bbox minLon,minLat,maxLon,maxLat) --out F [options]

Downloads the data of a study area from an online source and writes it to F (plus F.source.json with
the URL, time, SHA-256 and licence). See docs/fetch.md.

Sources:
  osm               OpenStreetMap via the Overpass API (${OVERPASS_URL}): streets incl. footways,
                    paths and steps, railways, buildings, land use / green / leisure / natural, trees.
                    Writes Overpass JSON as received (WGS 84); with --out F.geojson, GeoJSON
                    converted by the Overpass reader (ways to lines/polygons, relations to multipolygons).
  statbel-sectors   Statbel statistical sectors (${STATBEL_SECTORS_YEAR} by default) meeting the area's box, GeoJSON in
                    EPSG:31370, from ${statbelSectorsUrl()}
  grb               GRB via the Flemish WFS (${GRB_WFS_URL}): --layer buildings (GRB:GBG, default)
                    or roads (GRB:Wegsegment); GeoJSON in EPSG:31370, all pages.

Options:
  --area F          study area file (any readable vector file, any supported CRS); its bounding box is used
  --bbox B          minLon,minLat,maxLon,maxLat in degrees (WGS 84), e.g. 4.47,51.01,4.49,51.03
  --out F           output file (required); refuses to overwrite without --force
  --layer L         grb only: ${Object.keys(GRB_LAYERS).join(' | ')} (default buildings)
  --year Y          statbel-sectors only: sector file of 1 January Y (default ${STATBEL_SECTORS_YEAR})
  --cache DIR       response cache (default: $XDG_CACHE_HOME/wijkatlas or ~/.cache/wijkatlas); a cached
                    answer is used without going online
  --no-cache        do not read or write the cache
  --refresh         fetch again even when the cache has the answer
  --endpoint URL    another service URL (a mirror, or a local test server)
  --timeout S       seconds per attempt (default 180 for osm, 60 otherwise)
  --retries N       retries after a failed attempt: HTTP 429, 5xx, timeouts, network errors (default 3)
  --force           overwrite --out
  --quiet           no progress output
  -h, --help        show this help`;

/** Test hooks: a sleep without waiting, a fixed clock. */
export interface FetchDeps {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  log?: (line: string) => void;
}

export async function fetchCommand(argv: string[], deps: FetchDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      area: { type: 'string' },
      bbox: { type: 'string' },
      out: { type: 'string' },
      layer: { type: 'string' },
      year: { type: 'string' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
      refresh: { type: 'boolean' },
      endpoint: { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      force: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return (console.log(FETCH_HELP), 0);
  const hint = "run 'wijkatlas fetch --help'";
  if (positionals.length !== 1 || !(SOURCES as readonly string[]).includes(positionals[0])) {
    throw new UserError(`expected one source, ${SOURCES.join(', ')}, found ${positionals.length ? positionals.map((p) => `"${p}"`).join(' ') : 'none'}`, hint);
  }
  const source = positionals[0] as Source;
  if (!values.out) throw new UserError('missing --out F (the file to write)', hint);
  if ((values.area === undefined) === (values.bbox === undefined)) throw new UserError('give the study area with exactly one of --area F or --bbox minLon,minLat,maxLon,maxLat', hint);
  if (values.layer !== undefined && source !== 'grb') throw new UserError(`--layer applies to grb only, found it for ${source}`, hint);
  if (values.year !== undefined && source !== 'statbel-sectors') throw new UserError(`--year applies to statbel-sectors only, found it for ${source}`, hint);
  const layer = (values.layer ?? 'buildings') as GrbLayer;
  if (!(layer in GRB_LAYERS)) throw new UserError(`--layer: expected ${Object.keys(GRB_LAYERS).join(' or ')}, found "${values.layer}"`, hint);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2018 && year <= 2100)) throw new UserError(`--year: expected a year from 2018 on, found "${values.year}"`, hint);
  const timeoutS = values.timeout === undefined ? (source === 'osm' ? 180 : 60) : Number(values.timeout);
  if (!(timeoutS > 0)) throw new UserError(`--timeout: expected a positive number of seconds, found "${values.timeout}"`, hint);
  const retries = values.retries === undefined ? 3 : Number(values.retries);
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) throw new UserError(`--retries: expected a whole number from 0 to 10, found "${values.retries}"`, hint);
  if (values['no-cache'] && values.cache !== undefined) throw new UserError('--cache and --no-cache exclude each other', hint);
  const out = path.resolve(values.out);
  if (existsSync(out) && !values.force) throw new UserError(`${values.out} exists; pass --force to overwrite it`, hint);

  const bbox: LonLatBBox = values.bbox !== undefined ? parseBBox(values.bbox) : await bboxOfAreaFile(path.resolve(values.area!));
  const log = values.quiet ? () => {} : (deps.log ?? ((l: string) => console.error(l)));
  const cacheDir = values['no-cache'] ? null : path.resolve(values.cache ?? defaultCacheDir());
  const options: CachedRequestOptions & { endpoint?: string } = {
    source,
    cacheDir,
    refresh: values.refresh,
    endpoint: values.endpoint,
    timeoutS,
    retries,
    sleep: deps.sleep,
    now: deps.now,
    log,
  };
  log(`wijkatlas fetch ${source}: box ${bbox.join(',')} -> ${path.relative(process.cwd(), out) || out}`);

  let text: string | Uint8Array;
  let provenance: Record<string, unknown>;
  if (source === 'osm') {
    const r = await fetchOverpass(bbox, options);
    provenance = { url: values.endpoint ?? OVERPASS_URL, method: 'POST', query: r.query, osm_base: r.osmBase, elements: r.counts, from_cache: r.fromCache, fetched_at: r.fetchedAt, crs: 'EPSG:4326', format: 'overpass-json' };
    log(`  ${Object.entries(r.counts).map(([k, n]) => `${n} ${k}s`).join(', ') || 'no elements'}${r.fromCache ? ' (from the cache)' : ''}`);
    if (/\.geojson$/i.test(out)) {
      // GeoJSON wanted: the Overpass reader of src/io converts (ways -> lines/polygons, relations -> multipolygons).
      const osm = readOverpassJson(r.body, { file: values.out });
      text = stringifyFeatureCollection(osm.features, { precision: 7 });
      provenance = { ...provenance, format: 'geojson', features: osm.features.length, problems: osm.problems.length };
      if (osm.problems.length) log(`  ${osm.problems.length} element(s) could not be made into features (first: ${osm.problems[0].detail}); --out F.json keeps the raw answer`);
    } else text = r.body;
  } else if (source === 'statbel-sectors') {
    const r = await fetchStatbelSectors(bbox, { ...options, year });
    text = fetchedGeojson(r.features, r.crs);
    provenance = { url: values.endpoint ?? statbelSectorsUrl(year), method: 'GET', entry: r.entry, sectors_in_file: r.total, features: r.features.length, from_cache: r.fromCache, fetched_at: r.fetchedAt, crs: r.crs, format: 'geojson' };
    log(`  ${r.features.length} of ${r.total} sectors meet the box${r.fromCache ? ' (from the cache)' : ''}`);
  } else {
    const r = await fetchGrb(layer, bbox, options);
    text = fetchedGeojson(r.features, r.crs);
    provenance = { url: values.endpoint ?? GRB_WFS_URL, method: 'GET', type_name: r.typeName, pages: r.pages, number_matched: r.numberMatched, duplicates_dropped: r.duplicates, features: r.features.length, from_cache: r.fromCache, fetched_at: r.fetchedAt, crs: r.crs, format: 'geojson', requests: r.urls };
    log(`  ${r.features.length} ${r.typeName} features in ${r.pages} page(s)${r.duplicates ? `, ${r.duplicates} duplicates dropped` : ''}${r.fromCache ? ' (from the cache)' : ''}`);
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
  const sidecar = { source, bbox_wgs84: bbox, ...provenance, sha256: hashBytes(text), licence: LICENCES[source] };
  writeFileSync(`${out}.source.json`, JSON.stringify(sidecar, null, 1) + '\n');
  log(`  wrote ${path.relative(process.cwd(), out) || out} and ${path.basename(out)}.source.json`);
  return 0;
}

function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'wijkatlas');
}
