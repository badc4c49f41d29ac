import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point, Position } from 'geojson';
import type { XY } from '../types.ts';
import { UserError } from '../user-error.ts';
import { buildWalkingGraph } from './walking-graph.ts';
import { segmentHotspotScores, type HotspotScoreOptions, type IncidentPoint } from './segment-hotspot-scores.ts';
import { planPatrolRoutes, type PatrolOptions, type PatrolPlan } from './patrol-planner.ts';
import { patrolFeatures, type PatrolFeatureProperties } from './patrol-features.ts';
import { lambert72 } from './project-lambert72.ts';
import { binTimeFilter } from '../stats/bin-time-filter.ts';
import type { IncidentDensityLayer } from '../stats/incident-density-layer.ts';

/**
 * Incidents as points, counts per polygon (e.g. incidents per street block), or the atlas's binned
 * incidents (layers/incident-density.json: 10 m bins with weekday, hour and month — the weekday and
 * hour filter works on them, without publishing single incidents).
 */
export type PatrolIncidentInput =
  | { kind: 'points'; data: FeatureCollection<Point>; timeField?: string; weightField?: string }
  | { kind: 'counts'; data: FeatureCollection; countField: string }
  | { kind: 'bins'; layer: IncidentDensityLayer };

/**
 * Bin centres of an incident-density layer in the planner's Lambert 72 metres: as they are for a
 * Lambert 72 grid, else interpolated between the grid's four WGS84 corners and projected (metres off
 * over a few km).
 */
function binCentresPlanar(layer: IncidentDensityLayer, forward: (p: Position) => Position): Position[] {
  const { x0, y0, cell_m, width, height } = layer.grid;
  const centre = (i: number): [number, number] => [x0 + (layer.bins.col[i] + 0.5) * layer.bin_m, y0 - (layer.bins.row[i] + 0.5) * layer.bin_m];
  if (layer.crs === 'EPSG:31370') return layer.bins.n.map((_, i) => centre(i));
  const c = layer.corners_wgs84;
  if (!c || c.length !== 4) throw new UserError(`the incident-density layer (${layer.crs}) has no WGS84 corners: rebuild the atlas with a current wijkatlas.`);
  const [bl, tl, tr, br] = c;
  return layer.bins.n.map((_, i) => {
    const [x, y] = centre(i);
    const u = (x - x0) / (width * cell_m);
    const v = (y0 - y) / (height * cell_m);
    const top = [tl[0] + u * (tr[0] - tl[0]), tl[1] + u * (tr[1] - tl[1])];
    const bottom = [bl[0] + u * (br[0] - bl[0]), bl[1] + u * (br[1] - bl[1])];
    return forward([top[0] + v * (bottom[0] - top[0]), top[1] + v * (bottom[1] - top[1])]);
  });
}

export interface PatrolWgs84Result {
  plan: PatrolPlan;
  /** routes.geojson content in WGS84 (legs, stops, start). */
  features: FeatureCollection<LineString | Point, PatrolFeatureProperties>;
  /** Share of the hot-spot score at the stops (0–1). */
  coveredShare: number;
  /**
   * Incidents behind the hot-spot scores: `used` of `given` (points: records; bins and counts: the
   * incidents they count), i.e. after the shift's weekday/hour filter and the distance to the streets.
   */
  incidents: { used: number; given: number };
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
 * binned incidents of the atlas's density layer — both filtered to the shift's weekday and hours — or
 * counts per block placed at the block's centre and snapped to the nearest street within 80 m)
 * are projected to Belgian Lambert 72 in core, planned with planPatrolRoutes, and the routes come
 * back as WGS84 GeoJSON.
 *
 * @param streets - street lines in WGS84 (`name`, `highway`)
 * @param incidents - points (with an optional ISO time field), the density layer's bins, or per-polygon counts
 * @param start - [lon, lat] of the start
 * @param options - planner options, plus the shift's weekday/hour filter (points and bins) and the shift start clock
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
  let binsLeftOut = 0;
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
  } else if (incidents.kind === 'bins') {
    // the shift's weekday and hours on the bins, with the same rules as on single records
    // (planner weekdays 0 = Sunday … 6; bins ISO 1 = Monday … 7 = Sunday)
    const keep = binTimeFilter(incidents.layer.bins, { weekdays: filter.weekdays?.map((d) => (d === 0 ? 7 : d)), hours: filter.hours });
    const centres = binCentresPlanar(incidents.layer, forward);
    points = [];
    let outside = 0;
    incidents.layer.bins.n.forEach((n, i) => {
      if (keep[i]) points.push({ x: centres[i][0], y: centres[i][1], weight: n });
      else outside += n;
    });
    filter = { maxDistance: filter.maxDistance };
    binsLeftOut = outside;
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
  const given = incidents.kind === 'points' ? points.length : points.reduce((a, p) => a + (p.weight ?? 1), 0) + binsLeftOut;
  const planar = patrolFeatures(plan, options.startClock ?? 18 * 60);
  const features = planar.map((f) => ({ ...f, geometry: mapCoords(f.geometry, (p) => inverse(p)) as LineString | Point }));
  return { plan, features: { type: 'FeatureCollection', features }, coveredShare: plan.totalScore > 0 ? plan.stopCovered / plan.totalScore : 0, incidents: { used: incidents.kind === 'points' ? scores.used : scores.total, given } };
}
