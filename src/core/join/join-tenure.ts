import type { BlockFeature } from '../types.ts';
import { assignPointsToBlocks } from './assign-points-to-blocks.ts';
import type { JoinRecord, ParsedValue } from './check-records.ts';
import { indexBlocks, type BlockIndex } from './index-blocks.ts';
import { UserError } from '../user-error.ts';
import type { BlockValues, JoinResult } from './join-report.ts';
import { readNumber, roundTo } from './read-number.ts';

/** Tenure of a household. */
export type Tenure = 'rent' | 'own';

export interface JoinTenureOptions {
  /** Source name in the report. Default 'tenure'. */
  source?: string;
  /** Snap distance in metres for address points in no block; 0 = off. Default 0. */
  snapDistance?: number;
  /**
   * Source tenure values mapped to 'rent' | 'own', e.g. { huur: 'rent', eigenaar: 'own' }. Keys match
   * exactly first, then ignoring case and surrounding spaces. Values that are neither mapped nor
   * 'rent'/'own' themselves count as unknown tenure (notes['tenure-unrecognised']). Default {}.
   */
  tenureValues?: Record<string, Tenure>;
  /** Blocks already indexed by indexBlocks. */
  index?: BlockIndex;
  /**
   * Also count inhabitants by age band: each record carries the number of its members per band in
   * `age_0_17`, `age_18_24`, `age_25_49`, `age_50_64`, `age_65_plus` (missing = 0, noted as
   * notes['age-missing']). Adds `inhabitants_<band>`, `pct_aged_0_17` and `pct_aged_65_plus`. Default false.
   */
  ageBands?: boolean;
}

/** Age bands of {@link joinTenure} (Statbel's bands as the city publishes them). */
export const AGE_BANDS = ['0_17', '18_24', '25_49', '50_64', '65_plus'] as const;

interface Household {
  tenure: Tenure | null;
  persons: number;
  ages: number[];
}

/** Output fields of {@link joinTenure}, in order. */
export const TENURE_FIELDS = ['households', 'households_renting', 'households_owning', 'households_tenure_unknown', 'pct_renters', 'inhabitants'] as const;

/**
 * Joins household (address) points to street blocks and counts tenure and inhabitants. Each record is
 * one household: `tenure` ('rent' | 'own' | null; other values through `tenureValues`) and `persons`
 * (household size, whole number ≥ 0). A missing or invalid `persons` keeps the household but adds no
 * inhabitants (notes['persons-missing'] / ['persons-invalid']); no value rejects a household.
 * Points are placed by assignPointsToBlocks (shared-edge rule, optional snapping).
 *
 * Fields: `households`, `households_renting`, `households_owning`, `households_tenure_unknown`,
 * `pct_renters` = renting / (renting + owning) × 100, 1 decimal, null when no tenure is known,
 * `inhabitants` = sum of persons. Not suppressed for small counts: see docs/joins.md.
 *
 * @param blocks street blocks (planar metres)
 * @param records household points
 * @param options source ('tenure'), snapDistance (0), tenureValues ({}), index
 * @returns values per block and the JoinReport (join 'points-in-blocks')
 * @example
 * const { values } = joinTenure(blocks, households, { tenureValues: { huur: 'rent', eigenaar: 'own' } });
 * values.get('B12'); // { households: 20, households_renting: 6, households_owning: 12, households_tenure_unknown: 2, pct_renters: 33.3, inhabitants: 53 }
 */
export function joinTenure(blocks: readonly BlockFeature[], records: readonly JoinRecord[], options: JoinTenureOptions = {}): JoinResult {
  const { source = 'tenure', snapDistance = 0, tenureValues = {}, ageBands = false } = options;
  for (const [key, value] of Object.entries(tenureValues)) {
    if (value !== 'rent' && value !== 'own') {
      throw new UserError(`${source}: tenureValues maps "${key}" to ${JSON.stringify(value)}; expected 'rent' or 'own'. Leave unknown values out of the mapping.`);
    }
  }
  const index = options.index ?? indexBlocks(blocks);
  const exact = new Map(Object.entries(tenureValues));
  const loose = new Map(Object.entries(tenureValues).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const { assignments, report } = assignPointsToBlocks(blocks, records, {
    source,
    snapDistance,
    index,
    read: (p) => readHousehold(p, exact, loose, ageBands),
  });
  const counts = new Map<string, number[]>();
  for (const b of index.blocks) counts.set(b.id, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  for (const a of assignments) {
    const c = counts.get(a.blockId) as number[];
    c[0]++;
    c[a.value.tenure === 'rent' ? 1 : a.value.tenure === 'own' ? 2 : 3]++;
    c[4] += a.value.persons;
    a.value.ages.forEach((n, k) => (c[5 + k] += n));
  }
  const values = new Map<string, BlockValues>();
  for (const [id, c] of counts) {
    const known = c[1] + c[2];
    values.set(id, {
      households: c[0],
      households_renting: c[1],
      households_owning: c[2],
      households_tenure_unknown: c[3],
      pct_renters: known > 0 ? roundTo((c[1] / known) * 100, 1) : null,
      inhabitants: c[4],
    });
    if (ageBands) {
      const v = values.get(id) as BlockValues;
      const aged = c.slice(5).reduce((x, y) => x + y, 0);
      AGE_BANDS.forEach((band, k) => (v[`inhabitants_${band}`] = c[5 + k]));
      v.pct_aged_0_17 = aged > 0 ? roundTo((c[5] / aged) * 100, 1) : null;
      v.pct_aged_65_plus = aged > 0 ? roundTo((c[9] / aged) * 100, 1) : null;
    }
  }
  return { values, report };
}

function readHousehold(p: Record<string, unknown>, exact: Map<string, Tenure>, loose: Map<string, Tenure>, ageBands: boolean): ParsedValue<Household> {
  const notes: string[] = [];
  let tenure: Tenure | null = null;
  const raw = p.tenure;
  if (raw !== null && raw !== undefined && String(raw).trim() !== '') {
    const text = String(raw);
    const key = text.trim().toLowerCase();
    tenure = exact.get(text) ?? loose.get(key) ?? (key === 'rent' || key === 'own' ? key : null);
    if (tenure === null) notes.push('tenure-unrecognised');
  }
  const n = readNumber(p.persons);
  let persons = 0;
  if (n.kind === 'missing') notes.push('persons-missing');
  else if (n.kind === 'invalid' || !Number.isInteger(n.value) || n.value < 0) notes.push('persons-invalid');
  else persons = n.value;
  const ages: number[] = [];
  if (ageBands) {
    for (const band of AGE_BANDS) {
      const a = readNumber(p[`age_${band}`]);
      if (a.kind === 'ok' && Number.isInteger(a.value) && a.value >= 0) ages.push(a.value);
      else {
        ages.push(0);
        notes.push(a.kind === 'missing' ? 'age-missing' : 'age-invalid');
      }
    }
  }
  return { ok: true, value: { tenure, persons, ages }, notes };
}
