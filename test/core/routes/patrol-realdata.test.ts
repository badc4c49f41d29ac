import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, LineString, Point } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWalkingGraph, type WalkingGraph } from '../../../src/core/routes/walking-graph.ts';
import { segmentHotspotScores, type HotspotScores } from '../../../src/core/routes/segment-hotspot-scores.ts';
import { locateStreet } from '../../../src/core/routes/locate-street.ts';
import { planPatrolRoutes, type PatrolPlan } from '../../../src/core/routes/patrol-planner.ts';
import { reprojectFeatures } from '../../../src/io/reproject.ts';
import { syntheticArsenaalIncidents } from './synthetic-incidents.ts';

const roadsFile = path.resolve(__dirname, '../../../../shared/realdata/mechelen/osm-roads-2017.geojson');
const hasRealData = existsSync(roadsFile);
if (!hasRealData) console.warn(`patrol routes on the real Mechelen roads skipped: ${roadsFile} is absent (CI has ../shared beside the repo).`);

describe.skipIf(!hasRealData)('patrol routes on the real Mechelen roads, synthetic incidents around Arsenaal', () => {
  let graph: WalkingGraph;
  let scores: HotspotScores;
  let plan: PatrolPlan;
  let hamerstraat: { lon: number; lat: number };

  beforeAll(() => {
    const roads = JSON.parse(readFileSync(roadsFile, 'utf8')).features as Feature[];
    const ham = roads.filter((f) => (f.properties as { name?: string } | null)?.name === 'Hamerstraat').flatMap((f) => (f.geometry as LineString).coordinates);
    const arsenaal = ham.filter(([lon, lat]) => lon > 4.48 && lon < 4.51 && lat > 51.01 && lat < 51.03);
    hamerstraat = { lon: arsenaal.reduce((s, c) => s + c[0], 0) / arsenaal.length, lat: arsenaal.reduce((s, c) => s + c[1], 0) / arsenaal.length };
    const lines = reprojectFeatures(roads, 'EPSG:4326', 'EPSG:31370') as Feature<LineString>[];
    graph = buildWalkingGraph(lines);
    const incidents = reprojectFeatures(syntheticArsenaalIncidents(roads, 400, 7), 'EPSG:4326', 'EPSG:31370') as Feature<Point, { datetime: string }>[];
    scores = segmentHotspotScores(graph, incidents.map((f) => ({ x: f.geometry.coordinates[0], y: f.geometry.coordinates[1], when: f.properties.datetime })), { weekdays: [5], hours: { from: 18, to: 22 } });
    const centre = (() => {
      let x = 0, y = 0, w = 0;
      scores.edgeScores.forEach((s, i) => ((x += s * scores.stopPoints[i][0]), (y += s * scores.stopPoints[i][1]), (w += s)));
      return [x / w, y / w] as [number, number];
    })();
    const start = locateStreet(graph, 'Hamerstraat', centre);
    let t = 0;
    plan = planPatrolRoutes(graph, scores, start.point, { teams: 4, shiftMinutes: 120, seed: 1, maxIterations: 500, now: () => (t += 1), timeBudget: 5e6 });
  });

  it('finds the Hamerstraat of Arsenaal in the data (lon ≈ 4.494, lat ≈ 51.021)', () => {
    expect(hamerstraat.lon).toBeCloseTo(4.494, 2);
    expect(hamerstraat.lat).toBeCloseTo(51.021, 2);
    const [p] = reprojectFeatures([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [hamerstraat.lon, hamerstraat.lat] } }], 'EPSG:4326', 'EPSG:31370');
    const [x, y] = (p.geometry as Point).coordinates;
    expect(Math.hypot(plan.startPoint[0] - x, plan.startPoint[1] - y)).toBeLessThan(250);
  });

  it('removes disconnected fragments and reports them', () => {
    expect(graph.report.fragmentsRemoved).toBeGreaterThan(0);
    expect(graph.report.edges).toBeGreaterThan(5000);
  });

  it('gives 4 connected routes that follow the streets and return within 2 hours', () => {
    expect(plan.routes).toHaveLength(4);
    for (const r of plan.routes) {
      expect(r.stops.length).toBeGreaterThan(3);
      expect(r.returnMinute).toBeLessThanOrEqual(120);
      expect(r.returnMinute).toBeGreaterThan(90); // the shift is used
      let prev = plan.startPoint;
      for (const leg of r.legs) {
        for (const piece of leg.pieces) {
          expect(Math.hypot(piece.coords[0][0] - prev[0], piece.coords[0][1] - prev[1])).toBeLessThan(1e-6);
          // every vertex of the walk lies on its street section of the network
          const edge = graph.edges[piece.edge];
          for (const p of piece.coords) {
            const onEdge = edge.coords.some((q, i) => {
              if (i === 0) return false;
              const a = edge.coords[i - 1];
              const cross = (q[0] - a[0]) * (p[1] - a[1]) - (q[1] - a[1]) * (p[0] - a[0]);
              const within = Math.min(a[0], q[0]) - 1e-6 <= p[0] && p[0] <= Math.max(a[0], q[0]) + 1e-6 && Math.min(a[1], q[1]) - 1e-6 <= p[1] && p[1] <= Math.max(a[1], q[1]) + 1e-6;
              return within && Math.abs(cross) / Math.hypot(q[0] - a[0], q[1] - a[1]) < 1e-6;
            });
            expect(onEdge).toBe(true);
          }
          prev = piece.coords[piece.coords.length - 1];
        }
      }
      expect(Math.hypot(prev[0] - plan.startPoint[0], prev[1] - plan.startPoint[1])).toBeLessThan(1e-6);
    }
  });

  it('visits the hottest street sections', () => {
    const visited = new Set(plan.routes.flatMap((r) => r.stops.map((s) => s.edge)));
    const hottest = [...scores.edgeScores.keys()].sort((a, b) => scores.edgeScores[b] - scores.edgeScores[a]).slice(0, 8);
    for (const e of hottest) expect(visited.has(e)).toBe(true);
    expect(plan.stopCovered / plan.totalScore).toBeGreaterThan(0.8);
  });
});
