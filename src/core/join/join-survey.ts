import type { BlockFeature } from '../types.ts';
import { UserError } from '../user-error.ts';
import { DEFAULT_K, MIN_K } from '../config/atlas-config.ts';
import { assignPointsToBlocks } from './assign-points-to-blocks.ts';
import type { JoinRecord, ParsedValue } from './check-records.ts';
import { indexBlocks, type BlockIndex } from './index-blocks.ts';
import type { BlockValues, JoinResult } from './join-report.ts';
import { readNumber, roundTo } from './read-number.ts';

/** One survey question. */
export interface SurveyQuestionSpec {
  /** Question id (a–z, 0–9, _): fields `survey_<id>_mean` or `survey_<id>_pct_yes`. */
  id: string;
  type: 'numeric' | 'likert' | 'yesno';
  /** Record property holding the answer. Default: the id. */
  field?: string;
  /** yesno: values meaning yes / no, matched ignoring case. Default ja, yes, 1, true / nee, no, 0, false (booleans work too). */
  yes?: readonly string[];
  no?: readonly string[];
  /** likert: the allowed whole-number range. Default [1, 5]. */
  scale?: readonly [number, number];
}

export interface JoinSurveyOptions {
  /** The questions to aggregate (at least one). */
  questions: readonly SurveyQuestionSpec[];
  /** Small-cell threshold: a value is published only where at least k respondents answered. Default 5, never below 3. */
  k?: number;
  /** Source name in the report. Default 'survey'. */
  source?: string;
  /** Snap distance in metres for respondents' points in street space; 0 = off. Default 0. */
  snapDistance?: number;
  /** Blocks already indexed by indexBlocks. */
  index?: BlockIndex;
}

/** 'none': no respondent; 'suppressed': 1 to k−1 respondents (nothing published); 'published': k or more. */
export type SurveyStatus = 'none' | 'suppressed' | 'published';

type Answer = number | boolean | null;

const DEFAULT_YES = ['ja', 'yes', '1', 'true'];
const DEFAULT_NO = ['nee', 'no', '0', 'false'];

/**
 * Aggregates survey respondents (points, one per respondent) per street block WITH SMALL-CELL
 * SUPPRESSION, so that no answer of a person can be read from the output:
 *
 * - `survey_n`: respondents in the block, or null when fewer than k (1 to k−1 respondents, and 0);
 * - `survey_status`: 'none' (0 respondents), 'suppressed' (1 to k−1), 'published' (≥ k);
 * - per question, published only where at least k respondents answered THAT question, else null:
 *   numeric / likert → `survey_<id>_mean` (2 decimals), yesno → `survey_<id>_pct_yes` (1 decimal).
 *
 * An answer that does not fit the question (text for a numeric question, 7 on a 1–5 scale, "maybe" for
 * yes/no) counts as not answered and is noted (notes['invalid-answer'], ['invalid-answer:<id>']).
 * The output holds no per-respondent data; the report keeps no ids, coordinates or answers (only the
 * record's position in the input and the reason). Points are placed by assignPointsToBlocks.
 *
 * @param blocks street blocks (planar metres)
 * @param records respondent points with one property per question
 * @param options questions (required), k (5, ≥ 3 else UserError), source ('survey'), snapDistance (0), index
 * @returns values per block and the JoinReport (join 'points-in-blocks')
 * @example
 * const { values } = joinSurvey(blocks, respondents, { questions: [{ id: 'safe_at_night', type: 'likert' }, { id: 'has_garden', type: 'yesno' }] });
 * values.get('B12'); // { survey_n: 7, survey_status: 'published', survey_safe_at_night_mean: 2.86, survey_has_garden_pct_yes: null }
 */
export function joinSurvey(blocks: readonly BlockFeature[], records: readonly JoinRecord[], options: JoinSurveyOptions): JoinResult {
  const { source = 'survey', snapDistance = 0, k = DEFAULT_K } = options ?? ({} as JoinSurveyOptions);
  if (!(Number.isInteger(k) && k >= MIN_K)) {
    throw new UserError(`${source}: k must be a whole number ≥ ${MIN_K} (small-cell suppression), found ${String(k)}. Use the default ${DEFAULT_K} or more.`);
  }
  const questions = resolveQuestions(options?.questions, source);
  const index = options.index ?? indexBlocks(blocks);
  const read = (p: Record<string, unknown>): ParsedValue<Answer[]> => {
    const notes: string[] = [];
    const answers = questions.map((q) => {
      const a = readAnswer(p[q.field], q);
      if (a === INVALID) {
        notes.push('invalid-answer', `invalid-answer:${q.id}`);
        return null;
      }
      return a;
    });
    return { ok: true, value: answers, notes };
  };
  const { assignments, report } = assignPointsToBlocks(blocks, records, { source, snapDistance, index, read, redact: true });
  // per block: [respondents, then per question: answered, sum (or yes count)]
  const tallies = new Map<string, number[]>(index.blocks.map((b) => [b.id, new Array(1 + 2 * questions.length).fill(0)]));
  for (const a of assignments) {
    const t = tallies.get(a.blockId) as number[];
    t[0]++;
    a.value.forEach((answer, i) => {
      if (answer === null) return;
      t[1 + 2 * i]++;
      t[2 + 2 * i] += typeof answer === 'boolean' ? (answer ? 1 : 0) : answer;
    });
  }
  const values = new Map<string, BlockValues>();
  for (const [id, t] of tallies) {
    const n = t[0];
    const status: SurveyStatus = n === 0 ? 'none' : n < k ? 'suppressed' : 'published';
    const v: BlockValues = { survey_n: n >= k ? n : null, survey_status: status };
    questions.forEach((q, i) => {
      const answered = t[1 + 2 * i];
      const sum = t[2 + 2 * i];
      const publish = status === 'published' && answered >= k;
      if (q.type === 'yesno') v[`survey_${q.id}_pct_yes`] = publish ? roundTo((sum / answered) * 100, 1) : null;
      else v[`survey_${q.id}_mean`] = publish ? roundTo(sum / answered, 2) : null;
    });
    values.set(id, v);
  }
  return { values, report };
}

const INVALID = Symbol('invalid answer');

interface ResolvedQuestion {
  id: string;
  type: SurveyQuestionSpec['type'];
  field: string;
  yes: Set<string>;
  no: Set<string>;
  scale: readonly [number, number];
}

function readAnswer(raw: unknown, q: ResolvedQuestion): Answer | typeof INVALID {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return null;
  if (q.type === 'yesno') {
    if (typeof raw === 'boolean') return raw;
    const key = String(raw).trim().toLowerCase();
    if (q.yes.has(key)) return true;
    if (q.no.has(key)) return false;
    return INVALID;
  }
  const n = readNumber(raw);
  if (n.kind !== 'ok') return INVALID;
  if (q.type === 'likert' && !(Number.isInteger(n.value) && n.value >= q.scale[0] && n.value <= q.scale[1])) return INVALID;
  return n.value;
}

function resolveQuestions(questions: readonly SurveyQuestionSpec[] | undefined, source: string): ResolvedQuestion[] {
  if (!Array.isArray(questions) || questions.length === 0) {
    throw new UserError(`${source}: options.questions must list at least one question { id, type }, found ${JSON.stringify(questions)}.`);
  }
  const seen = new Set<string>();
  return questions.map((q) => {
    if (typeof q?.id !== 'string' || !/^[a-z0-9_]+$/.test(q.id)) {
      throw new UserError(`${source}: question id ${JSON.stringify(q?.id)} must use only a-z, 0-9 and _ (it becomes part of a field name).`);
    }
    if (seen.has(q.id)) throw new UserError(`${source}: question id "${q.id}" appears twice; give each question its own id.`);
    seen.add(q.id);
    if (!['numeric', 'likert', 'yesno'].includes(q.type)) {
      throw new UserError(`${source}: question "${q.id}" has type ${JSON.stringify(q.type)}; expected 'numeric', 'likert' or 'yesno'.`);
    }
    const scale = q.scale ?? [1, 5];
    if (!(Number.isInteger(scale[0]) && Number.isInteger(scale[1]) && scale[0] < scale[1])) {
      throw new UserError(`${source}: question "${q.id}" has scale ${JSON.stringify(q.scale)}; expected two whole numbers [min, max] with min < max.`);
    }
    const lower = (list: readonly string[]) => new Set(list.map((s) => String(s).trim().toLowerCase()));
    return { id: q.id, type: q.type, field: q.field ?? q.id, yes: lower(q.yes ?? DEFAULT_YES), no: lower(q.no ?? DEFAULT_NO), scale };
  });
}
