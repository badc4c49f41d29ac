// Context drawn under the blocks: neighbourhood outline, land cover, streets, railways. Muted on purpose:
// the blocks' colours carry the message. Every layer is always created (stable ids) and hidden when its
// data is missing.
import { PathStyleExtension } from '@deck.gl/extensions';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { FeatureCollection } from 'geojson';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const dashes = new PathStyleExtension({ dash: true });

/** Neighbourhood area: a white field with a dark outline, so the studied area stands out from the page. */
export function createAreaLayer(data: FeatureCollection | undefined): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'area',
    data: data ?? EMPTY,
    visible: Boolean(data),
    filled: true,
    stroked: true,
    getFillColor: [255, 255, 255, 235],
    getLineColor: [70, 70, 70, 255],
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
  });
}

/** Land cover, muted green-grey. */
export function createLandcoverLayer(data: FeatureCollection | undefined): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'landcover',
    data: data ?? EMPTY,
    visible: Boolean(data),
    filled: true,
    stroked: false,
    getFillColor: [214, 226, 206, 200],
  });
}

/** Streets, light grey, about 8 m wide but never thinner than a pixel. */
export function createStreetsLayer(data: FeatureCollection | undefined): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'streets',
    data: data ?? EMPTY,
    visible: Boolean(data),
    stroked: true,
    filled: false,
    getLineColor: [218, 218, 218, 255],
    getLineWidth: 8,
    lineWidthUnits: 'meters',
    lineWidthMinPixels: 1,
    lineCapRounded: true,
    lineJointRounded: true,
  });
}

/** Railways, dark grey and dashed. */
export function createRailwaysLayer(data: FeatureCollection | undefined): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'railways',
    data: data ?? EMPTY,
    visible: Boolean(data),
    stroked: true,
    filled: false,
    getLineColor: [80, 80, 80, 255],
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    extensions: [dashes],
    getDashArray: [4, 3],
    dashJustified: true,
  });
}
