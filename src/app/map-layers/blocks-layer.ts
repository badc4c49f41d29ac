import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { RGBA } from '../state/block-style.ts';

export interface BlocksLayerOptions {
  /** The blocks; keep the reference stable (memoise). */
  data: FeatureCollection;
  /** Fill colour per feature index, precomputed (see blockStyle). */
  fillColors: readonly RGBA[];
  /** Changes whenever `fillColors` changes (the indicator's name), so deck.gl recomputes the colours. */
  colorKey: string;
  /** @default true */
  visible?: boolean;
}

const NO_COLOR: RGBA = [0, 0, 0, 0];

/** Street blocks filled by class colour, with thin dark outlines (so the lightest class still reads as a block); pickable for the tooltip. */
export function createBlocksLayer({ data, fillColors, colorKey, visible = true }: BlocksLayerOptions): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'blocks',
    data,
    visible,
    filled: true,
    stroked: true,
    getFillColor: (_: Feature, { index }: { index: number }) => fillColors[index] ?? NO_COLOR,
    getLineColor: [60, 60, 60, 230],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    pickable: true,
    updateTriggers: { getFillColor: colorKey },
  });
}
