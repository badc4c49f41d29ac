import type { Areal } from '../types.ts';
import { arealArea } from '../geometry/areal-area.ts';
import { arealBBox } from '../geometry/areal-bbox.ts';
import { arealToClipperPaths, clipperIntersectionArea, CLIP_PRECISION } from '../geometry/areal-intersection-area.ts';
import { isArealWithin } from '../geometry/is-areal-within.ts';
import { blockClipPaths, type BlockIndex, type IndexedBlock } from './index-blocks.ts';

/**
 * Computes area(block ∩ record) in m². Replaceable for benchmarks (another engine) and tests (a
 * failing clipper); the default is clipper2 at the block's local origin.
 */
export type ClipArea = (block: IndexedBlock, record: Areal) => number;

/** Intersections smaller than this (m²) count as touching, not overlapping (1 mm²). */
export const MIN_OVERLAP_M2 = 1e-6;

/** How the overlay of one record went. */
export type OverlayOutcome =
  | { ok: true; /** intersected blocks (index positions) and areas, in block order */ pieces: { block: number; area: number }[]; recordArea: number; clipped: number }
  | { ok: false; block: string; detail: string };

export interface OverlayOptions {
  /** Intersection engine. Default: clipper2 `intersectD`, NonZero, {@link CLIP_PRECISION} decimals. */
  clip?: ClipArea;
}

/**
 * Intersects one polygon record with every block it may touch and returns the TRUE intersection areas.
 * Candidates come from the flatbush index (bbox prefilter). Clipping is skipped when provably not
 * needed: record inside a block (area = record area) or block inside the record (area = block area),
 * both proven by {@link isArealWithin}. Any clipping error, or a result that cannot be right (NaN,
 * negative, larger than either polygon), makes the whole record fail, so that the caller rejects it
 * 'clip-failed' rather than losing part of its area silently.
 *
 * @param index blocks from indexBlocks
 * @param geometry the record's polygon (checked by geometryProblem)
 * @param options `clip` engine (default clipper2)
 * @returns pieces per block, or the failure
 * @example
 * const out = overlayAreal(indexBlocks(blocks), lawn.geometry);
 * if (out.ok) for (const { block, area } of out.pieces) console.log(blocks[block].properties.block_id, area);
 */
export function overlayAreal(index: BlockIndex, geometry: Areal, options: OverlayOptions = {}): OverlayOutcome {
  const recordArea = arealArea(geometry);
  const { tree, blocks } = index;
  if (!tree) return { ok: true, pieces: [], recordArea, clipped: 0 };
  const bbox = arealBBox(geometry);
  const [minX, minY, maxX, maxY] = bbox;
  const candidates = tree.search(minX, minY, maxX, maxY).sort((a, b) => a - b);
  const pieces: { block: number; area: number }[] = [];
  let clipped = 0;
  for (const c of candidates) {
    const block = blocks[c];
    const [bx0, by0, bx1, by1] = block.bbox;
    let area: number;
    try {
      if (minX > bx0 && minY > by0 && maxX < bx1 && maxY < by1 && isArealWithin(geometry, block.geometry, { innerBBox: bbox, outerBBox: block.bbox })) {
        area = recordArea;
      } else if (bx0 > minX && by0 > minY && bx1 < maxX && by1 < maxY && isArealWithin(block.geometry, geometry, { innerBBox: block.bbox, outerBBox: bbox })) {
        area = block.geometricArea;
      } else {
        clipped++;
        if (options.clip) {
          area = options.clip(block, geometry);
        } else {
          area = clipperIntersectionArea(blockClipPaths(block), arealToClipperPaths(geometry, bx0, by0), CLIP_PRECISION);
        }
      }
    } catch (err) {
      return { ok: false, block: block.id, detail: `clipping against block ${block.id} failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    const limit = Math.min(recordArea, block.geometricArea) * (1 + 1e-6) + 1e-6;
    if (!Number.isFinite(area) || area < 0 || area > limit) {
      return { ok: false, block: block.id, detail: `clipping against block ${block.id} gave an impossible area (${area} m², max ${limit.toFixed(6)} m²; self-intersecting polygon?)` };
    }
    if (area >= MIN_OVERLAP_M2) pieces.push({ block: c, area });
  }
  return { ok: true, pieces, recordArea, clipped };
}
