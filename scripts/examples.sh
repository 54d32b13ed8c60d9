#!/usr/bin/env bash
# Runs the command line on every embedded example plan: validate, then
# simulate in every output format and for every scenario, the four planning
# tools, then evaluate where the example has actuals; then on every
# embedded case: its brief in both languages, its starting plan (which must
# validate and simulate) and the grade of that plan in every format. Fails
# on the first command that fails.
set -euo pipefail
cli=${1:?usage: examples.sh PATH/TO/campaignsim-cli}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
n=0
for f in assets/examples/*.toml; do
  name=$(basename "$f" .toml)
  "$cli" examples "$name" -o "$out/$name.toml"
  cmp -s "$f" "$out/$name.toml" || { echo "examples: '$name' written differs from $f" >&2; exit 1; }
  "$cli" validate "$out/$name.toml" >/dev/null
  for fmt in text json csv; do
    "$cli" simulate "$out/$name.toml" --scenario all --format "$fmt" >"$out/$name.$fmt"
  done
  # The planning tools (MODEL.md "Uncertainty", "Optimiser and goal seek").
  for fmt in text json; do
    "$cli" uncertainty "$out/$name.toml" --runs 2000 --format "$fmt" >/dev/null
    "$cli" optimize "$out/$name.toml" --format "$fmt" >/dev/null
    "$cli" sensitivity "$out/$name.toml" --format "$fmt" >/dev/null
    "$cli" goalseek "$out/$name.toml" --metric customers --target 100 --format "$fmt" >/dev/null
    "$cli" goalseek "$out/$name.toml" --metric customers --target 100 --mix optimize --format "$fmt" >/dev/null
  done
  # The PDF document, in both languages (English with every scenario).
  "$cli" export "$out/$name.toml" -o "$out/$name.fr.pdf" --lang fr
  "$cli" export "$out/$name.toml" -o "$out/$name.en.pdf" --lang en --scenario all
  [ -s "$out/$name.fr.pdf" ] && [ -s "$out/$name.en.pdf" ] || { echo "examples: '$name' PDF not written" >&2; exit 1; }
  if grep -q '^\[\[actuals\]\]' "$f"; then
    "$cli" evaluate "$out/$name.toml" --format json >/dev/null
    "$cli" evaluate "$out/$name.toml" >/dev/null
    "$cli" track "$out/$name.toml" --format json >/dev/null
  fi
  n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "examples: no example plans found" >&2; exit 1; }
echo "examples: $n plans validated, simulated, run through uncertainty, optimize, goalseek, sensitivity, and exported to PDF"

# The course cases (assets/cases): brief, starting plan, grade.
k=0
for f in assets/cases/*.toml; do
  id=$(basename "$f" .toml)
  LANG=fr_FR.UTF-8 "$cli" case "$id" >/dev/null
  LANG=en_US.UTF-8 "$cli" case "$id" >/dev/null
  "$cli" case "$f" >/dev/null
  "$cli" case "$id" -o "$out/case-$id.toml"
  "$cli" validate "$out/case-$id.toml" >/dev/null
  "$cli" simulate "$out/case-$id.toml" >/dev/null
  "$cli" export "$out/case-$id.toml" -o "$out/case-$id.pdf"
  for fmt in text csv json; do
    "$cli" grade --case "$id" --format "$fmt" "$out/case-$id.toml" >/dev/null
    "$cli" grade --case "$f" --format "$fmt" "$out/case-$id.toml" >/dev/null
  done
  # The graded starting plan has its row, with a score (not an error).
  row=$("$cli" grade --format csv "$out/case-$id.toml" | sed -n 2p)
  case "$row" in *,) ;; *) echo "examples: case '$id': the starting plan was not graded: $row" >&2; exit 1 ;; esac
  k=$((k + 1))
done
[ "$k" -gt 0 ] || { echo "examples: no cases found" >&2; exit 1; }
echo "examples: $k cases: brief, starting plan validated, simulated, exported and graded"
