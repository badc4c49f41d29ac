import type { PolyPathD, PolyTreeD } from 'clipper2-ts';
import type { XY } from '../types.ts';
import { ringSignedArea } from '../geometry/ring-signed-area.ts';

/** Output positions are rounded to this grid (1 µm), matching Clipper precision 6. */
const GRID = 1e6;

/**
 * A Clipper polytree back to polygons in absolute coordinates: every outer path with its direct
 * hole children becomes one polygon; islands inside holes become polygons of their own.
 * Rings are closed, rotated to start at their lowest (x, y) position (so output does not depend
 * on Clipper's start point), oriented RFC 7946-style (outer counter-clockwise, holes clockwise,
 * y up) and rounded to 1 µm. Polygons are sorted by their first position.
 *
 * @param tree - Clipper PolyTreeD result
 * @param origin - the local origin that was subtracted (see toClipperPaths)
 * @returns polygons as rings
 */
export function polyTreeToPolygons(tree: PolyTreeD, origin: XY): XY[][][] {
  const polygons: XY[][][] = [];
  const visitOuter = (node: PolyPathD) => {
    const outer = ringOf(node, origin, 1);
    if (!outer) return;
    const rings = [outer];
    for (let i = 0; i < node.count; i++) {
      const hole = node.child(i);
      const r = ringOf(hole, origin, -1);
      if (r) rings.push(r);
      for (let j = 0; j < hole.count; j++) visitOuter(hole.child(j));
    }
    const holes = rings.slice(1).sort(compareRings);
    polygons.push([outer, ...holes]);
  };
  for (let i = 0; i < tree.count; i++) visitOuter(tree.child(i));
  return polygons.sort((a, b) => compareRings(a[0], b[0]));
}

function compareRings(a: XY[], b: XY[]): number {
  return a[0][0] - b[0][0] || a[0][1] - b[0][1] || a.length - b.length;
}

function ringOf(node: PolyPathD, origin: XY, sign: 1 | -1): XY[] | null {
  const path = node.poly;
  if (!path || path.length < 3) return null;
  let ring: XY[] = path.map((p) => [Math.round((p.x + origin[0]) * GRID) / GRID, Math.round((p.y + origin[1]) * GRID) / GRID]);
  ring = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
  while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
  if (ring.length < 3) return null;
  const a = ringSignedArea(ring);
  if (a === 0) return null;
  if (Math.sign(a) !== sign) ring.reverse();
  let k = 0;
  for (let i = 1; i < ring.length; i++) if (ring[i][0] < ring[k][0] || (ring[i][0] === ring[k][0] && ring[i][1] < ring[k][1])) k = i;
  const rotated = [...ring.slice(k), ...ring.slice(0, k)];
  rotated.push([rotated[0][0], rotated[0][1]]);
  return rotated;
}
