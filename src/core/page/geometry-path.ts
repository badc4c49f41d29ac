import type { Geometry, Position } from 'geojson';

/** Longitude/latitude -> page mm. */
export type ProjectFn = (lonLat: readonly [number, number]) => [number, number];

/**
 * SVG path data (absolute M/L/Z, mm rounded to 0.01) of a GeoJSON geometry projected onto the page.
 * Rings and lines become sub-paths; consecutive points that round to the same spot are dropped. Points
 * and null geometries give ''. Draw polygons with fill-rule evenodd so holes stay open.
 *
 * @param geometry - a GeoJSON geometry in longitude/latitude
 * @param project - longitude/latitude to mm (a fitted projection)
 * @returns path data, '' when nothing is drawable
 * @example
 * geometryPath({ type: 'LineString', coordinates: [[4.48, 51.01], [4.49, 51.02]] }, p.project); // 'M12.3 45.6L…'
 */
export function geometryPath(geometry: Geometry | null | undefined, project: ProjectFn): string {
  if (!geometry) return '';
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.map((ring) => line(ring, project, true)).join('');
    case 'MultiPolygon':
      return geometry.coordinates.map((poly) => poly.map((ring) => line(ring, project, true)).join('')).join('');
    case 'LineString':
      return line(geometry.coordinates, project, false);
    case 'MultiLineString':
      return geometry.coordinates.map((l) => line(l, project, false)).join('');
    case 'GeometryCollection':
      return geometry.geometries.map((g) => geometryPath(g, project)).join('');
    default:
      return '';
  }
}

function line(positions: Position[], project: ProjectFn, closed: boolean): string {
  let out = '';
  let last = '';
  let first = '';
  let n = 0;
  for (const p of positions) {
    const [x, y] = project([p[0], p[1]]);
    const xy = `${round(x)} ${round(y)}`;
    if (xy === last) continue;
    if (n === 0) first = xy;
    out += (n === 0 ? 'M' : 'L') + xy;
    last = xy;
    n++;
  }
  if (closed && n > 1 && last === first) {
    out = out.slice(0, out.length - xy(last).length);
    n--;
  }
  if (n < 2) return '';
  return closed ? out + 'Z' : out;
}

const xy = (s: string) => `L${s}`;

/** mm rounded to 0.01 (a hundredth of a millimetre is far below what a printer can show). */
export function round(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
