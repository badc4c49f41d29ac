import type { Feature, LineString, Point } from 'geojson';
import type { PatrolPlan } from './patrol-planner.ts';
import { clockText } from './route-directions.ts';
import { teamColour } from './team-colours.ts';

/** Properties of the features of routes.geojson. */
export interface PatrolFeatureProperties {
  kind: 'leg' | 'stop' | 'start';
  team: number | null;
  colour: string;
  /** Leg: number of the stop reached (0 = back to the start); stop: its number. */
  stop: number | null;
  street: string | null;
  metres: number | null;
  minutes: number | null;
  depart: string | null;
  arrive: string | null;
  leave: string | null;
  score: number | null;
  visit: number | null;
}

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * The plan as GeoJSON features in the planar CRS of the plan (reproject before writing): one
 * LineString per leg with its length, walking minutes and clock times, one Point per stop with
 * arrival, departure, score and visit number, and the start point.
 *
 * @param plan - from planPatrolRoutes
 * @param startClock - shift start, minutes after midnight
 * @returns features (legs first, then stops, then the start)
 */
export function patrolFeatures(plan: PatrolPlan, startClock: number): Feature<LineString | Point, PatrolFeatureProperties>[] {
  const blank = { stop: null, street: null, metres: null, minutes: null, depart: null, arrive: null, leave: null, score: null, visit: null };
  const legs: Feature<LineString, PatrolFeatureProperties>[] = [];
  const stops: Feature<Point, PatrolFeatureProperties>[] = [];
  for (const r of plan.routes) {
    const colour = teamColour(r.team);
    for (const leg of r.legs) {
      const coords = leg.pieces.flatMap((p, i) => (i === 0 ? p.coords : p.coords.slice(1)));
      if (coords.length < 2) continue;
      const streets = [...new Set(leg.pieces.map((p) => p.name).filter((n): n is string => !!n))];
      legs.push({
        type: 'Feature',
        properties: { ...blank, kind: 'leg', team: r.team, colour, stop: leg.toStop, street: streets.join(', ') || null, metres: round(leg.metres), minutes: round(leg.minutes), depart: clockText(startClock + leg.departMinute), arrive: clockText(startClock + leg.arriveMinute) },
        geometry: { type: 'LineString', coordinates: coords.map((p) => [p[0], p[1]]) },
      });
    }
    for (const s of r.stops) {
      stops.push({
        type: 'Feature',
        properties: { ...blank, kind: 'stop', team: r.team, colour, stop: s.number, street: s.street, arrive: clockText(startClock + s.arriveMinute), leave: clockText(startClock + s.leaveMinute), score: round(s.score, 3), visit: s.visit },
        geometry: { type: 'Point', coordinates: [s.point[0], s.point[1]] },
      });
    }
  }
  const start: Feature<Point, PatrolFeatureProperties> = {
    type: 'Feature',
    properties: { ...blank, kind: 'start', team: null, colour: '#222222' },
    geometry: { type: 'Point', coordinates: [plan.startPoint[0], plan.startPoint[1]] },
  };
  return [...legs, ...stops, start];
}
