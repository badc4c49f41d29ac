import Flatbush from 'flatbush';
import type { XY } from '../types.ts';
import type { SourceLine } from './collect-network-lines.ts';

/** Ends within 1 µm of a segment already touch it (as in intersectSegments). */
const TOUCH_EPS = 1e-6;

/** A point forced onto a segment by snapping: the segment must be split there. */
export interface ForcedSplit {
  line: number;
  seg: number;
  point: XY;
}

/**
 * Snaps dangling line ends onto nearby lines (near-miss noding).
 *
 * A line end is dangling when no other line end shares its exact position. When such an end lies
 * within `tolerance` metres of a segment it does not belong to (and is not already within 1 µm of one),
 * it is moved:
 * - onto the nearest vertex of a segment within `tolerance`, when there is one (exact node), else
 * - onto its projection on the nearest segment, which is then split there (a ForcedSplit).
 * Ends are processed in (x, y) order so the result does not depend on input order. Lines are
 * copied, never mutated.
 *
 * @param lines - polylines to snap
 * @param tolerance - snap distance in metres (0 disables snapping)
 * @returns snapped copies, forced splits, and how many ends moved
 */
export function snapLineEnds(lines: SourceLine[], tolerance: number): { lines: SourceLine[]; splits: ForcedSplit[]; snapped: number } {
  const out = lines.map((l) => ({ ...l, coords: l.coords.map((p) => [p[0], p[1]] as XY) }));
  if (tolerance <= 0 || out.length === 0) return { lines: out, splits: [], snapped: 0 };
  const segLine: number[] = [];
  const segIdx: number[] = [];
  const index = new Flatbush(Math.max(1, out.reduce((n, l) => n + l.coords.length - 1, 0)));
  out.forEach((l, li) => {
    for (let i = 0; i + 1 < l.coords.length; i++) {
      const [ax, ay] = l.coords[i];
      const [bx, by] = l.coords[i + 1];
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      segLine.push(li);
      segIdx.push(i);
    }
  });
  if (segLine.length === 0) return { lines: out, splits: [], snapped: 0 };
  index.finish();

  // count line ends per exact position; closed lines (rings) have no free ends
  const key = (p: XY) => `${p[0]},${p[1]}`;
  const endCount = new Map<string, number>();
  const ends: { line: number; atStart: boolean }[] = [];
  out.forEach((l, li) => {
    const c = l.coords;
    if (c.length < 2) return;
    const first = c[0];
    const last = c[c.length - 1];
    if (first[0] === last[0] && first[1] === last[1]) return;
    for (const atStart of [true, false]) {
      const p = atStart ? first : last;
      endCount.set(key(p), (endCount.get(key(p)) ?? 0) + 1);
      ends.push({ line: li, atStart });
    }
  });
  const pos = (e: { line: number; atStart: boolean }) => {
    const c = out[e.line].coords;
    return e.atStart ? c[0] : c[c.length - 1];
  };
  const dangling = ends.filter((e) => endCount.get(key(pos(e))) === 1);
  dangling.sort((a, b) => pos(a)[0] - pos(b)[0] || pos(a)[1] - pos(b)[1]);

  const splits: ForcedSplit[] = [];
  let snapped = 0;
  const t2 = tolerance * tolerance;
  const r = 2 * tolerance; // segments may have moved by up to `tolerance` since indexing
  for (const e of dangling) {
    const p = pos(e);
    const own = e.atStart ? 0 : out[e.line].coords.length - 2;
    let best: { d2: number; line: number; seg: number; q: XY } | null = null;
    let bestVertex: { d2: number; v: XY } | null = null;
    let touching = false;
    for (const s of index.search(p[0] - r, p[1] - r, p[0] + r, p[1] + r)) {
      const li = segLine[s];
      const si = segIdx[s];
      if (li === e.line && si === own) continue;
      const c = out[li].coords;
      const a = c[si];
      const b = c[si + 1];
      const { d2, q } = closestOnSegment(p, a, b);
      if (d2 <= TOUCH_EPS * TOUCH_EPS) {
        touching = true;
        break;
      }
      if (d2 > t2) continue;
      if (!best || d2 < best.d2 || (d2 === best.d2 && (q[0] < best.q[0] || (q[0] === best.q[0] && q[1] < best.q[1])))) best = { d2, line: li, seg: si, q };
      for (const v of [a, b]) {
        const dv = (v[0] - p[0]) ** 2 + (v[1] - p[1]) ** 2;
        if (dv <= t2 && (!bestVertex || dv < bestVertex.d2 || (dv === bestVertex.d2 && (v[0] < bestVertex.v[0] || (v[0] === bestVertex.v[0] && v[1] < bestVertex.v[1]))))) {
          bestVertex = { d2: dv, v };
        }
      }
    }
    if (touching || !best) continue;
    const target: XY = bestVertex ? [bestVertex.v[0], bestVertex.v[1]] : best.q;
    if (!bestVertex) splits.push({ line: best.line, seg: best.seg, point: target });
    p[0] = target[0];
    p[1] = target[1];
    snapped++;
  }
  return { lines: out, splits, snapped };
}

function closestOnSegment(p: XY, a: XY, b: XY): { d2: number; q: XY } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const q: XY = t === 0 ? [a[0], a[1]] : t === 1 ? [b[0], b[1]] : [a[0] + t * dx, a[1] + t * dy];
  return { d2: (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2, q };
}
