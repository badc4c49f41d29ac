import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { Areal } from '../types.ts';

/** Where two edges of a polygon clash. Parts, rings and segments are counted from 0. */
export interface SelfIntersection {
  /** 'cross': the edges cross at one point; 'overlap': they run along each other (collinear, positive length). */
  kind: 'cross' | 'overlap';
  /** A position where it happens (the crossing point, or the start of the overlap). */
  at: [number, number];
  a: { part: number; ring: number; segment: number };
  b: { part: number; ring: number; segment: number };
}

/** Options of findSelfIntersections. */
export interface FindSelfIntersectionsOptions {
  /** Stop after this many clashes (default Infinity: all). `limit: 1` is a fast validity test. */
  limit?: number;
}

interface Seg {
  part: number;
  ring: number;
  segment: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/**
 * Finds the edges of a Polygon or MultiPolygon that cross or overlap: within one ring (a bow-tie, a
 * spike that folds back on itself), between the rings of a polygon (a hole crossing its outer ring),
 * or between the parts of a MultiPolygon. Edges that only share a vertex, or where a vertex touches
 * another edge, are accepted (as GEOS accepts touching rings). Candidate pairs come from a flatbush
 * index over the segment bounding boxes, so the cost is O(n log n) for ordinary polygons, not O(n²).
 *
 * Assumes finite coordinates and closed rings (see repairGeometry). Zero-length segments are skipped.
 *
 * @param geometry - Polygon or MultiPolygon (any CRS; the test is exact, without tolerance)
 * @param options - see FindSelfIntersectionsOptions
 * @returns the clashes found, in segment order (empty: no self-intersection)
 * @example
 * findSelfIntersections({ type: 'Polygon', coordinates: [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]] });
 * // [{ kind: 'cross', at: [5, 5], a: { part: 0, ring: 0, segment: 0 }, b: { part: 0, ring: 0, segment: 2 } }]
 */
export function findSelfIntersections(geometry: Areal, options: FindSelfIntersectionsOptions = {}): SelfIntersection[] {
  const limit = options.limit ?? Infinity;
  const segs = segmentsOf(geometry);
  const found: SelfIntersection[] = [];
  if (segs.length < 2 || limit <= 0) return found;
  const index = new Flatbush(segs.length);
  for (const s of segs) index.add(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by));
  index.finish();
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    const candidates = index.search(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by)).sort((x, y) => x - y);
    for (const m of candidates) {
      if (m <= k) continue;
      const t = segs[m];
      const clash = segmentClash(s, t);
      if (!clash) continue;
      found.push({ ...clash, a: { part: s.part, ring: s.ring, segment: s.segment }, b: { part: t.part, ring: t.ring, segment: t.segment } });
      if (found.length >= limit) return found;
    }
  }
  return found;
}

function segmentsOf(geometry: Areal): Seg[] {
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const segs: Seg[] = [];
  polygons.forEach((rings, part) => {
    rings.forEach((ring, r) => {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[i + 1];
        if (ax === bx && ay === by) continue;
        segs.push({ part, ring: r, segment: i, ax, ay, bx, by });
      }
    });
  });
  return segs;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function segmentClash(s: Seg, t: Seg): Pick<SelfIntersection, 'kind' | 'at'> | null {
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const d = (s.bx - s.ax) * (t.by - t.ay) - (s.by - s.ay) * (t.bx - t.ax);
    const u = ((t.ax - s.ax) * (t.by - t.ay) - (t.ay - s.ay) * (t.bx - t.ax)) / d;
    return { kind: 'cross', at: [s.ax + u * (s.bx - s.ax), s.ay + u * (s.by - s.ay)] };
  }
  if (o1 === 0 && o2 === 0) {
    // Collinear: an overlap of positive length along the dominant axis.
    const useX = Math.abs(s.bx - s.ax) >= Math.abs(s.by - s.ay);
    const lo = (p: number, q: number) => Math.min(p, q);
    const hi = (p: number, q: number) => Math.max(p, q);
    const [s0, s1, t0, t1] = useX ? [lo(s.ax, s.bx), hi(s.ax, s.bx), lo(t.ax, t.bx), hi(t.ax, t.bx)] : [lo(s.ay, s.by), hi(s.ay, s.by), lo(t.ay, t.by), hi(t.ay, t.by)];
    const start = Math.max(s0, t0);
    if (Math.min(s1, t1) - start > 0) {
      const along = useX ? (start - s.ax) / (s.bx - s.ax) : (start - s.ay) / (s.by - s.ay);
      return { kind: 'overlap', at: [s.ax + along * (s.bx - s.ax), s.ay + along * (s.by - s.ay)] };
    }
  }
  return null;
}
