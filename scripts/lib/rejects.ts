/**
 * Accounting for rejected and repaired records in `wijkatlas build`: the rows of the --rejects file,
 * repair counters in report.json, redaction of personal data, and the max_reject_share check.
 */
import type { AtlasConfig } from '../../src/core/config/atlas-config.ts';
import { DEFAULT_MAX_REJECT_SHARE } from '../../src/core/config/atlas-config.ts';
import type { JoinReport, RejectedRecord } from '../../src/core/types.ts';
import { UserError } from '../../src/core/user-error.ts';
import type { RejectRow } from '../../src/io/write-rejects.ts';
import type { LoadedSource } from './load-source.ts';

/**
 * Sources about people. 'all': no id, no properties and no coordinates leave the build, only the
 * record's position in its file and the reason (survey respondents, as joinSurvey does for its own
 * rejects). 'properties': the id and detail are written, the properties are not (households).
 */
export const PERSONAL: Record<string, 'all' | 'properties'> = { survey: 'all', tenure: 'properties' };

const GENERIC: Record<string, string> = {
  'null-geometry': 'the record has no geometry',
  'invalid-geometry': 'the geometry is not of the expected shape',
  'invalid-coordinates': 'a coordinate is not a finite number or not plausible for the declared CRS',
  'wrong-geometry-type': 'the geometry is not of the kind this layer takes',
  'self-intersection': 'the polygon crosses itself',
};

/** The record as rejected, without anything that could identify a respondent. */
function redact(p: RejectedRecord): RejectedRecord {
  return { index: p.index, id: null, reason: p.reason, detail: GENERIC[p.reason] ?? `rejected: ${p.reason}` };
}

/**
 * A source whose set-aside records carry no id and no coordinates in their details (for PERSONAL 'all').
 *
 * @param source - as loaded
 * @returns the same source with redacted problems
 */
export function redactProblems(source: LoadedSource): LoadedSource {
  return { ...source, problems: source.problems.map(redact) };
}

/**
 * Adds `repaired:<kind>` counters to a join report's notes (only when something was repaired, so
 * reports of clean inputs stay as they were).
 *
 * @param report - the join report
 * @param source - the loaded source with its repairs
 * @returns the report, with notes added when there were repairs
 */
export function withRepairNotes(report: JoinReport, source: LoadedSource): JoinReport {
  if (source.repairs.length === 0) return report;
  const notes = { ...report.notes };
  for (const r of source.repairs) for (const kind of new Set(r.repairs)) notes[`repaired:${kind}`] = (notes[`repaired:${kind}`] ?? 0) + 1;
  return { ...report, notes };
}

/**
 * Every rejected and repaired record of every loaded input, in load order, then by record number.
 * Rejects of joined sources come from their reports (file-indexed, see mergeProblems); inputs
 * without a join (area, streets, ...) contribute their own problems and repairs.
 *
 * @param loaded - the sources in the order they were loaded
 * @param reports - the merged join reports
 * @returns rows for stringifyRejects
 */
export function rejectRows(loaded: readonly LoadedSource[], reports: readonly JoinReport[]): RejectRow[] {
  const rows: RejectRow[] = [];
  for (const s of loaded) {
    const personal = PERSONAL[s.id];
    const report = reports.find((r) => r.source === s.id);
    const own: RejectRow[] = [];
    for (const p of report ? report.rejected : s.problems) {
      const q = personal === 'all' ? redact(p) : p;
      const id = personal === 'all' ? null : (q.id ?? s.idOf?.(q.index) ?? null);
      own.push({ ...base(s, q.index), outcome: 'rejected', reason: q.reason, id, detail: q.detail, properties: personal ? null : s.propertiesOf(q.index) });
    }
    for (const r of s.repairs) {
      const reason = r.repairs.join('+');
      const all = personal === 'all';
      own.push({ ...base(s, r.index), outcome: 'repaired', reason, id: all ? null : (r.id ?? s.idOf?.(r.index) ?? null), detail: all ? `the geometry was repaired (${reason})` : r.detail, properties: personal ? null : s.propertiesOf(r.index) });
    }
    own.sort((a, b) => a.record - b.record || a.outcome.localeCompare(b.outcome));
    rows.push(...own);
  }
  return rows;
}

function base(s: LoadedSource, index: number) {
  return { source: s.id, file: s.file.split('\\').join('/'), record: index + 1, location: s.recordLabel(index) };
}

/**
 * Stops the build with a one-line UserError when a source rejected more than its max_reject_share
 * (per source, else the config's top-level value, else DEFAULT_MAX_REJECT_SHARE) of its records.
 *
 * @param config - the atlas config
 * @param reports - merged join reports
 * @param files - source id -> file name for messages
 * @param rejectsFile - the --rejects file, when one was written (the message points to it)
 */
export function checkRejectShares(config: AtlasConfig, reports: readonly JoinReport[], files: ReadonlyMap<string, string>, rejectsFile?: string): void {
  for (const r of reports) {
    const spec = (config.sources as Record<string, { max_reject_share?: number } | undefined>)[r.source];
    const limit = spec?.max_reject_share ?? config.max_reject_share ?? DEFAULT_MAX_REJECT_SHARE;
    if (r.recordsIn === 0 || r.rejected.length / r.recordsIn <= limit) continue;
    const counts = new Map<string, number>();
    for (const x of r.rejected) counts.set(x.reason, (counts.get(x.reason) ?? 0) + 1);
    const reasons = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${n} ${k}`).join(', ');
    const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;
    const first = r.rejected[0].detail.replace(/[.;\s]+$/, '');
    const where = rejectsFile ? `they are listed in ${rejectsFile}` : 'run with --rejects rejects.csv to list them all';
    const field = spec?.max_reject_share !== undefined ? `"sources.${r.source}.max_reject_share"` : `"max_reject_share" (or "sources.${r.source}.max_reject_share")`;
    throw new UserError(
      `${files.get(r.source) ?? r.source}: expected at most ${pct(limit)} of the ${r.recordsIn} ${r.source} records to be rejected, found ${r.rejected.length} (${pct(r.rejected.length / r.recordsIn)}: ${reasons}; first: ${first.length > 160 ? `${first.slice(0, 160)}…` : first}); fix the input (${where}), or raise ${field} in the config.`,
    );
  }
}
