/** Tolerance on the budget: a route whose length exceeds the budget by less than this is feasible. */
export const BUDGET_EPS = 1e-9;

/** A team orienteering problem on n nodes with a (symmetric) cost matrix. */
export interface OrienteeringProblem {
  /** Number of nodes. */
  n: number;
  /** Travel cost from i to j at index i·n + j (symmetric), in the unit of `budget`. */
  cost: ArrayLike<number>;
  /** Score of each node (start/end and nodes with score ≤ 0 are never visited). */
  score: ArrayLike<number>;
  /** Time spent at each node (dwell), counted in the route length. Default 0. */
  service?: ArrayLike<number>;
  /** Start and end node of every route (may be equal). */
  start: number;
  end: number;
  /** Number of routes (teams). */
  teams: number;
  /** Maximum length (travel + service) of each route. */
  budget: number;
  /**
   * Optional spot of each node (−1 = none): nodes of one spot are visits of the same place (e.g. a
   * revisit worth less); two visits of one spot, by any team, must start at least `minSpacing` apart.
   */
  spot?: ArrayLike<number>;
  /** Minimum time between two visits of one spot. Default 0. */
  minSpacing?: number;
  /**
   * Optional order of the visits of one spot (0 = any): of two visits of a spot with ranks 1 ≤ a < b,
   * the one ranked a comes first in time (e.g. the full-score first visit before the half-score
   * revisit, so the score each team gets is the score the search balanced).
   */
  rank?: ArrayLike<number>;
  /** Weight of the route-balance term: objective = score − weight × (max − min route score). Default 0. */
  balanceWeight?: number;
}

/** How many nearest candidates count as neighbours for the exchange move. */
const NEAR = 12;

/** Symmetric neighbourhoods: u and v are neighbours when one is among the other's NEAR nearest candidates. */
function nearTable(candidates: readonly number[], n: number, c: ArrayLike<number>): { near: (u: number, v: number) => boolean; lists: number[][] } {
  const table = new Uint8Array(n * n);
  for (const v of candidates) {
    const nearest = candidates.filter((u) => u !== v).sort((a, b) => c[v * n + a] - c[v * n + b] || a - b).slice(0, NEAR);
    for (const u of nearest) {
      table[v * n + u] = 1;
      table[u * n + v] = 1;
    }
  }
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (const v of candidates) for (const u of candidates) if (table[v * n + u]) lists[v].push(u);
  return { near: (u, v) => table[u * n + v] === 1, lists };
}

/** Source of the route versions: every edit of a route takes the next number (unique across states). */
let versionCounter = 0;

/** A deep copy of routes, always built the same way (packed arrays). */
function copyRoutes(routes: readonly (readonly number[])[]): number[][] {
  const out: number[][] = [];
  for (const r of routes) out.push(r.slice());
  return out;
}

/** Scratch arrays of OrienteeringState.repair (not re-entrant; each worker thread has its own module). */
const scratch = { pending: new Int32Array(0), pos: new Int32Array(0), delta: new Float64Array(0), factor: new Float64Array(0) };

/** Grows the repair's scratch arrays to hold `candidates` nodes and `teams` routes. */
function growScratch(candidates: number, teams: number): void {
  const m = Math.max(candidates, scratch.pending.length);
  const k = Math.max(m * teams, scratch.pos.length);
  scratch.pending = new Int32Array(m);
  scratch.factor = new Float64Array(m);
  scratch.pos = new Int32Array(k);
  scratch.delta = new Float64Array(k);
}

/** Checks whose last run found nothing, keyed by the versions they saw (see OrienteeringState.ver). */
export const CHECK = { repair: 0, swap: 1, swapTwo: 2, replace: 3, replaceTwo: 4 } as const;

/** The mutable solution the search works on (one per trial; cloned on acceptance). */
export class OrienteeringState {
  readonly p: OrienteeringProblem;
  readonly n: number;
  readonly c: ArrayLike<number>;
  /** Per node, the time spent at it (dwell time; zeros when the problem has none). */
  readonly service: ArrayLike<number>;
  /** Nodes that may be visited: positive score and reachable alone within the budget. */
  readonly candidates: number[];
  routes: number[][];
  len: Float64Array;
  rscore: Float64Array;
  /** Route of each node, −1 when unvisited. */
  where: Int32Array;
  readonly hasSpots: boolean;
  /** For each node, whether it is among the NEAR nearest candidates of another (shared between clones). */
  readonly near: (u: number, v: number) => boolean;
  /** The neighbours of each node (see near), in node order. */
  readonly nearList: number[][];
  /**
   * Version of each route: a new number (larger than all before) at every edit, so a move that found
   * nothing for the same versions need not look again (the local search skips those checks).
   */
  ver: Float64Array;
  /** Latest version of any route (changes with every edit). */
  latest = 0;
  /** Version of each route when 2-opt and or-opt last found nothing in it. */
  tourOk: Float64Array;
  /** Per ordered route pair a·K + b, the versions of a and b (at 2·index, 2·index + 1) when the inter-route moves last found nothing for the pair. */
  pairOk: Float64Array;
  /** Per CHECK entry, `latest` when that check last found nothing. */
  checkOk: Float64Array;
  /**
   * Best insertions already computed, shared by all copies of a state: at r·n + v, the version of
   * route r they were computed for (−1: none), the position (−1: v fits nowhere) and the added length.
   * Versions are unique over the whole run and every edit of a route takes a new one, so a route with
   * the same version has the same nodes in any copy. Not used with revisit spots (their spacing
   * depends on the other routes).
   */
  readonly insVer: Float64Array;
  readonly insPos: Int32Array;
  readonly insDel: Float64Array;
  /**
   * The three cheapest edges to insert each node into each route (replace and exchange), shared like
   * insVer: at r·n + v the route version they are for (−1: none); at 3·(r·n + v) + 0..2 the edge
   * indices (k: from the node before position k to the one at k) and their added lengths.
   */
  readonly cheapEdges: { ver: Float64Array; k: Int32Array; d: Float64Array };

  constructor(p: OrienteeringProblem, copyFrom?: OrienteeringState) {
    this.p = p;
    this.n = p.n;
    this.c = p.cost;
    this.hasSpots = !!p.spot && (p.minSpacing ?? 0) > 0;
    // Both paths build every field the same way (arrays of the same kind, no closure per copy): states
    // that differ in hidden class, elements kind or called closure make V8 throw away the search's
    // optimised code when the first of a new kind reaches it. Copies share the original's closures,
    // so a search should make one state from scratch and clone it (solveTeamOrienteering does).
    if (copyFrom) {
      this.service = copyFrom.service;
      this.candidates = copyFrom.candidates;
      this.near = copyFrom.near;
      this.nearList = copyFrom.nearList;
      this.routes = copyRoutes(copyFrom.routes);
      this.len = copyFrom.len.slice();
      this.rscore = copyFrom.rscore.slice();
      this.where = copyFrom.where.slice();
      this.ver = copyFrom.ver.slice();
      this.latest = copyFrom.latest;
      this.tourOk = copyFrom.tourOk.slice();
      this.pairOk = copyFrom.pairOk.slice();
      this.checkOk = copyFrom.checkOk.slice();
      this.insVer = copyFrom.insVer;
      this.insPos = copyFrom.insPos;
      this.insDel = copyFrom.insDel;
      this.cheapEdges = copyFrom.cheapEdges;
      return;
    }
    const { n, start, end } = p;
    this.service = p.service ?? new Float64Array(n);
    this.candidates = [];
    for (let i = 0; i < n; i++) {
      if (i === start || i === end || !(p.score[i] > 0)) continue;
      if (this.c[start * n + i] + this.svc(i) + this.c[i * n + end] <= p.budget + BUDGET_EPS) this.candidates.push(i);
    }
    const table = nearTable(this.candidates, n, this.c);
    this.near = table.near;
    this.nearList = table.lists;
    this.routes = [];
    for (let k = 0; k < p.teams; k++) this.routes.push([]);
    const base = this.c[start * n + end];
    this.len = new Float64Array(p.teams).fill(base);
    this.rscore = new Float64Array(p.teams);
    this.where = new Int32Array(n).fill(-1);
    const K = p.teams;
    this.ver = new Float64Array(K).fill(++versionCounter);
    this.latest = versionCounter;
    this.tourOk = new Float64Array(K).fill(-1);
    this.pairOk = new Float64Array(2 * K * K).fill(-1);
    this.checkOk = new Float64Array(5).fill(-1);
    this.insVer = new Float64Array(K * n).fill(-1);
    this.insPos = new Int32Array(K * n);
    this.insDel = new Float64Array(K * n);
    this.cheapEdges = { ver: new Float64Array(K * n).fill(-1), k: new Int32Array(3 * K * n), d: new Float64Array(3 * K * n) };
  }

  clone(): OrienteeringState {
    return new OrienteeringState(this.p, this);
  }

  /** Time spent at node i (its service time). */
  svc(i: number): number {
    return this.service[i];
  }

  cost(i: number, j: number): number {
    return this.c[i * this.n + j];
  }

  prev(r: number, pos: number): number {
    return pos === 0 ? this.p.start : this.routes[r][pos - 1];
  }

  next(r: number, pos: number): number {
    const route = this.routes[r];
    return pos >= route.length ? this.p.end : route[pos];
  }

  /** Length of a node sequence from start to end, with service times. */
  lengthOf(seq: readonly number[]): number {
    let prev = this.p.start;
    let total = 0;
    for (const v of seq) {
      total += this.cost(prev, v) + this.svc(v);
      prev = v;
    }
    return total + this.cost(prev, this.p.end);
  }

  /** Recomputes length and score of route r after an edit. */
  refresh(r: number): void {
    this.ver[r] = this.latest = ++versionCounter;
    this.len[r] = this.lengthOf(this.routes[r]);
    let s = 0;
    for (const v of this.routes[r]) {
      s += this.p.score[v];
      this.where[v] = r;
    }
    this.rscore[r] = s;
  }

  totalScore(): number {
    let s = 0;
    for (const x of this.rscore) s += x;
    return s;
  }

  totalLength(): number {
    let s = 0;
    for (const x of this.len) s += x;
    return s;
  }

  objective(): number {
    const w = this.p.balanceWeight ?? 0;
    const total = this.totalScore();
    if (w === 0 || this.rscore.length < 2) return total;
    let max = -Infinity;
    let min = Infinity;
    for (const x of this.rscore) {
      if (x > max) max = x;
      if (x < min) min = x;
    }
    return total - w * (max - min);
  }

  betterThan(other: OrienteeringState): boolean {
    const a = this.objective();
    const b = other.objective();
    if (a > b + 1e-9) return true;
    return a > b - 1e-9 && this.totalLength() < other.totalLength() - 1e-9;
  }

  /** True when the revisit spacing holds for all routes (with `override` replacing route r). */
  spacingOk(r = -1, override?: readonly number[]): boolean {
    if (!this.hasSpots) return true;
    const spot = this.p.spot!;
    const gap = this.p.minSpacing ?? 0;
    const rank = this.p.rank;
    // per spot: visit times, and ranks at the same positions
    const times = new Map<number, number[]>();
    const ranks = new Map<number, number[]>();
    for (let k = 0; k < this.routes.length; k++) {
      const route = k === r && override ? override : this.routes[k];
      let t = 0;
      let prev = this.p.start;
      for (const v of route) {
        t += this.cost(prev, v);
        const s = spot[v];
        if (s >= 0) {
          const list = times.get(s);
          const rv = rank ? rank[v] : 0;
          if (list) {
            const rl = ranks.get(s)!;
            for (let i = 0; i < list.length; i++) {
              const u = list[i];
              if (Math.abs(u - t) < gap - 1e-9) return false;
              if (rv > 0 && rl[i] > 0 && rl[i] < rv !== u < t) return false;
            }
            list.push(t);
            rl.push(rv);
          } else {
            times.set(s, [t]);
            ranks.set(s, [rv]);
          }
        }
        t += this.svc(v);
        prev = v;
      }
    }
    return true;
  }

  /**
   * Restores the revisit spacing after removals (which move later visits earlier): while two visits
   * of one spot are too close, the later one is dropped.
   */
  fixSpacing(): void {
    if (!this.hasSpots) return;
    const spot = this.p.spot!;
    const gap = this.p.minSpacing ?? 0;
    for (let guard = 0; guard < this.n; guard++) {
      const visits: Array<{ r: number; pos: number; t: number; s: number }> = [];
      this.routes.forEach((route, r) => {
        let t = 0;
        let prev = this.p.start;
        route.forEach((v, pos) => {
          t += this.cost(prev, v);
          if (spot[v] >= 0) visits.push({ r, pos, t, s: spot[v] });
          t += this.svc(v);
          prev = v;
        });
      });
      visits.sort((a, b) => a.s - b.s || a.t - b.t);
      let bad = visits.find((x, i) => i > 0 && visits[i - 1].s === x.s && x.t - visits[i - 1].t < gap - 1e-9);
      // visits of a spot out of their rank order: the higher-ranked one goes
      const rank = this.p.rank;
      if (!bad && rank) {
        for (let i = 0; i < visits.length && !bad; i++) {
          for (let j = i + 1; j < visits.length && visits[j].s === visits[i].s; j++) {
            const ri = rank[this.routes[visits[i].r][visits[i].pos]];
            const rj = rank[this.routes[visits[j].r][visits[j].pos]];
            if (ri > 0 && rj > 0 && ri > rj) {
              bad = visits[i];
              break;
            }
          }
        }
      }
      if (!bad) return;
      this.removeAt(bad.r, bad.pos);
    }
  }

  /** Inserts v at pos of route r (no checks). */
  insertAt(r: number, pos: number, v: number): void {
    this.routes[r].splice(pos, 0, v);
    this.refresh(r);
  }

  /** Removes the node at pos of route r. */
  removeAt(r: number, pos: number): number {
    const [v] = this.routes[r].splice(pos, 1);
    this.where[v] = -1;
    this.refresh(r);
    return v;
  }

  /** Cheapest place for v in route r, budget ignored (forced insertions trim the route afterwards). */
  cheapestInsertionPos(r: number, v: number): number {
    const route = this.routes[r];
    let bestPos = 0;
    let bestDelta = Infinity;
    for (let pos = 0; pos <= route.length; pos++) {
      const a = this.prev(r, pos);
      const b = this.next(r, pos);
      const d = this.cost(a, v) + this.cost(v, b) - this.cost(a, b);
      if (d < bestDelta) {
        bestDelta = d;
        bestPos = pos;
      }
    }
    return bestPos;
  }

  /** Best feasible insertion of v into route r: the position and the added length, or null. */
  bestInsertion(r: number, v: number): { pos: number; delta: number } | null {
    const pos = this.bestInsertionPos(r, v);
    return pos < 0 ? null : { pos, delta: this.insDelta };
  }

  /** Added length (with service) of the last bestInsertionPos that found a position. */
  insDelta = 0;

  /**
   * Best feasible insertion of v into route r: the position (−1 when none), its added length in
   * insDelta (ties: the earliest position). No allocation without spots, where the answer is also
   * kept for the route's version (see insVer).
   */
  bestInsertionPos(r: number, v: number): number {
    const at = r * this.n + v;
    if (!this.hasSpots && this.insVer[at] === this.ver[r]) {
      const pos = this.insPos[at];
      if (pos >= 0) this.insDelta = this.insDel[at];
      return pos;
    }
    const route = this.routes[r];
    const c = this.c;
    const n = this.n;
    const room = this.p.budget + BUDGET_EPS - this.len[r] - this.svc(v);
    let bestPos = -1;
    let bestDelta = Infinity;
    if (room >= 0) {
      let a = this.p.start;
      const m = route.length;
      const end = this.p.end;
      for (let pos = 0; pos <= m; pos++) {
        const b = pos === m ? end : route[pos];
        const d = c[a * n + v] + c[v * n + b] - c[a * n + b];
        a = b;
        if (d > room || d >= bestDelta) continue;
        if (this.hasSpots) {
          const seq = route.slice();
          seq.splice(pos, 0, v);
          if (!this.spacingOk(r, seq)) continue;
        }
        bestPos = pos;
        bestDelta = d;
      }
    }
    if (bestPos >= 0) this.insDelta = bestDelta + this.svc(v);
    if (!this.hasSpots) this.remember(r, v, bestPos, bestPos >= 0 ? this.insDelta : 0);
    return bestPos;
  }

  /** Keeps a best insertion of v into route r for the route's present version (see insVer). */
  remember(r: number, v: number, pos: number, delta: number): void {
    const at = r * this.n + v;
    this.insVer[at] = this.ver[r];
    this.insPos[at] = pos;
    this.insDel[at] = delta;
  }

  /**
   * Seeds each empty route with a random candidate (chosen with probability proportional to its
   * score), so that a restart explores routes through other regions than the greedy construction.
   */
  seedRoutes(rand: () => number): void {
    for (let r = 0; r < this.routes.length; r++) {
      if (this.routes[r].length > 0) continue;
      const free = this.candidates.filter((v) => this.where[v] < 0);
      let total = 0;
      for (const v of free) total += this.p.score[v];
      let pick = rand() * total;
      for (const v of free) {
        pick -= this.p.score[v];
        if (pick <= 0) {
          if (this.bestInsertion(r, v)) this.insertAt(r, 0, v);
          break;
        }
      }
    }
  }

  /**
   * Greedy repair: repeatedly inserts the unvisited candidate with the best score / added length
   * (times a random factor in [1 − noise, 1 + noise]) wherever it fits, until nothing fits.
   */
  repair(rand: () => number, noise: number, tabu?: ReadonlySet<number>): boolean {
    let changed = false;
    // now and then weigh score more than length (score² / added length) to reach rich, far nodes
    const squared = noise > 0 && rand() < 0.5;
    const K = this.routes.length;
    // scratch arrays of the module, grown when needed: typed arrays allocated on every call took about
    // a third of the repair's time (it runs after every move of the local search)
    if (scratch.pending.length < this.candidates.length || scratch.pos.length < this.candidates.length * K) growScratch(this.candidates.length, K);
    const pending = scratch.pending;
    let P = 0;
    for (const v of this.candidates) if (this.where[v] < 0 && !tabu?.has(v)) pending[P++] = v;
    // cached best insertion of pending[i] into route r at [i * K + r] (position −2: not computed,
    // −1: none); recomputed for the changed route only
    const cachePos = scratch.pos;
    cachePos.fill(-2, 0, P * K);
    const cacheDelta = scratch.delta;
    const factor = scratch.factor;
    for (let i = 0; i < P; i++) factor[i] = 1 + noise * (2 * rand() - 1);
    const score = this.p.score;
    const c = this.c;
    const n = this.n;
    const limit = this.p.budget + BUDGET_EPS;
    for (;;) {
      let bestI = -1;
      let bestR = -1;
      let bestRatio = -Infinity;
      for (let i = 0; i < P; i++) {
        const v = pending[i];
        if (this.where[v] >= 0) continue;
        const sc = score[v];
        const num = squared ? sc * sc : sc;
        for (let r = 0; r < K; r++) {
          const at = i * K + r;
          if (cachePos[at] === -2 || this.hasSpots) {
            cachePos[at] = this.bestInsertionPos(r, v);
            cacheDelta[at] = this.insDelta;
          }
          if (cachePos[at] < 0) continue;
          const ratio = (num / (cacheDelta[at] + 1e-6)) * factor[i];
          if (ratio > bestRatio) {
            bestRatio = ratio;
            bestI = i;
            bestR = r;
          }
        }
      }
      if (bestI < 0) return changed;
      // w goes between a and b at position q of route bestR
      const q = cachePos[bestI * K + bestR];
      const w = pending[bestI];
      const a = this.prev(bestR, q);
      const b = this.next(bestR, q);
      this.insertAt(bestR, q, w);
      changed = true;
      if (this.hasSpots) continue;
      // the cached insertions into route bestR, updated in O(1) where possible: the route lost the edge
      // a→b and gained a→w (position q) and w→b (position q + 1); an old best elsewhere keeps its
      // added length (its position moves by one after q), and as the budget left only shrank, when it
      // does not fit any more no other old edge fits (they add at least as much). Ties go to the
      // earliest position, as in bestInsertionPos. Only a node whose best was the edge a→b is searched again.
      const lenR = this.len[bestR];
      for (let i = 0; i < P; i++) {
        const v = pending[i];
        if (this.where[v] >= 0) continue;
        const at = i * K + bestR;
        const old = cachePos[at];
        if (old === -2) continue;
        if (old === q) {
          cachePos[at] = this.bestInsertionPos(bestR, v);
          cacheDelta[at] = this.insDelta;
          continue;
        }
        const sv = this.svc(v);
        const room = limit - lenR - sv;
        if (room < 0) {
          cachePos[at] = -1;
          this.remember(bestR, v, -1, 0);
          continue;
        }
        let pos = -1;
        let d = Infinity;
        if (old >= 0) {
          const dOld = cacheDelta[at] - sv;
          if (dOld <= room) {
            pos = old < q ? old : old + 1;
            d = dOld;
          }
        }
        const d1 = c[a * n + v] + c[v * n + w] - c[a * n + w];
        if (d1 <= room && (d1 < d || (d1 === d && q < pos))) {
          pos = q;
          d = d1;
        }
        const d2 = c[w * n + v] + c[v * n + b] - c[w * n + b];
        if (d2 <= room && (d2 < d || (d2 === d && q + 1 < pos))) {
          pos = q + 1;
          d = d2;
        }
        cachePos[at] = pos;
        if (pos >= 0) cacheDelta[at] = d + sv;
        this.remember(bestR, v, pos, pos >= 0 ? d + sv : 0);
      }
    }
  }

  toResult(iterations: number, stoppedBy: 'iterations' | 'idle' | 'time' | 'bound') {
    return {
      routes: this.routes.map((r) => r.slice()),
      routeLengths: Array.from(this.len),
      routeScores: Array.from(this.rscore),
      score: this.totalScore(),
      objective: this.objective(),
      iterations,
      stoppedBy,
    };
  }
}
