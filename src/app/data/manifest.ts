// The shape of layers/manifest.json as `wijkatlas build` writes it (schema_version 1), and its check.
import type { Localized } from '../i18n.ts';
import type { BasemapConfig } from '../map-layers/basemap-layer.ts';

export const SUPPORTED_SCHEMA_VERSION = 1;

export interface ManifestField {
  name: string;
  type: 'number' | 'integer' | 'string' | 'boolean';
  theme?: string;
  /** Unit shown after values, e.g. "%"; may be localised. */
  unit?: string | Localized;
  label: Localized;
  description?: Localized;
  source?: string;
}

export interface ManifestLayer {
  id: string;
  file: string;
  kind: 'blocks' | 'context' | string;
  geometry: string;
  features: number;
  label: Localized;
  sources: string[];
  fields: ManifestField[];
}

export interface AtlasManifest {
  schema_version: number;
  atlas: {
    id: string;
    title: Localized;
    demo: boolean;
    /** [minLon, minLat, maxLon, maxLat] in WGS84. */
    bbox: [number, number, number, number];
    data_date?: string;
  };
  attribution: Localized[];
  default_indicator?: string;
  inputs: unknown[];
  layers: ManifestLayer[];
  /** Basemaps from the atlas config (`basemaps`); absent: the app's default list (src/app/config.ts). */
  basemaps?: BasemapConfig[];
  /** Patrol start from the atlas config (`patrol`); absent: the street point nearest the area's centre. */
  patrol?: { start: [number, number]; startLabel: string | { nl: string; en?: string } };
}

/** Check the parts of a manifest the app relies on; throws an Error that says what is wrong and what to do. */
export function parseManifest(json: unknown): AtlasManifest {
  const m = json as Partial<AtlasManifest> | null;
  const rebuild = 'Rebuild the layers with `node bin/wijkatlas.mjs build`.';
  if (!m || typeof m !== 'object') throw new Error(`manifest.json: expected a JSON object. ${rebuild}`);
  if (m.schema_version !== SUPPORTED_SCHEMA_VERSION) {
    throw new Error(`manifest.json: expected schema_version ${SUPPORTED_SCHEMA_VERSION}, found ${String(m.schema_version)}. ${rebuild}`);
  }
  const bbox = m.atlas?.bbox;
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(Number.isFinite) || bbox[0] > bbox[2] || bbox[1] > bbox[3]) {
    throw new Error(`manifest.json: expected atlas.bbox [minLon, minLat, maxLon, maxLat], found ${JSON.stringify(bbox)}. ${rebuild}`);
  }
  if (!Array.isArray(m.layers) || !m.layers.some((l) => l.kind === 'blocks')) {
    throw new Error(`manifest.json: expected a layer of kind "blocks". ${rebuild}`);
  }
  return { ...m, attribution: m.attribution ?? [], inputs: m.inputs ?? [] } as AtlasManifest;
}

/** The numeric fields of the blocks layer, in manifest order: the indicators a user can map. */
export function numericFields(layer: ManifestLayer): ManifestField[] {
  return layer.fields.filter((f) => f.type === 'number' || f.type === 'integer');
}
