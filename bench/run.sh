#!/usr/bin/env bash
# Measures CampaignSim's hot paths and runs the same Monte Carlo in NumPy and
# the same budget optimisation in SciPy (SLSQP) beside them, on this machine.
# Usage: bench/run.sh   (or: make bench). Prints everything; the README's
# performance section is copied from its output.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for p in python3-numpy python3-scipy; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3)"
echo "== Go benchmarks (go test -bench, 5 runs each)"
go test -run '^$' -bench 'Decode' -benchmem -count 5 ./plan/ | grep -E '^Benchmark'
go test -run '^$' -bench 'Run10|Uncertainty10|Optimize10|Allocate10' -benchmem -count 5 ./simulate/ | grep -E '^Benchmark'
echo "== NumPy: the same Monte Carlo (bench/plan10.json)"
/usr/bin/python3 bench/mc_numpy.py bench/plan10.json
echo "== SciPy SLSQP: the same optimisation (bench/opt10.json)"
/usr/bin/python3 bench/opt_scipy.py bench/opt10.json
