import { Clipper, FillRule, PolyTreeD, ClipType } from 'clipper2-ts';
import type { XY } from '../types.ts';
import type { Face } from './block-types.ts';
import { toClipperPaths } from './to-clipper-paths.ts';
import { polyTreeToPolygons } from './poly-tree-to-polygons.ts';

/**
 * Union of edge-adjacent faces as polygons (Clipper2 union at 1 µm precision around a local
 * origin). A single face is returned as is (its rings are already valid).
 *
 * @param faces - faces to merge
 * @returns polygons (outer CCW + CW holes, closed)
 */
export function unionFaces(faces: readonly Face[]): XY[][][] {
  if (faces.length === 0) return [];
  if (faces.length === 1) return [faces[0].rings.map((r) => r.map((p) => [p[0], p[1]] as XY))];
  const first = faces[0].rings[0][0];
  const origin: XY = [Math.floor(first[0]), Math.floor(first[1])];
  const sorted = [...faces].sort((a, b) => a.id - b.id);
  const tree = new PolyTreeD();
  Clipper.booleanOpDWithPolyTree(ClipType.Union, toClipperPaths(sorted.map((f) => f.rings), origin), null, tree, FillRule.NonZero, 6);
  return polyTreeToPolygons(tree, origin);
}
