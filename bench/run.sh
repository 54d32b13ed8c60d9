#!/usr/bin/env bash
# Measures CampaignSim's hot paths and runs the same Monte Carlo in NumPy and
# the same budget optimisation in SciPy (SLSQP) beside them, on this machine.
# Usage: bench/run.sh   (or: make bench). Prints everything; the README's
# performance section is copied from its output.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for p in python3-numpy python3-scipy time; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3)"
echo "== Go benchmarks (go test -bench, 5 runs each)"
go test -run '^$' -bench 'Decode' -benchmem -count 5 ./plan/ | grep -E '^Benchmark'
go test -run '^$' -bench 'ActualsCSV|GoogleAds|EncodeOver' -benchmem -count 3 ./plan/ | grep -E '^Benchmark'
go test -run '^$' -bench 'Run10|Uncertainty10|Optimize10|Allocate10' -benchmem -count 5 ./simulate/ | grep -E '^Benchmark'
go test -run '^$' -bench '200x60' -benchmem -count 3 ./simulate/ | grep -E '^Benchmark'
go test -run '^$' -bench 'Export' -benchmem -count 3 ./simulate/report/ | grep -E '^Benchmark'
go test -run '^$' -bench 'Workbook' -benchmem -count 3 ./simulate/report/ | grep -E '^Benchmark'
go test -run '^$' -bench 'ImportActualsYearDaily' -benchmem -count 3 ./plan/ | grep -E '^Benchmark'
go test -run '^$' -bench 'GradeClass200' -benchmem -count 1 -benchtime 1x ./simulate/ | grep -E '^Benchmark'
echo "== The command line on large and hostile files: wall time and peak memory (/usr/bin/time)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CGO_ENABLED=0 go build -o "$work/cli" ./cmd/campaignsim-cli
/usr/bin/python3 bench/gen.py big "$work/big.toml" 200 60
/usr/bin/python3 bench/gen.py nested-inline "$work/nested-inline.toml" 100000
/usr/bin/python3 bench/gen.py nested-inline "$work/nested-inline-10mb.toml" 10000000
/usr/bin/python3 bench/gen.py nested-arrays "$work/nested-arrays.toml" 50000
/usr/bin/python3 bench/gen.py long-cell "$work/long-cell.csv" 5000000
measure() { # label, then the command; a refusal (exit 1) is the expected answer for hostile files
  /usr/bin/time -f "  $1: %e s, peak %M KB" "${@:2}" >/dev/null 2>"$work/err" || true
  tail -n 1 "$work/err"
}
measure "validate, 100 KB of nested inline tables" "$work/cli" validate "$work/nested-inline.toml"
measure "validate, 10 MB of nested inline tables" "$work/cli" validate "$work/nested-inline-10mb.toml"
measure "validate, 50 000 nested arrays" "$work/cli" validate "$work/nested-arrays.toml"
measure "evaluate, a CSV with a 5 MB cell" "$work/cli" evaluate "$work/big.toml" --actuals "$work/long-cell.csv"
measure "simulate, 200 channels x 60 months" "$work/cli" simulate "$work/big.toml" --format json
measure "sensitivity, 200 x 60" "$work/cli" sensitivity "$work/big.toml"
measure "uncertainty, 200 x 60 (2 000 runs)" "$work/cli" uncertainty "$work/big.toml"
measure "optimize, 200 x 60" "$work/cli" optimize "$work/big.toml"
measure "export to PDF, 200 x 60" "$work/cli" export "$work/big.toml" -o "$work/big.pdf"
echo "== NumPy: the same Monte Carlo (bench/plan10.json)"
/usr/bin/python3 bench/mc_numpy.py bench/plan10.json
echo "== SciPy SLSQP: the same optimisation (bench/opt10.json)"
/usr/bin/python3 bench/opt_scipy.py bench/opt10.json
