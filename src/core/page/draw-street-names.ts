import type { Feature, Geometry } from 'geojson';
import { chainLines } from '../geometry/chain-lines.ts';
import { clipPolylineToRect } from '../geometry/clip-polyline-to-rect.ts';
import { routeStreetLabels, type LabelStreet } from '../routes/route-street-labels.ts';
import type { XY } from '../types.ts';
import { frameView, geometryBbox, overlaps } from './draw-map.ts';
import type { FittedProjection, Rect } from './fit-map-projection.ts';
import { MM_PER_PT, type PageGroup } from './page-model.ts';

/** Line parts of a street geometry. */
function lineParts(g: Geometry): number[][][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/**
 * Street names on a printed map: each named street in the frame gets its name once, on its
 * longest straight-enough stretch in the frame (nearest the middle of what the frame shows), centred on the street line (the thematic blocks lie on either
 * side), upright, with a white halo, inside the frame, clear of `avoid` (scale bar, north arrow) and of
 * the names already placed; the longest streets go first, and a street with no free place stays
 * unnamed. The parts of one street that meet end to end are chained first, so an OSM street split at
 * every junction is one run.
 *
 * @param streets - street lines in longitude/latitude, named by `nameProperty`
 * @param proj - the page's map projection (its frame bounds the names)
 * @param avoid - boxes on the map (page mm) the names keep clear of
 * @param options - font size in points (default 6) and the name property (default 'name')
 * @returns a group with role `street-names` (empty when no street is named)
 */
export function drawStreetNames(streets: readonly Feature[], proj: FittedProjection, avoid: readonly Rect[] = [], options: { size?: number; nameProperty?: string } = {}): PageGroup {
  const size = options.size ?? 6;
  const key = options.nameProperty ?? 'name';
  const view = frameView(proj);
  const parts = new Map<string, XY[][]>();
  for (const f of streets) {
    const name = f.properties?.[key];
    if (typeof name !== 'string' || !name.trim() || !f.geometry || !overlaps(geometryBbox(f.geometry), view)) continue;
    const list = parts.get(name.trim()) ?? [];
    for (const line of lineParts(f.geometry)) if (line.length >= 2) list.push(line.map((c) => proj.project([c[0], c[1]])));
    parts.set(name.trim(), list);
  }
  // whole streets are chained first, then cut to the frame: a name goes near the middle of what is seen
  const f = proj.frame;
  const rect = [f.x, f.y, f.x + f.width, f.y + f.height] as const;
  const named: LabelStreet[] = [...parts].map(([name, lines]) => ({ name, runs: chainLines(lines).flatMap((run) => clipPolylineToRect(run, rect)) })).filter((s) => s.runs.length > 0);
  const half = (size * MM_PER_PT * 1.15) / 2;
  const items = routeStreetLabels(named, {
    frame: { x: f.x, y: f.y, w: f.width, h: f.height },
    boxes: avoid.map((b) => ({ x: b.x, y: b.y, w: b.width, h: b.height })),
    size,
    // centred on the street
    gap: -half,
  });
  return { kind: 'group', role: 'street-names', items };
}
