import type { Areal, BlockFeature, Point, RejectReason, RejectedRecord } from '../types.ts';
import { UserError } from '../user-error.ts';
import { checkRecords, type JoinRecord, type ParsedValue } from './check-records.ts';
import { indexBlocks, type BlockIndex } from './index-blocks.ts';
import { checkSnapDistance, locatePoint } from './locate-point.ts';
import { overlayAreal, type ClipArea } from './overlay-areal.ts';
import { buildJoinReport, countNote, type BlockValues, type JoinResult } from './join-report.ts';
import { readNumber, roundTo } from './read-number.ts';

/** Renovation (or change) in this year or later counts in dwellings_renovated_since_1983. */
export const RENOVATED_SINCE = 1983;
/** Years outside this range are treated as unknown (typos such as 193 or 19230). */
export const PLAUSIBLE_YEARS: readonly [number, number] = [1000, 2100];

export interface JoinHousingOptions {
  /** Source name in the report. Default 'housing'. */
  source?: string;
  /** Snap distance in metres for building POINTS in no block; 0 = off. Default 0. */
  snapDistance?: number;
  /**
   * Dwellings of a building whose `dwellings` is missing (null, undefined, blank). Default 1: every
   * building or address record is at least one dwelling (counted in notes['dwellings-defaulted']).
   * Set null to reject such records as 'missing-value' instead.
   */
  defaultDwellings?: number | null;
  /** Intersection engine for building polygons (tests, benchmarks). Default clipper2. */
  clip?: ClipArea;
  /** Blocks already indexed by indexBlocks. */
  index?: BlockIndex;
  /**
   * Values of the record field `typology` that mean closed row housing ("gesloten bebouwing"), matched
   * ignoring case and surrounding spaces. When given, adds `dwellings_closed_row` and `pct_closed_row`
   * (of all dwellings). Default: none (no typology fields).
   */
  closedRowValues?: readonly string[];
}

interface Building {
  dwellings: number;
  year: number | null;
  renovated: boolean;
  closedRow: boolean;
}

/** Output fields of {@link joinHousing}, in order. */
export const HOUSING_FIELDS = [
  'dwellings',
  'dwellings_pre1900',
  'dwellings_1900_1945',
  'dwellings_1946_1970',
  'dwellings_1971_plus',
  'dwellings_year_unknown',
  'pct_built_before_1945',
  'dwellings_renovated_since_1983',
] as const;

/**
 * Joins buildings (or addresses) with their dwellings to street blocks and counts dwellings by
 * construction period.
 *
 * Record fields: `dwellings` (whole number ≥ 0; missing → `defaultDwellings`, default 1; negative,
 * fractional or text → rejected 'invalid-value'), `construction_year` (missing or implausible → year
 * unknown), `renovation_year` (null = never renovated). Geometry: a Point is placed like every point
 * join (shared-edge rule, optional snapping); a (Multi)Polygon goes to the ONE block with the largest
 * true intersection area (clipper2; equal areas: smallest block_id), notes['straddling'] when it overlaps
 * more than one block; a polygon overlapping no block is rejected 'outside-blocks'.
 *
 * Fields (dwelling counts, not building counts): `dwellings`, `dwellings_pre1900` (year < 1900),
 * `dwellings_1900_1945` (1900–1945 inclusive), `dwellings_1946_1970`, `dwellings_1971_plus` (≥ 1971),
 * `dwellings_year_unknown`, `pct_built_before_1945` = (pre1900 + 1900_1945) / dwellings with a known
 * year × 100, 1 decimal, null when no dwelling has a known year, `dwellings_renovated_since_1983`
 * (renovation_year ≥ 1983).
 *
 * @param blocks street blocks (planar metres)
 * @param records buildings: Point, Polygon or MultiPolygon features with the fields above
 * @param options source, snapDistance (0), defaultDwellings (1), clip, index
 * @returns values per block and the JoinReport (join 'buildings-in-blocks')
 * @example
 * const { values, report } = joinHousing(blocks, buildings);
 * values.get('B12'); // { dwellings: 14, dwellings_pre1900: 6, …, pct_built_before_1945: 50, dwellings_renovated_since_1983: 3 }
 */
export function joinHousing(blocks: readonly BlockFeature[], records: readonly JoinRecord[], options: JoinHousingOptions = {}): JoinResult {
  const { source = 'housing', snapDistance = 0, defaultDwellings = 1 } = options;
  if (!Array.isArray(records)) throw new UserError(`${source}: expected an array of features, found ${typeof records}. Pass collection.features.`);
  if (defaultDwellings !== null && !(Number.isInteger(defaultDwellings) && defaultDwellings >= 0)) {
    throw new UserError(`${source}: defaultDwellings must be a whole number ≥ 0 or null, found ${String(defaultDwellings)}.`);
  }
  checkSnapDistance(source, snapDistance);
  const index = options.index ?? indexBlocks(blocks);
  const closedRow = options.closedRowValues ? new Set(options.closedRowValues.map((v) => v.trim().toLowerCase())) : null;
  const checked = checkRecords(records, { accept: 'point-or-areal', read: (p) => readBuilding(p, defaultDwellings, closedRow) });
  const { notes } = checked;
  const rejected: RejectedRecord[] = checked.rejected;
  const counts = new Map<string, number[]>(index.blocks.map((b) => [b.id, [0, 0, 0, 0, 0, 0, 0, 0]]));
  const matched = new Set<string>();
  let joined = 0;
  for (const r of checked.accepted) {
    const placed = placeBuilding(index, r.geometry, snapDistance, options.clip, notes);
    if (typeof placed !== 'number') {
      rejected.push({ index: r.index, id: r.id, ...placed });
      continue;
    }
    const block = placed;
    const id = index.blocks[block].id;
    const c = counts.get(id) as number[];
    const { dwellings, year, renovated } = r.value;
    c[0] += dwellings;
    c[year === null ? 5 : year < 1900 ? 1 : year <= 1945 ? 2 : year <= 1970 ? 3 : 4] += dwellings;
    if (renovated) c[6] += dwellings;
    if (r.value.closedRow) c[7] += dwellings;
    matched.add(id);
    joined++;
  }
  const values = new Map<string, BlockValues>();
  for (const [id, c] of counts) {
    const known = c[0] - c[5];
    values.set(id, {
      dwellings: c[0],
      dwellings_pre1900: c[1],
      dwellings_1900_1945: c[2],
      dwellings_1946_1970: c[3],
      dwellings_1971_plus: c[4],
      dwellings_year_unknown: c[5],
      pct_built_before_1945: known > 0 ? roundTo(((c[1] + c[2]) / known) * 100, 1) : null,
      dwellings_renovated_since_1983: c[6],
    });
    if (closedRow) {
      const v = values.get(id) as BlockValues;
      v.dwellings_closed_row = c[7];
      v.pct_closed_row = c[0] > 0 ? roundTo((c[7] / c[0]) * 100, 1) : null;
    }
  }
  const report = buildJoinReport({
    source,
    join: 'buildings-in-blocks',
    recordsIn: records.length,
    joined,
    rejected,
    blockIds: index.blocks.map((b) => b.id),
    matched,
    notes,
  });
  return { values, report };
}

/**
 * The one block a building goes to (its index position), or why it goes nowhere: a point by the point
 * rules, a polygon to the block with the largest intersection area (ties: smallest block_id).
 */
function placeBuilding(
  index: BlockIndex,
  geometry: Point | Areal,
  snapDistance: number,
  clip: ClipArea | undefined,
  notes: Record<string, number>,
): number | { reason: RejectReason; detail: string } {
  if (geometry.type === 'Point') {
    const [x, y] = geometry.coordinates;
    const found = locatePoint(index, x, y, { snapDistance });
    if (!found) return { reason: 'outside-blocks', detail: `point (${x}, ${y}) lies in no block` };
    if (found.placement !== 'inside') countNote(notes, found.placement);
    return found.block;
  }
  const overlay = overlayAreal(index, geometry, { clip });
  if (!overlay.ok) return { reason: 'clip-failed', detail: overlay.detail };
  if (overlay.pieces.length === 0) return { reason: 'outside-blocks', detail: 'the building polygon overlaps no block' };
  if (overlay.pieces.length > 1) countNote(notes, 'straddling');
  let best = overlay.pieces[0];
  for (const p of overlay.pieces) {
    const tie = Math.abs(p.area - best.area) <= 1e-6;
    if ((p.area > best.area && !tie) || (tie && index.blocks[p.block].rank < index.blocks[best.block].rank)) best = p;
  }
  return best.block;
}

function readBuilding(p: Record<string, unknown>, defaultDwellings: number | null, closedRowValues: Set<string> | null): ParsedValue<Building> {
  const notes: string[] = [];
  const d = readNumber(p.dwellings);
  let dwellings: number;
  if (d.kind === 'missing') {
    if (defaultDwellings === null) return { ok: false, reason: 'missing-value', detail: 'dwellings is missing' };
    dwellings = defaultDwellings;
    notes.push('dwellings-defaulted');
  } else if (d.kind === 'invalid' || !Number.isInteger(d.value) || d.value < 0) {
    return { ok: false, reason: 'invalid-value', detail: `dwellings must be a whole number ≥ 0, found ${JSON.stringify(p.dwellings)}` };
  } else {
    dwellings = d.value;
  }
  const year = readYear(p.construction_year, 'construction-year', notes);
  const renovation = readYear(p.renovation_year, 'renovation-year', notes);
  const typology = p.typology === null || p.typology === undefined ? '' : String(p.typology).trim().toLowerCase();
  if (closedRowValues && typology === '') notes.push('typology-missing');
  const closedRow = closedRowValues !== null && closedRowValues.has(typology);
  return { ok: true, value: { dwellings, year, renovated: renovation !== null && renovation >= RENOVATED_SINCE, closedRow }, notes };
}

/** A plausible whole year, or null (missing; implausible or text also notes `<name>-invalid`). */
function readYear(raw: unknown, name: string, notes: string[]): number | null {
  const y = readNumber(raw);
  if (y.kind === 'missing') return null;
  if (y.kind === 'ok' && Number.isInteger(y.value) && y.value >= PLAUSIBLE_YEARS[0] && y.value <= PLAUSIBLE_YEARS[1]) return y.value;
  notes.push(`${name}-invalid`);
  return null;
}
