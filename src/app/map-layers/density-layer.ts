import { BitmapLayer } from '@deck.gl/layers';

export type RGBA = [number, number, number, number];

/**
 * RdPu (ColorBrewer, 9 classes), the ramp of the density surface: a hue family of its own, so the
 * surface is not read as the blocks' choropleth (YlOrRd by default) it is drawn over.
 */
const RAMP: [number, number, number][] = [
  [255, 247, 243],
  [253, 224, 221],
  [252, 197, 192],
  [250, 159, 181],
  [247, 104, 161],
  [221, 52, 151],
  [174, 1, 126],
  [122, 1, 119],
  [73, 0, 106],
];

/**
 * Colour of a density value on a scale from 0 to `max`: RdPu, transparent at 0 and fading in over
 * the lowest 15 % so the streets stay readable where there is little; values above max get the top colour.
 *
 * @example densityColor(50, 100); // [247, 104, 161, 215]
 */
export function densityColor(value: number, max: number): RGBA {
  if (!(value > 0) || !(max > 0)) return [0, 0, 0, 0];
  const t = Math.min(1, value / max);
  const x = t * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const c = RAMP[i].map((v, k) => Math.round(v + (RAMP[i + 1][k] - v) * f)) as [number, number, number];
  const alpha = Math.round(215 * Math.min(1, t / 0.15));
  return [c[0], c[1], c[2], alpha];
}

export interface DensityLayerProps {
  /** Density per cell, row-major, top row first. */
  values: ArrayLike<number>;
  width: number;
  height: number;
  /** The grid's corners in WGS84: bottom-left, top-left, top-right, bottom-right (the layer file's corners_wgs84). */
  corners: [number, number][];
  /** Top of the colour scale (per km²). */
  max: number;
  /** @default 'incident-density' */
  id?: string;
  /** @default 0.85 */
  opacity?: number;
}

/** RGBA pixels of the surface, one pixel per cell (top row first, as the image). */
export function densityPixels(values: ArrayLike<number>, width: number, height: number, max: number): Uint8ClampedArray {
  const px = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) px.set(densityColor(values[i], max), i * 4);
  return px;
}

/**
 * The kernel density surface as a deck.gl BitmapLayer: one pixel per grid cell, placed by the grid's
 * four corners (the Lambert 72 grid is slightly turned against north in Web Mercator, so a
 * [left, bottom, right, top] box would misplace it by metres), smoothed by linear filtering.
 */
export function createDensityLayer({ values, width, height, corners, max, id = 'incident-density', opacity = 0.85 }: DensityLayerProps): BitmapLayer {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('createDensityLayer: no 2D canvas context');
  const image = new ImageData(densityPixels(values, width, height, max) as Uint8ClampedArray<ArrayBuffer>, width, height);
  ctx.putImageData(image, 0, 0);
  return new BitmapLayer({
    id,
    image: canvas,
    bounds: corners.map(([x, y]) => [x, y]) as [[number, number], [number, number], [number, number], [number, number]],
    opacity,
    pickable: false,
    textureParameters: { minFilter: 'linear', magFilter: 'linear' },
  });
}
