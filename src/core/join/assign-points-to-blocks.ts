import type { BlockFeature, JoinReport, Point } from '../types.ts';
import { UserError } from '../user-error.ts';
import { checkRecords, type JoinRecord, type ValueReader } from './check-records.ts';
import { indexBlocks, type BlockIndex } from './index-blocks.ts';
import { checkSnapDistance, locatePoint, type PointPlacement } from './locate-point.ts';
import { buildJoinReport, countNote } from './join-report.ts';

export interface AssignPointsOptions<T> {
  /** Source name used in the report and its warnings. Default 'points'. */
  source?: string;
  /**
   * Points in no block but within this many metres of one go to the nearest block (ties: smallest
   * block_id) and are counted in notes['snapped-to-nearest']; 0 turns snapping off. Default 0.
   */
  snapDistance?: number;
  /** Reads and validates the record's fields; a failed read rejects the record. Default: every record reads as `null`. */
  read?: ValueReader<T>;
  /** Keep ids, coordinates and values out of the report (personal data). Default false. */
  redact?: boolean;
  /** Blocks already indexed by {@link indexBlocks} (saves re-indexing when several joins share the blocks). */
  index?: BlockIndex;
}

/** One joined point. */
export interface PointAssignment<T> {
  /** Position of the record in the input. */
  index: number;
  id: string | number | null;
  blockId: string;
  placement: PointPlacement;
  value: T;
}

export interface AssignPointsResult<T> {
  /** Joined points in input order (`assignments.length === report.joined`). */
  assignments: PointAssignment<T>[];
  report: JoinReport;
}

/**
 * The shared point assignment of every point join: each valid point record goes to exactly one block.
 *
 * - Inside a block → that block.
 * - Exactly on the boundary of several touching blocks (shared edge or corner) → counted ONCE, to the
 *   block with the smallest block_id (natural order, see compareBlockIds); notes['on-shared-edge'].
 *   A point on the street-side boundary of one block goes to that block (notes['on-block-boundary']).
 *   GEOS tools count such points in no block; we never drop them.
 * - In no block but within `snapDistance` metres of one → the nearest block (ties: smallest block_id);
 *   notes['snapped-to-nearest']. Otherwise rejected 'outside-blocks'.
 * - Bad records are rejected with a reason, never thrown: 'duplicate-id', 'null-geometry',
 *   'invalid-geometry' (not a Point), 'invalid-coordinates' (NaN, Infinity, …) and whatever `read` says.
 *
 * Candidate blocks come from a flatbush index over the block bboxes. Inputs are never modified.
 *
 * @param blocks street blocks (planar metres, EPSG:31370)
 * @param records point features (planar metres), property names already mapped
 * @param options `source` ('points'), `snapDistance` (0 m), `read` (accept all), `redact` (false), `index`
 * @returns the joined points and the JoinReport (join 'points-in-blocks')
 * @example
 * const { assignments, report } = assignPointsToBlocks(blocks, addresses, { snapDistance: 5 });
 * assignments[0]; // { index: 0, id: null, blockId: 'B12', placement: 'inside', value: null }
 * report.notes; // { 'on-shared-edge': 2, 'snapped-to-nearest': 7 }
 */
export function assignPointsToBlocks<T = null>(
  blocks: readonly BlockFeature[],
  records: readonly JoinRecord[],
  options: AssignPointsOptions<T> = {},
): AssignPointsResult<T> {
  const { source = 'points', snapDistance = 0, redact = false } = options;
  if (!Array.isArray(records)) throw new UserError(`${source}: expected an array of features, found ${typeof records}. Pass collection.features.`);
  checkSnapDistance(source, snapDistance);
  const read: ValueReader<T> = options.read ?? (() => ({ ok: true, value: null as T }));
  const index = options.index ?? indexBlocks(blocks);
  const checked = checkRecords(records, { accept: 'point', read, redact });
  const notes = checked.notes;
  const rejected = checked.rejected;
  const assignments: PointAssignment<T>[] = [];
  const matched = new Set<string>();
  for (const r of checked.accepted) {
    const [x, y] = (r.geometry as Point).coordinates;
    const found = locatePoint(index, x, y, { snapDistance });
    if (!found) {
      const where = redact ? 'the point' : `point (${x}, ${y})`;
      const snap = snapDistance > 0 ? ` nor within ${snapDistance} m of one` : '';
      rejected.push({ index: r.index, id: r.id, reason: 'outside-blocks', detail: `${where} lies in no block${snap}` });
      continue;
    }
    if (found.placement !== 'inside') countNote(notes, found.placement);
    const blockId = index.blocks[found.block].id;
    matched.add(blockId);
    assignments.push({ index: r.index, id: r.id, blockId, placement: found.placement, value: r.value });
  }
  const report = buildJoinReport({
    source,
    join: 'points-in-blocks',
    recordsIn: records.length,
    joined: assignments.length,
    rejected,
    blockIds: index.blocks.map((b) => b.id),
    matched,
    notes,
  });
  return { assignments, report };
}
