/**
 * Natural order of block ids, used wherever a rule says "the smallest block_id wins": runs of digits
 * compare as numbers ("9" < "10", "B9" < "B10"), everything else by code point; ids equal in that
 * order ("B01" vs "B1") fall back to plain code-point order, so the order is total and deterministic.
 *
 * @param a block id
 * @param b block id
 * @returns negative when a comes first, positive when b does, 0 when identical
 * @example
 * ['B10', 'B9', '100', '20'].sort(compareBlockIds); // ['20', '100', 'B9', 'B10']
 */
export function compareBlockIds(a: string, b: string): number {
  const ca = a.match(CHUNKS) ?? [];
  const cb = b.match(CHUNKS) ?? [];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i];
    const y = cb[i];
    if (x === y) continue;
    const xd = isDigit(x);
    const yd = isDigit(y);
    if (xd && yd) {
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  return a === b ? 0 : a < b ? -1 : 1;
}

const CHUNKS = /\d+|\D+/g;

function isDigit(chunk: string): boolean {
  const c = chunk.charCodeAt(0);
  return c >= 48 && c <= 57;
}
