// The optional raster basemap: XYZ or WMTS (KVP) tiles from a URL template. Loaded lazily (import()),
// only when the user switches the basemap on, so the tile code is not in the initial bundle.
import { BitmapLayer, TileLayer } from 'deck.gl';

export interface BasemapConfig {
  /** Stable id, used in the URL state. */
  id: string;
  /** Shown in the layers panel. */
  name: string;
  /** Tile URL with {z}, {x}, {y} (XYZ) or a WMTS GetTile request with TILEMATRIX={z}&TILEROW={y}&TILECOL={x}. */
  url: string;
  /** Credit line shown in the provenance bar while the basemap is on. */
  attribution: string;
  /** @default 19 */
  maxZoom?: number;
}

/** The tile URL for one tile. */
export function tileUrl(template: string, x: number, y: number, z: number): string {
  return template.replace(/\{z\}/g, String(z)).replace(/\{x\}/g, String(x)).replace(/\{y\}/g, String(y));
}

/** A deck.gl TileLayer of bitmap tiles for `config`. */
export function createBasemapLayer(config: BasemapConfig, { visible = true, opacity = 1 }: { visible?: boolean; opacity?: number } = {}): TileLayer {
  return new TileLayer({
    id: 'basemap',
    visible,
    opacity,
    minZoom: 0,
    maxZoom: config.maxZoom ?? 19,
    tileSize: 256,
    getTileData: async ({ index, signal }) => {
      const res = await fetch(tileUrl(config.url, index.x, index.y, index.z), { signal, mode: 'cors', credentials: 'omit' });
      if (!res.ok) return null;
      return createImageBitmap(await res.blob());
    },
    renderSubLayers: (props) => {
      const [[west, south], [east, north]] = props.tile.boundingBox;
      return new BitmapLayer({ ...props, data: undefined, image: props.data, bounds: [west, south, east, north] });
    },
  });
}
