/**
 * Exact team orienteering by exhaustive search, for test instances of up to ~14 candidate points:
 * Held–Karp gives the shortest start→end path through every subset of candidates; then the best
 * set of `teams` disjoint feasible subsets is found over all subset combinations.
 */
export function exhaustiveTop(points: Array<{ x: number; y: number; score: number }>, start: number, end: number, teams: number, tmax: number, eps = 1e-9): number {
  const cand = points.map((_, i) => i).filter((i) => i !== start && i !== end);
  const m = cand.length;
  if (m > 16) throw new Error('exhaustiveTop: too many candidates');
  const d = (i: number, j: number) => Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y);
  const full = 1 << m;
  // dp[mask][j]: shortest path from start through mask ending at cand[j] (j in mask)
  const dp = new Float64Array(full * m).fill(Infinity);
  for (let j = 0; j < m; j++) dp[(1 << j) * m + j] = d(start, cand[j]);
  for (let mask = 1; mask < full; mask++) {
    for (let j = 0; j < m; j++) {
      const cur = dp[mask * m + j];
      if (!(mask & (1 << j)) || cur === Infinity || cur > tmax + eps) continue;
      for (let k = 0; k < m; k++) {
        if (mask & (1 << k)) continue;
        const nm = mask | (1 << k);
        const v = cur + d(cand[j], cand[k]);
        if (v < dp[nm * m + k]) dp[nm * m + k] = v;
      }
    }
  }
  const feasible = new Uint8Array(full);
  const score = new Float64Array(full);
  feasible[0] = d(start, end) <= tmax + eps ? 1 : 0;
  for (let mask = 1; mask < full; mask++) {
    let s = 0;
    for (let j = 0; j < m; j++) if (mask & (1 << j)) s += points[cand[j]].score;
    score[mask] = s;
    for (let j = 0; j < m; j++) {
      if (mask & (1 << j) && dp[mask * m + j] + d(cand[j], end) <= tmax + eps) {
        feasible[mask] = 1;
        break;
      }
    }
  }
  // best[k][mask]: best score of k disjoint feasible subsets within mask (memoised over submasks)
  let best = new Float64Array(full);
  for (let mask = 0; mask < full; mask++) {
    let b = 0;
    for (let sub = mask; ; sub = (sub - 1) & mask) {
      if (feasible[sub] && score[sub] > b) b = score[sub];
      if (sub === 0) break;
    }
    best[mask] = b;
  }
  for (let k = 2; k <= teams; k++) {
    const next = new Float64Array(full);
    for (let mask = 0; mask < full; mask++) {
      let b = best[mask];
      for (let sub = mask; sub > 0; sub = (sub - 1) & mask) {
        if (!feasible[sub]) continue;
        const v = score[sub] + best[mask ^ sub];
        if (v > b) b = v;
      }
      next[mask] = b;
    }
    best = next;
  }
  return best[full - 1];
}
