import type { Areal, BlockFeature, RejectedRecord } from '../types.ts';
import { UserError } from '../user-error.ts';
import { checkRecords, type JoinRecord, type ParsedValue } from './check-records.ts';
import { indexBlocks, type BlockIndex } from './index-blocks.ts';
import { overlayAreal, type ClipArea } from './overlay-areal.ts';
import { buildJoinReport, countNote, type BlockValues, type JoinResult } from './join-report.ts';
import { roundTo } from './read-number.ts';
import { arealArea } from '../geometry/areal-area.ts';

/** Land-cover classes. */
export type LandCoverClass = 'paved' | 'green' | 'building' | 'water';

const CLASSES: readonly LandCoverClass[] = ['paved', 'green', 'building', 'water'];
const FIELD: Record<LandCoverClass, string> = { paved: 'paved_m2', green: 'green_m2', building: 'built_m2', water: 'water_m2' };

/** Output fields of {@link joinLandCover}, in order. */
export const LAND_COVER_FIELDS = ['paved_m2', 'green_m2', 'built_m2', 'water_m2', 'pct_paved', 'pct_green'] as const;

export interface JoinLandCoverOptions {
  /** Source name in the report. Default 'land-cover'. */
  source?: string;
  /**
   * Source class values mapped to a class, e.g. { verharding: 'paved', gras: 'green' }. Keys match exactly
   * first, then ignoring case and surrounding spaces; the four class names always match themselves.
   * Anything else is rejected 'invalid-value'. Default {}.
   */
  classValues?: Record<string, LandCoverClass>;
  /** Intersection engine (benchmarks against other engines, tests). Default clipper2 intersectD. */
  clip?: ClipArea;
  /** Blocks already indexed by indexBlocks. */
  index?: BlockIndex;
}

/**
 * Overlays land-cover polygons on street blocks and sums, per block and class, the TRUE intersection
 * area (clipper2 at a local origin; a flatbush bbox prefilter; no clipping where a polygon is proven to
 * lie inside a block or a block inside a polygon). A record counts as joined when it overlaps at least
 * one block (> 1 mm²), otherwise it is rejected 'outside-blocks' (street space). A clipping failure
 * rejects the whole record 'clip-failed' and adds its area to notes['area_clip_failed_m2']: no area is
 * lost silently.
 *
 * Fields: `paved_m2`, `green_m2`, `built_m2` (class 'building'), `water_m2` (2 decimals), `pct_paved`,
 * `pct_green` (of the block's area_m2, 1 decimal; null when area_m2 is not > 0). Overlapping land-cover
 * polygons are summed as given, so shares can exceed 100 (notes['blocks-overcovered'] counts blocks
 * whose class areas add up to more than 101 % of area_m2).
 * Notes: 'straddling' (records over > 1 block), 'area_in_blocks_m2', 'area_outside_blocks_m2' (land
 * cover in street space, rounded to m²), 'area_clip_failed_m2' when a clip failed.
 *
 * @param blocks street blocks (planar metres)
 * @param records land-cover Polygon / MultiPolygon features with `class`
 * @param options source ('land-cover'), classValues ({}), clip (clipper2), index
 * @returns values per block and the JoinReport (join 'area-overlay')
 * @example
 * const { values, report } = joinLandCover(blocks, landCover, { classValues: { verharding: 'paved' } });
 * values.get('B12'); // { paved_m2: 812.4, green_m2: 130.02, built_m2: 2210.5, water_m2: 0, pct_paved: 25.1, pct_green: 4 }
 * report.notes.area_outside_blocks_m2; // 15320
 */
export function joinLandCover(blocks: readonly BlockFeature[], records: readonly JoinRecord[], options: JoinLandCoverOptions = {}): JoinResult {
  const { source = 'land-cover', classValues = {} } = options;
  if (!Array.isArray(records)) throw new UserError(`${source}: expected an array of features, found ${typeof records}. Pass collection.features.`);
  for (const [key, value] of Object.entries(classValues)) {
    if (!CLASSES.includes(value)) throw new UserError(`${source}: classValues maps "${key}" to ${JSON.stringify(value)}; expected one of ${CLASSES.join(', ')}.`);
  }
  const exact = new Map(Object.entries(classValues));
  const loose = new Map(Object.entries(classValues).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const index = options.index ?? indexBlocks(blocks);
  const checked = checkRecords(records, { accept: 'areal', read: (p) => readClass(p, exact, loose) });
  const { notes } = checked;
  const rejected: RejectedRecord[] = checked.rejected;
  const sums = new Map<number, number[]>();
  const matched = new Set<string>();
  let joined = 0;
  let inside = 0;
  let outside = 0;
  let failed = 0;
  for (const r of checked.accepted) {
    const overlay = overlayAreal(index, r.geometry as Areal, { clip: options.clip });
    if (!overlay.ok) {
      rejected.push({ index: r.index, id: r.id, reason: 'clip-failed', detail: overlay.detail });
      failed += arealArea(r.geometry as Areal);
      continue;
    }
    if (overlay.pieces.length === 0) {
      rejected.push({ index: r.index, id: r.id, reason: 'outside-blocks', detail: `the polygon (${roundTo(overlay.recordArea, 2)} m²) overlaps no block` });
      outside += overlay.recordArea;
      continue;
    }
    if (overlay.pieces.length > 1) countNote(notes, 'straddling');
    const k = CLASSES.indexOf(r.value);
    let covered = 0;
    for (const { block, area } of overlay.pieces) {
      let s = sums.get(block);
      if (!s) sums.set(block, (s = [0, 0, 0, 0]));
      s[k] += area;
      covered += area;
      matched.add(index.blocks[block].id);
    }
    inside += covered;
    outside += Math.max(0, overlay.recordArea - covered);
    joined++;
  }
  const values = landCoverValues(index, sums, notes);
  notes.area_in_blocks_m2 = Math.round(inside);
  notes.area_outside_blocks_m2 = Math.round(outside);
  const warnings: string[] = [];
  if (failed > 0) {
    notes.area_clip_failed_m2 = Math.round(failed);
    warnings.push(`${source}: clipping failed for some polygons (${Math.round(failed)} m² not counted); see the 'clip-failed' rejections.`);
  }
  const report = buildJoinReport({
    source,
    join: 'area-overlay',
    recordsIn: records.length,
    joined,
    rejected,
    blockIds: index.blocks.map((b) => b.id),
    matched,
    notes,
    warnings,
  });
  return { values, report };
}

/** Fields per block from the class sums (m², by CLASSES order, keyed by block position). */
function landCoverValues(index: BlockIndex, sums: Map<number, number[]>, notes: Record<string, number>): Map<string, BlockValues> {
  const values = new Map<string, BlockValues>();
  index.blocks.forEach((b, i) => {
    const s = sums.get(i) ?? [0, 0, 0, 0];
    const hasArea = Number.isFinite(b.areaM2) && b.areaM2 > 0;
    if (hasArea && s[0] + s[1] + s[2] + s[3] > b.areaM2 * 1.01) countNote(notes, 'blocks-overcovered');
    const v: BlockValues = {};
    CLASSES.forEach((c, k) => (v[FIELD[c]] = roundTo(s[k], 2)));
    v.pct_paved = hasArea ? roundTo((s[0] / b.areaM2) * 100, 1) : null;
    v.pct_green = hasArea ? roundTo((s[1] / b.areaM2) * 100, 1) : null;
    values.set(b.id, v);
  });
  return values;
}

function readClass(p: Record<string, unknown>, exact: Map<string, LandCoverClass>, loose: Map<string, LandCoverClass>): ParsedValue<LandCoverClass> {
  const raw = p.class;
  if (raw === null || raw === undefined || String(raw).trim() === '') return { ok: false, reason: 'missing-value', detail: 'class is missing' };
  const text = String(raw);
  const key = text.trim().toLowerCase();
  const cls = exact.get(text) ?? loose.get(key) ?? (CLASSES as readonly string[]).find((c) => c === key);
  if (!cls) {
    return { ok: false, reason: 'invalid-value', detail: `class ${JSON.stringify(raw)} is not one of ${CLASSES.join(', ')}; map it with classValues` };
  }
  return { ok: true, value: cls as LandCoverClass };
}
