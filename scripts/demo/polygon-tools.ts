/** Small planar helpers for synthesising the demo's land cover and address points (clipper2, metres). */
import { Clipper, EndType, FillRule, JoinType, type PathsD } from 'clipper2-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Rings = PathsD;

export function toPaths(g: Polygon | MultiPolygon): Rings {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.flatMap((p) => p.map((r) => r.slice(0, -1).map(([x, y]) => ({ x, y }))));
}

export const inset = (p: Rings, d: number): Rings => Clipper.inflatePathsD(p, -d, JoinType.Miter, EndType.Polygon, 2, 3);
export const minus = (a: Rings, b: Rings): Rings => Clipper.differenceD(a, b, FillRule.NonZero, 3);
export const union = (a: Rings, b: Rings): Rings => Clipper.unionD(a, b, FillRule.NonZero, 3);
export const intersect = (a: Rings, b: Rings): Rings => Clipper.intersectD(a, b, FillRule.NonZero, 3);
export const area = (p: Rings): number => Math.abs(Clipper.areaPathsD(p));

/** Rings -> GeoJSON MultiPolygon (outer rings CCW with their holes), via clipper's polytree. */
export function toMultiPolygon(p: Rings): MultiPolygon | null {
  // Group: outer rings are positive, holes negative; assign each hole to the smallest outer containing its first point.
  const outers = p.filter((r) => Clipper.areaD(r) > 0);
  const holes = p.filter((r) => Clipper.areaD(r) < 0);
  if (!outers.length) return null;
  const polys: Position[][][] = outers.map((r) => [close(r)]);
  for (const h of holes) {
    let best = -1;
    let bestArea = Infinity;
    outers.forEach((o, i) => {
      const a = Clipper.areaD(o);
      if (a < bestArea && pointInRing(h[0].x, h[0].y, o)) {
        best = i;
        bestArea = a;
      }
    });
    if (best >= 0) polys[best].push(close(h));
  }
  return { type: 'MultiPolygon', coordinates: polys };
}

const close = (r: { x: number; y: number }[]): Position[] => {
  const ring = r.map((q) => [Math.round(q.x * 100) / 100, Math.round(q.y * 100) / 100]);
  ring.push(ring[0]);
  return ring;
};

export function pointInRing(x: number, y: number, ring: { x: number; y: number }[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Points every `step` metres along the rings (closed). */
export function pointsAlong(p: Rings, step: number, offset = 0): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const ring of p) {
    let carry = offset;
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      let t = carry;
      while (t < len) {
        out.push([a.x + ((b.x - a.x) * t) / len, a.y + ((b.y - a.y) * t) / len]);
        t += step;
      }
      carry = t - len;
    }
  }
  return out;
}
