import proj4 from 'proj4';
import type { XY } from '../types.ts';

/**
 * EPSG:31370 (BD72 / Belgian Lambert 72) with the datum shift of EPSG transformation 15929 — the
 * same pinned definition as src/io/parse-crs.ts (see there for its source and tests), repeated here
 * so that the browser can plan routes without the io layer.
 */
export const LAMBERT72_PROJ4 =
  '+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 +x_0=150000.013 +y_0=5400088.438 +ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs';

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
