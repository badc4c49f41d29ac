"""Exact single-route orienteering optimum by integer programming (scipy.optimize.milp / HiGHS),
with subtour-elimination cuts added until the solution is one path from start to end.

Used to show which published Tsiligirides set-1 scores are unreachable with exact (unrounded)
Euclidean distances.  Usage:  python3 orienteering_exact_ilp.py FILE [FILE ...]
Prints: file, tmax, exact optimum, route (0-based input indices), its length.
"""
import sys
import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds
from scipy.sparse import lil_matrix


def solve(path):
    with open(path) as f:
        rows = [l.split() for l in f if l.strip()]
    tmax = float(rows[0][0])
    pts = [(float(r[0]), float(r[1]), float(r[2])) for r in rows[1:]]
    n = len(pts)
    s, e = 0, 1
    d = np.array([[np.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]) for j in range(n)] for i in range(n)])
    arcs = [(i, j) for i in range(n) for j in range(n) if i != j and i != e and j != s and not (i == s and j == s)]
    na = len(arcs)
    nv = na + n  # x arcs, then y nodes
    c = np.zeros(nv)
    for i in range(n):
        c[na + i] = -pts[i][2]
    cons = []

    def row():
        return lil_matrix((1, nv))

    # degree constraints
    for i in range(n):
        out_r, in_r = row(), row()
        for k, (a, b) in enumerate(arcs):
            if a == i:
                out_r[0, k] = 1
            if b == i:
                in_r[0, k] = 1
        if i == s:
            cons.append(LinearConstraint(out_r, 1, 1))
            cons.append(LinearConstraint(row(), 0, 0))
            y = row(); y[0, na + i] = 1; cons.append(LinearConstraint(y, 1, 1))
        elif i == e:
            cons.append(LinearConstraint(in_r, 1, 1))
            y = row(); y[0, na + i] = 1; cons.append(LinearConstraint(y, 1, 1))
        else:
            out_r[0, na + i] = -1
            in_r[0, na + i] = -1
            cons.append(LinearConstraint(out_r, 0, 0))
            cons.append(LinearConstraint(in_r, 0, 0))
    length = row()
    for k, (a, b) in enumerate(arcs):
        length[0, k] = d[a, b]
    cons.append(LinearConstraint(length, 0, tmax))
    integrality = np.ones(nv)
    bounds = Bounds(np.zeros(nv), np.ones(nv))
    for _ in range(500):
        res = milp(c, constraints=cons, integrality=integrality, bounds=bounds, options={"mip_rel_gap": 0})
        x = res.x
        succ = {a: b for k, (a, b) in enumerate(arcs) if x[k] > 0.5}
        # the path from start
        path, v = [s], s
        while v in succ and v != e:
            v = succ[v]
            path.append(v)
        on_path = set(path)
        cycles, seen = [], set(on_path)
        for a in list(succ):
            if a in seen:
                continue
            cyc, v = [], a
            while v not in seen:
                seen.add(v)
                cyc.append(v)
                v = succ[v]
            cycles.append(cyc)
        if not cycles:
            score = -res.fun
            L = sum(d[path[i], path[i + 1]] for i in range(len(path) - 1))
            return tmax, score, path, L
        for cyc in cycles:
            S = set(cyc)
            for k0 in cyc:  # sum of arcs inside S <= sum of y over S minus y_k0
                r = row()
                for k, (a, b) in enumerate(arcs):
                    if a in S and b in S:
                        r[0, k] = 1
                for i in S:
                    if i != k0:
                        r[0, na + i] = -1
                cons.append(LinearConstraint(r, -np.inf, 0))
    raise RuntimeError('too many cut rounds')


if __name__ == '__main__':
    for p in sys.argv[1:]:
        tmax, score, path, L = solve(p)
        print(f"{p.split('/')[-1]}\ttmax {tmax:g}\toptimum {score:g}\tlength {L:.6f}\troute {path}")
