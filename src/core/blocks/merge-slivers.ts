import type { XY } from '../types.ts';
import { interiorPoint } from '../geometry/interior-point.ts';
import { ringLength } from '../geometry/ring-length.ts';
import { ringSignedArea } from '../geometry/ring-signed-area.ts';
import type { BlockOptions, BlockReason, EdgeKind, Face, FaceGroup } from './block-types.ts';
import { unionFaces } from './union-faces.ts';

/** A dropped face or group, before ids exist. */
export interface DroppedItem {
  reason: BlockReason;
  area: number;
  point: XY;
}

/**
 * Merges and drops faces by the sliver rule (docs/blocks.md, "Slivers and merging").
 *
 * A face is a **sliver** when its equivalent width 2A/P < `sliverWidth` (default 8 m) or its
 * area A < `minArea` (default 150 m²); P counts holes but not dangles.
 *
 * A face is **rail-bounded** when street edges make up at most `railLandStreetShare` (default
 * 10 %) of its perimeter: bounded by rail, water and the area boundary, apart from the short
 * street edges where a road crosses the tracks.
 *
 * Two faces that share a rail or water edge are merged (union-find) when
 * - both are rail-bounded (**rail-land**: the ground between the tracks of a yard becomes one
 *   area), or
 * - both are slivers (thin strips between parallel tracks or along a canal).
 * Faces are never merged across a street or the area boundary.
 *
 * Each group is then measured again as a whole (2A/P and A of the union). A group that is still a
 * sliver is dropped; its reason is the kind that makes up most of its outer boundary:
 * 'street-space' (e.g. between dual carriageways, traffic islands), 'rail-corridor',
 * 'water-corridor', or 'area-edge' (a strip between the area boundary and a line; chosen as soon
 * as the area boundary is ≥ 25 % of the perimeter). A kept group is 'rail-land' when all its faces
 * are rail-bounded or its outer boundary as a whole is, else 'block'.
 *
 * @param faces - faces inside the area (polygonizeFaces)
 * @param options - sliverWidth, minArea
 * @returns kept groups (with union polygons) and dropped items, in face order
 */
export function mergeSlivers(faces: readonly Face[], options: Pick<BlockOptions, 'sliverWidth' | 'minArea' | 'railLandStreetShare'>): { groups: FaceGroup[]; dropped: DroppedItem[] } {
  const isSliver = (area: number, perimeter: number) => area < options.minArea || (perimeter > 0 ? (2 * area) / perimeter : 0) < options.sliverWidth;
  const streetLength = faces.map((f) => f.boundary.reduce((s, b) => s + (b.kind === 'street' ? b.length : 0), 0));
  // rail-bounded: streets are at most a small share of the boundary (where they cross the tracks)
  const railBounded = (street: number, perimeter: number) => street <= options.railLandStreetShare * perimeter;
  const sliver = faces.map((f) => isSliver(f.area, f.perimeter));

  const parent = faces.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const f of faces) {
    for (const b of f.boundary) {
      const g = b.neighbour;
      if (g <= f.id || (b.kind !== 'rail' && b.kind !== 'water')) continue;
      const railLand = railBounded(streetLength[f.id], f.perimeter) && railBounded(streetLength[g], faces[g].perimeter);
      if (!railLand && !(sliver[f.id] && sliver[g])) continue;
      const ra = find(f.id);
      const rb = find(g);
      if (ra === rb) continue;
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  const members = new Map<number, number[]>();
  faces.forEach((f) => {
    const r = find(f.id);
    const list = members.get(r);
    if (list) list.push(f.id);
    else members.set(r, [f.id]);
  });

  const groups: FaceGroup[] = [];
  const dropped: DroppedItem[] = [];
  for (const ids of members.values()) {
    const inGroup = new Set(ids);
    const kindLength: Record<EdgeKind, number> = { street: 0, rail: 0, water: 0, area: 0 };
    let perimeter = 0;
    let area = 0;
    for (const id of ids) {
      area += faces[id].area;
      for (const b of faces[id].boundary) {
        if (inGroup.has(b.neighbour)) continue;
        kindLength[b.kind] += b.length;
        perimeter += b.length;
      }
    }
    const polygons = unionFaces(ids.map((id) => faces[id]));
    if (ids.length > 1) {
      // measure the union itself (Clipper drops collinear vertices, lengths are unchanged)
      area = polygons.reduce((s, rings) => s + rings.reduce((t, r) => t + ringSignedArea(r), 0), 0);
      perimeter = polygons.reduce((s, rings) => s + rings.reduce((t, r) => t + ringLength(r), 0), 0);
    }
    if (isSliver(area, perimeter) || polygons.length === 0) {
      const largest = polygons.slice().sort((a, b) => ringSignedArea(b[0]) - ringSignedArea(a[0]))[0] ?? faces[ids[0]].rings;
      dropped.push({ reason: sliverReason(kindLength, perimeter), area, point: interiorPoint(largest) ?? faces[ids[0]].rings[0][0] });
      continue;
    }
    const railLand = ids.every((id) => railBounded(streetLength[id], faces[id].perimeter)) || railBounded(kindLength.street, perimeter);
    groups.push({
      faces: ids,
      polygons,
      area,
      blockType: railLand ? 'rail-land' : 'block',
      mergeReason: ids.length > 1 ? (railLand ? 'merged-rail-land' : 'merged-slivers') : null,
    });
  }
  return { groups, dropped };
}

function sliverReason(kindLength: Record<EdgeKind, number>, perimeter: number): BlockReason {
  if (perimeter > 0 && kindLength.area >= 0.25 * perimeter) return 'area-edge';
  const top = (['street', 'rail', 'water', 'area'] as EdgeKind[]).sort((a, b) => kindLength[b] - kindLength[a])[0];
  return top === 'street' ? 'street-space' : top === 'rail' ? 'rail-corridor' : top === 'water' ? 'water-corridor' : 'area-edge';
}
