// Golden contiguity cases: test/fixtures/stats/<case>.geojson holds the polygons and the expected
// neighbour lists (worked out from the geometry by hand, not by running this code).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { contiguityWeights } from '../../../src/core/stats/contiguity-weights.ts';
import type { SpatialWeights } from '../../../src/core/stats/spatial-weights.ts';
import { weightsDiagnostics } from '../../../src/core/stats/weights-diagnostics.ts';

const DIR = fileURLToPath(new URL('../../fixtures/stats/', import.meta.url));
interface Case {
  name: string;
  description: string;
  weights_options: { tolerance: number };
  expected: {
    queen: Record<string, string[]>;
    rook: Record<string, string[]>;
    without_tolerance?: { queen: Record<string, string[]> };
    diagnostics?: Record<string, Record<string, unknown>>;
  };
  features: Feature<Polygon, { id: string }>[];
}
const cases: Case[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.geojson'))
  .sort()
  .map((f) => JSON.parse(readFileSync(DIR + f, 'utf8')));

function lists(w: SpatialWeights): Record<string, string[]> {
  return Object.fromEntries(w.ids.map((id, i) => [id, Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1]), (j) => w.ids[j]).sort()]));
}

describe('contiguityWeights golden cases', () => {
  it('finds the fixture files', () => expect(cases.length).toBeGreaterThanOrEqual(6));
  for (const c of cases) {
    describe(c.name, () => {
      const ids = c.features.map((f) => f.properties.id);
      for (const criterion of ['queen', 'rook'] as const) {
        it(`${criterion}: ${c.description}`, () => {
          const w = contiguityWeights(c.features, { criterion, ids, tolerance: c.weights_options.tolerance });
          expect(lists(w)).toEqual(Object.fromEntries(Object.entries(c.expected[criterion]).map(([k, v]) => [k, [...v].sort()])));
          const expectedDiagnostics = c.expected.diagnostics?.[criterion];
          if (expectedDiagnostics) expect(weightsDiagnostics(w)).toMatchObject(expectedDiagnostics);
        });
      }
      if (c.expected.without_tolerance) {
        it('without the snapping tolerance', () => {
          expect(lists(contiguityWeights(c.features, { criterion: 'queen', ids, tolerance: 0 }))).toEqual(c.expected.without_tolerance!.queen);
        });
      }
    });
  }

  it('refuses features without polygons, naming the unit', () => {
    const bad = [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [0, 0] } }];
    expect(() => contiguityWeights(bad, { ids: ['p1'] })).toThrow(/unit "p1".*Point.*expected a Polygon/);
  });

  it('reports islands and components with a warning instead of dropping them', () => {
    const c = cases.find((x) => x.name === 'island-and-components')!;
    const d = weightsDiagnostics(contiguityWeights(c.features, { ids: c.features.map((f) => f.properties.id) }));
    expect(d.warnings.join(' ')).toMatch(/1 unit\(s\) without neighbours \(islands: E\)/);
    expect(d.warnings.join(' ')).toMatch(/2 separate groups/);
    expect(d.mean).toBeCloseTo(4 / 5, 12);
  });
});
