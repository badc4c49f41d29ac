import type { Position } from 'geojson';
import { ringSignedArea } from './ring-signed-area.ts';

/** A ring after cleaning, and what was done to it. */
export interface CleanedRing {
  /** Closed ring (last position = first), without consecutive duplicate positions. */
  ring: Position[];
  /** The input ring was not closed. */
  closed: boolean;
  /** Consecutive duplicate positions removed (same x and y; a z value does not count). */
  duplicatesRemoved: number;
  /** Distinct positions left (a usable ring needs 3 and a non-zero area). */
  distinct: number;
  /** Signed area of the cleaned ring (positive = counter-clockwise, y up; 0 for a symmetric bow-tie too). */
  signedArea: number;
  /** All positions lie on one straight line (the ring encloses nothing). */
  collinear: boolean;
}

/**
 * Closes a ring and drops consecutive duplicate positions (also across the closing point), without
 * touching the input. Positions are copied as they are (a z value is kept). The caller decides what
 * to do with a ring that has fewer than 3 distinct positions or zero area.
 *
 * @param ring - positions with finite x and y, closed or not
 * @returns the cleaned, closed ring and what changed
 * @example
 * cleanRing([[0, 0], [10, 0], [10, 0], [10, 10]]);
 * // { ring: [[0, 0], [10, 0], [10, 10], [0, 0]], closed: true, duplicatesRemoved: 1, distinct: 3, signedArea: 50, collinear: false }
 */
export function cleanRing(ring: readonly Position[]): CleanedRing {
  const n = ring.length;
  const wasClosed = n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1];
  const open = wasClosed ? ring.slice(0, n - 1) : ring.slice();
  const kept: Position[] = [];
  for (const p of open) {
    const last = kept[kept.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    kept.push(p.slice());
  }
  while (kept.length > 1 && kept[0][0] === kept[kept.length - 1][0] && kept[0][1] === kept[kept.length - 1][1]) kept.pop();
  const duplicatesRemoved = open.length - kept.length;
  const signedArea = ringSignedArea(kept);
  const closedRing = kept.length > 0 ? [...kept, kept[0].slice()] : [];
  return { ring: closedRing, closed: !wasClosed && n > 0, duplicatesRemoved, distinct: kept.length, signedArea, collinear: isCollinear(kept) };
}

/** Sine of the largest angle still taken as "on the line": absorbs float noise such as 4.48 + 0.01. */
const COLLINEAR_SINE = 1e-12;

function isCollinear(ring: readonly Position[]): boolean {
  if (ring.length < 3) return true;
  const [x0, y0] = ring[0];
  const [x1, y1] = ring[1];
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len = Math.hypot(dx, dy);
  for (let i = 2; i < ring.length; i++) {
    const ex = ring[i][0] - x0;
    const ey = ring[i][1] - y0;
    if (Math.abs(dx * ey - dy * ex) > COLLINEAR_SINE * len * Math.hypot(ex, ey)) return false;
  }
  return true;
}
