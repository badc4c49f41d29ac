import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';

export type RGBA = [number, number, number, number];
export type HotspotMode = 'gi-star' | 'lisa';

/** Gi* classes −3…3 (cold 99 % … hot 99 %), ArcGIS Hot Spot Analysis colours (diverging blue–red). */
export const HOTSPOT_COLORS: Record<number, RGBA> = {
  [-3]: [33, 102, 172, 220],
  [-2]: [103, 169, 207, 210],
  [-1]: [209, 229, 240, 200],
  0: [235, 235, 235, 120],
  1: [253, 219, 199, 200],
  2: [239, 138, 98, 210],
  3: [178, 24, 43, 220],
};

/** LISA cluster map colours as GeoDa draws them; not significant grey, no neighbours dark grey. */
export const LISA_COLORS: Record<'HH' | 'LL' | 'LH' | 'HL' | 'ns' | 'island', RGBA> = {
  HH: [215, 25, 28, 220],
  LL: [44, 123, 182, 220],
  LH: [171, 217, 233, 210],
  HL: [253, 174, 97, 210],
  ns: [235, 235, 235, 120],
  island: [110, 110, 110, 200],
};

const NO_DATA: RGBA = [0, 0, 0, 0];

export interface HotspotLayerProps {
  /** The blocks, same reference as the analysis (keep it stable: memoise). */
  data: FeatureCollection;
  /** Fill colour per feature index, precomputed by hotspotFillColors. */
  fillColors: readonly RGBA[];
  /** Changes whenever the colours change (field, mode, q, run), so deck.gl recomputes them. */
  colorKey: string;
  /** Layer id. @default 'hotspots' */
  id?: string;
  /** @default true */
  visible?: boolean;
}

/**
 * Colour per block for a hot spot (Gi* classes) or LISA cluster map. Blocks not analysed (missing
 * value) are transparent.
 *
 * @param count number of blocks in the layer
 * @param analysed indices of the analysed blocks
 * @param mode 'gi-star' or 'lisa'
 * @param result per analysed block: Gi* class, or LISA quadrant with its FDR significance
 */
export function hotspotFillColors(
  count: number,
  analysed: readonly number[],
  mode: HotspotMode,
  result: { giStarClass: readonly number[]; lisaQuadrant: readonly (string | null)[]; lisaSignificant: readonly boolean[] },
): RGBA[] {
  const colors: RGBA[] = new Array(count).fill(NO_DATA);
  analysed.forEach((block, k) => {
    if (mode === 'gi-star') colors[block] = result.lisaQuadrant[k] === null ? LISA_COLORS.island : HOTSPOT_COLORS[result.giStarClass[k]] ?? NO_DATA;
    else {
      const quad = result.lisaQuadrant[k] as keyof typeof LISA_COLORS | null;
      colors[block] = quad === null ? LISA_COLORS.island : result.lisaSignificant[k] ? LISA_COLORS[quad] : LISA_COLORS.ns;
    }
  });
  return colors;
}

/** Hot spot / LISA cluster fill over the blocks, thin outlines, pickable for the tooltip. */
export function createHotspotLayer({ data, fillColors, colorKey, id = 'hotspots', visible = true }: HotspotLayerProps): GeoJsonLayer {
  return new GeoJsonLayer({
    id,
    data,
    visible,
    filled: true,
    stroked: true,
    getFillColor: (_: Feature, { index }: { index: number }) => fillColors[index] ?? NO_DATA,
    getLineColor: [70, 70, 70, 160],
    getLineWidth: 0.5,
    lineWidthUnits: 'pixels',
    pickable: true,
    updateTriggers: { getFillColor: colorKey },
  });
}
