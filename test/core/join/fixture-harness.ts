// Loads the golden join fixtures (test/fixtures/join/<case>.geojson), runs the join each names and
// turns the result into the fixture's shape, so tests compare and REGEN=1 rewrites expectations.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlockFeature, JoinReport } from '../../../src/core/types.ts';
import type { JoinRecord } from '../../../src/core/join/check-records.ts';
import type { BlockValues } from '../../../src/core/join/join-report.ts';
import { assignPointsToBlocks } from '../../../src/core/join/assign-points-to-blocks.ts';
import { joinHousing } from '../../../src/core/join/join-housing.ts';
import { joinTenure } from '../../../src/core/join/join-tenure.ts';
import { joinIncidents } from '../../../src/core/join/join-incidents.ts';
import { joinLandCover } from '../../../src/core/join/join-land-cover.ts';
import { joinSurvey, type JoinSurveyOptions } from '../../../src/core/join/join-survey.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/join/', import.meta.url));

/** Expected report parts; `warnings` is compared only when the fixture lists it. */
export interface ExpectedReport {
  recordsIn: number;
  joined: number;
  rejected: { index: number; reason: string }[];
  unmatchedBlocks: string[];
  notes: Record<string, number>;
  warnings?: string[];
}

export interface Fixture {
  name: string;
  file: string;
  raw: {
    type: 'FeatureCollection';
    name: string;
    description: string;
    join: 'points' | 'housing' | 'tenure' | 'incidents' | 'land-cover' | 'survey';
    options: Record<string, unknown>;
    expected_report: ExpectedReport;
    features: { type: 'Feature'; properties: Record<string, unknown>; geometry?: unknown }[];
  };
}

/** What a fixture run produced, in the fixture's own shape. */
export interface FixtureOutcome {
  values: Record<string, BlockValues>;
  report: JoinReport;
  /** Point joins only: the block each record went to (null = rejected), in record order. */
  assignedBlocks?: (string | null)[];
}

export function listFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => ({ name: f.replace(/\.geojson$/, ''), file: join(FIXTURE_DIR, f), raw: JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) }));
}

/** JSON cannot hold NaN or Infinity: fixtures spell them as strings inside coordinates. */
function reviveCoordinates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveCoordinates);
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return value;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Blocks and records of a fixture, deep-frozen so that any mutation by a join throws. */
export function fixtureInputs(fixture: Fixture): { blocks: BlockFeature[]; records: JoinRecord[] } {
  const copy = structuredClone(fixture.raw.features);
  const blocks = copy.filter((f) => f.properties.role === 'block') as unknown as BlockFeature[];
  const records = copy
    .filter((f) => f.properties.role === 'record')
    .map((f) => {
      const g = f.geometry as { coordinates?: unknown } | null | undefined;
      if (g && 'coordinates' in g) g.coordinates = reviveCoordinates(g.coordinates);
      return f as unknown as JoinRecord;
    });
  return { blocks: deepFreeze(blocks), records: deepFreeze(records) };
}

export function runFixture(fixture: Fixture): FixtureOutcome {
  const { blocks, records } = fixtureInputs(fixture);
  const options = fixture.raw.options as never;
  if (fixture.raw.join === 'points') {
    const { assignments, report } = assignPointsToBlocks(blocks, records, options);
    const values: Record<string, BlockValues> = {};
    for (const b of blocks) values[String(b.properties.block_id)] = { points: 0 };
    const assignedBlocks: (string | null)[] = records.map(() => null);
    for (const a of assignments) {
      (values[a.blockId].points as number)++;
      assignedBlocks[a.index] = a.blockId;
    }
    return { values, report, assignedBlocks };
  }
  const run = {
    housing: () => joinHousing(blocks, records, options),
    tenure: () => joinTenure(blocks, records, options),
    incidents: () => joinIncidents(blocks, records, options),
    'land-cover': () => joinLandCover(blocks, records, options),
    survey: () => joinSurvey(blocks, records, options as JoinSurveyOptions),
  }[fixture.raw.join];
  const { values, report } = run();
  return { values: Object.fromEntries(values), report };
}

/** Rounds every number to 6 decimals, recursively, for comparisons. */
export function rounded<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1e6) / 1e6) as T;
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) as T;
  return value;
}

/** The report in the fixture's expected shape (reason codes, no free-text details). */
export function reportShape(report: JoinReport, withWarnings: boolean): ExpectedReport {
  const shape: ExpectedReport = {
    recordsIn: report.recordsIn,
    joined: report.joined,
    rejected: report.rejected.map((r) => ({ index: r.index, reason: r.reason })),
    unmatchedBlocks: report.unmatchedBlocks,
    notes: report.notes,
  };
  if (withWarnings) shape.warnings = report.warnings;
  return shape;
}

/** REGEN=1: write the actual outcome into the fixture (inputs untouched, expectations replaced). */
export function regenerate(fixture: Fixture, outcome: FixtureOutcome): void {
  const raw = structuredClone(fixture.raw);
  raw.expected_report = reportShape(outcome.report, raw.expected_report?.warnings !== undefined);
  let r = 0;
  for (const f of raw.features) {
    if (f.properties.role === 'block') f.properties.expected = outcome.values[String(f.properties.block_id)];
    if (f.properties.role === 'record' && outcome.assignedBlocks) f.properties.expected_block = outcome.assignedBlocks[r++];
  }
  writeFileSync(fixture.file, JSON.stringify(raw, null, 1) + '\n');
}
