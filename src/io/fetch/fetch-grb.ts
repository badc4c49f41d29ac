/**
 * GRB (Grootschalig Referentiebestand, Digitaal Vlaanderen) through the Flemish WFS: buildings
 * ("gebouw aan de grond", GRB:GBG) or road segments (GRB:Wegsegment), in Lambert 72, page by page
 * (startIndex / count) until the service has sent every feature it matched.
 */
import type { Feature } from 'geojson';
import { UserError } from '../../core/user-error.ts';
import { cachedRequest, type CachedRequestOptions } from './cached-request.ts';
import { describeStart } from './fetch-overpass.ts';
import { bboxInCrs, type LonLatBBox } from './study-bbox.ts';

/** The GRB WFS of Digitaal Vlaanderen. */
export const GRB_WFS_URL = 'https://geo.api.vlaanderen.be/GRB/wfs';

/** Layers Wijkatlas fetches, and their WFS feature types. */
export const GRB_LAYERS = {
  /** Gbg: gebouw aan de grond (building footprints). */
  buildings: 'GRB:GBG',
  /** Wegsegment: road centre lines (the Wegenregister segments published with the GRB). */
  roads: 'GRB:Wegsegment',
} as const;
export type GrbLayer = keyof typeof GRB_LAYERS;

export interface GrbResult {
  features: Feature[];
  crs: 'EPSG:31370';
  typeName: string;
  pages: number;
  /** numberMatched of the first page, when the service gives it. */
  numberMatched: number | null;
  /** Features sent twice over the pages (kept once). */
  duplicates: number;
  fromCache: boolean;
  fetchedAt: string;
  urls: string[];
}

/**
 * The GetFeature URL of one page.
 *
 * @example
 * grbPageUrl(GRB_WFS_URL, 'GRB:GBG', [157000, 188000, 159000, 191000], 0, 1000);
 */
export function grbPageUrl(endpoint: string, typeName: string, box: [number, number, number, number], startIndex: number, count: number): string {
  const params = new URLSearchParams({
    service: 'WFS',
    version: '2.0.0',
    request: 'GetFeature',
    typeNames: typeName,
    outputFormat: 'application/json',
    srsName: 'EPSG:31370',
    bbox: `${box.map((v) => v.toFixed(2)).join(',')},EPSG:31370`,
    count: String(count),
    startIndex: String(startIndex),
  });
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}${params.toString()}`;
}

/**
 * Fetches a GRB layer for a box, every page, through the cache. Fewer features than the service said it
 * matched, or a service that ignores startIndex, are UserErrors: no feature is lost silently.
 *
 * @example
 * const r = await fetchGrb('buildings', [4.47, 51.01, 4.49, 51.03], { source: 'grb', cacheDir: '.cache' });
 */
export async function fetchGrb(layer: GrbLayer, bbox: LonLatBBox, options: CachedRequestOptions & { endpoint?: string; pageSize?: number; maxPages?: number }): Promise<GrbResult> {
  const typeName = GRB_LAYERS[layer];
  if (!typeName) throw new UserError(`grb: expected --layer ${Object.keys(GRB_LAYERS).join(' or ')}, found "${layer}"`);
  const { source, pageSize = 1000, maxPages = 1000 } = options;
  const endpoint = options.endpoint ?? GRB_WFS_URL;
  const box = bboxInCrs(bbox, 'EPSG:31370');
  const features: Feature[] = [];
  const seen = new Set<string>();
  const urls: string[] = [];
  let duplicates = 0;
  let numberMatched: number | null = null;
  let fromCache = true;
  let fetchedAt = '';
  for (let page = 0; page < maxPages; page++) {
    const url = grbPageUrl(endpoint, typeName, box, page * pageSize, pageSize);
    urls.push(url);
    const fetched = await cachedRequest({ url }, { ...options, manualUrl: options.manualUrl ?? 'https://download.vlaanderen.be (GRBgis)', validate: (body) => void parsePage(body, source, page + 1) });
    fromCache &&= fetched.fromCache;
    if (fetched.fetchedAt > fetchedAt) fetchedAt = fetched.fetchedAt;
    const json = parsePage(fetched.body, source, page + 1);
    if (page === 0 && typeof json.numberMatched === 'number') numberMatched = json.numberMatched;
    let fresh = 0;
    for (const f of json.features) {
      const id = f.id ?? (f.properties as Record<string, unknown> | null)?.OIDN ?? (f.properties as Record<string, unknown> | null)?.WS_OIDN;
      const key = id === undefined || id === null ? null : String(id);
      if (key !== null && seen.has(key)) {
        duplicates++;
        continue;
      }
      if (key !== null) seen.add(key);
      features.push(f);
      fresh++;
    }
    options.log?.(`${source}: page ${page + 1}: ${json.features.length} features${numberMatched !== null ? ` (${features.length} of ${numberMatched})` : ''}`);
    if (json.features.length < pageSize || (numberMatched !== null && features.length >= numberMatched)) {
      if (numberMatched !== null && features.length < numberMatched) {
        throw new UserError(`${source}: the WFS matched ${numberMatched} ${typeName} features but sent ${features.length} over ${page + 1} page(s); nothing was written — try again (the data may have changed while paging)`);
      }
      return { features, crs: 'EPSG:31370', typeName, pages: page + 1, numberMatched, duplicates, fromCache, fetchedAt, urls };
    }
    if (fresh === 0) throw new UserError(`${source}: page ${page + 1} of ${typeName} repeats features already received; the service ignores startIndex — check --endpoint`);
  }
  throw new UserError(`${source}: more than ${maxPages} pages of ${pageSize} features for ${typeName}; use a smaller area`);
}

function parsePage(body: Uint8Array, source: string, page: number): { features: Feature[]; numberMatched?: unknown } {
  const text = new TextDecoder('utf-8').decode(body);
  if (/^\s*<(\?xml|ows:ExceptionReport|ExceptionReport|ServiceExceptionReport)/i.test(text)) {
    const message = /<(?:ows:)?ExceptionText>([\s\S]*?)<\/(?:ows:)?ExceptionText>/i.exec(text)?.[1] ?? /<ServiceException[^>]*>([\s\S]*?)<\/ServiceException>/i.exec(text)?.[1];
    throw new UserError(`${source}: the WFS answered page ${page} with an error${message ? `: "${message.replace(/\s+/g, ' ').trim().slice(0, 200)}"` : ` (${describeStart(text)})`}; check the layer name and --endpoint`);
  }
  let json: { type?: unknown; features?: unknown; numberMatched?: unknown };
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`${source}: expected GeoJSON from the WFS (page ${page}), found ${describeStart(text)}`);
  }
  if (!json || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new UserError(`${source}: expected a GeoJSON FeatureCollection from the WFS (page ${page}), found ${json && typeof json === 'object' ? `type ${JSON.stringify(json.type)}` : typeof json}`);
  }
  return { features: json.features as Feature[], numberMatched: json.numberMatched };
}
