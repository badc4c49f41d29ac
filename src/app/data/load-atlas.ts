// Fetches the manifest and every GeoJSON layer it lists (other kinds load on demand in their panel). The blocks layer is required; a context layer that
// fails to load is left out with a warning so the map still shows the indicators.
import type { FeatureCollection } from 'geojson';
import { parseManifest, type AtlasManifest, type ManifestLayer } from './manifest.ts';

export interface LoadedAtlas {
  manifest: AtlasManifest;
  blocksLayer: ManifestLayer;
  /** GeoJSON by layer id. */
  data: Record<string, FeatureCollection>;
  /** Layers that could not be loaded, with the reason. */
  failed: { id: string; reason: string }[];
  /** The layers directory as an absolute URL: panels fetch their own (non-GeoJSON) layers from it, e.g. kind 'density'. */
  baseUrl: string;
}

/** Layer kinds that are not GeoJSON: their panels load them on demand (loadLayerJson), not at start. */
const ON_DEMAND = new Set(['density']);

/** Fetch a layer file of the atlas (e.g. layers/incident-density.json) as JSON. */
export async function loadLayerJson(atlas: LoadedAtlas, layer: ManifestLayer): Promise<unknown> {
  return fetchJson(new URL(layer.file, atlas.baseUrl));
}

async function fetchJson(url: URL): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status} ${res.statusText}`);
  return res.json();
}

/**
 * Load an atlas from a layers directory URL.
 * @param layersUrl - URL of the layers directory, resolved against the page. @default 'layers/'
 */
export async function loadAtlas(layersUrl = 'layers/'): Promise<LoadedAtlas> {
  const base = new URL(layersUrl, document.baseURI);
  const manifest = parseManifest(await fetchJson(new URL('manifest.json', base)));
  const blocksLayer = manifest.layers.find((l) => l.kind === 'blocks') as ManifestLayer;
  const geojson = manifest.layers.filter((l) => !ON_DEMAND.has(l.kind));
  const results = await Promise.allSettled(geojson.map((l) => fetchJson(new URL(l.file, base))));

  const data: Record<string, FeatureCollection> = {};
  const failed: LoadedAtlas['failed'] = [];
  results.forEach((r, i) => {
    const layer = geojson[i];
    const value = r.status === 'fulfilled' ? (r.value as FeatureCollection) : null;
    if (value && value.type === 'FeatureCollection' && Array.isArray(value.features)) data[layer.id] = value;
    else failed.push({ id: layer.id, reason: r.status === 'rejected' ? String((r.reason as Error).message) : 'not a FeatureCollection' });
  });
  const blocksFailure = failed.find((f) => f.id === blocksLayer.id);
  if (blocksFailure) throw new Error(`blocks layer (${blocksLayer.file}): ${blocksFailure.reason}`);
  for (const f of failed) console.warn(`Wijkatlas: layer "${f.id}" left out: ${f.reason}`);
  return { manifest, blocksLayer, data, failed, baseUrl: base.href };
}
