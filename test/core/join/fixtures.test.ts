// Golden fixtures: every test/fixtures/join/<case>.geojson holds blocks, records and the expected
// values and report. REGEN=1 rewrites the expectations from the current code: review the diff.
import { describe, expect, it } from 'vitest';
import { listFixtures, regenerate, reportShape, rounded, runFixture } from './fixture-harness.ts';
import { validateJoinReport } from '../../../src/core/join/join-report.ts';

const REGEN = process.env.REGEN === '1';

describe('join fixtures', () => {
  const fixtures = listFixtures();
  it('finds the fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(15));

  for (const fixture of fixtures) {
    it(`${fixture.name}: ${fixture.raw.description}`, () => {
      const outcome = runFixture(fixture);
      const blockIds = fixture.raw.features.filter((f) => f.properties.role === 'block').map((f) => String(f.properties.block_id));
      expect(validateJoinReport(outcome.report, blockIds)).toEqual([]);
      if (REGEN) {
        regenerate(fixture, outcome);
        return;
      }
      const expected = fixture.raw.expected_report;
      expect(reportShape(outcome.report, expected.warnings !== undefined)).toEqual(expected);
      const expectedValues = Object.fromEntries(
        fixture.raw.features.filter((f) => f.properties.role === 'block').map((f) => [String(f.properties.block_id), f.properties.expected]),
      );
      expect(rounded(outcome.values)).toEqual(rounded(expectedValues));
      if (outcome.assignedBlocks) {
        const records = fixture.raw.features.filter((f) => f.properties.role === 'record');
        records.forEach((f, i) => {
          if ('expected_block' in f.properties) expect({ record: i, block: outcome.assignedBlocks?.[i] }).toEqual({ record: i, block: f.properties.expected_block });
        });
      }
    });
  }
});
