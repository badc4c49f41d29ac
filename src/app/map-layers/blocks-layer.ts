import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';

export interface BlocksLayerOptions {
  /** The blocks; keep the reference stable (memoise). */
  data: FeatureCollection;
  /** Fill colour per feature index as flat RGBA bytes, precomputed (see blockColors). */
  fillColors: Uint8Array;
  /** Changes whenever `fillColors` changes, so deck.gl recomputes the colour attribute. */
  colorKey: string;
  /** @default true */
  visible?: boolean;
  /** @default 1 */
  opacity?: number;
}

const NO_COLOR = new Uint8Array(4);

/** Street blocks filled by class colour, with thin dark outlines (so the lightest class still reads as a block); pickable. */
export function createBlocksLayer({ data, fillColors, colorKey, visible = true, opacity = 1 }: BlocksLayerOptions): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'blocks',
    data,
    visible,
    opacity,
    filled: true,
    stroked: true,
    getFillColor: (_: Feature, { index }: { index: number }) => (index * 4 < fillColors.length ? fillColors.subarray(index * 4, index * 4 + 4) : NO_COLOR),
    getLineColor: [60, 60, 60, 230],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    pickable: true,
    updateTriggers: { getFillColor: colorKey },
  });
}
