import Flatbush from 'flatbush';
import { pointSegmentDistanceSquared } from '../geometry/point-segment-distance.ts';
import { shiftWeekday } from '../stats/time-filter.ts';
import { wallClock } from '../stats/wall-clock.ts';
import type { XY } from '../types.ts';
import type { WalkingGraph } from './walking-graph.ts';

/** One incident: a planar position, optionally its time and a weight (count 1 by default). */
export interface IncidentPoint {
  x: number;
  y: number;
  /** ISO date-time (wall-clock time when it has no offset), needed when filtering on weekday or hours. */
  when?: string | null;
  /** Weight instead of a count of 1: e.g. a Gi* z-score or a kernel density at the incident. */
  weight?: number | null;
}

export interface HotspotScoreOptions {
  /** Incidents farther than this (metres) from every street are left out. Default 50 m. */
  maxDistance?: number;
  /**
   * Keep only incidents on these weekdays (0 = Sunday … 6 = Saturday). Default: all days. With hours
   * that wrap midnight, the hours after midnight count for the day before: Friday 22–2 is Friday's shift.
   */
  weekdays?: readonly number[];
  /** Keep only incidents whose hour h satisfies from ≤ h < to (wrapping past midnight when from > to). */
  hours?: { from: number; to: number };
}

export interface HotspotScores {
  /** Score of each edge (street section): sum of the weights of the incidents assigned to it. */
  edgeScores: Float64Array;
  /** Stop point of each edge: the point halfway along it. */
  stopPoints: XY[];
  total: number;
  used: number;
  /** Incidents left out, by reason: outside-hours, other-weekday, no-time, too-far, non-positive-weight, invalid-coordinates. */
  skipped: Record<string, number>;
}

/** The point at half the length of a polyline. */
export function midpointOf(coords: readonly XY[], length: number): XY {
  let left = length / 2;
  for (let i = 1; i < coords.length; i++) {
    const [ax, ay] = coords[i - 1];
    const [bx, by] = coords[i];
    const d = Math.hypot(bx - ax, by - ay);
    if (d >= left && d > 0) return [ax + ((bx - ax) * left) / d, ay + ((by - ay) * left) / d];
    left -= d;
  }
  return coords[coords.length - 1];
}

/**
 * Hot-spot scores of street sections: every incident (filtered to the shift's weekdays and hours
 * when asked) is assigned to the nearest street section within `maxDistance`, adding its weight
 * (1 = a count; or a Gi* / density value; non-positive weights are cold spots and left out).
 *
 * @param graph - the walking graph
 * @param incidents - planar incident points (same CRS as the graph)
 * @param options - maxDistance, weekdays, hours
 * @returns edge scores, stop points and counts of what was left out
 */
export function segmentHotspotScores(graph: WalkingGraph, incidents: readonly IncidentPoint[], options: HotspotScoreOptions = {}): HotspotScores {
  const maxDistance = options.maxDistance ?? 50;
  const edgeScores = new Float64Array(graph.edges.length);
  const stopPoints = graph.edges.map((e) => midpointOf(e.coords, e.length));
  const skipped: Record<string, number> = {};
  const skip = (k: string) => (skipped[k] = (skipped[k] ?? 0) + 1);
  const filterTime = !!options.weekdays || !!options.hours;
  const days = options.weekdays ? new Set(options.weekdays) : null;
  // segment index of the whole graph
  const segEdge: number[] = [];
  const segs: number[] = [];
  for (const e of graph.edges) {
    for (let i = 1; i < e.coords.length; i++) {
      segEdge.push(e.id);
      segs.push(e.coords[i - 1][0], e.coords[i - 1][1], e.coords[i][0], e.coords[i][1]);
    }
  }
  const index = segEdge.length ? new Flatbush(segEdge.length) : null;
  if (index) {
    for (let k = 0; k < segEdge.length; k++) {
      const [ax, ay, bx, by] = segs.slice(4 * k, 4 * k + 4);
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    index.finish();
  }
  let used = 0;
  let total = 0;
  for (const inc of incidents) {
    if (!Number.isFinite(inc.x) || !Number.isFinite(inc.y)) {
      skip('invalid-coordinates');
      continue;
    }
    const w = inc.weight ?? 1;
    if (!(w > 0)) {
      skip('non-positive-weight');
      continue;
    }
    if (filterTime) {
      // the wall clock as written ("…T23:30+01:00" is 23 h), as the statistics' time filter reads it
      const clock = inc.when ? wallClock(inc.when) : null;
      if (!clock || clock.hour === null) {
        skip('no-time');
        continue;
      }
      // the small hours of a shift that runs past midnight belong to the evening it started
      if (days && !days.has(shiftWeekday(clock.weekday, clock.hour, options.hours) % 7)) {
        skip('other-weekday');
        continue;
      }
      if (options.hours) {
        const h = clock.hour;
        const { from, to } = options.hours;
        const inside = from < to ? h >= from && h < to : h >= from || h < to;
        if (!inside) {
          skip('outside-hours');
          continue;
        }
      }
    }
    let best = -1;
    let bestD = maxDistance * maxDistance;
    for (const k of index ? index.search(inc.x - maxDistance, inc.y - maxDistance, inc.x + maxDistance, inc.y + maxDistance) : []) {
      const d = pointSegmentDistanceSquared(inc.x, inc.y, segs[4 * k], segs[4 * k + 1], segs[4 * k + 2], segs[4 * k + 3]);
      if (d < bestD || (d === bestD && best >= 0 && segEdge[k] < best)) {
        bestD = d;
        best = segEdge[k];
      }
    }
    if (best < 0) {
      skip('too-far');
      continue;
    }
    edgeScores[best] += w;
    total += w;
    used++;
  }
  return { edgeScores, stopPoints, total, used, skipped };
}
