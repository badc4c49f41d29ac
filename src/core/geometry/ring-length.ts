/**
 * Length of a ring or line in metres. A ring given open (last ≠ first) is measured closed.
 *
 * @param ring - planar positions in metres
 * @param closed - true (default) to add the closing segment when the ring is open
 * @returns length in metres
 * @example
 * ringLength([[0, 0], [10, 0], [10, 10], [0, 10]]); // 40
 */
export function ringLength(ring: readonly (readonly number[])[], closed = true): number {
  const n = ring.length;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 1; i < n; i++) sum += Math.hypot(ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]);
  const first = ring[0];
  const last = ring[n - 1];
  if (closed && (first[0] !== last[0] || first[1] !== last[1])) sum += Math.hypot(first[0] - last[0], first[1] - last[1]);
  return sum;
}
