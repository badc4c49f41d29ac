import type { XY } from '../types.ts';

/**
 * A point strictly inside a polygon given as rings (outer first, then holes; orientation and
 * closure do not matter). Unlike the centroid, it is never outside a concave or holed polygon.
 *
 * Method: horizontal scanlines placed halfway between consecutive distinct vertex y-values (so a
 * scanline never passes through a vertex or along an edge); on each candidate scanline the
 * crossings are sorted and paired into inside intervals; the midpoint of the widest interval over
 * all candidates wins. Candidates: the gap around the bounding box's middle and the 4 tallest gaps.
 *
 * @param rings - polygon rings in metres
 * @returns [x, y] strictly inside, or null for a degenerate (zero-area) polygon
 * @example
 * interiorPoint([[[0, 0], [10, 0], [10, 10], [0, 10]]]); // [5, 5]
 */
export function interiorPoint(rings: readonly (readonly (readonly number[])[])[]): XY | null {
  const ys: number[] = [];
  for (const ring of rings) for (const p of ring) ys.push(p[1]);
  if (ys.length < 3) return null;
  ys.sort((a, b) => a - b);
  const uniq: number[] = [];
  for (const y of ys) if (uniq.length === 0 || y !== uniq[uniq.length - 1]) uniq.push(y);
  if (uniq.length < 2) return null;
  const mid = (uniq[0] + uniq[uniq.length - 1]) / 2;
  const gaps: number[] = [];
  for (let i = 0; i + 1 < uniq.length; i++) gaps.push(i);
  const byHeight = gaps.slice().sort((a, b) => uniq[b + 1] - uniq[b] - (uniq[a + 1] - uniq[a]) || a - b);
  const candidates = new Set<number>(byHeight.slice(0, 4));
  let centreGap = 0;
  while (centreGap + 2 < uniq.length && uniq[centreGap + 1] <= mid) centreGap++;
  candidates.add(centreGap);
  let best: XY | null = null;
  let bestWidth = 0;
  for (const g of [...candidates].sort((a, b) => a - b)) {
    const y = (uniq[g] + uniq[g + 1]) / 2;
    const xs = scanlineCrossings(rings, y);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = xs[i + 1] - xs[i];
      if (w > bestWidth) {
        bestWidth = w;
        best = [(xs[i] + xs[i + 1]) / 2, y];
      }
    }
  }
  return best;
}

function scanlineCrossings(rings: readonly (readonly (readonly number[])[])[], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = ring[i][1];
      const yj = ring[j][1];
      if (yi > y !== yj > y) xs.push(ring[i][0] + ((y - yi) * (ring[j][0] - ring[i][0])) / (yj - yi));
    }
  }
  return xs.sort((a, b) => a - b);
}
