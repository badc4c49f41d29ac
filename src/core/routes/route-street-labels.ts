import { MM_PER_PT, type PageText } from '../page/page-model.ts';
import { textWidth } from '../page/text-width.ts';
import type { XY } from '../types.ts';
import type { WalkPiece } from './stop-network.ts';

/** A round thing on the map a label must keep clear of (page mm): a stop marker, the start, the north arrow. */
export interface LabelObstacle {
  at: XY;
  r: number;
}

/** Options of routeStreetLabels. */
export interface StreetLabelOptions {
  /** The map frame in page mm; labels stay inside it (1 mm in). */
  frame: { x: number; y: number; w: number; h: number };
  /** Markers and symbols to keep clear of. */
  obstacles?: readonly LabelObstacle[];
  /** Boxes to keep clear of (page mm), e.g. the scale bar and the north arrow. */
  boxes?: readonly { x: number; y: number; w: number; h: number }[];
  /** Lines the labels must not cross (page mm), e.g. the route itself; a label may run beside them. */
  lines?: readonly (readonly XY[])[];
  /** Font size in points. Default 7. */
  size?: number;
  /** Space in mm between the street's centre line and the near edge of its name. Default 0.7. */
  gap?: number;
}

/** One street of the route in page mm: its name and its runs (consecutive pieces of that street). */
export interface LabelStreet {
  name: string;
  runs: readonly (readonly XY[])[];
}

/**
 * The named streets of walks on a page: consecutive pieces of one street form a run (in page mm).
 *
 * @param walks - piece sequences (e.g. each route's legs, in order)
 * @param toPage - planar metres to page mm
 * @returns one entry per street name, with its runs
 */
export function streetsOfWalks(walks: readonly (readonly WalkPiece[])[], toPage: (p: XY) => XY): LabelStreet[] {
  const streets = new Map<string, XY[][]>();
  for (const pieces of walks) {
    let last: string | null = null;
    for (const p of pieces) {
      if (!p.name || p.coords.length < 2) {
        last = null;
        continue;
      }
      const runs = streets.get(p.name) ?? [];
      const pts = p.coords.map(toPage);
      if (last === p.name && runs.length > 0) runs[runs.length - 1].push(...pts.slice(1));
      else runs.push(pts);
      streets.set(p.name, runs);
      last = p.name;
    }
  }
  return [...streets].map(([name, runs]) => ({ name, runs }));
}

/** Samples of a polyline every `step` mm (ends included). */
function sample(line: readonly XY[], step: number): XY[] {
  const out: XY[] = [];
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1];
    const [bx, by] = line[i];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = i === 1 ? 0 : 1; k <= n; k++) out.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  return out;
}

/** The point at arc length s along a polyline, with the cumulative lengths `cum`. */
function at(line: readonly XY[], cum: readonly number[], s: number): XY {
  let i = 1;
  while (i < line.length - 1 && cum[i] < s) i++;
  const t = cum[i] === cum[i - 1] ? 0 : (s - cum[i - 1]) / (cum[i] - cum[i - 1]);
  return [line[i - 1][0] + t * (line[i][0] - line[i - 1][0]), line[i - 1][1] + t * (line[i][1] - line[i - 1][1])];
}

/** Largest distance of the polyline between arc lengths s0 and s1 from the chord of those two points. */
function bend(line: readonly XY[], cum: readonly number[], s0: number, s1: number, a: XY, b: XY): number {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  let worst = 0;
  for (let i = 1; i < line.length - 1; i++) {
    if (cum[i] <= s0 || cum[i] >= s1) continue;
    const [px, py] = line[i];
    worst = Math.max(worst, Math.abs((b[0] - a[0]) * (a[1] - py) - (a[0] - px) * (b[1] - a[1])) / len);
  }
  return worst;
}

/**
 * Street-name labels for a route map: each street the route walks gets its name once, set along a
 * straight enough stretch of it (at most 0.8 mm off the chord), beside the line (half a line height
 * and `gap` mm off it, on the first free side), upright (rotated −100° to 80°: bottom to top on a
 * nearly vertical street), inside the frame, clear of the markers, of the route's lines and of the
 * labels already placed. Streets are labelled in order of their longest run, and on each the place
 * nearest the middle of its longest run wins; a street with no free place is left unlabelled (its
 * name is in the directions).
 *
 * @param streets - the route's streets in page mm
 * @param options - frame, obstacles, lines, font size, gap
 * @returns text items for the page model (halo for legibility over grey streets)
 * @example
 * routeStreetLabels([{ name: 'Astraat', runs: [[[20, 50], [120, 50]]] }], { frame: { x: 0, y: 0, w: 200, h: 100 } });
 * // → [{ kind: 'text', text: 'Astraat', x: 70, y: 47.1…, rotate: 0, … }]
 */
export function routeStreetLabels(streets: readonly LabelStreet[], options: StreetLabelOptions): PageText[] {
  const size = options.size ?? 7;
  const gap = options.gap ?? 0.7;
  const height = size * MM_PER_PT * 1.15;
  const half = height / 2;
  const { frame } = options;
  const obstacles = options.obstacles ?? [];
  const boxes = options.boxes ?? [];
  const lineSamples = (options.lines ?? []).flatMap((l) => sample(l, 0.8));
  const placed: XY[][] = [];
  const out: PageText[] = [];
  const runLength = (run: readonly XY[]) => run.reduce((s, p, i) => (i ? s + Math.hypot(p[0] - run[i - 1][0], p[1] - run[i - 1][1]) : 0), 0);
  const order = streets
    .map((s) => ({ ...s, runs: [...s.runs].sort((a, b) => runLength(b) - runLength(a)) }))
    .filter((s) => s.runs.length > 0)
    .sort((a, b) => runLength(b.runs[0]) - runLength(a.runs[0]) || a.name.localeCompare(b.name));
  /** The label's centre line (samples every 1 mm) is clear of the frame edge, markers, lines and labels. */
  const free = (pts: readonly XY[]): boolean => {
    for (const [x, y] of pts) {
      if (x < frame.x + 1 + half || x > frame.x + frame.w - 1 - half || y < frame.y + 1 + half || y > frame.y + frame.h - 1 - half) return false;
      for (const o of obstacles) if (Math.hypot(x - o.at[0], y - o.at[1]) < o.r + half + 0.3) return false;
      for (const b of boxes) if (x > b.x - half - 0.3 && x < b.x + b.w + half + 0.3 && y > b.y - half - 0.3 && y < b.y + b.h + half + 0.3) return false;
      for (const q of lineSamples) if (Math.abs(x - q[0]) < half + 0.2 && Math.abs(y - q[1]) < half + 0.2 && Math.hypot(x - q[0], y - q[1]) < half + 0.2) return false;
      for (const other of placed) for (const q of other) if (Math.hypot(x - q[0], y - q[1]) < height + 0.4) return false;
    }
    return true;
  };
  for (const street of order) {
    const width = textWidth(street.name, size);
    let best: { score: number; item: PageText; pts: XY[] } | null = null;
    street.runs.forEach((run, r) => {
      const cum = [0];
      for (let i = 1; i < run.length; i++) cum.push(cum[i - 1] + Math.hypot(run[i][0] - run[i - 1][0], run[i][1] - run[i - 1][1]));
      const total = cum[cum.length - 1];
      if (total < width + 2) return;
      for (let s = width / 2 + 1; s <= total - width / 2 - 1; s += 1.5) {
        const a = at(run, cum, s - width / 2);
        const b = at(run, cum, s + width / 2);
        // a stretch that turns back (out and back along one street) is no straight stretch
        if (Math.hypot(b[0] - a[0], b[1] - a[1]) < width - 0.5 || bend(run, cum, s - width / 2, s + width / 2, a, b) > 0.8) continue;
        // upright: the text reads left to right, and bottom to top on a (nearly) vertical street:
        // the angle (clockwise, page y down) is kept within −100°..80°
        let angle = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
        while (angle > 80) angle -= 180;
        while (angle <= -100) angle += 180;
        const [ux, uy] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
        const mid: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        // nearer the middle of the longest run is better; later runs pay for being shorter
        const score = Math.abs(s - total / 2) + 1000 * r;
        if (best && score >= best.score) continue;
        for (const side of [-1, 1]) {
          const off = side * (half + gap);
          const c: XY = [mid[0] - uy * off, mid[1] + ux * off];
          const pts: XY[] = [];
          const n = Math.max(1, Math.ceil(width));
          for (let k = 0; k <= n; k++) pts.push([c[0] + ux * (width * (k / n - 0.5)), c[1] + uy * (width * (k / n - 0.5))]);
          if (!free(pts)) continue;
          // (+ 0 turns −0 into 0)
          const rotate = Math.round(angle * 10) / 10 + 0;
          best = { score, pts, item: { kind: 'text', x: Math.round(c[0] * 100) / 100, y: Math.round(c[1] * 100) / 100, text: street.name, size, anchor: 'middle', baseline: 'middle', fill: '#333333', halo: 0.5, rotate } };
          break;
        }
      }
    });
    if (best) {
      const chosen: { item: PageText; pts: XY[] } = best;
      placed.push(chosen.pts);
      out.push(chosen.item);
    }
  }
  return out;
}
