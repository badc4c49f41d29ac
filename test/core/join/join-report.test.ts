import { describe, expect, it } from 'vitest';
import { buildJoinReport, validateJoinReport } from '../../../src/core/join/join-report.ts';

const base = { source: 's', join: 'points-in-blocks', blockIds: ['A', 'B'], matched: new Set(['A']) };

describe('join reports', () => {
  it('builds a sorted report with unmatched blocks and warnings', () => {
    const report = buildJoinReport({
      ...base,
      recordsIn: 3,
      joined: 1,
      rejected: [
        { index: 2, id: null, reason: 'outside-blocks', detail: 'd' },
        { index: 0, id: 7, reason: 'null-geometry', detail: 'd' },
      ],
      notes: { z: 1, a: 2 },
    });
    expect(report.rejected.map((r) => r.index)).toEqual([0, 2]);
    expect(report.unmatchedBlocks).toEqual(['B']);
    expect(Object.keys(report.notes)).toEqual(['a', 'z']);
    expect(report.warnings).toEqual(['s: 2 of 3 records rejected (1 null-geometry, 1 outside-blocks); see report.rejected.']);
  });
  it('throws (a bug, not a UserError) when the invariant breaks', () => {
    expect(() => buildJoinReport({ ...base, recordsIn: 3, joined: 1, rejected: [] })).toThrow(/joined \(1\) \+ rejected \(0\) must equal recordsIn \(3\)/);
  });
  it('validates reports', () => {
    const report = buildJoinReport({ ...base, recordsIn: 0, joined: 0, rejected: [] });
    expect(validateJoinReport(report, ['A', 'B'])).toEqual([]);
    expect(validateJoinReport({ ...report, unmatchedBlocks: ['C', 'C'] }, ['A'])).toEqual([
      'unmatched block C is not a block',
      'block C is listed twice in unmatchedBlocks',
      'unmatched block C is not a block',
    ]);
    expect(validateJoinReport({ ...report, recordsIn: 1, joined: 0, rejected: [{ index: 1, id: null, reason: 'outside-blocks', detail: '' }] })).toEqual(['rejected index 1 is outside [0, 1)']);
  });
});
