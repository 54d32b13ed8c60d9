#!/usr/bin/env bash
# Crash test of the desktop app's save: ROUNDS times (default 12), start
# BIN (default bin/campaignsim) under Xvfb on a copy of the bakery plan,
# type a new title with xdotool, press Ctrl+S, and kill -9 the app at a
# random moment 0 to 1.5 s after Ctrl+S. After each kill the plan file must
# parse (CLI validate: the built CLI given as second argument, else
# `go run ./cmd/campaignsim-cli`) and hold the old title or the new one,
# nothing else. Exits non-zero on the first failure, printing the file and
# the app's log; prints a one-line summary. Installs nothing: needs Xvfb,
# xdotool (scripts/deps.sh).
#   usage: scripts/crash-app.sh [BIN] [CLI]      (ROUNDS=N to change the count)
set -euo pipefail
lib_name=crash-app
. "$(dirname "$0")/lib.sh"
bin=${1:-bin/campaignsim}
cli=${2:-}
rounds=${ROUNDS:-12}
src=assets/examples/bakery.toml
lib_need Xvfb xdotool
[ -x "$bin" ] || { echo "crash-app: $bin is not built: run make app" >&2; exit 1; }
validate() {
  if [ -n "$cli" ]; then "$cli" validate "$1"; else go run ./cmd/campaignsim-cli validate "$1"; fi
}

lib_work
fail() {
  echo "crash-app: FAIL: $*" >&2
  echo "--- plan file ---" >&2
  cat "$work/plan.toml" >&2 || true
  echo "--- app log ---" >&2
  cat "$work/app.log" >&2 || true
  exit 1
}

lib_xvfb 1440x900

# The title line of a plan file: the first `title = "…"` (the [plan] one).
title_of() { grep -m1 '^title = ' "$1" | sed 's/^title = "\(.*\)"$/\1/'; }
old=$(title_of "$src")
start=$(date +%s.%N)
new_seen=0 old_seen=0
for round in $(seq "$rounds"); do
  rm -rf "$work/home" "$work"/plan.toml*
  mkdir -p "$work/home"
  cp "$src" "$work/plan.toml"
  HOME=$work/home XDG_CONFIG_HOME=$work/home/.config "$bin" "$work/plan.toml" >"$work/app.log" 2>&1 &
  apid=$!
  lib_track "$apid"
  wid=$(lib_window 'CampaignSim') || true
  [ -n "$wid" ] || fail "round $round: no CampaignSim window within 60 s"
  sleep 1 # the first layout and simulation
  new="Crash test $round"
  # Tab focuses the first field of the Plan screen, the title.
  xdotool key --window "$wid" Tab
  xdotool key --window "$wid" ctrl+a
  xdotool type --window "$wid" --delay 10 "$new"
  xdotool key --window "$wid" Return
  sleep 0.3
  xdotool key --window "$wid" ctrl+s
  # A random moment in the next 1.5 s, including "at once".
  sleep "$(awk -v r="$RANDOM" 'BEGIN{printf "%.3f", (r % 1500) / 1000}')"
  kill -9 "$apid" 2>/dev/null || true
  wait "$apid" 2>/dev/null || true
  lib_untrack "$apid"
  apid=""
  validate "$work/plan.toml" >"$work/validate.log" 2>&1 ||
    fail "round $round: the plan file does not parse after kill -9: $(cat "$work/validate.log")"
  got=$(title_of "$work/plan.toml")
  case "$got" in
    "$old") old_seen=$((old_seen + 1)) ;;
    "$new") new_seen=$((new_seen + 1)) ;;
    *) fail "round $round: title \"$got\", want the old \"$old\" or the new \"$new\"" ;;
  esac
  for f in "$work"/.plan.toml.*.tmp; do
    [ -e "$f" ] && echo "crash-app: round $round: a temporary file was left: $(basename "$f") (the next save removes it)"
  done
done
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" -v r="$rounds" -v n="$new_seen" -v o="$old_seen" \
  'BEGIN{printf "crash-app: ok: %d kills -9 after Ctrl+S, plan valid every time (%d new, %d old), %.1f s\n", r, n, o, b-a}'
