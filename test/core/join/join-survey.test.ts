import { describe, expect, it } from 'vitest';
import { joinSurvey } from '../../../src/core/join/join-survey.ts';
import { isUserError } from '../../../src/core/user-error.ts';
import type { BlockFeature } from '../../../src/core/types.ts';
import type { JoinRecord } from '../../../src/core/join/check-records.ts';

const blocks: BlockFeature[] = [
  { type: 'Feature', properties: { block_id: 'A', area_m2: 100 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] } },
];
const respondent = (x: number, p: Record<string, unknown>): JoinRecord => ({ type: 'Feature', id: `resp-${x}`, properties: p, geometry: { type: 'Point', coordinates: [x, 5] } });

describe('joinSurvey', () => {
  it('refuses k below 3 (UserError) and accepts k = 3', () => {
    for (const k of [2, 0, -5, 2.5, 3.5]) {
      let error: unknown = null;
      try {
        joinSurvey(blocks, [], { questions: [{ id: 'q', type: 'numeric' }], k });
      } catch (e) {
        error = e;
      }
      expect(isUserError(error), `k = ${k}`).toBe(true);
    }
    const three = [1, 2, 3].map((x) => respondent(x, { q: x }));
    expect(joinSurvey(blocks, three, { questions: [{ id: 'q', type: 'numeric' }], k: 3 }).values.get('A')).toEqual({ survey_n: 3, survey_status: 'published', survey_q_mean: 2 });
  });

  it('refuses bad questions', () => {
    expect(() => joinSurvey(blocks, [], { questions: [] })).toThrow(/at least one question/);
    expect(() => joinSurvey(blocks, [], { questions: [{ id: 'Q 1', type: 'numeric' }] })).toThrow(/a-z, 0-9 and _/);
    expect(() => joinSurvey(blocks, [], { questions: [{ id: 'q', type: 'numeric' }, { id: 'q', type: 'yesno' }] })).toThrow(/twice/);
    expect(() => joinSurvey(blocks, [], { questions: [{ id: 'q', type: 'free' as never }] })).toThrow(/expected 'numeric'/);
  });

  it('publishes no per-respondent data: only aggregate fields, and a report without ids, coordinates or answers', () => {
    const records = [respondent(1, { q: 4, secret: 'x' }), respondent(2, { q: 5 }), respondent(57, { q: 1 }), { type: 'Feature', id: 'resp-null', properties: { q: 2 }, geometry: null } as JoinRecord];
    const { values, report } = joinSurvey(blocks, records, { questions: [{ id: 'q', type: 'likert', field: 'q' }], k: 3 });
    expect(values.get('A')).toEqual({ survey_n: null, survey_status: 'suppressed', survey_q_mean: null });
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/resp-|secret|57/);
    expect(report.rejected.every((r) => r.id === null)).toBe(true);
  });

  it('reads yes/no answers with custom values and likert on a custom scale', () => {
    const records = [0, 1, 2, 3, 4].map((i) => respondent(i + 1, { garden: ['J', 'J', 'N', 'J', 'x'][i], score: [0, 10, 5, 11, 3][i] }));
    const { values, report } = joinSurvey(blocks, records, {
      questions: [
        { id: 'garden', type: 'yesno', yes: ['j'], no: ['n'] },
        { id: 'score', type: 'likert', scale: [0, 10] },
      ],
      k: 3,
    });
    expect(values.get('A')).toEqual({ survey_n: 5, survey_status: 'published', survey_garden_pct_yes: 75, survey_score_mean: 4.5 });
    expect(report.notes).toEqual({ 'invalid-answer': 2, 'invalid-answer:garden': 1, 'invalid-answer:score': 1 });
  });
});
