import { describe, expect, it } from 'vitest';
import { buildWalkingGraph } from '../../../src/core/routes/walking-graph.ts';
import { segmentHotspotScores } from '../../../src/core/routes/segment-hotspot-scores.ts';
import { gridStreets } from './helpers.ts';

const graph = buildWalkingGraph(gridStreets(3, 3));
const edgeAt = (x: number, y: number) => graph.edges.findIndex((e) => e.coords.some((p, i) => i > 0 && Math.min(p[0], e.coords[i - 1][0]) <= x && x <= Math.max(p[0], e.coords[i - 1][0]) && Math.min(p[1], e.coords[i - 1][1]) <= y && y <= Math.max(p[1], e.coords[i - 1][1])));

describe('segmentHotspotScores', () => {
  it('counts incidents on the nearest street section within 50 m', () => {
    const s = segmentHotspotScores(graph, [{ x: 50, y: 5 }, { x: 50, y: -10 }, { x: 5, y: 150 }, { x: 500, y: 500 }]);
    expect(s.edgeScores[edgeAt(50, 0)]).toBe(2);
    expect(s.edgeScores[edgeAt(0, 150)]).toBe(1);
    expect(s.used).toBe(3);
    expect(s.skipped).toEqual({ 'too-far': 1 });
    expect(s.stopPoints[edgeAt(50, 0)]).toEqual([50, 0]);
  });

  it('uses weights (Gi*, density) instead of counts and leaves out cold spots', () => {
    const s = segmentHotspotScores(graph, [{ x: 50, y: 5, weight: 2.5 }, { x: 50, y: 5, weight: -1.2 }]);
    expect(s.edgeScores[edgeAt(50, 0)]).toBe(2.5);
    expect(s.skipped).toEqual({ 'non-positive-weight': 1 });
  });

  it("filters to the shift's weekdays and hours (wrapping past midnight)", () => {
    const inc = [
      { x: 50, y: 0, when: '2021-03-05T19:30' }, // Friday 19 h
      { x: 50, y: 0, when: '2021-03-05T23:10' }, // Friday 23 h
      { x: 50, y: 0, when: '2021-03-06T01:00' }, // Saturday 1 h
      { x: 50, y: 0, when: '2021-03-04T19:00' }, // Thursday
      { x: 50, y: 0, when: '2021-03-05' }, // no time
    ];
    const evening = segmentHotspotScores(graph, inc, { weekdays: [5], hours: { from: 18, to: 22 } });
    expect(evening.used).toBe(1);
    expect(evening.skipped).toEqual({ 'outside-hours': 1, 'other-weekday': 2, 'no-time': 1 });
    const night = segmentHotspotScores(graph, inc, { hours: { from: 22, to: 2 } });
    expect(night.used).toBe(2);
    // Friday's night shift 22–2 runs into Saturday: Friday 23 h and Saturday 1 h, not Friday 1 h
    const friday = segmentHotspotScores(graph, [...inc, { x: 50, y: 0, when: '2021-03-05T01:30' }], { weekdays: [5], hours: { from: 22, to: 2 } });
    expect(friday.used).toBe(2);
    expect(friday.skipped['other-weekday']).toBe(2); // Thursday 19 h and Friday 1:30 (Thursday's night)
    // times with an offset are read on the wall clock as written: 23:30+01:00 is 23 h, not 22 h UTC
    expect(segmentHotspotScores(graph, [{ x: 50, y: 0, when: '2021-03-05T23:30:00+01:00' }], { hours: { from: 23, to: 24 } }).used).toBe(1);
  });
});
