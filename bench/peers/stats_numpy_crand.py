"""Peer for bench/stats.ts: Gi* and local Moran conditional-permutation p-values with the algorithm of
PySAL esda's crand (one shared matrix of R draws, unit i skipped, folded p_sim = (M+1)/(R+1)),
vectorised per unit with NumPy. Used because esda itself is not installable from Debian 12
(python3-libpysal exists, python3-esda does not); when esda is importable it is timed instead.

Usage: python3 stats_numpy_crand.py input.json [numpy|esda]; prints one JSON line {engine, seconds}.
"""
import json
import sys
import time

import numpy as np


def numpy_crand(values, offsets, neighbors, weights, R, seed=1):
    n = len(values)
    x = np.asarray(values, dtype=float)
    z = x - x.mean()
    m2 = (z * z).sum() / n
    offsets = np.asarray(offsets)
    neighbors = np.asarray(neighbors)
    weights = np.asarray(weights, dtype=float)
    card = np.diff(offsets)
    maxk = card.max()
    rng = np.random.default_rng(seed)
    rids = np.array([rng.permutation(n - 1)[:maxk] for _ in range(R)])
    p_lisa = np.full(n, np.nan)
    p_gi = np.full(n, np.nan)
    for i in range(n):
        k = card[i]
        if k == 0:
            continue
        nb = neighbors[offsets[i]:offsets[i + 1]]
        w = weights[offsets[i]:offsets[i + 1]]
        idx = rids[:, :k]
        idx = idx + (idx >= i)
        # local Moran
        obs = z[i] / m2 * (w * z[nb]).sum()
        sim = z[i] / m2 * (z[idx] * w).sum(axis=1)
        larger = (sim >= obs).sum()
        if R - larger < larger:
            larger = R - larger
        p_lisa[i] = (larger + 1) / (R + 1)
        # Gi*: self weight fixed, row re-standardised with self
        ws = w / (w.sum() + w.max())
        self_w = w.max() / (w.sum() + w.max())
        obs = self_w * x[i] + (ws * x[nb]).sum()
        sim = self_w * x[i] + (x[idx] * ws).sum(axis=1)
        larger = (sim >= obs).sum()
        if R - larger < larger:
            larger = R - larger
        p_gi[i] = (larger + 1) / (R + 1)
    return p_lisa, p_gi


def main():
    data = json.load(open(sys.argv[1]))
    engine = sys.argv[2] if len(sys.argv) > 2 else 'numpy'
    t = time.perf_counter()
    c = time.process_time()
    if engine == 'esda':
        import esda
        import libpysal
        n = len(data['values'])
        neigh = {i: data['neighbors'][data['offsets'][i]:data['offsets'][i + 1]] for i in range(n)}
        wts = {i: data['weights'][data['offsets'][i]:data['offsets'][i + 1]] for i in range(n)}
        w = libpysal.weights.W(neigh, wts)
        y = np.asarray(data['values'])
        esda.Moran_Local(y, w, permutations=data['permutations'], seed=1)
        esda.G_Local(y, w, star=True, permutations=data['permutations'], seed=1)
        label = 'PySAL esda Moran_Local + G_Local(star)'
    else:
        numpy_crand(data['values'], data['offsets'], data['neighbors'], data['weights'], data['permutations'])
        label = 'NumPy esda-crand algorithm (esda not installable)'
    print(json.dumps({'engine': label, 'seconds': time.perf_counter() - t, 'cpu_seconds': time.process_time() - c}))


if __name__ == '__main__':
    main()
