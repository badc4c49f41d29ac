// Context drawn from the atlas's own data, so the map reads without internet: neighbourhood outline,
// land cover (buildings, paved, green, water), streets, railways, and a plain style for any other
// context layer. Muted on purpose: the blocks' colours carry the message. Ids stay stable and layers
// are hidden rather than removed.
import { PathStyleExtension } from '@deck.gl/extensions';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';

type RGBA = [number, number, number, number];

export interface ContextLayerOptions {
  /** Manifest layer id: `area`, `landcover`, `streets`, `railways` get their own style. */
  id: string;
  data: FeatureCollection;
  /** @default true */
  visible?: boolean;
  /** @default 1 */
  opacity?: number;
}

const dashes = new PathStyleExtension({ dash: true });

/** Land-cover class colours (the build's classes: building, paved, green, water). */
const LANDCOVER: Record<string, RGBA> = {
  building: [196, 186, 176, 255],
  paved: [226, 224, 219, 255],
  green: [199, 223, 178, 255],
  water: [166, 203, 227, 255],
};
const LANDCOVER_OTHER: RGBA = [214, 214, 206, 255];

/** One context layer of the manifest, styled by its id. */
export function createContextLayer({ id, data, visible = true, opacity = 1 }: ContextLayerOptions): GeoJsonLayer {
  const common = { id, data, visible, opacity };
  switch (id) {
    case 'area':
      // a white field with a dark outline, so the studied area stands out from the page
      return new GeoJsonLayer({ ...common, filled: true, stroked: true, getFillColor: [255, 255, 255, 235], getLineColor: [70, 70, 70, 255], getLineWidth: 2, lineWidthUnits: 'pixels' });
    case 'landcover':
      return new GeoJsonLayer({
        ...common,
        filled: true,
        stroked: false,
        getFillColor: (f: Feature) => LANDCOVER[String(f.properties?.class)] ?? LANDCOVER_OTHER,
      });
    case 'streets':
      // light grey, about 8 m wide but never thinner than a pixel
      return new GeoJsonLayer({
        ...common,
        filled: false,
        stroked: true,
        getLineColor: [205, 205, 205, 255],
        getLineWidth: 8,
        lineWidthUnits: 'meters',
        lineWidthMinPixels: 1,
        lineCapRounded: true,
        lineJointRounded: true,
      });
    case 'railways':
      return new GeoJsonLayer({
        ...common,
        filled: false,
        stroked: true,
        getLineColor: [80, 80, 80, 255],
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
        extensions: [dashes],
        getDashArray: [4, 3],
        dashJustified: true,
      });
    default:
      return new GeoJsonLayer({
        ...common,
        filled: true,
        stroked: true,
        getFillColor: [150, 150, 150, 90],
        getLineColor: [90, 90, 90, 255],
        getLineWidth: 1,
        lineWidthUnits: 'pixels',
        pointRadiusUnits: 'pixels',
        getPointRadius: 3,
      });
  }
}
