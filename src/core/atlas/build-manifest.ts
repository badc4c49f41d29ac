import { UserError } from '../user-error.ts';
import type { AtlasConfig, Label } from '../config/atlas-config.ts';
import type { FieldSpec } from './block-field-catalogue.ts';

/** Version of layers/manifest.json. Bump on incompatible changes. */
export const MANIFEST_SCHEMA_VERSION = 1;

export interface ManifestInput {
  id: string;
  path: string;
  sha256: string;
  records: number;
  format: string;
  crs: string;
}

export interface ManifestLayer {
  id: string;
  file: string;
  /** 'density': layers/incident-density.json (IncidentDensityLayer), not GeoJSON. */
  kind: 'blocks' | 'context' | 'density';
  geometry: string;
  features: number;
  label: Label;
  sources: string[];
  fields: FieldSpec[];
}

export interface Manifest {
  schema_version: number;
  atlas: { id: string; title: Label; demo: boolean; bbox: [number, number, number, number]; data_date: string | null; working_crs: string };
  attribution: Label[];
  default_indicator: string;
  inputs: ManifestInput[];
  layers: ManifestLayer[];
  /** The config's basemaps in the app's shape (absent: the app's OpenStreetMap default). */
  basemaps?: Array<{ id: string; name: string; url: string; attribution: string; maxZoom?: number }>;
  /** The config's patrol start (absent: the app starts at the street point nearest the area's centre). */
  patrol?: { start: [number, number]; startLabel: string | { nl: string; en: string } };
}

/** How far (degrees, about 2 km) the patrol start may lie outside the blocks' bounding box. */
const PATROL_START_MARGIN = 0.03;

/**
 * Assembles layers/manifest.json from the config, the inputs read and the layers written. Deterministic:
 * no build time in it, so the same inputs give a byte-identical manifest.
 *
 * @example
 * buildManifest(config, { bbox, inputs, layers });
 */
export function buildManifest(
  config: AtlasConfig,
  parts: { bbox: [number, number, number, number]; inputs: ManifestInput[]; layers: ManifestLayer[] },
): Manifest {
  const start = config.patrol?.start;
  if (start) {
    const [w, south, e, north] = parts.bbox;
    const m = PATROL_START_MARGIN;
    if (start[0] < w - m || start[0] > e + m || start[1] < south - m || start[1] > north + m) {
      throw new UserError(
        `atlas config: field "patrol.start": expected a point in or near the atlas area (longitude ${w.toFixed(4)}…${e.toFixed(4)}, latitude ${south.toFixed(4)}…${north.toFixed(4)}), found [${start.join(', ')}]; check the order [longitude, latitude].`,
      );
    }
  }
  const attribution = [...config.attribution];
  if (config.demo && !attribution.some((a) => a.nl.includes('Demogegevens'))) {
    attribution.unshift({ nl: 'Demogegevens — synthetisch', en: 'Demo data — synthetic' });
  }
  return {
    schema_version: MANIFEST_SCHEMA_VERSION,
    atlas: {
      id: config.id,
      title: config.title,
      demo: config.demo === true,
      bbox: parts.bbox,
      data_date: config.data_date ?? null,
      working_crs: config.working_crs ?? 'EPSG:31370',
    },
    attribution,
    default_indicator: config.default_indicator ?? 'pct_built_before_1945',
    inputs: [...parts.inputs].sort((a, b) => a.id.localeCompare(b.id)),
    layers: parts.layers,
    ...(start ? { patrol: { start: [start[0], start[1]] as [number, number], startLabel: config.patrol?.start_label ?? 'het startpunt' } } : {}),
    ...(config.basemaps?.length ? { basemaps: config.basemaps.map((b) => ({ id: b.id, name: b.name, url: b.url, attribution: b.attribution, ...(b.max_zoom !== undefined ? { maxZoom: b.max_zoom } : {}) })) } : {}),
  };
}
