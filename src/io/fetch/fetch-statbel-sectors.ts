/**
 * Statbel statistical sectors (Statbel open data, "Statistical sectors <year>"): the GeoJSON (ZIP) in
 * Belgian Lambert 72 is downloaded once (cached), unpacked, and cut to the sectors whose bounding box
 * meets the study area's box.
 */
import type { Feature } from 'geojson';
import { unzipSync } from 'fflate';
import { UserError } from '../../core/user-error.ts';
import { cachedRequest, type CachedRequestOptions, type FetchedBody } from './cached-request.ts';
import { describeStart } from './fetch-overpass.ts';
import { bboxInCrs, type LonLatBBox } from './study-bbox.ts';
import { featureBBox } from './write-fetched-geojson.ts';

/** Year of the default sector file (sectors on 1 January of that year). */
export const STATBEL_SECTORS_YEAR = 2024;

/**
 * Download URL of the sector file of a year on statbel.fgov.be (GeoJSON in a ZIP, EPSG:31370). The
 * landing page is https://statbel.fgov.be/en/open-data/statistical-sectors-<year>.
 *
 * @example
 * statbelSectorsUrl(2024); // 'https://statbel.fgov.be/sites/default/files/files/opendata/Statistische%20sectoren/sh_statbel_statistical_sectors_31370_20240101.geojson.zip'
 */
export function statbelSectorsUrl(year: number = STATBEL_SECTORS_YEAR): string {
  return `https://statbel.fgov.be/sites/default/files/files/opendata/Statistische%20sectoren/sh_statbel_statistical_sectors_31370_${year}0101.geojson.zip`;
}

export interface StatbelSectorsResult extends FetchedBody {
  /** Sectors meeting the study box, in EPSG:31370. */
  features: Feature[];
  /** Sectors in the whole file. */
  total: number;
  crs: 'EPSG:31370';
  /** Name of the GeoJSON file inside the ZIP. */
  entry: string;
}

/**
 * Downloads (or reads from the cache) the Statbel sector file and keeps the sectors of the study box.
 *
 * @example
 * const r = await fetchStatbelSectors([4.47, 51.01, 4.49, 51.03], { source: 'statbel-sectors', cacheDir: '.cache' });
 */
export async function fetchStatbelSectors(bbox: LonLatBBox, options: CachedRequestOptions & { endpoint?: string; year?: number }): Promise<StatbelSectorsResult> {
  const landing = `https://statbel.fgov.be/en/open-data/statistical-sectors-${options.year ?? STATBEL_SECTORS_YEAR}`;
  const url = options.endpoint ?? statbelSectorsUrl(options.year);
  const { source } = options;
  const fetched = await cachedRequest({ url }, { ...options, manualUrl: options.manualUrl ?? landing, validate: (body) => void unpackGeojson(body, source) });
  const { text, entry } = unpackGeojson(fetched.body, source);
  let json: { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`${source}: ${entry} in the download is not valid JSON (${describeStart(text)}); delete the cache entry and fetch again, or download it by hand from ${landing}`);
  }
  if (!json || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new UserError(`${source}: expected a GeoJSON FeatureCollection in ${entry}, found ${json && typeof json === 'object' ? `type ${JSON.stringify(json.type)}` : typeof json}`);
  }
  const declared = String(json.crs?.properties?.name ?? 'EPSG:31370');
  if (!/31370/.test(declared)) throw new UserError(`${source}: expected the sectors in EPSG:31370 (Lambert 72), found crs "${declared}"; use the Lambert 72 file of ${landing}`);
  const [x0, y0, x1, y1] = bboxInCrs(bbox, 'EPSG:31370');
  const features = (json.features as Feature[]).filter((f) => {
    const b = f && featureBBox(f);
    return b !== null && b[0] <= x1 && b[2] >= x0 && b[1] <= y1 && b[3] >= y0;
  });
  return { ...fetched, features, total: json.features.length, crs: 'EPSG:31370', entry };
}

/** The GeoJSON text inside the ZIP (or the body itself when the server sends GeoJSON directly). */
function unpackGeojson(body: Uint8Array, source: string): { text: string; entry: string } {
  const isZip = body.length >= 4 && body[0] === 0x50 && body[1] === 0x4b;
  if (!isZip) {
    const text = new TextDecoder('utf-8').decode(body);
    if (/^\s*\{/.test(text)) return { text, entry: '(GeoJSON answer)' };
    throw new UserError(`${source}: expected a ZIP archive with the sector GeoJSON, found ${describeStart(text)}`);
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(body, { filter: (f) => /\.(geo)?json$/i.test(f.name) });
  } catch (err) {
    throw new UserError(`${source}: the downloaded ZIP is damaged (${(err as Error).message}); delete the cache entry and fetch again`);
  }
  const names = Object.keys(files).sort();
  if (names.length === 0) throw new UserError(`${source}: the downloaded ZIP holds no .geojson file; check --endpoint (the Statbel "GeoJSON (ZIP)" download)`);
  return { text: new TextDecoder('utf-8').decode(files[names[0]]).replace(/^\ufeff/, ''), entry: names[0] };
}
