import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature } from 'geojson';

/** Outline colour of selected blocks: Okabe–Ito blue, apart from every class palette and from the hover outline. */
export const SELECTION_RGB: [number, number, number] = [0, 114, 178];

/**
 * Thick outlines around the selected blocks (from a map click or table rows), drawn above the blocks.
 * @param features - the selected features; keep the array stable while the selection does not change
 */
export function createSelectionLayer(features: readonly Feature[]): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'blocks-selection',
    data: features as Feature[],
    visible: features.length > 0,
    filled: false,
    stroked: true,
    getLineColor: [...SELECTION_RGB, 255],
    getLineWidth: 4,
    lineWidthUnits: 'pixels',
    lineJointRounded: true,
  });
}
