import { UserError } from '../user-error.ts';
import { pointInAreal } from '../geometry/point-in-areal.ts';
import { BOUNDARY_TOLERANCE_M } from '../geometry/boundary-tolerance.ts';
import { distanceToArealBoundary } from '../geometry/distance-to-areal-boundary.ts';
import type { BlockIndex } from './index-blocks.ts';

/** How a point was placed in its block; the join counts each non-'inside' kind in report.notes. */
export type PointPlacement =
  /** strictly inside one block */
  | 'inside'
  /** strictly inside several (overlapping) blocks: smallest block_id */
  | 'in-overlapping-blocks'
  /** on the boundary of exactly one block (e.g. its street side) */
  | 'on-block-boundary'
  /** on the common boundary (edge or corner) of several touching blocks: smallest block_id */
  | 'on-shared-edge'
  /** in no block, within snapDistance of one: nearest block (ties: smallest block_id) */
  | 'snapped-to-nearest';

export interface LocatePointOptions {
  /** Snap distance in metres for points in no block; 0 = off. Default 0. */
  snapDistance?: number;
  /** Boundary tolerance in metres. Default 1e-6 (1 µm). */
  tolerance?: number;
}

/**
 * Finds the one block a planar point belongs to. Rules, in order:
 * 1. strictly inside a block → that block (inside several overlapping blocks → smallest block_id);
 * 2. on the boundary (within `tolerance`) of one or more blocks → the smallest block_id among them, so a
 *    point on an edge or corner shared by touching blocks is counted exactly once;
 * 3. within `snapDistance` metres of a block → the nearest block (equal distances: smallest block_id);
 * 4. else null (the caller rejects it 'outside-blocks').
 * "Smallest" is {@link compareBlockIds} order. Candidates come from the flatbush index, never a scan.
 *
 * @param index blocks from {@link indexBlocks}
 * @param x point x in metres
 * @param y point y in metres
 * @param options snapDistance (default 0) and tolerance (default 1e-6 m)
 * @returns the block's position in the index and how it was placed, or null
 * @example
 * locatePoint(indexBlocks(blocks), 157000, 190000, { snapDistance: 2 }); // { block: 3, placement: 'inside' }
 */
export function locatePoint(index: BlockIndex, x: number, y: number, options: LocatePointOptions = {}): { block: number; placement: PointPlacement } | null {
  const { tree, blocks } = index;
  if (!tree) return null;
  const tolerance = options.tolerance ?? BOUNDARY_TOLERANCE_M;
  const snapDistance = options.snapDistance ?? 0;
  let inside = -1;
  let insideCount = 0;
  let boundary = -1;
  let boundaryCount = 0;
  const point = [x, y];
  for (const c of tree.search(x - tolerance, y - tolerance, x + tolerance, y + tolerance)) {
    const where = pointInAreal(point, blocks[c].geometry, tolerance);
    if (where === 'inside') {
      insideCount++;
      if (inside < 0 || blocks[c].rank < blocks[inside].rank) inside = c;
    } else if (where === 'boundary') {
      boundaryCount++;
      if (boundary < 0 || blocks[c].rank < blocks[boundary].rank) boundary = c;
    }
  }
  if (inside >= 0) return { block: inside, placement: insideCount > 1 ? 'in-overlapping-blocks' : 'inside' };
  if (boundary >= 0) return { block: boundary, placement: boundaryCount > 1 ? 'on-shared-edge' : 'on-block-boundary' };
  if (snapDistance > 0) {
    let best = -1;
    let bestDistance = Infinity;
    for (const c of tree.search(x - snapDistance, y - snapDistance, x + snapDistance, y + snapDistance)) {
      const d = distanceToArealBoundary(x, y, blocks[c].geometry);
      if (d > snapDistance) continue;
      const tie = Math.abs(d - bestDistance) <= tolerance;
      if (best < 0 || (d < bestDistance && !tie) || (tie && blocks[c].rank < blocks[best].rank)) {
        best = c;
        bestDistance = tie ? Math.min(d, bestDistance) : d;
      }
    }
    if (best >= 0) return { block: best, placement: 'snapped-to-nearest' };
  }
  return null;
}

/**
 * Validates a snapDistance option (metres, ≥ 0, 0 = off); throws a UserError naming the source.
 *
 * @example
 * checkSnapDistance('incidents', 5); // ok
 */
export function checkSnapDistance(source: string, snapDistance: unknown): void {
  if (!(typeof snapDistance === 'number' && Number.isFinite(snapDistance) && snapDistance >= 0)) {
    throw new UserError(`${source}: snapDistance must be a number of metres ≥ 0 (0 = off), found ${String(snapDistance)}.`);
  }
}
