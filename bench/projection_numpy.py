#!/usr/bin/env python3
"""Vectorised NumPy baseline for the projection benchmark (issue 6).

Same model as src/domain/projection: KR_CPI follows an AR(1) fitted by OLS to the record
(2000-2025, latest vintage), started from the 2025 value; each simulated value is rounded half
away from zero to one decimal; the 12th SMA rule escalates 2028-2030 from the exact 2027 figure
(15,511 eok) by min(rate, 5.0) %, rounding half up to one eok (10^8 won) in integer arithmetic.
The benchmark shape is `years` simulated years (default 5: CPI 2026-2030 driving 2028-2032 of a
rule extended to five years), `paths` paths. Prints one JSON object: timings and results.

Usage: python3 bench/projection_numpy.py [paths] [years] [seed]
"""
import json
import os
import sys
import time

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def history(series, first, last):
    with open(os.path.join(ROOT, "data", "indices", f"{series}.json"), encoding="utf-8") as f:
        values = json.load(f)["values"]
    latest = {}
    for v in values:
        if first <= v["period"] <= last:
            latest[v["period"]] = float(v["value"])  # later release wins
    return sorted(latest.items())


def fit_ar1(points):
    xs, ys = [], []
    for (p0, x0), (p1, x1) in zip(points, points[1:]):
        if p1 == p0 + 1:
            xs.append(x0)
            ys.append(x1)
    x, y = np.array(xs), np.array(ys)
    mx, my = x.mean(), y.mean()
    phi = ((x - mx) * (y - my)).sum() / ((x - mx) ** 2).sum()
    c = my - phi * mx
    sigma = np.sqrt(((y - c - phi * x) ** 2).sum() / (len(x) - 2))
    return c, phi, sigma


def main():
    paths = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    years = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    pts = history("KR_CPI", 2000, 2025)
    c, phi, sigma = fit_ar1(pts)
    start = pts[-1][1]
    cap_k = 50  # 5.0 % in tenths
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    eps = rng.standard_normal((years, paths))
    amount = np.full(paths, 15511, dtype=np.int64)  # eok
    x = np.full(paths, start)
    amounts = np.empty((years, paths), dtype=np.int64)
    cap_binds = []
    for y in range(years):
        x = c + phi * x + sigma * eps[y]
        v = x * 10.0
        k = np.where(v < 0, -np.floor(-v + 0.5), np.floor(v + 0.5)).astype(np.int64)
        capped = k > cap_k
        cap_binds.append(float(capped.mean()))
        k = np.minimum(k, cap_k)
        num = amount * (1000 + k)
        # half-up to whole eok: floor((2·num + 1000) / 2000)
        amount = (2 * num + 1000) // 2000
        amounts[y] = amount
    total = amounts.sum(axis=0)
    qs = [5, 25, 50, 75, 95]
    per_year = np.percentile(amounts, qs, axis=1).T * 1e8
    tq = np.percentile(total, qs) * 1e8
    means = amounts.mean(axis=1) * 1e8
    hist, _ = np.histogram(total, bins=40)
    t1 = time.perf_counter()
    print(
        json.dumps(
            {
                "paths": paths,
                "years": years,
                "seconds": t1 - t0,
                "numpy": np.__version__,
                "params": {"c": c, "phi": phi, "sigma": sigma, "start": start},
                "capBinds": cap_binds,
                "perYear": [[round(v) for v in row] for row in per_year.tolist()],
                "means": [round(m) for m in means.tolist()],
                "total": [round(v) for v in tq.tolist()],
                "histogramBins": int(hist.size),
            }
        )
    )


if __name__ == "__main__":
    main()
