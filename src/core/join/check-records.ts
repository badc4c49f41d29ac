import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { Areal, Point, RejectReason, RejectedRecord } from '../types.ts';
import { geometryProblem, type AcceptedGeometry } from './geometry-problem.ts';
import { countNote } from './join-report.ts';

/** An input record: a GeoJSON feature with mapped property names, planar metres; geometry may be null. */
export type JoinRecord = Feature<Geometry | null, GeoJsonProperties>;

/** What a join's value reader says about one record's properties. */
export type ParsedValue<T> =
  | { ok: true; value: T; /** note keys to count in report.notes */ notes?: readonly string[] }
  | { ok: false; reason: RejectReason; detail: string };

/** Reads the join's fields from one record's properties (never throws for bad data: returns ok: false). */
export type ValueReader<T> = (properties: Record<string, unknown>, index: number) => ParsedValue<T>;

/** A record that passed the checks. */
export interface CheckedRecord<T> {
  index: number;
  id: string | number | null;
  geometry: Point | Areal;
  value: T;
}

export interface CheckRecordsOptions<T> {
  /** Geometry types the join takes. */
  accept: AcceptedGeometry;
  /** Reads and validates the join's fields. */
  read: ValueReader<T>;
  /**
   * Keep personal data out of the report: ids become null and details never quote coordinates or values
   * (survey respondents, households). Default false.
   */
  redact?: boolean;
}

export interface CheckedRecords<T> {
  accepted: CheckedRecord<T>[];
  rejected: RejectedRecord[];
  notes: Record<string, number>;
}

/**
 * The checks every join runs on every record, in this order (the first failing check is the reason):
 * 1. duplicate id — the first record with a given id (properties.id, else feature.id; compared as text,
 *    so 7 and "7" are the same id) is kept; every later record with that id is rejected 'duplicate-id';
 * 2. geometry — see {@link geometryProblem} ('null-geometry', 'invalid-geometry', 'invalid-coordinates');
 * 3. values — the join's `read` function ('missing-value', 'invalid-value', 'outside-period', …).
 * Never throws on a bad record, never mutates it.
 *
 * @param records input features
 * @param options accepted geometry, the value reader, redaction
 * @returns accepted records (input order), rejections and notes
 * @example
 * const { accepted, rejected } = checkRecords(records, { accept: 'point', read: () => ({ ok: true, value: null }) });
 */
export function checkRecords<T>(records: readonly JoinRecord[], options: CheckRecordsOptions<T>): CheckedRecords<T> {
  const { accept, read, redact = false } = options;
  const accepted: CheckedRecord<T>[] = [];
  const rejected: RejectedRecord[] = [];
  const notes: Record<string, number> = {};
  const firstWithId = new Map<string, number>();
  records.forEach((record, index) => {
    const rawId = recordId(record);
    const id = redact ? null : rawId;
    const reject = (reason: RejectReason, detail: string) => rejected.push({ index, id, reason, detail });
    if (rawId !== null) {
      const key = String(rawId);
      const first = firstWithId.get(key);
      if (first !== undefined) {
        reject('duplicate-id', redact ? `same id as record ${first}` : `id ${JSON.stringify(rawId)} already used by record ${first}`);
        return;
      }
      firstWithId.set(key, index);
    }
    const problem = geometryProblem(record?.geometry, accept);
    if (problem) {
      reject(problem.reason, redact ? REDACTED_GEOMETRY_DETAIL[problem.reason] ?? 'unusable geometry' : problem.detail);
      return;
    }
    const properties = (record.properties ?? {}) as Record<string, unknown>;
    const parsed = read(properties, index);
    if (!parsed.ok) {
      reject(parsed.reason, parsed.detail);
      return;
    }
    for (const key of parsed.notes ?? []) countNote(notes, key);
    accepted.push({ index, id, geometry: record.geometry as Point | Areal, value: parsed.value });
  });
  return { accepted, rejected, notes };
}

const REDACTED_GEOMETRY_DETAIL: Partial<Record<RejectReason, string>> = {
  'null-geometry': 'the record has no geometry',
  'invalid-geometry': 'the geometry is not of the expected type or shape',
  'invalid-coordinates': 'a coordinate is not a finite number',
};

/** The record's own id: properties.id, else feature.id, when a string or finite number; else null. */
function recordId(record: JoinRecord | null | undefined): string | number | null {
  const fromProps: unknown = record?.properties?.id;
  for (const v of [fromProps, record?.id]) {
    if ((typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v))) return v;
  }
  return null;
}
