import Flatbush from 'flatbush';
import type { Areal, XY } from '../types.ts';
import { ringSignedArea } from '../geometry/ring-signed-area.ts';
import { pointInAreal } from '../geometry/point-in-areal.ts';
import { interiorPoint } from '../geometry/interior-point.ts';
import type { Face, FaceEdge, NodedNetwork } from './block-types.ts';
import { splitAtRepeatedNodes } from './split-at-repeated-nodes.ts';

/** Cycles with |signed area| at or below this (m²) are degenerate (trees, collinear spikes). */
const AREA_EPS = 1e-9;

/**
 * The bounded faces of a noded network that lie inside the study area.
 *
 * - Half-edges are sorted by angle around each node; a face is traced by leaving each node along
 *   the half-edge next clockwise from the one it arrived by, which keeps the face on the left:
 *   bounded faces come out counter-clockwise (positive area), the outer boundary of each
 *   connected piece of network clockwise (negative or zero area).
 * - Edges with the same face on both sides (dangles such as dead-end streets, and bridges) bound
 *   nothing: they are taken out and the faces traced again, so they never split or spike a face.
 * - A negative cycle (a network island, e.g. a loop street inside a block) becomes a hole of the
 *   smallest bounded face of another piece that contains it; if none does it is the outside.
 * - A boundary that touches itself at a node is split there into an outer ring and touching holes.
 * - A face is kept when a point strictly inside it (interiorPoint) is inside the area.
 *
 * @param network - noded network (nodeLines)
 * @param area - the study area (planar metres)
 * @returns faces in a deterministic order, each with rings, area, perimeter and its boundary edges
 *   with the face across each edge (index in `faces`, or -1 for outside the area)
 */
export function polygonizeFaces(network: NodedNetwork, area: Areal): Face[] {
  const { nodes, edges } = network;
  let removed = new Uint8Array(edges.length);
  let trace = traceCycles(nodes, edges, removed);
  // take out edges with the same cycle on both sides (dangles, bridges) and trace again
  for (let pass = 0; pass < 4; pass++) {
    let any = false;
    const next = removed.slice();
    for (let e = 0; e < edges.length; e++) {
      if (!removed[e] && trace.cycleOf[2 * e] === trace.cycleOf[2 * e + 1]) {
        next[e] = 1;
        any = true;
      }
    }
    if (!any) break;
    removed = next;
    trace = traceCycles(nodes, edges, removed);
  }
  const { cycles, cycleOf } = trace;

  // connected pieces of the remaining network (a hole must belong to another piece)
  const comp = components(nodes.length, edges, removed);
  const positive = cycles.map((c, i) => (c.area > AREA_EPS ? i : -1)).filter((i) => i >= 0);
  const containerOf = assignHoles(cycles, positive, nodes, comp);

  // keep faces inside the area
  const faceOf = new Int32Array(cycles.length).fill(-1);
  const faces: Face[] = [];
  const holesOf = new Map<number, number[]>();
  cycles.forEach((c, i) => {
    const f = containerOf[i];
    if (f < 0) return;
    const list = holesOf.get(f);
    if (list) list.push(i);
    else holesOf.set(f, [i]);
  });
  for (const ci of positive) {
    const rings = cycleRings(cycles[ci].walk, nodes, 1);
    for (const hi of holesOf.get(ci) ?? []) rings.push(...cycleRings(cycles[hi].walk, nodes, -1));
    if (rings.length === 0) continue;
    const p = interiorPoint(rings);
    if (!p || pointInAreal(p, area) !== 'inside') continue;
    faceOf[ci] = faces.length;
    for (const hi of holesOf.get(ci) ?? []) faceOf[hi] = faces.length;
    const netArea = rings.reduce((s, r) => s + ringSignedArea(r), 0);
    faces.push({ id: faces.length, rings, area: netArea, perimeter: 0, boundary: [] });
  }

  // boundary edges with the face across
  for (let h = 0; h < cycleOf.length; h++) {
    const e = h >> 1;
    if (removed[e]) continue;
    const f = faceOf[cycleOf[h]];
    if (f < 0) continue;
    const edge = edges[e];
    const be: FaceEdge = { edge: e, kind: edge.kind, length: edge.length, neighbour: faceOf[cycleOf[h ^ 1]] };
    faces[f].boundary.push(be);
    faces[f].perimeter += edge.length;
  }
  return faces;
}

interface Cycle {
  /** node ids, implicitly closed */
  walk: number[];
  area: number;
}

function traceCycles(nodes: XY[], edges: NodedNetwork['edges'], removed: Uint8Array): { cycles: Cycle[]; cycleOf: Int32Array } {
  const nh = edges.length * 2;
  const origin = (h: number) => (h & 1 ? edges[h >> 1].b : edges[h >> 1].a);
  const dest = (h: number) => (h & 1 ? edges[h >> 1].a : edges[h >> 1].b);
  // outgoing half-edges per node, sorted counter-clockwise by angle
  const count = new Int32Array(nodes.length + 1);
  for (let h = 0; h < nh; h++) if (!removed[h >> 1]) count[origin(h) + 1]++;
  for (let i = 0; i < nodes.length; i++) count[i + 1] += count[i];
  const out = new Int32Array(count[nodes.length]);
  const fill = count.slice(0, nodes.length);
  for (let h = 0; h < nh; h++) if (!removed[h >> 1]) out[fill[origin(h)]++] = h;
  const angle = new Float64Array(nh);
  for (let h = 0; h < nh; h++) {
    if (removed[h >> 1]) continue;
    const a = nodes[origin(h)];
    const b = nodes[dest(h)];
    angle[h] = Math.atan2(b[1] - a[1], b[0] - a[0]);
  }
  const pos = new Int32Array(nh);
  for (let v = 0; v < nodes.length; v++) {
    const s = count[v];
    const e = count[v + 1];
    const list = Array.from(out.subarray(s, e)).sort((x, y) => angle[x] - angle[y] || x - y);
    list.forEach((h, i) => {
      out[s + i] = h;
      pos[h] = i;
    });
  }
  const nextOf = (h: number): number => {
    const v = dest(h);
    const s = count[v];
    const deg = count[v + 1] - s;
    return out[s + ((pos[h ^ 1] - 1 + deg) % deg)];
  };
  const cycleOf = new Int32Array(nh).fill(-1);
  const cycles: Cycle[] = [];
  for (let h0 = 0; h0 < nh; h0++) {
    if (removed[h0 >> 1] || cycleOf[h0] >= 0) continue;
    const id = cycles.length;
    const walk: number[] = [];
    let h = h0;
    while (cycleOf[h] < 0) {
      cycleOf[h] = id;
      walk.push(origin(h));
      h = nextOf(h);
    }
    cycles.push({ walk, area: ringSignedArea(walk.map((v) => nodes[v])) });
  }
  return { cycles, cycleOf };
}

function components(n: number, edges: NodedNetwork['edges'], removed: Uint8Array): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  edges.forEach((e, i) => {
    if (removed[i]) return;
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  });
  for (let i = 0; i < n; i++) parent[i] = find(i);
  return parent;
}

/** For each non-positive cycle, the innermost positive cycle of another piece containing it (-1: none). */
function assignHoles(cycles: Cycle[], positive: number[], nodes: XY[], comp: Int32Array): Int32Array {
  const containerOf = new Int32Array(cycles.length).fill(-1);
  if (positive.length === 0) return containerOf;
  const index = new Flatbush(positive.length);
  for (const ci of positive) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const v of cycles[ci].walk) {
      const [x, y] = nodes[v];
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
    index.add(x0, y0, x1, y1);
  }
  index.finish();
  cycles.forEach((c, i) => {
    if (c.area > AREA_EPS) return;
    const v = c.walk[0];
    const p = nodes[v];
    let best = -1;
    for (const k of index.search(p[0], p[1], p[0], p[1])) {
      const ci = positive[k];
      if (comp[cycles[ci].walk[0]] === comp[v]) continue;
      if (best >= 0 && cycles[ci].area >= cycles[best].area) continue;
      const ring = cycles[ci].walk.map((u) => nodes[u]);
      if (pointInAreal(p, { type: 'Polygon', coordinates: [ring] }) === 'inside') best = ci;
    }
    containerOf[i] = best;
  });
  return containerOf;
}

/** Closed rings of a cycle split at repeated nodes, keeping sub-rings of the given sign (+1 outer, -1 holes); for an outer cycle the largest ring comes first. */
function cycleRings(walk: number[], nodes: XY[], sign: 1 | -1): XY[][] {
  const subs = splitAtRepeatedNodes(walk)
    .filter((s) => s.length >= 3)
    .map((s) => {
      const ring = s.map((v) => nodes[v]);
      ring.push(ring[0]);
      return { ring, area: ringSignedArea(ring) };
    });
  if (sign === 1) {
    // the outer ring is the largest positive one; negative sub-rings are holes touching it
    const outer = subs.filter((s) => s.area > AREA_EPS).sort((a, b) => b.area - a.area)[0];
    if (!outer) return [];
    return [outer.ring, ...subs.filter((s) => s.area < -AREA_EPS).map((s) => s.ring)];
  }
  return subs.filter((s) => s.area < -AREA_EPS).map((s) => s.ring);
}
