import Flatbush from 'flatbush';
import type { PathsD } from 'clipper2-ts';
import type { Areal, BlockFeature } from '../types.ts';
import { UserError } from '../user-error.ts';
import { arealBBox, type BBox } from '../geometry/areal-bbox.ts';
import { arealArea } from '../geometry/areal-area.ts';
import { arealToClipperPaths } from '../geometry/areal-intersection-area.ts';
import { compareBlockIds } from './compare-block-ids.ts';
import { geometryProblem } from './geometry-problem.ts';

/** One block, prepared for joins. */
export interface IndexedBlock {
  /** block_id as a string (numbers are converted). */
  id: string;
  /** Position in the input array. */
  position: number;
  /** Rank in {@link compareBlockIds} order: lower rank = smaller block_id (tie-breaks). */
  rank: number;
  geometry: Areal;
  bbox: BBox;
  /** properties.area_m2 (the published block area, used for shares). */
  areaM2: number;
  /** Area computed from the geometry (used for overlay shortcuts and sanity checks). */
  geometricArea: number;
  /** clipper2 paths at origin (bbox minX, minY), built on first use. */
  clipPaths?: PathsD;
}

/** The blocks plus a flatbush index over their bounding boxes. */
export interface BlockIndex {
  blocks: IndexedBlock[];
  /** null when there are no blocks (flatbush needs at least one item). */
  tree: Flatbush | null;
}

/**
 * Validates the blocks and builds a flatbush (v4) index over their bounding boxes. Blocks are not
 * records: a broken block is an error in the blocks layer, so it throws a UserError (one line, with the
 * block's position and what to do) instead of being rejected.
 *
 * @param blocks street blocks (planar metres), each with properties.block_id and area_m2
 * @returns the index; the input is not modified
 * @example
 * const index = indexBlocks(blocks);
 * index.tree?.search(x, y, x, y); // positions of the blocks whose bbox holds (x, y)
 */
export function indexBlocks(blocks: readonly BlockFeature[]): BlockIndex {
  if (!Array.isArray(blocks)) throw new UserError(`blocks: expected an array of block features, found ${typeof blocks}. Pass collection.features.`);
  const seen = new Map<string, number>();
  const prepared: IndexedBlock[] = blocks.map((block, position) => {
    const where = `blocks, feature ${position}`;
    const rawId: unknown = block?.properties?.block_id;
    if ((typeof rawId !== 'string' || rawId === '') && typeof rawId !== 'number') {
      throw new UserError(`${where}: expected a block_id (string), found ${JSON.stringify(rawId)}. Rebuild the blocks layer.`);
    }
    const id = String(rawId);
    if (seen.has(id)) throw new UserError(`${where}: block_id "${id}" also belongs to feature ${seen.get(id)}; block ids must be unique. Rebuild the blocks layer.`);
    seen.set(id, position);
    const geometry = block.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      throw new UserError(`${where} (block ${id}): expected a Polygon or MultiPolygon, found ${geometry ? geometry.type : 'no geometry'}.`);
    }
    const problem = geometryProblem(geometry, 'areal');
    if (problem) throw new UserError(`${where} (block ${id}): ${problem.detail}. Rebuild the blocks layer (planar metres, EPSG:31370).`);
    const bbox = arealBBox(geometry);
    const areaM2 = Number(block.properties.area_m2);
    return { id, position, rank: 0, geometry, bbox, areaM2, geometricArea: arealArea(geometry) };
  });
  const order = prepared.map((b) => b).sort((a, b) => compareBlockIds(a.id, b.id));
  order.forEach((b, rank) => (b.rank = rank));
  if (prepared.length === 0) return { blocks: prepared, tree: null };
  const tree = new Flatbush(prepared.length);
  for (const b of prepared) tree.add(b.bbox[0], b.bbox[1], b.bbox[2], b.bbox[3]);
  tree.finish();
  return { blocks: prepared, tree };
}

/**
 * The block's clipper2 paths at its own origin (bbox minX, minY), prepared once per block.
 *
 * @example
 * const paths = blockClipPaths(index.blocks[0]);
 */
export function blockClipPaths(block: IndexedBlock): PathsD {
  if (!block.clipPaths) block.clipPaths = arealToClipperPaths(block.geometry, block.bbox[0], block.bbox[1]);
  return block.clipPaths;
}
