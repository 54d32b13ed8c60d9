#!/usr/bin/env python3
"""The Monte Carlo of simulate.Uncertainty, vectorised in NumPy, for comparison.

Usage: python3 bench/mc_numpy.py bench/plan10.json [RUNS]

bench/plan10.json is the Go benchmark plan (benchUncertaintyPlan in
simulate/uncertainty_test.go) as the Go fast model sees it: every channel's
inputs after defaults, its monthly shares, and the ranges as PERT parameters.
Regenerate it with:  CAMPAIGNSIM_WRITE_BENCH=1 go test ./simulate -run TestBenchPlanJSON

The formulas are those of simulate/fast.go (which mirrors the decimal engine,
MODEL.md); each is applied to all runs at once. PERT is NumPy's beta scaled
to [low, high] with alpha = 1 + 4(mode - low)/(high - low) and
beta = 1 + 4(high - mode)/(high - low). The random streams differ from Go's,
so the two agree statistically, not digit for digit: with 10 000 runs the
quantiles of customers should agree within about 1 %.

Prints the time of the simulation (drawing, model and quantiles) and the
P10/P50/P90 and mean of customers (quantiles by linear interpolation of order
statistics, type 7: NumPy's default, as in Go), next to Go's figures.
"""

import json
import sys
import time

import numpy as np


def sat(x, has_cap, cap):
    """MODEL.md's saturation: cap * (1 - exp(-x / cap)), or x without a cap."""
    x = np.maximum(x, 0.0)
    if not has_cap:
        return x
    cap = np.broadcast_to(cap, x.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        u = np.where(cap > 0, x / np.where(cap > 0, cap, 1.0), 0.0)
        y = np.where(u > 100, cap, -cap * np.expm1(-u))
    return np.where(cap > 0, y, 0.0)


def channel_funnel(ch, v, b2b, first_order_revenue):
    """cost, customers (arrays over runs) of one channel: fast.go's funnel."""
    kind = ch["kind"]
    n = v["conversion_rate"].shape
    zero = np.zeros(n)
    interactions = zero
    cost = v["fixed_cost"]
    if kind in ("email", "sms"):
        lst = v["list_size"]
        keep = 1 - v["bounce_rate"]
        sent = zero
        clicks = zero
        for _ in range(ch["sends"]):
            d = lst * keep
            u = d * v["unsubscribe_rate"]
            sent = sent + lst
            clicks = clicks + d * v["click_rate"]
            lst = np.maximum(lst - u, 0)
        cost = v["fixed_cost"] + v["cost_per_message"] * sent
        interactions = clicks
    elif kind == "search":
        with np.errstate(divide="ignore", invalid="ignore"):
            driver = np.where(v["cpc"] != 0, v["budget"] / v["cpc"], 0.0)
        interactions = sat(driver, ch["has_max_clicks"], v["max_clicks"])
        cost = v["budget"] + v["fixed_cost"]
    elif kind in ("display", "social_ads"):
        with np.errstate(divide="ignore", invalid="ignore"):
            driver = np.where(v["cpm"] != 0, v["budget"] * 1000 / v["cpm"], 0.0)
        impr = sat(driver, ch["has_audience"], v["audience"])
        interactions = impr * (v["ctr"] if ch["has_ctr"] else 0.0)
        cost = v["budget"] + v["fixed_cost"]
    elif kind in ("social_organic", "influencer"):
        reach = sat(v["posts"] * v["followers"] * v["reach_rate"], ch["has_audience"], v["audience"])
        interactions = reach * (v["ctr"] if ch["has_ctr"] else 0.0)
    elif kind in ("seo", "content"):
        interactions = v["visits_per_month"] * ch["seo_sum"]
    elif kind == "print":
        reach = sat(v["units"] * v["reach_per_unit"], ch["has_audience"], v["audience"])
        interactions = reach * v["response_rate"]
        cost = v["fixed_cost"] + v["cost_per_unit"] * v["units"]
    elif kind in ("event", "partnership"):
        interactions = v["contacts"] * v["response_rate"]
    elif kind == "affiliate":
        interactions = v["clicks"]
    conversions = interactions * v["conversion_rate"]
    if b2b:
        customers = conversions * v["lead_to_mql"] * v["mql_to_sql"] * v["sql_to_customer"]
    else:
        customers = conversions
    if kind == "affiliate":
        if ch["has_commission_per_sale"]:
            cost = cost + conversions * v["commission_per_sale"]
        elif ch["has_commission_rate"]:
            cost = cost + customers * first_order_revenue * v["commission_rate"]
    if ch["active"] == 0:
        return np.zeros(n), np.zeros(n)
    return np.broadcast_to(cost, n), np.broadcast_to(customers, n)


def simulate(model, runs, seed):
    """Every run at once: per-run customers, revenue, gross margin, net profit."""
    rng = np.random.default_rng(seed)
    biz = model["business"]
    months = model["months"]
    inputs = []
    for ch in model["channels"]:
        inputs.append({k: np.full(runs, x) for k, x in ch["inputs"].items()})
    for r in model["ranges"]:
        lo, mode, hi = r["low"], r["mode"], r["high"]
        if hi > lo:
            a = 1 + 4 * (mode - lo) / (hi - lo)
            b = 1 + 4 * (hi - mode) / (hi - lo)
            inputs[r["channel"]][r["input"]] = lo + (hi - lo) * rng.beta(a, b, runs)
        else:
            inputs[r["channel"]][r["input"]] = np.full(runs, lo)
    cost_m = np.zeros((runs, months))
    cust_m = np.zeros((runs, months))
    for ch, v in zip(model["channels"], inputs):
        cost, cust = channel_funnel(ch, v, model["b2b"], biz["first_order_revenue"])
        cost_m += np.outer(cost, ch["cost_share"])
        cust_m += np.outer(cust, ch["share"])
    # cohort money: first orders at A(1-d), repeats r^k * o orders at A
    stock = np.zeros(runs)
    revenue = np.zeros(runs)
    cogs = np.zeros(runs)
    for t in range(months):
        if biz["repeats"] and t > 0:
            stock = biz["retention"] * (stock + cust_m[:, t - 1])
        rev = cust_m[:, t] * biz["first_order_revenue"]
        orders = cust_m[:, t].copy()
        if biz["repeats"]:
            rev += stock * biz["orders_times_order"]
            orders += stock * biz["orders_per_month"]
        revenue += rev
        cogs += orders * biz["order_cogs"]
    customers = cust_m.sum(axis=1)
    gross_margin = revenue - cogs
    net_profit = gross_margin - cost_m.sum(axis=1)
    return customers, revenue, gross_margin, net_profit


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    with open(sys.argv[1], encoding="utf-8") as f:
        model = json.load(f)
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else model["runs"]
    seed = model["seed"]

    # check the formulas: with every input at its plan value the model must
    # give the decimal engine's customers
    det = dict(model, ranges=[dict(r, low=r["mode"], high=r["mode"]) for r in model["ranges"]])
    c0 = simulate(det, 1, seed)[0][0]
    want = model["go"]["deterministic_customers"]
    if abs(c0 - want) > 1e-9 * max(1.0, abs(want)):
        print(f"formulas disagree with Go: customers {c0!r}, Go {want!r}", file=sys.stderr)
        sys.exit(1)

    simulate(model, 100, seed)  # warm up
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        customers = simulate(model, runs, seed)[0]
        p10, p50, p90 = np.quantile(customers, [0.1, 0.5, 0.9])  # type 7
        mean = customers.mean()
        best = min(best, time.perf_counter() - t0)
    go = model["go"]
    print(f"numpy {np.__version__}: {runs} runs in {best * 1000:.1f} ms (best of 5)")
    print(f"customers  P10 {p10:.2f}  P50 {p50:.2f}  P90 {p90:.2f}  mean {mean:.2f}")
    print(f"Go         P10 {go['customers_p10']}  P50 {go['customers_p50']}  P90 {go['customers_p90']}  mean {go['customers_mean']}")


if __name__ == "__main__":
    main()
