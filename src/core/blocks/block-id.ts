import type { Areal } from '../types.ts';
import { arealCentroid } from '../geometry/areal-centroid.ts';
import { ringSignedArea } from '../geometry/ring-signed-area.ts';

/**
 * Stable block ids from geometry: `B<round(cx)>-<round(cy)>` where (cx, cy) is the area centroid
 * of the final (street-space removed) polygon in planar metres, e.g. `B157263-189544` in Lambert
 * 72. The id depends only on the block's own shape, so it is the same across runs and input
 * orders, and unchanged when unrelated blocks change. Blocks whose ids collide (centroids in the
 * same 1 m cell) are ordered by exact centroid x, then y, then area; the first keeps the plain id,
 * the others get `-2`, `-3`, … in that order.
 *
 * @param geometries - final block geometries (planar metres)
 * @returns one id per geometry, aligned with the input
 * @example
 * blockId([{ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] }]); // ['B5-5']
 */
export function blockId(geometries: readonly Areal[]): string[] {
  const info = geometries.map((g, i) => {
    const c = arealCentroid(g) ?? firstPosition(g);
    return { i, cx: c[0], cy: c[1], area: Math.abs(area(g)), base: `B${Math.round(c[0])}-${Math.round(c[1])}` };
  });
  const byBase = new Map<string, typeof info>();
  for (const x of info) {
    const list = byBase.get(x.base);
    if (list) list.push(x);
    else byBase.set(x.base, [x]);
  }
  const ids = new Array<string>(geometries.length);
  for (const list of byBase.values()) {
    list.sort((a, b) => a.cx - b.cx || a.cy - b.cy || a.area - b.area);
    list.forEach((x, k) => (ids[x.i] = k === 0 ? x.base : `${x.base}-${k + 1}`));
  }
  return ids;
}

function firstPosition(g: Areal): [number, number] {
  const p = g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
  return p ? [p[0], p[1]] : [0, 0];
}

function area(g: Areal): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  for (const rings of polys) for (const ring of rings) a += ringSignedArea(ring);
  return a;
}
