/**
 * Signed planar area of a ring by the shoelace formula, computed relative to the ring's first
 * vertex (keeps precision with large projected coordinates such as Lambert 72).
 * Positive for counter-clockwise rings (y axis up), negative for clockwise ones.
 * The ring may be closed (last = first) or open; both give the same result.
 *
 * @param ring - planar positions in metres
 * @returns signed area in m² (0 for fewer than 3 positions)
 * @example
 * ringSignedArea([[0, 0], [10, 0], [10, 10], [0, 10]]); // 100
 */
export function ringSignedArea(ring: readonly (readonly number[])[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let sum = 0;
  for (let i = 1; i < n - 1; i++) {
    const ax = ring[i][0] - x0;
    const ay = ring[i][1] - y0;
    const bx = ring[i + 1][0] - x0;
    const by = ring[i + 1][1] - y0;
    sum += ax * by - bx * ay;
  }
  return sum / 2;
}

