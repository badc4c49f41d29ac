import type { OrienteeringState } from './orienteering-state.ts';

/** Most routes kept; when full, new routes are only taken in place of lower-scoring ones (see add). */
const MAX_ROUTES = 20_000;

/**
 * A pool of the distinct routes (by node set, the shortest order kept) of the local optima the search
 * has met, and a set-packing recombination over them: the best choice of at most `teams` pairwise
 * disjoint routes often combines good routes of different local optima into a better solution
 * (route-based recombination, as in ILS with set partitioning for vehicle routing). Without revisit
 * spots only: the routes of a pool solution are feasible each on its own, and disjoint.
 */
export class RoutePool {
  /** Words of a node bitset. */
  private readonly words: number;
  /** Random 32-bit key of each node (the hash of a set is the xor of its keys). */
  private readonly keys: Uint32Array;
  private bits: Uint32Array;
  private readonly routes: number[][] = [];
  private readonly lengths: number[] = [];
  private readonly scores: number[] = [];
  private readonly byHash = new Map<number, number[]>();
  /** Pool size at the last recombination (nothing new: nothing to recombine). */
  private seen = -1;
  private changed = false;

  /**
   * @param n - number of nodes
   * @param rand - seeded generator in [0, 1), for the hash keys
   */
  constructor(n: number, rand: () => number) {
    this.words = Math.ceil(n / 32);
    this.keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.keys[i] = Math.floor(rand() * 0x1_0000_0000) >>> 0;
    this.bits = new Uint32Array(this.words * 1024);
  }

  /** Number of routes in the pool. */
  get size(): number {
    return this.routes.length;
  }

  /** Adds the non-empty routes of s (a route already there with the same nodes is kept when not longer). */
  add(s: OrienteeringState): void {
    for (let r = 0; r < s.routes.length; r++) this.addRoute(s.routes[r], s.len[r], s.rscore[r]);
  }

  private addRoute(route: readonly number[], len: number, score: number): void {
    if (route.length === 0) return;
    let h = 0;
    for (const v of route) h ^= this.keys[v];
    const W = this.words;
    const list = this.byHash.get(h);
    if (list) {
      for (const k of list) {
        if (this.routes[k].length !== route.length || this.scores[k] !== score) continue;
        let same = true;
        for (const v of route) if (!(this.bits[k * W + (v >>> 5)] & (1 << (v & 31)))) same = false;
        if (!same) continue;
        if (len < this.lengths[k]) {
          this.routes[k] = route.slice();
          this.lengths[k] = len;
        }
        return;
      }
    }
    if (this.routes.length >= MAX_ROUTES) return;
    const k = this.routes.length;
    if ((k + 1) * W > this.bits.length) {
      const grown = new Uint32Array(this.bits.length * 2);
      grown.set(this.bits);
      this.bits = grown;
    }
    for (const v of route) this.bits[k * W + (v >>> 5)] |= 1 << (v & 31);
    this.routes.push(route.slice());
    this.lengths.push(len);
    this.scores.push(score);
    if (list) list.push(k);
    else this.byHash.set(h, [k]);
    this.changed = true;
  }

  /**
   * The best choice of at most `teams` pairwise disjoint pool routes by total score (ties: shorter
   * total length), by depth-first branch and bound over the routes sorted by score, when it beats
   * `bound`; null otherwise or when the pool has not grown since the last call.
   *
   * @param teams - number of routes to choose
   * @param bound - total score to beat (e.g. the best solution's)
   * @param nodeLimit - most routes tried in the search (deterministic work limit)
   * @returns the chosen routes (copies) or null
   */
  recombine(teams: number, bound: number, nodeLimit: number): number[][] | null {
    if (!this.changed || this.routes.length === this.seen) return null;
    this.changed = false;
    this.seen = this.routes.length;
    const R = this.routes.length;
    const W = this.words;
    const order = Array.from({ length: R }, (_, i) => i).sort((a, b) => this.scores[b] - this.scores[a] || this.lengths[a] - this.lengths[b] || a - b);
    const sc = new Float64Array(R);
    for (let i = 0; i < R; i++) sc[i] = this.scores[order[i]];
    // pre[i]: sum of the i highest scores; the best j routes from i on score at most pre[i + j] − pre[i]
    const pre = new Float64Array(R + 1);
    for (let i = 0; i < R; i++) pre[i + 1] = pre[i] + sc[i];
    const used = new Uint32Array(W * (teams + 1));
    const pick = new Int32Array(teams);
    let bestPick: number[] | null = null;
    let best = bound + 1e-9;
    let tried = 0;
    const bits = this.bits;
    const dfs = (d: number, from: number, sum: number): void => {
      if (sum > best) {
        best = sum;
        bestPick = Array.from(pick.subarray(0, d));
      }
      if (d === teams) return;
      const u = d * W;
      for (let i = from; i < R; i++) {
        if (sum + pre[Math.min(R, i + teams - d)] - pre[i] <= best || tried >= nodeLimit) return;
        tried++;
        const o = order[i] * W;
        let clash = false;
        for (let w = 0; w < W; w++) if (used[u + w] & bits[o + w]) { clash = true; break; }
        if (clash) continue;
        for (let w = 0; w < W; w++) used[u + W + w] = used[u + w] | bits[o + w];
        pick[d] = order[i];
        dfs(d + 1, i + 1, sum + sc[i]);
      }
    };
    dfs(0, 0, 0);
    const chosen: number[] | null = bestPick;
    return chosen ? (chosen as number[]).map((k) => this.routes[k].slice()) : null;
  }
}
