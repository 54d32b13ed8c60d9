#!/usr/bin/env bash
# End-to-end smoke test of the desktop app: starts BIN (default
# bin/campaignsim) under Xvfb with a fresh HOME (a new user: no
# preferences, no recent files) on a copy of the bakery example, waits for
# its window and checks, with keys sent by xdotool as a user types them:
#   - the window shows the plan, clean (no "•" in the title);
#   - an edit (Tab to the budget, 6000, Enter) marks the title "•" and
#     changes the key figures (a screenshot of the results pane);
#   - Ctrl+Z takes it back: no "•", the figures change back;
#   - Ctrl+Y makes it again: "•", the same figures as after the edit;
#   - Ctrl+S saves: no "•"; the file on disk now says budget 6000 and
#     nothing else changed (its comments kept, line for line);
#   - the app is still running; a screenshot is left in bin/smoke.png.
# Waits are bounded (20 s each) and end as soon as the window shows what
# is expected. On failure it prints what it saw and the app's log.
#   usage: scripts/smoke.sh [BIN]
set -euo pipefail
lib_name=smoke
. "$(dirname "$0")/lib.sh"
bin=${1:-bin/campaignsim}
src=assets/examples/bakery.toml
shot=${SMOKE_PNG:-bin/smoke.png}
lib_need Xvfb xdotool import compare
[ -x "$bin" ] || { echo "smoke: $bin is not built: run make app" >&2; exit 1; }

lib_work
log=$work/app.log
fail() {
  echo "smoke: FAIL: $*" >&2
  echo "--- window title: $(lib_title "${wid:-0}" || true)" >&2
  echo "--- app log ---" >&2
  cat "$log" >&2 || true
  [ -n "${keep:-}" ] && cp -r "$work" "$keep" && echo "smoke: files kept in $keep" >&2
  exit 1
}

lib_xvfb 1440x900
cp "$src" "$work/plan.toml"
mkdir -p "$work/home"
start=$(date +%s.%N)
HOME=$work/home XDG_CONFIG_HOME=$work/home/.config "$bin" "$work/plan.toml" >"$log" 2>&1 &
apid=$!
lib_track "$apid"
wid=$(lib_window 'CampaignSim') || true
[ -n "$wid" ] || fail "no CampaignSim window within 60 s"
shown=$(date +%s.%N)
awk -v a="$start" -v b="$shown" 'BEGIN{printf "smoke: window shown %.2f s after start\n", b-a}'

# The key figures of the results pane (right of the split, at the top) at
# 1440x900: the window fills the screen's width below its 30-unit top.
figures() { import -window root -crop 590x200+845+130 +repage "$1"; }
# same A B: the two pictures are identical.
same() { [ "$(compare -metric AE "$1" "$2" null: 2>&1 || true)" = 0 ]; }
# until WHAT CMD...: runs CMD every 0.2 s until it succeeds, 20 s at most.
until_ok() {
  local what=$1
  shift
  for _ in $(seq 100); do "$@" && return 0; sleep 0.2; done
  fail "$what (after 20 s)"
}
dirty() { lib_title "$wid" | grep -q '^• '; }
clean() { lib_title "$wid" | grep -q '^[^•]' && ! dirty; }
differs_from() { figures "$work/now.png" && ! same "$work/now.png" "$1"; }
same_as() { figures "$work/now.png" && same "$work/now.png" "$1"; }

until_ok "the title does not show the plan" sh -c "xdotool getwindowname $wid | grep -q 'plan.toml'"
clean || fail "a plan just opened is marked unsaved"
sleep 2 # the first layout and simulation
figures "$work/start.png"

# An edit: the budget, the 8th field from the top of the Plan screen.
for _ in $(seq 8); do xdotool key --window "$wid" Tab; done
xdotool key --window "$wid" ctrl+a
xdotool type --window "$wid" --delay 20 "6000"
xdotool key --window "$wid" Return
until_ok "the edit did not mark the title unsaved" dirty
until_ok "the edit did not change the key figures" differs_from "$work/start.png"
sleep 1 # let the last results land
figures "$work/edited.png"
echo "smoke: edit: title \"$(lib_title "$wid")\""

xdotool key --window "$wid" ctrl+z
until_ok "Ctrl+Z left the title marked unsaved" clean
until_ok "Ctrl+Z did not change the key figures back" differs_from "$work/edited.png"
echo "smoke: Ctrl+Z: title \"$(lib_title "$wid")\", figures changed back"

xdotool key --window "$wid" ctrl+y
until_ok "Ctrl+Y did not mark the title unsaved again" dirty
until_ok "Ctrl+Y did not show the edited figures again" same_as "$work/edited.png"
echo "smoke: Ctrl+Y: title \"$(lib_title "$wid")\", the edited figures again"

xdotool key --window "$wid" ctrl+s
until_ok "Ctrl+S left the title marked unsaved" clean
grep -q '^budget = "6000"' "$work/plan.toml" || fail "the saved file does not say budget = \"6000\": $(grep -m1 '^budget' "$work/plan.toml")"
changed=$(diff "$src" "$work/plan.toml" | grep -c '^[<>]' || true)
[ "$changed" = 2 ] || fail "the save changed $changed lines, want only the budget's: $(diff "$src" "$work/plan.toml" | head -20)"
diff <(grep '#' "$src") <(grep '#' "$work/plan.toml") >/dev/null || fail "the save lost or changed comments"
echo "smoke: Ctrl+S: saved, only the budget line changed, $(grep -c '#' "$work/plan.toml") comment lines kept"

kill -0 "$apid" 2>/dev/null || fail "the app exited"
mkdir -p "$(dirname "$shot")"
import -window root "$shot" || fail "cannot take the screenshot"
echo "smoke: screenshot $shot"
lib_stop "$apid"
wait "$apid" 2>/dev/null || true
lib_untrack "$apid"
echo "smoke: ok"
