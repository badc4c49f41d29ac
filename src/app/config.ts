// App-level defaults. The raster basemaps are offered in the layers panel, switched off by default, and
// need no token. An atlas can replace the list with `basemaps` in layers/manifest.json.
import type { BasemapConfig } from './map-layers/basemap-layer.ts';

export const DEFAULT_BASEMAPS: BasemapConfig[] = [
  {
    id: 'osm',
    name: 'OpenStreetMap',
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: '© OpenStreetMap-bijdragers',
    maxZoom: 19,
  },
];

/** Rows drawn by the table at once (the rest is reachable through filters and sorting). */
export const TABLE_ROW_LIMIT = 500;
