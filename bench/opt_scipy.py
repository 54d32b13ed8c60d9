#!/usr/bin/env python3
"""The budget optimiser of simulate.Optimize, solved with SciPy, for comparison.

Usage: python3 bench/opt_scipy.py bench/opt10.json

bench/opt10.json holds the response curves of the Go benchmark plan
(optBenchPlan in simulate/optimize_test.go: 10 capped search, display and
social_ads channels with min/max budgets), the total to split, and the Go
optimum with its time. Regenerate it with:

    CAMPAIGNSIM_WRITE_OPT10=1 go test ./simulate -run TestWriteOpt10JSON

Each channel yields customers(b) = weight * cap * (1 - exp(-b * rate / cap))
(MODEL.md's saturation: clicks = sat(b/cpc, max_clicks), or impressions =
sat(b/cpm*1000, audience) times ctr, times the conversion rate). The problem,
maximise the sum subject to sum(b) = total and min <= b <= max, is solved here
with scipy.optimize.minimize(method="SLSQP") from today's budgets (with the
analytic gradient), and in Go by bisection on the Lagrange multiplier
(equal marginal returns, closed form per channel). The script prints both
optima, their times and the difference.

Debian's SciPy: apt-get install -y python3-scipy python3-numpy. When the
python3 on PATH has no SciPy (a pyenv build, say), the script runs itself
again with /usr/bin/python3.
"""

import json
import os
import sys
import time

try:
    import numpy as np
    from scipy.optimize import minimize
except ImportError:  # pragma: no cover - depends on the machine
    system = "/usr/bin/python3"
    if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system):
        os.execv(system, [system] + sys.argv)
    sys.exit("opt_scipy.py needs NumPy and SciPy: apt-get install -y python3-scipy python3-numpy")


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    chans = data["channels"]
    total = float(data["total"])
    rate = np.array([c["rate"] for c in chans])
    cap = np.array([c["cap"] for c in chans])
    w = np.array([c["weight"] for c in chans])
    lo = np.array([c["min"] for c in chans])
    hi = np.array([c["max"] for c in chans])
    x0 = np.array([c["budget"] for c in chans], dtype=float)

    def value(b):
        return float(np.sum(w * cap * -np.expm1(-b * rate / cap)))

    def neg(b):
        return -value(b)

    def neg_grad(b):
        return -(w * rate * np.exp(-b * rate / cap))

    cons = [{"type": "eq", "fun": lambda b: np.sum(b) - total, "jac": lambda b: np.ones_like(b)}]
    bounds = list(zip(lo, hi))

    def solve():
        return minimize(neg, x0, jac=neg_grad, method="SLSQP", bounds=bounds, constraints=cons,
                        options={"ftol": 1e-12, "maxiter": 500})

    res = solve()
    reps = 200
    start = time.perf_counter()
    for _ in range(reps):
        solve()
    per = (time.perf_counter() - start) / reps

    go = data["go"]
    gb = np.array(go["budgets"])
    gv = value(gb)
    sv = -res.fun
    print(f"plan: {len(chans)} capped channels, total budget {total:.2f}")
    print(f"SciPy SLSQP : {sv:.9f} customers   {per * 1e3:8.3f} ms per solve   "
          f"({res.nit} iterations, success={res.success}: {res.message})")
    print(f"Go bisection: {gv:.9f} customers   {go['seconds_per_solve'] * 1e3:8.3f} ms per solve   "
          f"(Optimize with decimal runs: {go['seconds_per_optimize'] * 1e3:.3f} ms)")
    print(f"relative difference (Go - SciPy)/SciPy: {(gv - sv) / sv:+.3e}   "
          f"sum of budgets: Go {gb.sum():.6f}, SciPy {res.x.sum():.6f}")
    print(f"{'channel':8} {'min':>8} {'max':>8} {'Go':>10} {'SciPy':>10}")
    for c, g, s in zip(chans, gb, res.x):
        print(f"{c['id']:8} {c['min']:8.0f} {c['max']:8.0f} {g:10.2f} {s:10.2f}")
    if sv > gv * (1 + 1e-3):
        print("WARNING: SciPy found an optimum more than 0.1 % better than Go's")
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
