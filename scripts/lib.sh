# shellcheck shell=bash
# What the scripts that drive the real desktop app under Xvfb share:
# sourced, never run. Set lib_name (the script's name, for messages)
# before sourcing; then:
#   lib_need CMD...          exits unless every CMD is installed
#   lib_work                 makes the temporary folder $work, removed at exit
#   lib_xvfb [WxH]           starts Xvfb (default 1440x900) on a free display,
#                            exports DISPLAY, waits until it answers
#   lib_track PID            kills PID (kill -9) at exit if it still runs
#   lib_untrack PID          forgets PID (it has ended and been waited for:
#                            its number may be another process's by exit)
#   lib_window NAME [SECS]   waits (default 60 s) for a visible window whose
#                            title matches NAME, prints its id
#   lib_title WID            prints the window's title
#   lib_stop PID             ends PID as the window manager would (TERM,
#                            then KILL after 5 s)
# Everything started is ended at exit (trap), even on failure.
lib_name=${lib_name:-script}
lib_pids=()
work=""
lib_xpid=""

lib_need() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null || { echo "$lib_name: $cmd is missing: run scripts/deps.sh" >&2; exit 1; }
  done
}

lib_cleanup() {
  local p
  for p in "${lib_pids[@]+"${lib_pids[@]}"}"; do kill -9 "$p" 2>/dev/null || true; done
  [ -n "$lib_xpid" ] && kill "$lib_xpid" 2>/dev/null || true
  [ -n "$work" ] && rm -rf "$work"
  return 0
}
trap lib_cleanup EXIT

lib_work() { work=$(mktemp -d); }

lib_track() { lib_pids+=("$1"); }

lib_untrack() {
  local p keep=()
  for p in "${lib_pids[@]+"${lib_pids[@]}"}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  lib_pids=("${keep[@]+"${keep[@]}"}")
}

lib_xvfb() {
  local size=${1:-1440x900} n disp=""
  # A free display number: Xvfb refuses one that is taken.
  for n in $(seq 90 140); do
    [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { disp=:$n; break; }
  done
  [ -n "$disp" ] || { echo "$lib_name: no free X display in :90..:140" >&2; exit 1; }
  Xvfb "$disp" -screen 0 "${size}x24" -nolisten tcp >"${work:-/tmp}/xvfb.log" 2>&1 &
  lib_xpid=$!
  export DISPLAY=$disp
  for _ in $(seq 50); do
    xdotool getmouselocation >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "$lib_name: Xvfb on $disp does not answer" >&2
  exit 1
}

lib_window() {
  timeout "${2:-60}" xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -n1
}

lib_title() { xdotool getwindowname "$1" 2>/dev/null; }

lib_stop() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}
