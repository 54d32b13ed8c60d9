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
bin=${1:-bin/campaignsim}
cli=${2:-}
rounds=${ROUNDS:-12}
src=assets/examples/bakery.toml
for cmd in Xvfb xdotool; do
  command -v "$cmd" >/dev/null || { echo "crash-app: $cmd is missing: run scripts/deps.sh" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "crash-app: $bin is not built: run make app" >&2; exit 1; }
validate() {
  if [ -n "$cli" ]; then "$cli" validate "$1"; else go run ./cmd/campaignsim-cli validate "$1"; fi
}

work=$(mktemp -d)
apid="" xpid=""
cleanup() {
  [ -n "$apid" ] && kill -9 "$apid" 2>/dev/null || true
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "crash-app: FAIL: $*" >&2
  echo "--- plan file ---" >&2
  cat "$work/plan.toml" >&2 || true
  echo "--- app log ---" >&2
  cat "$work/app.log" >&2 || true
  exit 1
}

for n in $(seq 90 140); do
  [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { disp=:$n; break; }
done
Xvfb "$disp" -screen 0 1440x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xpid=$!
export DISPLAY=$disp
for _ in $(seq 50); do
  xdotool getmouselocation >/dev/null 2>&1 && break
  sleep 0.1
done

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
  wid=$(timeout 60 xdotool search --sync --onlyvisible --name 'CampaignSim' 2>/dev/null | head -n1) ||
    fail "round $round: no CampaignSim window within 60 s"
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
