import { BUDGET_EPS, CHECK, type OrienteeringState } from './orienteering-state.ts';

const IMPROVE = 1e-9;
const noRandom = () => 0.5;

/** Inter-route moves whose per-pair results are remembered (offsets into OrienteeringState.pairOk). */
const RELOCATE = 0;
const EXCHANGE = 1;
const TAIL = 2;

/**
 * True when the moves of one route or a pair of routes depend on those routes only (no revisit
 * spacing, no balance term), so a check that found nothing need not run again on the same versions.
 */
function local(s: OrienteeringState): boolean {
  return !s.hasSpots && !((s.p.balanceWeight ?? 0) > 0);
}

/** True when `move` found nothing for routes a and b at their present versions. */
function pairSeen(s: OrienteeringState, move: number, a: number, b: number): boolean {
  const K = s.routes.length;
  const o = 2 * (move * K * K + a * K + b);
  return s.pairOk[o] === s.ver[a] && s.pairOk[o + 1] === s.ver[b];
}

/** Records that `move` found nothing for routes a and b at their present versions. */
function markPair(s: OrienteeringState, move: number, a: number, b: number): void {
  const K = s.routes.length;
  const o = 2 * (move * K * K + a * K + b);
  s.pairOk[o] = s.ver[a];
  s.pairOk[o + 1] = s.ver[b];
}

/** Runs a check on the whole solution unless it found nothing on this very solution before. */
function check(s: OrienteeringState, which: number, run: () => boolean): boolean {
  if (s.checkOk[which] === s.latest) return false;
  const found = run();
  if (!found) s.checkOk[which] = s.latest;
  return found;
}

/** Best insertion of v into an explicit sequence of length `base`, within the budget (spacing checked for route r). */
function bestInsertSeq(s: OrienteeringState, r: number, seq: readonly number[], base: number, v: number): { pos: number; len: number } | null {
  const { start, end, budget } = s.p;
  let best: { pos: number; len: number } | null = null;
  const sv = s.svc(v);
  for (let pos = 0; pos <= seq.length; pos++) {
    const a = pos === 0 ? start : seq[pos - 1];
    const b = pos === seq.length ? end : seq[pos];
    const len = base + s.cost(a, v) + s.cost(v, b) - s.cost(a, b) + sv;
    if (len > budget + BUDGET_EPS || (best && len >= best.len)) continue;
    if (s.hasSpots) {
      const trial = seq.slice();
      trial.splice(pos, 0, v);
      if (!s.spacingOk(r, trial)) continue;
    }
    best = { pos, len };
  }
  return best;
}

/**
 * Result of bestInsertSkip (module scratch, no allocation): position in the shortened sequence and the
 * new length. The length sits in a Float64Array: a double stored in a module-level `let` is boxed,
 * one heap allocation per call.
 */
let skipPos = -1;
const skipOut = new Float64Array(1);

/**
 * Best insertion of v into route r with the node at `skip` removed (−1: none), the shortened route
 * having length `base`; the same positions and tie order as bestInsertSeq on the shortened sequence.
 * Sets skipPos (−1 when nothing fits) and skipOut[0]. Without revisit spots only (no allocation).
 */
function bestInsertSkip(s: OrienteeringState, r: number, skip: number, base: number, v: number): void {
  const route = s.routes[r];
  const m = route.length;
  const c = s.c;
  const n = s.n;
  const limit = s.p.budget + BUDGET_EPS;
  const sv = s.svc(v);
  const end = s.p.end;
  let bestLen = Infinity;
  let best = -1;
  let a = s.p.start;
  let pos = 0;
  for (let k = 0; k <= m; k++) {
    if (k === skip) continue;
    const b = k === m ? end : route[k];
    const len = base + c[a * n + v] + c[v * n + b] - c[a * n + b] + sv;
    if (len <= limit && len < bestLen) {
      bestLen = len;
      best = pos;
    }
    a = b;
    pos++;
  }
  skipPos = best;
  skipOut[0] = bestLen;
}

/**
 * The three cheapest edges to insert v into route r (edge k: from the node before position k, or the
 * start, to the one at k, or the end), kept for the route's version in s.cheapEdges; returns the
 * offset e of their indices (cheapEdges.k[e..e+2]) and added lengths without service (cheapEdges.d[e..e+2]).
 */
function cheapest3(s: OrienteeringState, r: number, v: number): number {
  const n = s.n;
  const cheap = s.cheapEdges;
  const e = 3 * (r * n + v);
  if (cheap.ver[r * n + v] === s.ver[r]) return e;
  const c = s.c;
  const route = s.routes[r];
  const m = route.length;
  const end = s.p.end;
  let k1 = -1, k2 = -1, k3 = -1;
  let d1 = Infinity, d2 = Infinity, d3 = Infinity;
  let a = s.p.start;
  for (let k = 0; k <= m; k++) {
    const b = k === m ? end : route[k];
    const d = c[a * n + v] + c[v * n + b] - c[a * n + b];
    if (d < d1) { k3 = k2; d3 = d2; k2 = k1; d2 = d1; k1 = k; d1 = d; }
    else if (d < d2) { k3 = k2; d3 = d2; k2 = k; d2 = d; }
    else if (d < d3) { k3 = k; d3 = d; }
    a = b;
  }
  cheap.ver[r * n + v] = s.ver[r];
  cheap.k[e] = k1;
  cheap.k[e + 1] = k2;
  cheap.k[e + 2] = k3;
  cheap.d[e] = d1;
  cheap.d[e + 1] = d2;
  cheap.d[e + 2] = d3;
  return e;
}

/**
 * bestInsertSkip for a node v that is not in route r, with the node at `skip` (≥ 0) removed, in O(1)
 * from the kept three cheapest edges (cheapest3): the removal takes away the two edges at skip and
 * skip + 1 and adds the edge joining its neighbours (position skip of the shortened route). Ties go
 * to the earlier position. Sets skipPos and skipOut[0] like bestInsertSkip.
 */
function bestInsertSkipKept(s: OrienteeringState, r: number, skip: number, base: number, v: number): void {
  const e = cheapest3(s, r, v);
  const ck = s.cheapEdges.k;
  const cd = s.cheapEdges.d;
  let delta: number;
  let at: number;
  if (ck[e] !== skip && ck[e] !== skip + 1) { delta = cd[e]; at = ck[e]; }
  else if (ck[e + 1] !== skip && ck[e + 1] !== skip + 1) { delta = cd[e + 1]; at = ck[e + 1]; }
  else { delta = cd[e + 2]; at = ck[e + 2]; }
  if (at > skip) at--;
  const pa = s.prev(r, skip);
  const pb = s.next(r, skip + 1);
  const c = s.c;
  const n = s.n;
  const dj = c[pa * n + v] + c[v * n + pb] - c[pa * n + pb];
  if (dj < delta || (dj === delta && skip < at)) { delta = dj; at = skip; }
  const len = base + delta + s.svc(v);
  if (at >= 0 && len <= s.p.budget + BUDGET_EPS) {
    skipPos = at;
    skipOut[0] = len;
  } else {
    skipPos = -1;
    skipOut[0] = Infinity;
  }
}

/**
 * Best insertion of v into route r without the node at `skip`, as [position, new length] (−1, Infinity
 * when nothing fits): by the kept cheapest edges (as exchange does) or by a full scan. For tests that
 * compare the two.
 */
export function insertionWithout(s: OrienteeringState, r: number, skip: number, base: number, v: number, kept: boolean): [number, number] {
  if (kept) bestInsertSkipKept(s, r, skip, base, v);
  else bestInsertSkip(s, r, skip, base, v);
  return [skipPos, skipOut[0]];
}

/** True when some candidate is unvisited. */
function anyUnvisited(s: OrienteeringState): boolean {
  for (const u of s.candidates) if (s.where[u] < 0) return true;
  return false;
}

/** Length of route r without the node at pos. */
function lengthWithout(s: OrienteeringState, r: number, pos: number): number {
  const v = s.routes[r][pos];
  const a = s.prev(r, pos);
  const b = s.next(r, pos + 1);
  return s.len[r] - s.cost(a, v) - s.cost(v, b) + s.cost(a, b) - s.svc(v);
}

/** 2-opt (segment reversal) on route r, first improvement, until no reversal shortens it. */
export function twoOpt(s: OrienteeringState, r: number): boolean {
  let changed = false;
  let improved = true;
  while (improved) {
    improved = false;
    const route = s.routes[r];
    const m = route.length;
    for (let i = 0; i < m - 1 && !improved; i++) {
      const a = s.prev(r, i);
      for (let j = i + 1; j < m; j++) {
        const b = s.next(r, j + 1);
        const d = s.cost(a, route[j]) + s.cost(route[i], b) - s.cost(a, route[i]) - s.cost(route[j], b);
        if (d < -IMPROVE) {
          const seq = route.slice(0, i).concat(route.slice(i, j + 1).reverse(), route.slice(j + 1));
          if (!s.spacingOk(r, seq)) continue;
          s.routes[r] = seq;
          s.refresh(r);
          improved = changed = true;
          break;
        }
      }
    }
  }
  return changed;
}

/**
 * Or-opt on route r: moves a segment of one to three consecutive nodes (kept or reversed) to another
 * place in the route, first improvement, until no move shortens it.
 */
export function orOpt(s: OrienteeringState, r: number): boolean {
  const c = s.c;
  const n = s.n;
  const { start, end } = s.p;
  let changed = false;
  for (let guard = 0; guard < 1000; guard++) {
    const route = s.routes[r];
    const m = route.length;
    let found = false;
    for (let L = 1; L <= 3 && L < m && !found; L++) {
      for (let i = 0; i + L <= m && !found; i++) {
        const f = route[i];
        const l = route[i + L - 1];
        const a = i === 0 ? start : route[i - 1];
        const b = i + L === m ? end : route[i + L];
        const removed = c[a * n + f] + c[l * n + b] - c[a * n + b];
        if (removed <= IMPROVE) continue;
        // edge k: from (k === 0 ? start : route[k − 1]) to (k === m ? end : route[k]), outside the segment
        let x = start;
        for (let k = 0; k <= m; k++) {
          const y = k === m ? end : route[k];
          const prevX = x;
          x = y;
          if (k >= i && k <= i + L) continue;
          const cxy = c[prevX * n + y];
          const fwd = c[prevX * n + f] + c[l * n + y] - cxy;
          const rev = c[prevX * n + l] + c[f * n + y] - cxy;
          const reverse = rev < fwd;
          if ((reverse ? rev : fwd) - removed >= -IMPROVE) continue;
          const seg = route.slice(i, i + L);
          if (reverse) seg.reverse();
          const rest = route.slice(0, i).concat(route.slice(i + L));
          const at = k < i ? k : k - L;
          const seq = rest.slice(0, at).concat(seg, rest.slice(at));
          if (!s.spacingOk(r, seq)) continue;
          s.routes[r] = seq;
          s.refresh(r);
          found = changed = true;
          break;
        }
      }
    }
    if (!found) break;
  }
  return changed;
}

/**
 * Replaces a visited node by a nearby unvisited one (among its nearest candidates) of higher score
 * (or equal score and shorter route), at the same position.
 */
function swapUnvisited(s: OrienteeringState): boolean {
  if (!anyUnvisited(s)) return false;
  const limit = s.p.budget + BUDGET_EPS;
  let changed = false;
  for (let r = 0; r < s.routes.length; r++) {
    const route = s.routes[r];
    for (let pos = 0; pos < route.length; pos++) {
      const v = route[pos];
      const sv = s.p.score[v];
      const a = s.prev(r, pos);
      const b = s.next(r, pos + 1);
      const base = s.len[r] - s.cost(a, v) - s.cost(v, b) - s.svc(v);
      let bestU = -1;
      let bestLen = Infinity;
      for (const u of s.nearList[v]) {
        const su = s.p.score[u];
        if (su < sv || (bestU >= 0 && su < s.p.score[bestU]) || s.where[u] >= 0) continue;
        const len = base + s.cost(a, u) + s.cost(u, b) + s.svc(u);
        if (len > limit || (su === sv && len >= s.len[r] - IMPROVE)) continue;
        if (bestU >= 0 && su === s.p.score[bestU] && len >= bestLen) continue;
        if (s.hasSpots) {
          const seq = route.slice();
          seq[pos] = u;
          if (!s.spacingOk(r, seq)) continue;
        }
        bestU = u;
        bestLen = len;
      }
      if (bestU >= 0) {
        route[pos] = bestU;
        s.where[v] = -1;
        s.refresh(r);
        changed = true;
      }
    }
  }
  return changed;
}

/**
 * Replaces a visited node by an unvisited one of higher score, each at its best place in the route
 * (the general form of swapUnvisited; without revisit spots only). For each unvisited u and route,
 * the three cheapest insertion edges are found once, so each removal is then checked in O(1).
 */
function replaceUnvisited(s: OrienteeringState): boolean {
  if (s.hasSpots) return false;
  const weighted = (s.p.balanceWeight ?? 0) > 0;
  const score = s.p.score;
  const c = s.c;
  const n = s.n;
  const limit = s.p.budget + BUDGET_EPS;
  const { start, end } = s.p;
  let changed = false;
  const K = s.routes.length;
  // per route: the lowest score (an unvisited node must beat it to replace anything there) and the
  // route's length without the node at each position (at r · stride + pos)
  const low = replaceLow.length >= K ? replaceLow : (replaceLow = new Float64Array(K));
  let stride = 0;
  for (const route of s.routes) if (route.length > stride) stride = route.length;
  if (replaceWithout.length < K * stride) replaceWithout = new Float64Array(K * stride);
  const without = replaceWithout;
  const prepare = (r: number) => {
    let x = Infinity;
    const route = s.routes[r];
    for (let pos = 0; pos < route.length; pos++) {
      const v = route[pos];
      if (score[v] < x) x = score[v];
      without[r * stride + pos] = lengthWithout(s, r, pos);
    }
    low[r] = x;
  };
  let lowest = Infinity;
  for (let r = 0; r < K; r++) {
    prepare(r);
    if (low[r] < lowest) lowest = low[r];
  }
  const cheap = s.cheapEdges;
  for (const u of s.candidates) {
    if (s.where[u] >= 0) continue;
    const su = score[u];
    if (su <= lowest) continue;
    const svu = s.svc(u);
    let bestR = -1;
    let bestPos = -1;
    let bestAt = -1;
    let bestGain = 0;
    let bestLen = Infinity;
    for (let r = 0; r < K; r++) {
      if (su - low[r] <= 0 || su - low[r] < bestGain) continue;
      const route = s.routes[r];
      const m = route.length;
      // the three cheapest edges to insert u into, kept for the route's version
      const e = cheapest3(s, r, u);
      const k1 = cheap.k[e], k2 = cheap.k[e + 1], k3 = cheap.k[e + 2];
      const d1 = cheap.d[e], d2 = cheap.d[e + 1], d3 = cheap.d[e + 2];
      for (let pos = 0; pos < m; pos++) {
        const v = route[pos];
        const gain = su - score[v];
        if (gain <= 0 || gain < bestGain) continue;
        const w = without[r * stride + pos];
        if (w + svu > limit) continue;
        // edges pos and pos + 1 touch v; removing v joins prev and next into one edge at position pos
        let delta: number;
        let at: number;
        if (k1 !== pos && k1 !== pos + 1) { delta = d1; at = k1; }
        else if (k2 !== pos && k2 !== pos + 1) { delta = d2; at = k2; }
        else { delta = d3; at = k3; }
        if (at > pos) at--;
        const pa = pos === 0 ? start : route[pos - 1];
        const pb = pos + 1 === m ? end : route[pos + 1];
        const dj = c[pa * n + u] + c[u * n + pb] - c[pa * n + pb];
        if (dj < delta || (dj === delta && pos < at)) { delta = dj; at = pos; }
        const len = w + delta + svu;
        if (len > limit || (gain === bestGain && len >= bestLen)) continue;
        bestR = r;
        bestPos = pos;
        bestAt = at;
        bestGain = gain;
        bestLen = len;
      }
    }
    // with a route-balance weight above 1 a higher total can still lower the objective
    if (bestR < 0 || (weighted && objectiveWith(s, bestR, bestGain, -1, 0) <= s.objective() + IMPROVE)) continue;
    const route = s.routes[bestR];
    s.where[route[bestPos]] = -1;
    route.splice(bestPos, 1);
    route.splice(bestAt, 0, u);
    s.refresh(bestR);
    prepare(bestR);
    lowest = Infinity;
    for (let r = 0; r < K; r++) if (low[r] < lowest) lowest = low[r];
    changed = true;
  }
  return changed;
}

/** Scratch arrays of replaceUnvisited (per route lowest score; per route and position the length without that node). */
let replaceLow = new Float64Array(0);
let replaceWithout = new Float64Array(0);

/** The five cheapest insertion edges of replaceTwo (edge k: from route[k − 1] or start to route[k] or end). */
const topK = new Int32Array(5);
const topD = new Float64Array(5);

/**
 * Replaces two visited nodes of one route (anywhere in it) by one unvisited node of higher score
 * than both together, at its best place (without revisit spots only). The five cheapest insertion
 * edges of each unvisited node are found once per route, so each pair is then checked in O(1).
 */
function replaceTwo(s: OrienteeringState): boolean {
  if (s.hasSpots) return false;
  const weighted = (s.p.balanceWeight ?? 0) > 0;
  const score = s.p.score;
  const c = s.c;
  const n = s.n;
  const limit = s.p.budget + BUDGET_EPS;
  const { start, end } = s.p;
  const K = s.routes.length;
  let changed = false;
  for (let r = 0; r < K; r++) {
    if (s.routes[r].length < 2) continue;
    for (const u of s.candidates) {
      const route = s.routes[r];
      const m = route.length;
      if (m < 2) break;
      // the two lowest scores of the route: an unvisited node must beat their sum
      let lo1 = Infinity;
      let lo2 = Infinity;
      for (const v of route) {
        const x = score[v];
        if (x < lo1) { lo2 = lo1; lo1 = x; } else if (x < lo2) lo2 = x;
      }
      if (s.where[u] >= 0 || score[u] <= lo1 + lo2) continue;
      const su = score[u];
      const svu = s.svc(u);
      const len = s.len[r];
      let top = 0;
      let a = start;
      for (let k = 0; k <= m; k++) {
        const b = k === m ? end : route[k];
        const d = c[a * n + u] + c[u * n + b] - c[a * n + b];
        a = b;
        if (top === 5 && d >= topD[4]) continue;
        let q = top < 5 ? top++ : 4;
        while (q > 0 && topD[q - 1] > d) {
          topD[q] = topD[q - 1];
          topK[q] = topK[q - 1];
          q--;
        }
        topD[q] = d;
        topK[q] = k;
      }
      let bestGain = 0;
      let bestLen = Infinity;
      let b1 = -1;
      let b2 = -1;
      let bestAt = -1;
      for (let p1 = 0; p1 < m; p1++) {
        const v1 = route[p1];
        if (score[v1] + lo1 >= su) continue;
        const prev1 = p1 === 0 ? start : route[p1 - 1];
        const sav1 = len - lengthWithout(s, r, p1);
        for (let p2 = p1 + 1; p2 < m; p2++) {
          const v2 = route[p2];
          const gain = su - score[v1] - score[v2];
          if (gain <= 0 || gain < bestGain) continue;
          const next2 = p2 + 1 === m ? end : route[p2 + 1];
          let base: number;
          if (p2 === p1 + 1) base = len - c[prev1 * n + v1] - c[v1 * n + v2] - c[v2 * n + next2] + c[prev1 * n + next2] - s.svc(v1) - s.svc(v2);
          else base = len - sav1 - (len - lengthWithout(s, r, p2));
          if (base + svu > limit) continue;
          // cheapest untouched edge (edges p1, p1 + 1, p2, p2 + 1 touch the removed nodes)
          let delta = Infinity;
          let at = -1;
          for (let q = 0; q < top; q++) {
            const k = topK[q];
            if (k === p1 || k === p1 + 1 || k === p2 || k === p2 + 1) continue;
            delta = topD[q];
            at = k < p1 ? k : k < p2 ? k - 1 : k - 2;
            break;
          }
          // the edges that join the gaps
          if (p2 === p1 + 1) {
            const d = c[prev1 * n + u] + c[u * n + next2] - c[prev1 * n + next2];
            if (d < delta) { delta = d; at = p1; }
          } else {
            const n1 = route[p1 + 1];
            const d1 = c[prev1 * n + u] + c[u * n + n1] - c[prev1 * n + n1];
            if (d1 < delta) { delta = d1; at = p1; }
            const pr2 = route[p2 - 1];
            const d2 = c[pr2 * n + u] + c[u * n + next2] - c[pr2 * n + next2];
            if (d2 < delta) { delta = d2; at = p2 - 1; }
          }
          const newLen = base + delta + svu;
          if (at < 0 || newLen > limit || (gain === bestGain && newLen >= bestLen)) continue;
          bestGain = gain;
          bestLen = newLen;
          b1 = p1;
          b2 = p2;
          bestAt = at;
        }
      }
      if (b1 < 0 || (weighted && objectiveWith(s, r, bestGain, -1, 0) <= s.objective() + IMPROVE)) continue;
      s.where[route[b1]] = -1;
      s.where[route[b2]] = -1;
      route.splice(b2, 1);
      route.splice(b1, 1);
      route.splice(bestAt, 0, u);
      s.refresh(r);
      changed = true;
    }
  }
  return changed;
}

/** Replaces two consecutive visited nodes by one unvisited node near them, of higher score than both together. */
function swapTwoForOne(s: OrienteeringState): boolean {
  if (!anyUnvisited(s)) return false;
  const limit = s.p.budget + BUDGET_EPS;
  let changed = false;
  for (let r = 0; r < s.routes.length; r++) {
    const route = s.routes[r];
    for (let pos = 0; pos + 1 < route.length; pos++) {
      const v1 = route[pos];
      const v2 = route[pos + 1];
      const lost = s.p.score[v1] + s.p.score[v2];
      const a = s.prev(r, pos);
      const b = s.next(r, pos + 2);
      const base = s.len[r] - s.cost(a, v1) - s.cost(v1, v2) - s.cost(v2, b) - s.svc(v1) - s.svc(v2);
      let bestU = -1;
      for (let l = 0; l < 2; l++) for (const u of s.nearList[l === 0 ? v1 : v2]) {
        if (s.where[u] >= 0 || s.p.score[u] <= lost || (bestU >= 0 && s.p.score[u] <= s.p.score[bestU])) continue;
        if (base + s.cost(a, u) + s.cost(u, b) + s.svc(u) > limit) continue;
        if (s.hasSpots) {
          const seq = route.slice(0, pos).concat([u], route.slice(pos + 2));
          if (!s.spacingOk(r, seq)) continue;
        }
        bestU = u;
      }
      if (bestU >= 0) {
        route.splice(pos, 2, bestU);
        s.where[v1] = -1;
        s.where[v2] = -1;
        s.refresh(r);
        changed = true;
      }
    }
  }
  return changed;
}

/** Moves one node to another route (or another place in its route) when that shortens or balances. */
function relocate(s: OrienteeringState): boolean {
  if (s.hasSpots) return relocateSpots(s);
  const before = s.objective();
  const total = s.totalLength();
  // without a balance term a move between routes keeps the objective (the total score)
  const weighted = (s.p.balanceWeight ?? 0) > 0;
  const K = s.routes.length;
  const skip = local(s);
  for (let a = 0; a < K; a++) {
    for (let b = 0; b < K; b++) {
      if (skip && pairSeen(s, RELOCATE, a, b)) continue;
      for (let pos = 0; pos < s.routes[a].length; pos++) {
        const v = s.routes[a][pos];
        const without = lengthWithout(s, a, pos);
        // into another route: the state's cached best insertion (see OrienteeringState.insVer)
        let at: number;
        let insLen: number;
        if (b === a) {
          bestInsertSkip(s, a, pos, without, v);
          at = skipPos;
          insLen = skipOut[0];
        } else {
          at = s.bestInsertionPos(b, v);
          insLen = s.len[b] + s.insDelta;
        }
        if (at < 0) continue;
        const newTotal = b === a ? total - s.len[a] + insLen : total - s.len[a] - s.len[b] + without + insLen;
        const obj = b === a || !weighted ? before : objectiveWith(s, a, -s.p.score[v], b, s.p.score[v]);
        if (!(obj > before + IMPROVE || (obj > before - IMPROVE && newTotal < total - IMPROVE))) continue;
        s.routes[a].splice(pos, 1);
        s.routes[b].splice(at, 0, v);
        s.where[v] = -1;
        s.refresh(a);
        s.refresh(b);
        return true;
      }
      markPair(s, RELOCATE, a, b);
    }
  }
  return false;
}

/** relocate with revisit-spacing checks (allocating). */
function relocateSpots(s: OrienteeringState): boolean {
  const before = s.objective();
  const total = s.totalLength();
  for (let a = 0; a < s.routes.length; a++) {
    for (let pos = 0; pos < s.routes[a].length; pos++) {
      const v = s.routes[a][pos];
      const without = lengthWithout(s, a, pos);
      const seqA = s.routes[a].slice();
      seqA.splice(pos, 1);
      for (let b = 0; b < s.routes.length; b++) {
        const seqB = b === a ? seqA : s.routes[b];
        const baseB = b === a ? without : s.len[b];
        const ins = bestInsertSeq(s, b, seqB, baseB, v);
        if (!ins) continue;
        const newTotal = b === a ? total - s.len[a] + ins.len : total - s.len[a] - s.len[b] + without + ins.len;
        const obj = b === a ? before : objectiveWith(s, a, -s.p.score[v], b, s.p.score[v]);
        if (!(obj > before + IMPROVE || (obj > before - IMPROVE && newTotal < total - IMPROVE))) continue;
        const na = seqA.slice();
        const nb = (b === a ? na : s.routes[b].slice());
        nb.splice(ins.pos, 0, v);
        const oldA = s.routes[a];
        const oldB = s.routes[b];
        s.routes[a] = na;
        s.routes[b] = nb;
        if (s.hasSpots && !s.spacingOk()) {
          s.routes[a] = oldA;
          s.routes[b] = oldB;
          continue;
        }
        s.where[v] = -1;
        s.refresh(a);
        s.refresh(b);
        return true;
      }
    }
  }
  return false;
}

/** The objective if route a's score changed by da and route b's by db. */
function objectiveWith(s: OrienteeringState, a: number, da: number, b: number, db: number): number {
  const w = s.p.balanceWeight ?? 0;
  let total = 0;
  let max = -Infinity;
  let min = Infinity;
  for (let r = 0; r < s.rscore.length; r++) {
    const x = s.rscore[r] + (r === a ? da : 0) + (r === b ? db : 0);
    total += x;
    if (x > max) max = x;
    if (x < min) min = x;
  }
  return w === 0 || s.rscore.length < 2 ? total : total - w * (max - min);
}

/** Exchanges two nodes of different routes when both stay feasible and the total length drops. */
function exchange(s: OrienteeringState): boolean {
  if (s.hasSpots) return exchangeSpots(s);
  const before = s.objective();
  const weighted = (s.p.balanceWeight ?? 0) > 0;
  const K = s.routes.length;
  const skip = local(s);
  for (let a = 0; a < K; a++) {
    for (let b = a + 1; b < K; b++) {
      if (skip && pairSeen(s, EXCHANGE, a, b)) continue;
      const A = s.routes[a];
      const B = s.routes[b];
      for (let i = 0; i < A.length; i++) {
        const v = A[i];
        const baseA = lengthWithout(s, a, i);
        for (let j = 0; j < B.length; j++) {
          const u = B[j];
          if (!s.near(u, v)) continue;
          bestInsertSkipKept(s, a, i, baseA, u);
          if (skipPos < 0) continue;
          const posA = skipPos;
          const lenA = skipOut[0];
          const baseB = lengthWithout(s, b, j);
          bestInsertSkipKept(s, b, j, baseB, v);
          if (skipPos < 0) continue;
          const posB = skipPos;
          const gain = s.len[a] + s.len[b] - lenA - skipOut[0];
          const scoreChanges = weighted && s.p.score[u] !== s.p.score[v];
          if (gain <= IMPROVE && !scoreChanges) continue;
          const obj = weighted ? objectiveWith(s, a, s.p.score[u] - s.p.score[v], b, s.p.score[v] - s.p.score[u]) : before;
          if (obj < before - IMPROVE || (obj < before + IMPROVE && gain <= IMPROVE)) continue;
          A.splice(i, 1);
          A.splice(posA, 0, u);
          B.splice(j, 1);
          B.splice(posB, 0, v);
          s.refresh(a);
          s.refresh(b);
          return true;
        }
      }
      markPair(s, EXCHANGE, a, b);
    }
  }
  return false;
}

/** exchange with revisit-spacing checks (allocating). */
function exchangeSpots(s: OrienteeringState): boolean {
  const before = s.objective();
  for (let a = 0; a < s.routes.length; a++) {
    for (let b = a + 1; b < s.routes.length; b++) {
      for (let i = 0; i < s.routes[a].length; i++) {
        const v = s.routes[a][i];
        const seqA = s.routes[a].slice();
        seqA.splice(i, 1);
        const baseA = lengthWithout(s, a, i);
        for (let j = 0; j < s.routes[b].length; j++) {
          const u = s.routes[b][j];
          if (!s.near(u, v)) continue;
          const seqB = s.routes[b].slice();
          seqB.splice(j, 1);
          const baseB = lengthWithout(s, b, j);
          const insA = bestInsertSeq(s, a, seqA, baseA, u);
          if (!insA) continue;
          const insB = bestInsertSeq(s, b, seqB, baseB, v);
          if (!insB) continue;
          const gain = s.len[a] + s.len[b] - insA.len - insB.len;
          const scoreChanges = (s.p.balanceWeight ?? 0) > 0 && s.p.score[u] !== s.p.score[v];
          if (gain <= IMPROVE && !scoreChanges) continue;
          const obj = objectiveWith(s, a, s.p.score[u] - s.p.score[v], b, s.p.score[v] - s.p.score[u]);
          if (obj < before - IMPROVE || (obj < before + IMPROVE && gain <= IMPROVE)) continue;
          const na = seqA.slice();
          na.splice(insA.pos, 0, u);
          const nb = seqB.slice();
          nb.splice(insB.pos, 0, v);
          const oldA = s.routes[a];
          const oldB = s.routes[b];
          s.routes[a] = na;
          s.routes[b] = nb;
          if (s.hasSpots && !s.spacingOk()) {
            s.routes[a] = oldA;
            s.routes[b] = oldB;
            continue;
          }
          s.refresh(a);
          s.refresh(b);
          return true;
        }
      }
    }
  }
  return false;
}

/**
 * Lengths from the start to each position of every route (before r[i]) and from each position to
 * the end, and the prefix scores, at [r * stride + i] with stride = longest route + 1.
 */
function prefixSuffix(s: OrienteeringState): { pre: Float64Array; suf: Float64Array; sc: Float64Array; stride: number } {
  const K = s.routes.length;
  let stride = 1;
  for (const route of s.routes) if (route.length + 1 > stride) stride = route.length + 1;
  const pre = new Float64Array(K * stride);
  const suf = new Float64Array(K * stride);
  const sc = new Float64Array(K * stride);
  for (let r = 0; r < K; r++) {
    const route = s.routes[r];
    const m = route.length;
    const o = r * stride;
    let prev = s.p.start;
    for (let i = 0; i < m; i++) {
      pre[o + i + 1] = pre[o + i] + s.cost(prev, route[i]) + s.svc(route[i]);
      sc[o + i + 1] = sc[o + i] + s.p.score[route[i]];
      prev = route[i];
    }
    let next = s.p.end;
    for (let i = m - 1; i >= 0; i--) {
      suf[o + i] = suf[o + i + 1] + s.cost(route[i], next) + s.svc(route[i]);
      next = route[i];
    }
  }
  return { pre, suf, sc, stride };
}

/** 2-opt*: exchanges the tails of two routes when both stay within budget and the total length drops. */
function twoOptStar(s: OrienteeringState): boolean {
  const limit = s.p.budget + BUDGET_EPS;
  const before = s.objective();
  // without a balance term a tail exchange keeps the objective (the total score)
  const weighted = (s.p.balanceWeight ?? 0) > 0;
  const K = s.routes.length;
  if (K < 2) return false;
  const skip = local(s);
  if (skip) {
    let all = true;
    for (let a = 0; a < K && all; a++) for (let b = a + 1; b < K; b++) if (!pairSeen(s, TAIL, a, b)) all = false;
    if (all) return false;
  }
  const { pre, suf, sc, stride } = prefixSuffix(s);
  const c = s.c;
  const n = s.n;
  for (let a = 0; a < K; a++) {
    for (let b = a + 1; b < K; b++) {
      if (skip && pairSeen(s, TAIL, a, b)) continue;
      const A = s.routes[a];
      const B = s.routes[b];
      const oa = a * stride;
      const ob = b * stride;
      const both = s.len[a] + s.len[b] - IMPROVE;
      for (let i = 0; i <= A.length; i++) {
        const lastA = i === 0 ? s.p.start : A[i - 1];
        const firstA = i === A.length ? s.p.end : A[i];
        for (let j = 0; j <= B.length; j++) {
          const lastB = j === 0 ? s.p.start : B[j - 1];
          const firstB = j === B.length ? s.p.end : B[j];
          const lenA = pre[oa + i] + c[lastA * n + firstB] + suf[ob + j];
          if (lenA > limit) continue;
          const lenB = pre[ob + j] + c[lastB * n + firstA] + suf[oa + i];
          if (lenB > limit || lenA + lenB >= both) continue;
          if (weighted) {
            const moved = sc[ob + B.length] - sc[ob + j] - (sc[oa + A.length] - sc[oa + i]);
            if (objectiveWith(s, a, moved, b, -moved) < before - IMPROVE) continue;
          }
          const na = A.slice(0, i).concat(B.slice(j));
          const nb = B.slice(0, j).concat(A.slice(i));
          s.routes[a] = na;
          s.routes[b] = nb;
          if (s.hasSpots && !s.spacingOk()) {
            s.routes[a] = A;
            s.routes[b] = B;
            continue;
          }
          s.refresh(a);
          s.refresh(b);
          return true;
        }
      }
      markPair(s, TAIL, a, b);
    }
  }
  return false;
}

/**
 * Local search to a local optimum: rounds of 2-opt and or-opt on every route, greedy insertion,
 * swap with an unvisited node (1–1 and 2–1, in place), replace (1–1 at the best places), relocate,
 * exchange and 2-opt* (tail exchange) between routes, until a round improves nothing (or time is
 * up). Checks that found nothing on the same route versions are skipped (see OrienteeringState.ver).
 * With `full` false only the within-route moves and the swaps run (a cheap first pass).
 */
export function localSearch(s: OrienteeringState, outOfTime: () => boolean, full = true): void {
  for (let guard = 0; guard < 10_000; guard++) {
    const skip = local(s);
    for (let r = 0; r < s.routes.length; r++) {
      if (skip && s.tourOk[r] === s.ver[r]) continue;
      twoOpt(s, r);
      while (orOpt(s, r) && twoOpt(s, r));
      s.tourOk[r] = s.ver[r];
    }
    if (outOfTime()) return;
    let improved = check(s, CHECK.repair, () => s.repair(noRandom, 0));
    improved = check(s, CHECK.swap, () => swapUnvisited(s)) || improved;
    improved = check(s, CHECK.swapTwo, () => swapTwoForOne(s)) || improved;
    if (full) {
      improved = check(s, CHECK.replace, () => replaceUnvisited(s)) || improved;
      // each inter-route move runs to its own local optimum before the next round's insertions
      while (relocate(s)) improved = true;
      while (exchange(s)) improved = true;
      while (twoOptStar(s)) improved = true;
    }
    if (!improved) return;
  }
}

/**
 * Inserts an unvisited node into a route where its cheapest insertion overshoots the budget by a
 * little, reorders the route (2-opt, or-opt), and drops the nodes of the worst score / saved-length
 * ratio until it fits again; kept when the route's score rose (without revisit spots or balance
 * weight only). Catches insertions and replacements that need the route reordered.
 */
function insertReordered(s: OrienteeringState, outOfTime: () => boolean): boolean {
  if (s.hasSpots || (s.p.balanceWeight ?? 0) > 0) return false;
  const score = s.p.score;
  const budget = s.p.budget;
  const margin = MARGIN * budget;
  let changed = false;
  for (const u of s.candidates) {
    if (s.where[u] >= 0) continue;
    for (let r = 0; r < s.routes.length; r++) {
      if (s.where[u] >= 0 || outOfTime()) break;
      const route = s.routes[r];
      const bestPos = s.cheapestInsertionPos(r, u);
      const a = s.prev(r, bestPos);
      const b = s.next(r, bestPos);
      const bestDelta = s.cost(a, u) + s.cost(u, b) - s.cost(a, b);
      if (s.len[r] + bestDelta + s.svc(u) > budget + margin) continue;
      const saved = route.slice();
      const before = s.rscore[r];
      const lenBefore = s.len[r];
      s.insertAt(r, bestPos, u);
      twoOpt(s, r);
      while (orOpt(s, r) && twoOpt(s, r));
      const dropped: number[] = [];
      while (s.len[r] > budget + BUDGET_EPS && s.routes[r].length > 1) {
        let worst = -1;
        let worstRatio = Infinity;
        for (let pos = 0; pos < s.routes[r].length; pos++) {
          const v = s.routes[r][pos];
          if (v === u) continue;
          const ratio = score[v] / (s.len[r] - lengthWithout(s, r, pos) + 1e-6);
          if (ratio < worstRatio) {
            worstRatio = ratio;
            worst = pos;
          }
        }
        dropped.push(s.removeAt(r, worst));
      }
      if (s.len[r] <= budget + BUDGET_EPS && (s.rscore[r] > before || (s.rscore[r] === before && s.len[r] < lenBefore - IMPROVE))) {
        changed = true;
        continue;
      }
      for (const v of s.routes[r]) s.where[v] = -1;
      s.routes[r] = saved;
      s.refresh(r);
    }
  }
  return changed;
}

/**
 * Drops one visited node and refills its route greedily (best score / added length first) with its
 * unvisited neighbours (see OrienteeringState.nearList); kept when the route's score rose (without
 * revisit spots or balance weight only). The 1-for-many counterpart of the replace moves.
 */
function dropRefill(s: OrienteeringState, outOfTime: () => boolean): boolean {
  if (s.hasSpots || (s.p.balanceWeight ?? 0) > 0) return false;
  const score = s.p.score;
  if (!anyUnvisited(s)) return false;
  let changed = false;
  for (let r = 0; r < s.routes.length; r++) {
    if (outOfTime()) break;
    for (let pos = 0; pos < s.routes[r].length; pos++) {
      // the refill takes unvisited neighbours of the dropped node, worth more than it together
      const v0 = s.routes[r][pos];
      let worth = 0;
      for (const u of s.nearList[v0]) if (s.where[u] < 0) worth += score[u];
      if (worth <= score[v0]) continue;
      const saved = s.routes[r].slice();
      const before = s.rscore[r];
      const v = s.removeAt(r, pos);
      for (;;) {
        let bestU = -1;
        let bestPos = -1;
        let bestRatio = -Infinity;
        for (const u of s.nearList[v]) {
          if (s.where[u] >= 0) continue;
          const at = s.bestInsertionPos(r, u);
          if (at < 0) continue;
          const ratio = score[u] / (s.insDelta + 1e-6);
          if (ratio > bestRatio) {
            bestRatio = ratio;
            bestU = u;
            bestPos = at;
          }
        }
        if (bestU < 0) break;
        s.insertAt(r, bestPos, bestU);
      }
      if (s.rscore[r] > before) {
        changed = true;
        continue;
      }
      for (const u of s.routes[r]) s.where[u] = -1;
      s.routes[r] = saved;
      s.refresh(r);
    }
  }
  return changed;
}

/** Share of the budget by which insertReordered's cheapest insertion may overshoot. */
const MARGIN = 0.05;

/**
 * Tries the costlier moves on a local optimum — the 2–1 replacement (two visited nodes of a route,
 * anywhere in it, for one unvisited node of higher score), drop-and-refill (1–many) and insertion
 * with reordering — then the local search again, until they find nothing. The solver runs it on
 * promising trials only.
 */
export function deepen(s: OrienteeringState, outOfTime: () => boolean): void {
  const more = () => check(s, CHECK.replaceTwo, () => replaceTwo(s)) || dropRefill(s, outOfTime) || insertReordered(s, outOfTime);
  for (let guard = 0; guard < 1000 && !outOfTime() && more(); guard++) localSearch(s, outOfTime);
}
