/**
 * Splits a closed walk of node ids (last ≠ first; the walk closes implicitly) at every node it
 * visits twice, into simple closed walks. A face boundary that touches itself at a node (e.g. a
 * loop attached to the block's boundary at one node) becomes its outer ring plus a hole that
 * touches it, which is a valid polygon, instead of one self-touching ring.
 *
 * @param walk - node ids of a closed walk
 * @returns simple closed walks (each without repeated nodes, implicitly closed)
 * @example
 * splitAtRepeatedNodes([1, 2, 3, 2, 4, 5]); // [[2, 3], [1, 2, 4, 5]] (the first is degenerate: callers drop walks of < 3 nodes)
 */
export function splitAtRepeatedNodes(walk: readonly number[]): number[][] {
  const out: number[][] = [];
  const stack: number[] = [];
  const at = new Map<number, number>();
  for (const v of walk) {
    const i = at.get(v);
    if (i !== undefined) {
      const sub = stack.splice(i);
      for (const u of sub) at.delete(u);
      out.push(sub);
    }
    at.set(v, stack.length);
    stack.push(v);
  }
  if (stack.length > 0) out.push(stack);
  return out;
}
