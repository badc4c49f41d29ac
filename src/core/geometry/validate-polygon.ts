import Flatbush from 'flatbush';
import type { Areal } from '../types.ts';
import { ringSignedArea } from './ring-signed-area.ts';
import { pointInAreal } from './point-in-areal.ts';

/**
 * Checks a planar Polygon or MultiPolygon for the problems that break overlays and renderers,
 * and returns one line per problem (an empty array means valid):
 * - ring not closed, fewer than 4 positions, non-finite coordinates;
 * - orientation not RFC 7946 (outer rings counter-clockwise, holes clockwise, y axis up);
 * - segments that cross or overlap (within a ring, between rings of a polygon, or between
 *   polygons of a MultiPolygon); rings that only touch at a vertex are accepted;
 * - a hole with a vertex outside its outer ring.
 *
 * Segment pairs are found with a flatbush index over segment bounding boxes (no all-pairs loop).
 *
 * @param geometry - planar Polygon or MultiPolygon in metres
 * @returns problems, e.g. `polygon 0 ring 0: segments 3 and 7 cross at (10.5, 4)`
 * @example
 * validatePolygon({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] }); // []
 */
export function validatePolygon(geometry: Areal): string[] {
  const problems: string[] = [];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (polygons.length === 0) return ['no polygons'];
  const segs: { p: number; r: number; i: number; ax: number; ay: number; bx: number; by: number }[] = [];
  polygons.forEach((rings, p) => {
    if (rings.length === 0) problems.push(`polygon ${p}: no rings`);
    rings.forEach((ring, r) => {
      const where = `polygon ${p} ring ${r}`;
      if (ring.length < 4) problems.push(`${where}: ${ring.length} positions, expected at least 4`);
      if (ring.some((c) => !Number.isFinite(c[0]) || !Number.isFinite(c[1]))) problems.push(`${where}: non-finite coordinate`);
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where}: not closed`);
      const area = ringSignedArea(ring);
      if (r === 0 && area <= 0) problems.push(`${where}: outer ring is clockwise or empty (area ${area.toFixed(3)})`);
      if (r > 0 && area >= 0) problems.push(`${where}: hole is counter-clockwise or empty (area ${area.toFixed(3)})`);
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[i + 1];
        if (ax === bx && ay === by) continue;
        segs.push({ p, r, i, ax, ay, bx, by });
      }
      if (r > 0 && rings[0] && ring.some((c) => pointInAreal(c, { type: 'Polygon', coordinates: [rings[0]] }) === 'outside')) {
        problems.push(`${where}: hole has a vertex outside the outer ring`);
      }
    });
  });
  if (segs.length === 0) return problems;
  const index = new Flatbush(segs.length);
  for (const s of segs) index.add(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by));
  index.finish();
  segs.forEach((s, k) => {
    for (const m of index.search(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by))) {
      if (m <= k) continue;
      const t = segs[m];
      const clash = segmentClash(s, t);
      if (clash) problems.push(`polygon ${s.p} ring ${s.r} segment ${s.i} and polygon ${t.p} ring ${t.r} segment ${t.i} ${clash}`);
    }
  });
  return problems;
}

type Seg = { ax: number; ay: number; bx: number; by: number };

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** 'cross at (x, y)' for a proper crossing, 'overlap' for collinear overlap of positive length, else null. */
function segmentClash(s: Seg, t: Seg): string | null {
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const d = (s.bx - s.ax) * (t.by - t.ay) - (s.by - s.ay) * (t.bx - t.ax);
    const u = ((t.ax - s.ax) * (t.by - t.ay) - (t.ay - s.ay) * (t.bx - t.ax)) / d;
    return `cross at (${(s.ax + u * (s.bx - s.ax)).toFixed(3)}, ${(s.ay + u * (s.by - s.ay)).toFixed(3)})`;
  }
  if (o1 === 0 && o2 === 0) {
    // collinear: overlap of positive length along the dominant axis
    const useX = Math.abs(s.bx - s.ax) >= Math.abs(s.by - s.ay);
    const s0 = useX ? Math.min(s.ax, s.bx) : Math.min(s.ay, s.by);
    const s1 = useX ? Math.max(s.ax, s.bx) : Math.max(s.ay, s.by);
    const t0 = useX ? Math.min(t.ax, t.bx) : Math.min(t.ay, t.by);
    const t1 = useX ? Math.max(t.ax, t.bx) : Math.max(t.ay, t.by);
    if (Math.min(s1, t1) - Math.max(s0, t0) > 0) return 'overlap';
  }
  return null;
}
