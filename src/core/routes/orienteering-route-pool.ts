import type { OrienteeringState } from './orienteering-state.ts';

/** Most routes kept; when full, new routes are not taken (a shorter order of a route already there still is). */
const MAX_ROUTES = 20_000;

/**
 * A pool of the distinct routes (by node set, the shortest order kept) of the local optima the search
 * has met, and a set-packing recombination over them: the best choice of at most `teams` pairwise
 * disjoint routes often combines good routes of different local optima into a better solution
 * (route-based recombination, as in ILS with set partitioning for vehicle routing). The search is
 * exact and incremental (see recombine). Without revisit spots only: the routes of a pool solution
 * are feasible each on its own, and disjoint.
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
  /** Routes (insertion indices) sorted by score, highest first (see mergePending). */
  private order: number[] = [];
  /** Routes added since the last recombination, not yet in `order`. */
  private pending: number[] = [];
  /** Per route, 1 once every packing containing it (with the routes in the pool then) has been searched. */
  private done = new Uint8Array(1024);
  /** Number of routes not yet done. */
  private undone = 0;
  /** Per route, the highest score of a pool route disjoint from it (0: none), for the routes below `partnered`. */
  private partner = new Float64Array(1024);
  private partnered = 0;

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
    this.pending.push(k);
    if (k >= this.done.length) {
      const grown = new Uint8Array(this.done.length * 2);
      grown.set(this.done);
      this.done = grown;
    }
    this.undone++;
  }

  /**
   * The best choice of at most `teams` pairwise disjoint pool routes by total score, when it beats
   * `bound`; null otherwise or when every route has been completed by earlier calls.
   *
   * Incremental and exact: a packing that beats the bound must contain a route that no earlier call
   * has completed (earlier calls searched every packing with the routes they completed, against a
   * bound that only rises). So each such route in turn, highest score first, is fixed as one of the
   * routes, and a depth-first branch and bound over the pool's routes in score order completes it
   * with up to `teams` − 1 disjoint routes. The bounds use each route's best partner (the highest
   * score of a pool route disjoint from it): no route of a packing scores more than the best partner
   * of any other. When `workLimit` routes have been tried, the call stops after the route it is at,
   * and the next call goes on with the routes not completed yet, so over several calls no packing is
   * missed. Two exceptions: a route whose completions take the call past twice the work limit is
   * given up there (its other packings are not searched), and when `stop` returns true (checked
   * every 1,024 tries) the call ends at once and the route it was at is completed again later.
   *
   * @param teams - number of routes to choose
   * @param bound - total score to beat (e.g. the best solution's)
   * @param workLimit - most routes tried in one call (deterministic work limit)
   * @param stop - e.g. the search's out-of-time test; default never
   * @returns the best packing found that beats the bound (copies of its routes), or null
   */
  recombine(teams: number, bound: number, workLimit: number, stop: () => boolean = () => false): number[][] | null {
    const R = this.routes.length;
    if (this.undone === 0) return null;
    this.mergePending();
    this.updatePartners();
    const order = this.order;
    const partner = this.partner;
    // sc[i], pa[i]: score and best partner's score of the route at position i of the score order
    const sc = new Float64Array(R);
    const pa = new Float64Array(R);
    for (let i = 0; i < R; i++) {
      sc[i] = this.scores[order[i]];
      pa[i] = partner[order[i]];
    }
    // lists[d]: positions (in score order) of the routes that may complete the d routes picked
    // so far: disjoint from them, after the last pick, highest score first
    const lists = Array.from({ length: teams + 1 }, () => new Int32Array(R));
    const pick = new Int32Array(teams);
    let bestPick: number[] | null = null;
    let best = bound + 1e-9;
    let tried = 0;
    const record = (d: number, sum: number): void => {
      if (sum > best) {
        best = sum;
        bestPick = Array.from(pick.subarray(0, d));
      }
    };
    // the search of one route's completions ends early when `stop` says so (checked every 1,024
    // tries; the route is done again later) or at twice the work limit (the route is given up)
    let halt: 'stop' | 'cap' | null = null;
    let checkAt = 1024;
    const halted = (): boolean => {
      if (halt === null && tried >= checkAt) {
        checkAt = tried + 1024;
        if (stop()) halt = 'stop';
        else if (tried >= 2 * workLimit) halt = 'cap';
      }
      return halt !== null;
    };
    // d routes picked, scoring `sum`; every further route scores at most `cap` (the lowest best
    // partner of the picks); lists[d] holds `len` candidates
    const dfs = (d: number, len: number, sum: number, cap: number): void => {
      record(d, sum);
      if (halted()) return;
      if (d === teams || len === 0) return;
      const k = teams - d;
      const list = lists[d];
      for (let p = 0; p < len; p++) {
        const i = list[p];
        // k more routes, none above this one's score or the cap: the branch cannot beat the best
        if (sum + k * Math.min(cap, sc[i]) <= best || halted()) return;
        tried++;
        pick[d] = order[i];
        const base = sum + sc[i];
        // with this route the packing may be complete (no disjoint route left for the other teams)
        record(d + 1, base);
        // one team left: the list is in score order and all of it fits, so its first route is the best
        if (k === 1) return;
        // the others score at most the next candidate, the cap and this route's best partner
        const c = Math.min(cap, pa[i]);
        const top = p + 1 < len ? Math.min(c, sc[list[p + 1]]) : 0;
        if (base + (k - 1) * top <= best) continue;
        if (k === 2) {
          // one more route: the first disjoint one after this is the best
          for (let q = p + 1; q < len; q++) {
            const j = list[q];
            if (base + sc[j] <= best) break;
            tried++;
            if (this.disjoint(order[i], order[j])) {
              pick[d + 1] = order[j];
              record(d + 2, base + sc[j]);
              break;
            }
          }
          continue;
        }
        // the candidates after this one that are disjoint from it and could still be part of a
        // better packing (with k − 2 more routes at most `top` each)
        const next = lists[d + 1];
        let m = 0;
        for (let q = p + 1; q < len; q++) {
          const j = list[q];
          if (base + sc[j] + (k - 2) * top <= best) break;
          if (base + sc[j] + (k - 2) * Math.min(top, pa[j]) <= best) continue;
          tried++;
          if (this.disjoint(order[i], order[j])) next[m++] = j;
        }
        dfs(d + 1, m, base, c);
      }
    };
    // the routes not yet done, highest score first (they are the likeliest members of a better packing)
    for (let at = 0; at < R && tried < workLimit && !stop(); at++) {
      const a = order[at];
      if (this.done[a]) continue;
      this.done[a] = 1;
      this.undone--;
      const sa = this.scores[a];
      const cap = partner[a];
      // every other route of a packing with a is one of its partners
      if (sa + (teams - 1) * cap <= best) continue;
      const first = lists[1];
      let m = 0;
      // with one team the packing is route a alone: no completions to list
      for (let q = 0; q < R && teams > 1; q++) {
        // with route q, the other teams − 2 score at most a's best partner each
        if (sa + sc[q] + (teams - 2) * Math.min(cap, sc[0]) <= best) break;
        if (sa + sc[q] + (teams - 2) * Math.min(cap, pa[q]) <= best) continue;
        tried++;
        if (this.disjoint(a, order[q])) first[m++] = q;
      }
      pick[0] = a;
      dfs(1, m, sa, cap);
      if (halt === 'stop') {
        this.done[a] = 0;
        this.undone++;
      }
      if (halt !== null) break;
    }
    const chosen: number[] | null = bestPick;
    return chosen ? (chosen as number[]).map((k) => this.routes[k].slice()) : null;
  }

  /** Updates the best partners (highest score of a disjoint route) with the routes not yet recombined. */
  private updatePartners(): void {
    const R = this.routes.length;
    if (this.partner.length < R) {
      const grown = new Float64Array(Math.max(R, this.partner.length * 2, 1024));
      grown.set(this.partner);
      this.partner = grown;
    }
    const partner = this.partner;
    for (let k = this.partnered; k < R; k++) {
      const sk = this.scores[k];
      for (let j = 0; j < k; j++) {
        if (!this.disjoint(j, k)) continue;
        if (sk > partner[j]) partner[j] = sk;
        if (this.scores[j] > partner[k]) partner[k] = this.scores[j];
      }
    }
    this.partnered = R;
  }

  /** Routes x and y (insertion indices) share no node. */
  private disjoint(x: number, y: number): boolean {
    const W = this.words;
    const bits = this.bits;
    for (let w = 0; w < W; w++) if (bits[x * W + w] & bits[y * W + w]) return false;
    return true;
  }

  /** Puts the routes added since the last recombination into the score order (score down, then length up). */
  private mergePending(): void {
    if (this.pending.length === 0) return;
    const by = (a: number, b: number) => this.scores[b] - this.scores[a] || this.lengths[a] - this.lengths[b] || a - b;
    const add = this.pending.sort(by);
    const old = this.order;
    const merged = new Array<number>(old.length + add.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < add.length) merged[k++] = by(old[i], add[j]) <= 0 ? old[i++] : add[j++];
    while (i < old.length) merged[k++] = old[i++];
    while (j < add.length) merged[k++] = add[j++];
    this.order = merged;
    this.pending = [];
  }
}
