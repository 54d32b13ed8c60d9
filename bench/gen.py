#!/usr/bin/env python3
"""Writes the files the benchmarks and the reliability checks feed to the CLI.

  gen.py big PATH [CHANNELS] [MONTHS]   a valid plan: CHANNELS channels of every kind, MONTHS months
  gen.py nested-inline PATH [BYTES]     x = {a={a={...}}} nested until BYTES (a hostile file)
  gen.py nested-arrays PATH [DEPTH]     x = [[[...]]] DEPTH deep (a hostile file)
  gen.py long-cell PATH [BYTES]         an actuals CSV whose one cell is BYTES long
"""
import sys

KINDS = [
    ("email", 'list_size = 5000\nsends = 2\ncost_per_message = "0.002"\nopen_rate = "0.22"\nclick_rate = "0.03"\n'),
    ("sms", 'list_size = 3000\nsends = 1\ncost_per_message = "0.05"\nclick_rate = "0.05"\n'),
    ("search", 'budget = "{b}"\ncpc = "1.20"\nctr = "0.03"\n'),
    ("display", 'budget = "{b}"\ncpm = "3.50"\nctr = "0.0046"\n'),
    ("social_ads", 'budget = "{b}"\ncpm = "7.00"\nctr = "0.009"\naudience = 40000\n'),
    ("social_organic", 'followers = 2000\nreach_rate = "0.1"\nposts = 8\nctr = "0.01"\n'),
    ("influencer", 'fixed_cost = "300"\nfollowers = 20000\nreach_rate = "0.2"\nposts = 2\nctr = "0.01"\n'),
    ("seo", 'fixed_cost = "200"\nvisits_per_month = 800\nramp_months = 6\n'),
    ("content", 'fixed_cost = "150"\nvisits_per_month = 300\nramp_months = 3\n'),
    ("print", 'units = 2000\ncost_per_unit = "0.15"\nreach_per_unit = "1"\nresponse_rate = "0.01"\n'),
    ("event", 'fixed_cost = "500"\ncontacts = 150\nresponse_rate = "0.1"\n'),
    ("partnership", 'fixed_cost = "100"\ncontacts = 400\nresponse_rate = "0.05"\n'),
    ("affiliate", 'clicks = 500\ncommission_per_sale = "4"\n'),
]


def big(path, channels=200, months=60):
    out = [f'''format = 1

[plan]
title = "Plan de {channels} canaux sur {months} mois"
language = "fr"
currency = "EUR"
start = 2027-01-04
months = {months}
budget = "{channels * 2000}"

[business]
name = "Grande enseigne"
sector = "local-retail"
average_order = "25"
gross_margin = "0.6"
orders_per_month = "1"
monthly_retention = "0.8"

[[objectives]]
id = "clients"
metric = "customers"
target = "5000"
deadline = 2027-06-30
purpose = "conversion"
statement = "Gagner 5 000 clients au premier semestre"
''']
    for i in range(channels):
        kind, keys = KINDS[i % len(KINDS)]
        out.append(f'''
[[channels]]
id = "c{i:03d}"
name = "Canal {i} ({kind})"
kind = "{kind}"
conversion_rate = "0.02"
{keys.format(b=1000 + 10 * i)}''')
        if kind in ("search", "display", "social_ads"):
            out.append('ranges = { ctr = ["0.002", "0.04"], conversion_rate = ["0.01", "0.03"] }\n')
    out.append('''
[[scenarios]]
name = "Pessimiste"
factors = { ctr = "0.8", conversion_rate = "0.8" }

[simulation]
runs = 2000
seed = 1
''')
    open(path, "w").write("".join(out))


def nested_inline(path, size=100_000):
    depth = (size - 10) // 7
    open(path, "w").write("format = 1\nx = " + "{a=" * depth + "1" + "}" * depth + "\n")


def nested_arrays(path, depth=50_000):
    open(path, "w").write("format = 1\nx = " + "[" * depth + "]" * depth + "\n")


def long_cell(path, size=5_000_000):
    open(path, "w").write("channel,month,spend\n" + "x" * size + ",1,10\n")


if __name__ == "__main__":
    what, path, *rest = sys.argv[1:]
    {"big": big, "nested-inline": nested_inline, "nested-arrays": nested_arrays, "long-cell": long_cell}[what](
        path, *map(int, rest))
