import proj4 from 'proj4';
import { LAMBERT72_PROJ4 } from '../crs/lambert72-proj4.ts';
import type { XY } from '../types.ts';

export { LAMBERT72_PROJ4 };

/**
 * Projection between WGS84 lon/lat and Belgian Lambert 72 metres, for planning in the browser.
 *
 * @returns forward (lon/lat → x/y) and inverse (x/y → lon/lat)
 * @example
 * const { forward } = lambert72(); forward([4.4937, 51.0206]); // ≈ [158 500, 190 000]
 */
export function lambert72(): { forward: (p: readonly number[]) => XY; inverse: (p: readonly number[]) => XY } {
  const c = proj4('EPSG:4326', LAMBERT72_PROJ4);
  return {
    forward: (p) => c.forward([p[0], p[1]]) as XY,
    inverse: (p) => c.inverse([p[0], p[1]]) as XY,
  };
}
