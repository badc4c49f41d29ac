// Fetches the manifest and every layer it lists. The blocks layer is required; a context layer that
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
  const results = await Promise.allSettled(manifest.layers.map((l) => fetchJson(new URL(l.file, base))));

  const data: Record<string, FeatureCollection> = {};
  const failed: LoadedAtlas['failed'] = [];
  results.forEach((r, i) => {
    const layer = manifest.layers[i];
    const value = r.status === 'fulfilled' ? (r.value as FeatureCollection) : null;
    if (value && value.type === 'FeatureCollection' && Array.isArray(value.features)) data[layer.id] = value;
    else failed.push({ id: layer.id, reason: r.status === 'rejected' ? String((r.reason as Error).message) : 'not a FeatureCollection' });
  });
  const blocksFailure = failed.find((f) => f.id === blocksLayer.id);
  if (blocksFailure) throw new Error(`blocks layer (${blocksLayer.file}): ${blocksFailure.reason}`);
  for (const f of failed) console.warn(`Wijkatlas: layer "${f.id}" left out: ${f.reason}`);
  return { manifest, blocksLayer, data, failed };
}
