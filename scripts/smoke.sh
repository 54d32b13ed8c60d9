#!/usr/bin/env bash
# End-to-end smoke test of the desktop app: starts BIN (default
# bin/campaignsim) on the bakery example under Xvfb with a fresh HOME (a new
# user: no preferences, no recent files), waits for its window, checks it
# is still running a few seconds later, saves a screenshot to bin/smoke.png
# and closes it. On failure it prints the app's log.
#   usage: scripts/smoke.sh [BIN]
set -euo pipefail
bin=${1:-bin/campaignsim}
plan=assets/examples/bakery.toml
shot=${SMOKE_PNG:-bin/smoke.png}
for cmd in Xvfb xdotool import; do
  command -v "$cmd" >/dev/null || { echo "smoke: $cmd is missing: run scripts/deps.sh" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "smoke: $bin is not built: run make app" >&2; exit 1; }

work=$(mktemp -d)
log=$work/app.log
apid="" xpid=""
cleanup() {
  [ -n "$apid" ] && kill "$apid" 2>/dev/null || true
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "smoke: FAIL: $*" >&2
  echo "--- app log ---" >&2
  cat "$log" >&2 || true
  exit 1
}

# A free display number: Xvfb refuses one that is taken.
for n in $(seq 90 140); do
  [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { disp=:$n; break; }
done
Xvfb "$disp" -screen 0 1440x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xpid=$!
for _ in $(seq 50); do
  DISPLAY=$disp xdotool getmouselocation >/dev/null 2>&1 && break
  sleep 0.1
done

mkdir -p "$work/home"
start=$(date +%s.%N)
HOME=$work/home XDG_CONFIG_HOME=$work/home/.config DISPLAY=$disp "$bin" "$plan" >"$log" 2>&1 &
apid=$!
DISPLAY=$disp timeout 60 xdotool search --sync --onlyvisible --name 'CampaignSim' >/dev/null 2>&1 ||
  fail "no CampaignSim window within 60 s"
shown=$(date +%s.%N)
awk -v a="$start" -v b="$shown" 'BEGIN{printf "smoke: window shown %.2f s after start\n", b-a}'
sleep 5
kill -0 "$apid" 2>/dev/null || fail "the app exited within 5 s of showing its window"
title=$(DISPLAY=$disp xdotool search --onlyvisible --name 'CampaignSim' getwindowname 2>/dev/null | head -n1)
echo "smoke: window title: $title"
mkdir -p "$(dirname "$shot")"
DISPLAY=$disp import -window root "$shot" || fail "cannot take the screenshot"
echo "smoke: screenshot $shot"
kill "$apid"
for _ in $(seq 50); do kill -0 "$apid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$apid" 2>/dev/null; then kill -9 "$apid"; fi
apid=""
echo "smoke: ok"
