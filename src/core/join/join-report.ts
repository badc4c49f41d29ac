import type { JoinReport, RejectedRecord } from '../types.ts';

/** One field value written into a block's properties. */
export type FieldValue = number | string | null;

/** The fields one join computes for one block. */
export type BlockValues = Record<string, FieldValue>;

/**
 * What every join returns: per-block values (one entry for EVERY block, in block order, keyed by
 * block_id; blocks without records get 0 counts and null shares) and the report on the records.
 */
export interface JoinResult {
  values: Map<string, BlockValues>;
  report: JoinReport;
}

/** Inputs of {@link buildJoinReport}. */
export interface JoinReportInput {
  source: string;
  join: string;
  recordsIn: number;
  joined: number;
  rejected: readonly RejectedRecord[];
  /** All block ids, in block order. */
  blockIds: readonly string[];
  /** Block ids that received at least one record. */
  matched: ReadonlySet<string>;
  notes?: Record<string, number>;
  warnings?: readonly string[];
}

/**
 * Builds a {@link JoinReport}: sorts the rejections by record index, lists the unmatched blocks in block
 * order, sorts the notes by key, adds the standard warnings (empty layer, nothing joined, how many were
 * rejected and why) and checks the invariant `joined + rejected.length === recordsIn`. A broken invariant
 * is a bug in the join, so it throws a plain Error (with stack), not a UserError.
 *
 * @param input counts, rejections, block ids and notes of one join
 * @returns the report
 * @example
 * buildJoinReport({ source: 'incidents', join: 'points-in-blocks', recordsIn: 2, joined: 1,
 *   rejected: [{ index: 1, id: null, reason: 'outside-blocks', detail: 'point (0, 0) lies in no block' }],
 *   blockIds: ['A', 'B'], matched: new Set(['A']) });
 * // { …, unmatchedBlocks: ['B'], warnings: ['incidents: 1 of 2 records rejected (1 outside-blocks); see report.rejected.'] }
 */
export function buildJoinReport(input: JoinReportInput): JoinReport {
  const rejected = [...input.rejected].sort((a, b) => a.index - b.index);
  const notes: Record<string, number> = {};
  for (const key of Object.keys(input.notes ?? {}).sort()) notes[key] = (input.notes ?? {})[key];
  const warnings = [...(input.warnings ?? [])];
  const { source, recordsIn, joined } = input;
  if (recordsIn === 0) {
    warnings.push(`${source}: the layer has no records; every block gets zero counts and empty shares.`);
  } else if (joined === 0) {
    warnings.push(
      `${source}: 0 of ${recordsIn} records joined. Check that the records are in the blocks' planar CRS (EPSG:31370, metres) and cover the same area, and check the field mapping.`,
    );
  }
  if (rejected.length > 0) {
    const byReason = new Map<string, number>();
    for (const r of rejected) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    const reasons = [...byReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([reason, n]) => `${n} ${reason}`);
    warnings.push(`${source}: ${rejected.length} of ${recordsIn} records rejected (${reasons.join(', ')}); see report.rejected.`);
  }
  const report: JoinReport = {
    source,
    join: input.join,
    recordsIn,
    joined,
    rejected,
    unmatchedBlocks: input.blockIds.filter((id) => !input.matched.has(id)),
    notes,
    warnings: [...new Set(warnings)],
  };
  const problems = validateJoinReport(report, input.blockIds);
  if (problems.length > 0) throw new Error(`join report of ${source} is inconsistent (bug): ${problems.join('; ')}`);
  return report;
}

/**
 * Checks a report's invariants and returns the problems found (empty when sound): `joined +
 * rejected.length === recordsIn`, counts are whole numbers ≥ 0, rejected indexes are unique and within
 * [0, recordsIn), unmatched blocks are unique (and known, when `blockIds` is given), notes are finite.
 *
 * @param report the report to check
 * @param blockIds all block ids, to check `unmatchedBlocks` against (optional)
 * @returns a list of problems, one line each
 * @example
 * expect(validateJoinReport(result.report, blockIds)).toEqual([]);
 */
export function validateJoinReport(report: JoinReport, blockIds?: readonly string[]): string[] {
  const problems: string[] = [];
  const { recordsIn, joined, rejected } = report;
  if (!Number.isInteger(recordsIn) || recordsIn < 0) problems.push(`recordsIn must be a whole number ≥ 0, found ${recordsIn}`);
  if (!Number.isInteger(joined) || joined < 0) problems.push(`joined must be a whole number ≥ 0, found ${joined}`);
  if (joined + rejected.length !== recordsIn) {
    problems.push(`joined (${joined}) + rejected (${rejected.length}) must equal recordsIn (${recordsIn})`);
  }
  const seen = new Set<number>();
  for (const r of rejected) {
    if (!Number.isInteger(r.index) || r.index < 0 || r.index >= recordsIn) problems.push(`rejected index ${r.index} is outside [0, ${recordsIn})`);
    if (seen.has(r.index)) problems.push(`record ${r.index} is rejected twice`);
    seen.add(r.index);
  }
  const known = blockIds ? new Set(blockIds) : null;
  const unmatched = new Set<string>();
  for (const id of report.unmatchedBlocks) {
    if (unmatched.has(id)) problems.push(`block ${id} is listed twice in unmatchedBlocks`);
    if (known && !known.has(id)) problems.push(`unmatched block ${id} is not a block`);
    unmatched.add(id);
  }
  for (const [key, value] of Object.entries(report.notes)) {
    if (!Number.isFinite(value)) problems.push(`note ${key} is not a finite number: ${value}`);
  }
  return problems;
}

/**
 * Adds `n` to a note counter (creating it), for report.notes.
 *
 * @example
 * const notes = {}; countNote(notes, 'snapped-to-nearest'); // notes = { 'snapped-to-nearest': 1 }
 */
export function countNote(notes: Record<string, number>, key: string, n = 1): void {
  notes[key] = (notes[key] ?? 0) + n;
}
