import { Clipper, FillRule, type PathsD } from 'clipper2-ts';
import type { Areal } from '../types.ts';
import { ringSignedArea } from './ring-signed-area.ts';

/** Decimal places clipper2 keeps (coordinates are scaled to integers internally): 6 = 1 µm. */
export const CLIP_PRECISION = 6;

/**
 * Converts a Polygon or MultiPolygon to clipper2 paths translated to a local origin, with outer rings
 * counter-clockwise and holes clockwise, so that the NonZero fill rule keeps holes open whatever the
 * orientation of the input (GeoJSON asks for CCW outer rings, shapefiles store them clockwise).
 *
 * @param geometry polygon or multipolygon
 * @param originX subtracted from every x (e.g. the block's bbox minX)
 * @param originY subtracted from every y
 * @returns clipper2 PathsD
 * @example
 * arealToClipperPaths({ type: 'Polygon', coordinates: [[[100, 100], [110, 100], [110, 110], [100, 100]]] }, 100, 100);
 * // [[{x: 0, y: 0}, {x: 10, y: 0}, {x: 10, y: 10}, {x: 0, y: 0}]]
 */
export function arealToClipperPaths(geometry: Areal, originX: number, originY: number): PathsD {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const paths: PathsD = [];
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const path = ring.map((p) => ({ x: p[0] - originX, y: p[1] - originY }));
      const wantPositive = i === 0;
      if (ringSignedArea(ring) > 0 !== wantPositive) path.reverse();
      paths.push(path);
    });
  }
  return paths;
}

/**
 * Area of the intersection of two clipper2 path sets prepared by {@link arealToClipperPaths} (same origin).
 * Throws whatever clipper2 throws.
 *
 * @example
 * clipperIntersectionArea(arealToClipperPaths(a, x0, y0), arealToClipperPaths(b, x0, y0));
 */
export function clipperIntersectionArea(subject: PathsD, clip: PathsD, precision: number = CLIP_PRECISION): number {
  const result = Clipper.intersectD(subject, clip, FillRule.NonZero, precision);
  let sum = 0;
  for (const path of result) sum += Clipper.areaD(path);
  return Math.abs(sum);
}

/**
 * True planar intersection area of two polygons or multipolygons, computed with clipper2
 * (`Clipper.intersectD`, NonZero fill, 6 decimals) after translating both to a local origin: large
 * Lambert 72 coordinates (~10^5 m) would otherwise eat the precision. Unlike turf.intersect (which
 * throws "Unable to complete output ring" on some valid pairs), clipper2 handles every valid pair we
 * tried; on the regression pair of docs/joins.md it gives 12.098389 m² where GEOS gives 12.098392 m².
 * May still throw on pathological input: callers must catch and report, never drop area silently.
 *
 * @param a first polygon or multipolygon (planar metres)
 * @param b second polygon or multipolygon (same CRS)
 * @param options `origin` [x, y] for the translation (default: first vertex of `a`); `precision` in decimals (default 6)
 * @returns intersection area in m² (0 when disjoint or only touching)
 * @example
 * const a = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] } as const;
 * const b = { type: 'Polygon', coordinates: [[[5, 5], [15, 5], [15, 15], [5, 15], [5, 5]]] } as const;
 * arealIntersectionArea(a, b); // 25
 */
export function arealIntersectionArea(a: Areal, b: Areal, options: { origin?: [number, number]; precision?: number } = {}): number {
  const first = a.type === 'Polygon' ? a.coordinates[0]?.[0] : a.coordinates[0]?.[0]?.[0];
  const [ox, oy] = options.origin ?? (first ? [first[0], first[1]] : [0, 0]);
  return clipperIntersectionArea(arealToClipperPaths(a, ox, oy), arealToClipperPaths(b, ox, oy), options.precision ?? CLIP_PRECISION);
}
