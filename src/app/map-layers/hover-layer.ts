import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature } from 'geojson';

const NONE: Feature[] = [];

/**
 * A thick outline around the hovered block. Used instead of deck.gl's autoHighlight, which tints the fill
 * and so makes the block look like another class.
 */
export function createHoverLayer(feature: Feature | null): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'blocks-hover',
    data: feature ? [feature] : NONE,
    visible: Boolean(feature),
    filled: false,
    stroked: true,
    getLineColor: [20, 20, 20, 255],
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
  });
}
