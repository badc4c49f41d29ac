import type { BlockFeature } from '../types.ts';
import { UserError } from '../user-error.ts';
import { assignPointsToBlocks } from './assign-points-to-blocks.ts';
import type { JoinRecord, ParsedValue } from './check-records.ts';
import { indexBlocks, type BlockIndex } from './index-blocks.ts';
import type { BlockValues, JoinResult } from './join-report.ts';
import { parseInstant, parsePeriod, type Period } from './parse-instant.ts';

/** A known incident category: its value in the source and, optionally, its field id (default: the slug of the value). */
export type IncidentCategorySpec = string | { value: string; id?: string };

export interface JoinIncidentsOptions {
  /**
   * Known categories; each gets a field `incidents_<id>`. A record's category matches a known one when
   * equal to its value, or when their slugs are equal ("Drugs " = "drugs"). Every other category —
   * and a missing one (notes['category-missing']) — counts in `incidents_other`. Default [].
   */
  categories?: readonly IncidentCategorySpec[];
  /**
   * Count only incidents in this period; both bounds INCLUSIVE (a date-only `to` covers that whole day).
   * Records outside → 'outside-period'; without a readable `datetime` → 'missing-value' /
   * 'invalid-value'. Offset-less times are compared as wall-clock times (see parseInstant). Default: no
   * period (datetime is not needed; unreadable ones are only noted).
   */
  period?: Period;
  /** Source name in the report. Default 'incidents'. */
  source?: string;
  /** Snap distance in metres for incidents in street space; 0 = off. Default 0. */
  snapDistance?: number;
  /** Blocks already indexed by indexBlocks. */
  index?: BlockIndex;
}

/** Field ids that would collide with the fixed fields. */
const RESERVED_IDS = new Set(['total', 'other', 'per_1000']);

/**
 * Turns a category (or any label) into a field slug: lowercase a–z, 0–9 and single underscores,
 * accents removed, no leading or trailing underscore.
 *
 * @param text the label
 * @returns the slug ('' when nothing is left)
 * @example
 * categorySlug('Fietsdiefstal / Bromfiets'); // 'fietsdiefstal_bromfiets'
 * categorySlug('Vandalisme (opzettelijk)'); // 'vandalisme_opzettelijk'
 */
export function categorySlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Joins incident points to street blocks and counts them per category. Records: `category` (text),
 * `datetime` (ISO text or Date), optional `id` (a repeated id → 'duplicate-id', first one kept).
 * Points are placed by assignPointsToBlocks (shared-edge rule, optional snapping). Times are passed in;
 * the clock is never read.
 *
 * Fields: `incidents_total`, `incidents_<id>` per known category (in the given order), `incidents_other`.
 * The rate per 1,000 inhabitants needs the tenure join: call incidentRatePer1000 afterwards.
 *
 * @param blocks street blocks (planar metres)
 * @param records incident points
 * @param options categories ([]), period (none), source ('incidents'), snapDistance (0), index
 * @returns values per block, the JoinReport (join 'points-in-blocks') and the placed incidents
 * @example
 * const { values } = joinIncidents(blocks, incidents, { categories: ['Drugs', 'Overlast'], period: { from: '2021-01-01', to: '2021-12-31' } });
 * values.get('B12'); // { incidents_total: 9, incidents_drugs: 2, incidents_overlast: 6, incidents_other: 1 }
 */
export function joinIncidents(blocks: readonly BlockFeature[], records: readonly JoinRecord[], options: JoinIncidentsOptions = {}): IncidentJoinResult {
  const { source = 'incidents', snapDistance = 0 } = options;
  const categories = resolveCategories(options.categories ?? [], source);
  const period = options.period === undefined ? null : parsePeriod(options.period, source);
  const byValue = new Map(categories.map((c) => [c.value, c.field]));
  const bySlug = new Map<string, string>();
  for (const c of categories) {
    bySlug.set(c.slug, c.field);
    bySlug.set(c.id, c.field);
  }
  const index = options.index ?? indexBlocks(blocks);
  const read = (p: Record<string, unknown>): ParsedValue<string> => {
    const notes: string[] = [];
    const when = p.datetime;
    const missing = when === null || when === undefined || (typeof when === 'string' && when.trim() === '');
    const instant = missing ? null : parseInstant(when);
    if (period) {
      if (missing) return { ok: false, reason: 'missing-value', detail: 'datetime is missing; it is needed to check the period' };
      if (!instant) return { ok: false, reason: 'invalid-value', detail: `datetime ${JSON.stringify(when)} is not an ISO date or date-time` };
      if (instant.ms < period.startMs || instant.ms >= period.endMs) {
        return { ok: false, reason: 'outside-period', detail: `datetime ${JSON.stringify(when)} lies outside the period` };
      }
    } else if (missing) {
      notes.push('datetime-missing');
    } else if (!instant) {
      notes.push('datetime-invalid');
    }
    const raw = p.category;
    if (raw === null || raw === undefined || String(raw).trim() === '') {
      notes.push('category-missing');
      return { ok: true, value: 'incidents_other', notes };
    }
    const text = String(raw);
    return { ok: true, value: byValue.get(text) ?? bySlug.get(categorySlug(text)) ?? 'incidents_other', notes };
  };
  const { assignments, report } = assignPointsToBlocks(blocks, records, { source, snapDistance, index, read });
  const fields = ['incidents_total', ...categories.map((c) => c.field), 'incidents_other'];
  const values = new Map<string, BlockValues>();
  for (const b of index.blocks) values.set(b.id, Object.fromEntries(fields.map((f) => [f, 0])));
  for (const a of assignments) {
    const v = values.get(a.blockId) as Record<string, number>;
    v.incidents_total++;
    v[a.value]++;
  }
  return { values, report, placed: assignments.map((a) => ({ index: a.index, blockId: a.blockId })) };
}

/** joinIncidents' result: the JoinResult plus where each counted incident went. */
export interface IncidentJoinResult extends JoinResult {
  /** The counted incidents (input index and block), input order; the density layer smooths exactly these. */
  placed: Array<{ index: number; blockId: string }>;
}

interface ResolvedCategory {
  value: string;
  id: string;
  slug: string;
  field: string;
}

function resolveCategories(specs: readonly IncidentCategorySpec[], source: string): ResolvedCategory[] {
  if (!Array.isArray(specs)) throw new UserError(`${source}: categories must be a list of category values, found ${typeof specs}.`);
  const seen = new Map<string, string>();
  return specs.map((spec) => {
    const value = typeof spec === 'string' ? spec : spec?.value;
    if (typeof value !== 'string' || value.trim() === '') throw new UserError(`${source}: each category needs a value (text), found ${JSON.stringify(spec)}.`);
    const slug = categorySlug(value);
    const id = typeof spec === 'string' || spec.id === undefined ? slug : spec.id;
    if (!/^[a-z0-9_]+$/.test(id)) {
      throw new UserError(`${source}: category "${value}" gives the field id "${id}"; ids may use only a-z, 0-9 and _. Give it an id.`);
    }
    if (RESERVED_IDS.has(id)) throw new UserError(`${source}: category "${value}" would write the field incidents_${id}, which is reserved. Give it another id.`);
    const other = seen.get(id);
    if (other !== undefined) throw new UserError(`${source}: categories "${other}" and "${value}" both give the field incidents_${id}. Merge them or give them distinct ids.`);
    seen.set(id, value);
    return { value, id, slug, field: `incidents_${id}` };
  });
}
