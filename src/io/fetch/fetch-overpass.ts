/**
 * OpenStreetMap for a study area through the Overpass API: streets (every highway, footways, paths and
 * steps included), railways, buildings, land use / green / leisure / natural areas and trees, as
 * Overpass JSON. The answer is checked (JSON, an `elements` array, no runtime-error remark) and kept as
 * received; the OSM readers of src/io turn it into GeoJSON.
 */
import { UserError } from '../../core/user-error.ts';
import { cachedRequest, type CachedRequestOptions, type FetchedBody } from './cached-request.ts';
import type { LonLatBBox } from './study-bbox.ts';

/** The public Overpass instance (FOSSGIS / overpass-api.de). */
export const OVERPASS_URL = 'https://overpass-api.de/api/interpreter';

/**
 * The Overpass QL query for a study box: ways and multipolygon relations of the wanted keys, tree
 * nodes, and every node the ways use (`>`), as JSON.
 *
 * @example
 * overpassQuery([4.47, 51.01, 4.49, 51.03]);
 */
export function overpassQuery(b: LonLatBBox, timeoutS = 180): string {
  // Overpass bbox order: south, west, north, east.
  const box = `${b[1]},${b[0]},${b[3]},${b[2]}`;
  return [
    `[out:json][timeout:${Math.round(timeoutS)}][bbox:${box}];`,
    '(',
    '  way["highway"];',
    '  way["railway"];',
    '  way["building"];',
    '  relation["building"]["type"="multipolygon"];',
    '  way["landuse"];',
    '  relation["landuse"]["type"="multipolygon"];',
    '  way["leisure"];',
    '  relation["leisure"]["type"="multipolygon"];',
    '  way["natural"];',
    '  relation["natural"]["type"="multipolygon"];',
    '  node["natural"="tree"];',
    ');',
    '(._;>;);',
    'out body qt;',
  ].join('\n');
}

export interface OverpassResult extends FetchedBody {
  /** Elements per type, e.g. { node: 1200, way: 310, relation: 4 }. */
  counts: Record<string, number>;
  /** osm3s.timestamp_osm_base: the state of the OSM database answered. */
  osmBase: string | null;
  query: string;
}

/**
 * Fetches OSM data for a box from Overpass (POST data=<query>) through the cache.
 *
 * @param bbox WGS 84 box
 * @param options endpoint (default OVERPASS_URL), cache, timeout, retries …
 * @example
 * const r = await fetchOverpass([4.47, 51.01, 4.49, 51.03], { source: 'osm', cacheDir: '.cache' });
 */
export async function fetchOverpass(bbox: LonLatBBox, options: CachedRequestOptions & { endpoint?: string }): Promise<OverpassResult> {
  const endpoint = options.endpoint ?? OVERPASS_URL;
  const query = overpassQuery(bbox, Math.max(25, options.timeoutS ?? 180));
  const request = { url: endpoint, method: 'POST' as const, body: `data=${encodeURIComponent(query)}` };
  const fetched = await cachedRequest(request, {
    ...options,
    manualUrl: options.manualUrl ?? 'https://overpass-turbo.eu (paste the query of docs/fetch.md, export as raw OSM data)',
    validate: (body) => void checkOverpassJson(body, options.source),
  });
  const checked = checkOverpassJson(fetched.body, options.source);
  return { ...fetched, ...checked, query };
}

/**
 * Checks an Overpass JSON answer: JSON, an object with an `elements` array, and no "runtime error"
 * remark (Overpass then answers 200 with PARTIAL data, which must not pass silently).
 *
 * @example
 * checkOverpassJson(bytes, 'osm').counts; // { node: 90, way: 2 }
 */
export function checkOverpassJson(body: Uint8Array, source: string): { counts: Record<string, number>; osmBase: string | null } {
  const text = new TextDecoder('utf-8').decode(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`${source}: expected Overpass JSON, found ${describeStart(text)}; the server may be overloaded — try again later or another --endpoint`);
  }
  const o = json as { elements?: unknown; remark?: unknown; osm3s?: { timestamp_osm_base?: unknown } };
  if (!o || typeof o !== 'object' || !Array.isArray(o.elements)) {
    throw new UserError(`${source}: expected Overpass JSON with an "elements" array, found ${Array.isArray(json) ? 'an array' : `an object with keys ${Object.keys(o ?? {}).slice(0, 8).join(', ') || '(none)'}`}`);
  }
  if (typeof o.remark === 'string' && /error/i.test(o.remark)) {
    throw new UserError(`${source}: Overpass stopped with "${o.remark.trim().slice(0, 200)}" and sent partial data (${o.elements.length} elements), which is not kept; raise --timeout or use a smaller area`);
  }
  const counts: Record<string, number> = {};
  o.elements.forEach((e, i) => {
    const type = (e as { type?: unknown })?.type;
    if (type !== 'node' && type !== 'way' && type !== 'relation') throw new UserError(`${source}: element ${i + 1} of the Overpass answer has type ${JSON.stringify(type)}; expected node, way or relation`);
    counts[type] = (counts[type] ?? 0) + 1;
  });
  return { counts, osmBase: typeof o.osm3s?.timestamp_osm_base === 'string' ? o.osm3s.timestamp_osm_base : null };
}

/** "HTML (…)" or "text "…"" for messages. */
export function describeStart(text: string): string {
  const t = text.trim();
  if (t === '') return 'an empty answer';
  const excerpt = t.replace(/\s+/g, ' ').slice(0, 80);
  if (/^<(!doctype|html|\?xml)/i.test(t)) return `HTML/XML ("${excerpt}")`;
  return `text "${excerpt}"`;
}
