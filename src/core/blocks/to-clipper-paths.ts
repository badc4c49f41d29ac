import type { PathsD } from 'clipper2-ts';
import type { XY } from '../types.ts';

/**
 * Polygons (each a list of closed rings) to Clipper paths relative to a local origin. Working
 * near the origin keeps Clipper's integer grid (precision 6 = 1 µm) far from overflow and keeps
 * float error small with Lambert 72 coordinates (~10⁵ m). The closing position is dropped.
 *
 * @param polygons - polygons as rings of [x, y] in metres
 * @param origin - local origin subtracted from every position
 * @returns Clipper PathsD
 */
export function toClipperPaths(polygons: readonly (readonly (readonly XY[])[])[], origin: XY): PathsD {
  const paths: PathsD = [];
  for (const rings of polygons) {
    for (const ring of rings) {
      const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
      const path = [];
      for (let i = 0; i < n; i++) path.push({ x: ring[i][0] - origin[0], y: ring[i][1] - origin[1] });
      if (path.length >= 3) paths.push(path);
    }
  }
  return paths;
}
