import { Clipper, ClipType, FillRule, PolyTreeD, type PathsD, type PolyPathD } from 'clipper2-ts';
import type { Position } from 'geojson';
import type { Areal } from '../types.ts';
import { arealArea } from './areal-area.ts';
import { ringSignedArea } from './ring-signed-area.ts';

/** Options of repairSelfIntersection. */
export interface RepairSelfIntersectionOptions {
  /** Decimals Clipper2 keeps (its integer grid; at most 8). Default 6 (1 µm in metres); use 8 for degrees (~1 mm). */
  precision?: number;
}

/** The repaired geometry and the areas before and after. */
export interface SelfIntersectionRepair {
  /** Valid polygon(s): outer rings counter-clockwise, holes clockwise, closed; null when nothing is left. */
  geometry: Areal | null;
  /** Area as the input's rings say (outer rings minus holes, shoelace), in squared CRS units. */
  areaBefore: number;
  /** Area of the repaired geometry. */
  areaAfter: number;
  /** |after − before| / max(|before|, after): 0 = no change, 1 = completely different. */
  relativeChange: number;
}

/**
 * Rebuilds a self-intersecting Polygon or MultiPolygon as the region its rings enclose: a Clipper2
 * union of all rings with the NonZero fill rule (rings are first oriented outer counter-clockwise,
 * holes clockwise by their signed area), around a local origin so large projected coordinates keep
 * their precision. A bow-tie becomes two triangles, a spike that folds back disappears, a hole that
 * sticks out of its outer ring is cut back, overlapping parts merge. The caller decides, from
 * `relativeChange`, whether the result is close enough to what the data meant (see repairGeometry).
 *
 * @param geometry - closed rings with finite coordinates
 * @param options - see RepairSelfIntersectionOptions
 * @returns the repaired geometry with the areas before and after
 * @example
 * repairSelfIntersection({ type: 'Polygon', coordinates: [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]] });
 * // { geometry: MultiPolygon of two triangles, areaBefore: 0, areaAfter: 50, relativeChange: 1 }
 */
export function repairSelfIntersection(geometry: Areal, options: RepairSelfIntersectionOptions = {}): SelfIntersectionRepair {
  const precision = options.precision ?? 6;
  if (!Number.isInteger(precision) || precision < 0 || precision > 8) throw new RangeError(`repairSelfIntersection: precision must be a whole number 0..8, got ${precision}`);
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const first = polygons[0]?.[0]?.[0];
  const origin: [number, number] = first ? [first[0], first[1]] : [0, 0];
  const paths: PathsD = [];
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
      const path = [];
      for (let i = 0; i < n; i++) path.push({ x: ring[i][0] - origin[0], y: ring[i][1] - origin[1] });
      if (path.length < 3) return;
      if (ringSignedArea(ring) > 0 !== (r === 0)) path.reverse();
      paths.push(path);
    });
  }
  // Clipper2 can leave output polygons that share an edge where regions of different winding meet;
  // a second union of its own (simple) output merges them.
  const once = Clipper.booleanOpD(ClipType.Union, paths, null, FillRule.NonZero, precision);
  const tree = new PolyTreeD();
  Clipper.booleanOpDWithPolyTree(ClipType.Union, once, null, tree, FillRule.NonZero, precision);
  const out = treeToPolygons(tree, origin, 10 ** precision);
  const areaBefore = arealArea(geometry);
  const repaired: Areal | null = out.length === 0 ? null : out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
  const areaAfter = repaired ? arealArea(repaired) : 0;
  const scale = Math.max(Math.abs(areaBefore), areaAfter);
  return { geometry: repaired, areaBefore, areaAfter, relativeChange: scale === 0 ? 0 : Math.abs(areaAfter - areaBefore) / scale };
}

/** Clipper's polytree as polygons: every outer path with its holes; islands in holes become polygons. */
function treeToPolygons(tree: PolyTreeD, origin: [number, number], grid: number): Position[][][] {
  const polygons: Position[][][] = [];
  const visitOuter = (node: PolyPathD) => {
    const outer = ringOf(node, origin, grid, 1);
    if (!outer) return;
    const rings = [outer];
    for (let i = 0; i < node.count; i++) {
      const hole = node.child(i);
      const ring = ringOf(hole, origin, grid, -1);
      if (ring) rings.push(ring);
      for (let j = 0; j < hole.count; j++) visitOuter(hole.child(j));
    }
    polygons.push(rings);
  };
  for (let i = 0; i < tree.count; i++) visitOuter(tree.child(i));
  return polygons;
}

function ringOf(node: PolyPathD, origin: [number, number], grid: number, sign: 1 | -1): Position[] | null {
  const path = node.poly;
  if (!path || path.length < 3) return null;
  const ring: Position[] = [];
  for (const p of path) {
    const q = [Math.round((p.x + origin[0]) * grid) / grid, Math.round((p.y + origin[1]) * grid) / grid];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) ring.push(q);
  }
  while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
  if (ring.length < 3) return null;
  const area = ringSignedArea(ring);
  if (area === 0) return null;
  if (Math.sign(area) !== sign) ring.reverse();
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}
