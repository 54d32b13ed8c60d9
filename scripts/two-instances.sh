#!/usr/bin/env bash
# Two instances of the desktop app on one HOME must keep their unsaved
# edits apart. Starts BIN (default bin/campaignsim) twice under Xvfb, on
# a.toml and b.toml (copies of the bakery plan), types an unsaved title in
# each, waits for both recovery files (recovery-PID.toml in the app's
# storage folder), kills -9 instance A, then starts a third instance C.
# Checks, on disk and in C's log (the app logs the file it offers):
#   - C offers A's recovery file, and not B's (B is alive);
#   - B's recovery file and lock are untouched (same bytes), A's file is
#     still there (C has not answered yet);
#   - A's file holds A's edit, B's holds B's.
# The dialogs are not driven with xdotool (their buttons have no stable
# position); what they would act on is what is checked. Exits non-zero on
# failure; prints a one-line summary. Installs nothing: needs Xvfb, xdotool.
#   usage: scripts/two-instances.sh [BIN]
set -euo pipefail
lib_name=two-instances
. "$(dirname "$0")/lib.sh"
bin=${1:-bin/campaignsim}
src=assets/examples/bakery.toml
lib_need Xvfb xdotool sha256sum
[ -x "$bin" ] || { echo "two-instances: $bin is not built: run make app" >&2; exit 1; }

lib_work
fail() {
  echo "two-instances: FAIL: $*" >&2
  for l in a b c; do
    [ -e "$work/$l.log" ] && { echo "--- log of $l ---" >&2; cat "$work/$l.log" >&2; }
  done
  echo "--- storage ---" >&2
  ls -la "$store" >&2 || true
  exit 1
}

lib_xvfb 1440x900

home=$work/home
store=$home/.config/fyne/org.campaignsim.app
mkdir -p "$home"
cp "$src" "$work/a.toml"
cp "$src" "$work/b.toml"
run() { HOME=$home XDG_CONFIG_HOME=$home/.config exec "$bin" "$@"; }

# start NAME FILE: starts an instance on FILE, sets its pid in p$NAME.
start_on() {
  run "$2" >"$work/$1.log" 2>&1 &
  eval "p$1=$!"
  lib_track "$!"
  timeout 60 xdotool search --sync --onlyvisible --name "$(basename "$2")" >/dev/null 2>&1 ||
    fail "instance $1: no window for $(basename "$2") within 60 s"
}
# edit FILE TITLE: types TITLE as the plan title in the window of FILE.
edit() {
  local wid
  wid=$(xdotool search --onlyvisible --name "$(basename "$1")" | head -n1)
  xdotool key --window "$wid" Tab
  xdotool key --window "$wid" ctrl+a
  xdotool type --window "$wid" --delay 10 "$2"
  xdotool key --window "$wid" Return
}
# wait_file FILE: waits up to 20 s for FILE (the recovery files are
# written every 5 s).
wait_file() {
  for _ in $(seq 200); do [ -s "$1" ] && return 0; sleep 0.1; done
  return 1
}

t0=$(date +%s.%N)
start_on a "$work/a.toml"
start_on b "$work/b.toml"
sleep 1
edit "$work/a.toml" "Unsaved edit of A"
edit "$work/b.toml" "Unsaved edit of B"
ra=$store/recovery-$pa.toml
rb=$store/recovery-$pb.toml
wait_file "$ra" || fail "no recovery file $ra for A's edit"
wait_file "$rb" || fail "no recovery file $rb for B's edit"
grep -q 'Unsaved edit of A' "$ra" || fail "A's recovery file does not hold A's edit"
grep -q 'Unsaved edit of B' "$rb" || fail "B's recovery file does not hold B's edit"
sleep 6 # one more recovery tick: both files settled
before_b=$(sha256sum "$rb" "$store/recovery-$pb.lock")

kill -9 "$pa"
wait "$pa" 2>/dev/null || true
lib_untrack "$pa"
pa_dead=$pa pa=""

run >"$work/c.log" 2>&1 &
pc=$!
lib_track "$pc"
timeout 60 xdotool search --sync --onlyvisible --name 'CampaignSim' >/dev/null 2>&1 || fail "instance C: no window"
for _ in $(seq 100); do grep -q 'offering to restore' "$work/c.log" && break; sleep 0.1; done
grep -q "offering to restore the unsaved edits of $ra" "$work/c.log" ||
  fail "C does not offer the killed instance's edits ($ra)"
grep -q "recovery-$pb.toml" "$work/c.log" && fail "C offers the live instance B's edits"
[ "$(grep -c 'offering to restore' "$work/c.log")" = 1 ] || fail "C offers more than one recovery"
sleep 6 # a recovery tick of B and C
[ -e "$ra" ] || fail "A's recovery file was removed before anyone answered"
after_b=$(sha256sum "$rb" "$store/recovery-$pb.lock")
[ "$before_b" = "$after_b" ] || fail "the live instance B's recovery files changed"
kill -0 "$pb" 2>/dev/null || fail "instance B is no longer running"
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v k="$pa_dead" -v l="$pb" \
  'BEGIN{printf "two-instances: ok: C offers only killed A (pid %s); live B (pid %s) files untouched, %.1f s\n", k, l, b-a}'
