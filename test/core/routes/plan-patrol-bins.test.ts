import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planPatrolWgs84 } from '../../../src/core/routes/plan-patrol-wgs84.ts';
import { lambert72 } from '../../../src/core/routes/project-lambert72.ts';
import { binTimeFilter } from '../../../src/core/stats/bin-time-filter.ts';
import type { IncidentDensityLayer } from '../../../src/core/stats/incident-density-layer.ts';

// the app's fixture atlas: streets and the binned incidents of its density layer (Lambert 72 grid)
const dir = path.resolve(__dirname, '../../fixtures/app-layers');
const streets = JSON.parse(readFileSync(path.join(dir, 'streets.geojson'), 'utf8')) as FeatureCollection;
const layer = JSON.parse(readFileSync(path.join(dir, 'incident-density.json'), 'utf8')) as IncidentDensityLayer;
const start = [4.4925, 51.0208] as const;
const options = { teams: 2, shiftMinutes: 60, maxIterations: 120, seed: 2 };

/** The same incidents as single points at their bin centres, with a wall-clock time on a date of the bin's weekday. */
function binsAsPoints(l: IncidentDensityLayer): FeatureCollection<Point> {
  const { inverse } = lambert72();
  const features: Feature<Point>[] = [];
  l.bins.n.forEach((n, i) => {
    const x = l.grid.x0 + (l.bins.col[i] + 0.5) * l.bin_m;
    const y = l.grid.y0 - (l.bins.row[i] + 0.5) * l.bin_m;
    const day = 5 + l.bins.weekday[i]; // 2020-01-06 is a Monday (ISO 1)
    const h = l.bins.hour[i];
    const when = `2020-01-${String(day).padStart(2, '0')}${h >= 0 ? `T${String(h).padStart(2, '0')}:30:00` : ''}`;
    for (let k = 0; k < n; k++) features.push({ type: 'Feature', properties: { when }, geometry: { type: 'Point', coordinates: inverse([x, y]) } });
  });
  return { type: 'FeatureCollection', features };
}

describe('planPatrolWgs84 on the atlas’s binned incidents (the app, with a day and hours)', () => {
  it('plans exactly as from the same incidents given one by one, with and without a shift filter', () => {
    const points = binsAsPoints(layer);
    expect(points.features.length).toBe(layer.incidents);
    for (const filter of [undefined, { weekdays: [5], hours: { from: 18, to: 23 } }, { weekdays: [5, 6], hours: { from: 22, to: 4 } }]) {
      const fromBins = planPatrolWgs84(streets, { kind: 'bins', layer }, start, { ...options, filter });
      const fromPoints = planPatrolWgs84(streets, { kind: 'points', data: points, timeField: 'when' }, start, { ...options, filter });
      expect(fromBins.plan.totalScore).toBeCloseTo(fromPoints.plan.totalScore, 9);
      expect(fromBins.features).toEqual(fromPoints.features);
      expect(fromBins.incidents).toEqual(fromPoints.incidents);
      expect(fromBins.incidents.given).toBe(layer.incidents);
    }
  });

  it('the shift filter keeps the bins binTimeFilter keeps (ISO weekdays: Friday = planner day 5)', () => {
    const all = planPatrolWgs84(streets, { kind: 'bins', layer }, start, options);
    const friday = planPatrolWgs84(streets, { kind: 'bins', layer }, start, { ...options, filter: { weekdays: [5], hours: { from: 18, to: 23 } } });
    const keep = binTimeFilter(layer.bins, { weekdays: [5], hours: { from: 18, to: 23 } });
    const kept = layer.bins.n.reduce((a, n, i) => a + (keep[i] ? n : 0), 0);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(layer.incidents);
    expect(friday.incidents.used).toBeLessThanOrEqual(kept);
    expect(friday.incidents.used).toBeGreaterThan(0.8 * kept); // nearly all bins lie within 50 m of a street
    expect(all.incidents.used).toBeGreaterThan(friday.incidents.used);
    expect(friday.plan.totalScore).toBe(friday.incidents.used);
  });
});
