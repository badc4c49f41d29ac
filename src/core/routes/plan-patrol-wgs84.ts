import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point, Position } from 'geojson';
import type { XY } from '../types.ts';
import { UserError } from '../user-error.ts';
import { buildWalkingGraph } from './walking-graph.ts';
import { segmentHotspotScores, type HotspotScoreOptions, type IncidentPoint } from './segment-hotspot-scores.ts';
import { planPatrolRoutes, type PatrolOptions, type PatrolPlan } from './patrol-planner.ts';
import { patrolFeatures, type PatrolFeatureProperties } from './patrol-features.ts';
import { lambert72 } from './project-lambert72.ts';

/** Incidents as points, or counts per polygon (e.g. incidents per street block). */
export type PatrolIncidentInput =
  | { kind: 'points'; data: FeatureCollection<Point>; timeField?: string; weightField?: string }
  | { kind: 'counts'; data: FeatureCollection; countField: string };

export interface PatrolWgs84Result {
  plan: PatrolPlan;
  /** routes.geojson content in WGS84 (legs, stops, start). */
  features: FeatureCollection<LineString | Point, PatrolFeatureProperties>;
  /** Share of the hot-spot score at the stops (0–1). */
  coveredShare: number;
}

const mapCoords = (g: Geometry, f: (p: Position) => Position): Geometry => {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(f)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((l) => l.map(f)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((l) => l.map(f))) };
    default:
      return g;
  }
};

/** Mean of the outer ring's vertices: a representative point for a block's count. */
const ringCentre = (g: Geometry): XY | null => {
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0]?.[0] : null;
  if (!ring || ring.length === 0) return null;
  const pts = ring.slice(0, -1).length ? ring.slice(0, -1) : ring;
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
};

/**
 * Patrol planning for the browser: WGS84 streets (the atlas's streets layer) and incidents (points,
 * or counts per block placed at the block's centre and snapped to the nearest street within 80 m)
 * are projected to Belgian Lambert 72 in core, planned with planPatrolRoutes, and the routes come
 * back as WGS84 GeoJSON.
 *
 * @param streets - street lines in WGS84 (`name`, `highway`)
 * @param incidents - points (with an optional ISO time field) or per-polygon counts
 * @param start - [lon, lat] of the start
 * @param options - planner options, plus the shift's weekday/hour filter (points only) and the shift start clock
 * @returns the plan, its features in WGS84 and the covered share
 */
export function planPatrolWgs84(
  streets: FeatureCollection,
  incidents: PatrolIncidentInput,
  start: readonly [number, number],
  options: PatrolOptions & { filter?: HotspotScoreOptions; startClock?: number },
): PatrolWgs84Result {
  const { forward, inverse } = lambert72();
  const lines = streets.features
    .filter((f): f is Feature<LineString | MultiLineString> => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString')
    .map((f) => ({ ...f, geometry: mapCoords(f.geometry, forward) as LineString | MultiLineString }));
  const graph = buildWalkingGraph(lines);
  let points: IncidentPoint[];
  let filter: HotspotScoreOptions = { ...options.filter };
  if (incidents.kind === 'points') {
    points = incidents.data.features
      .filter((f) => f.geometry?.type === 'Point')
      .map((f) => {
        const [x, y] = forward(f.geometry.coordinates);
        const p = (f.properties ?? {}) as Record<string, unknown>;
        const when = incidents.timeField ? p[incidents.timeField] : undefined;
        const weight = incidents.weightField ? Number(p[incidents.weightField]) : 1;
        return { x, y, when: typeof when === 'string' ? when : null, weight };
      });
  } else {
    if (filter.weekdays || filter.hours) throw new UserError('incident counts per block carry no times: the weekday and hour filter needs incident points.');
    points = [];
    for (const f of incidents.data.features) {
      const count = Number((f.properties ?? {})[incidents.countField]);
      const c = f.geometry ? ringCentre(f.geometry) : null;
      if (c && count > 0) {
        const [x, y] = forward(c);
        points.push({ x, y, weight: count });
      }
    }
    filter = { ...filter, maxDistance: filter.maxDistance ?? 80 };
  }
  const scores = segmentHotspotScores(graph, points, filter);
  const plan = planPatrolRoutes(graph, scores, forward(start), options);
  const planar = patrolFeatures(plan, options.startClock ?? 18 * 60);
  const features = planar.map((f) => ({ ...f, geometry: mapCoords(f.geometry, (p) => inverse(p)) as LineString | Point }));
  return { plan, features: { type: 'FeatureCollection', features }, coveredShare: plan.totalScore > 0 ? plan.stopCovered / plan.totalScore : 0 };
}
