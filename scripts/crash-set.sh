#!/usr/bin/env bash
# Crash harness for `campaignsim-cli set` (issue 9, "never lose a byte"):
# makes a ~4 MB valid plan (a row of actuals per channel and month, and a
# long journal of comment lines, so that a torn or lost byte shows), then
# again and again starts `set PLAN plan.budget=N` (N alternating between two
# values) and kills it with SIGKILL after a random delay. After each kill
# the plan must be byte for byte one of its two versions — the old one or
# the new one, both of which validate — and so must PLAN.bak when there is
# one. At the end one more uncut set must leave no temporary file behind.
#
# Each run flips the budget, so there is always something to write. One
# kill in three comes 0-299 ms ($RANDOM) after the start, as a user's
# Ctrl+C or a crash would; the others 0-9 ms after the run's temporary
# file appears, inside the write itself: on this plan set reads and
# decodes for about a second first, so kills from the start alone would
# never reach the write.
#   usage: scripts/crash-set.sh [CLI]    (CLI built into a temporary folder when not given)
#   CRASH_KILLS=N sets the number of kills (default 40, at least 30 for make test)
set -euo pipefail
kills=${CRASH_KILLS:-40}
work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "crash-set: FAIL: $*" >&2
  exit 1
}

cli=${1:-}
if [ -z "$cli" ]; then
  (cd "$(dirname "$0")/.." && CGO_ENABLED=0 go build -o "$work/campaignsim-cli" ./cmd/campaignsim-cli)
  cli=$work/campaignsim-cli
fi
[ -x "$cli" ] || fail "$cli is not an executable"

plan=$work/plan.toml
awk -v C=5 -v M=12 -v K=700 'BEGIN {
  print "# Crash test plan for campaignsim-cli set (scripts/crash-set.sh): a row of"
  print "# actuals per channel and month, and a long journal of comment lines."
  print "format = 1\n"
  print "[plan]\ntitle = \"Crash test\"\nstart = 2027-01-04\nmonths = " M "\nbudget = \"5000\"   # the value the harness flips\n"
  print "[business]\nname = \"Fromagerie\"\naverage_order = \"10\"\ngross_margin = \"0.5\"\n"
  for (c = 1; c <= C; c++)
    printf "# channel %d\n[[channels]]\nid = \"c%d\"\nname = \"Partenaire %d\"\nkind = \"partnership\"\ncontacts = 100\nresponse_rate = \"0.1\"\nconversion_rate = \"0.2\"\n\n", c, c, c
  for (c = 1; c <= C; c++) for (m = 1; m <= M; m++) {
    printf "[[actuals]]   # c%d, month %d\nchannel = \"c%d\"\nmonth = %d\nspend = \"1.50\"\ncustomers = \"2\"\nrevenue = \"20.00\"\n", c, m, c, m
    for (k = 1; k <= K; k++)
      printf "# journal c%d m%d %d : coupons comptés en caisse, relevé du vendredi, aucune anomalie\n", c, m, k
    print ""
  }
}' >"$plan"
size=$(wc -c <"$plan")
[ "$size" -ge 3500000 ] || fail "the generated plan is only $size bytes"
"$cli" validate "$plan" >/dev/null || fail "the generated plan does not validate"

# The two versions the plan may hold, and how long one uncut run takes.
cp "$plan" "$work/old.toml"
t0=$(date +%s%N)
"$cli" set "$plan" plan.budget=6000 || fail "an uncut set failed"
t1=$(date +%s%N)
run_ms=$(((t1 - t0) / 1000000))
cp "$plan" "$work/new.toml"
"$cli" validate "$work/new.toml" >/dev/null || fail "the plan set uncut does not validate"
grep -qx 'budget = "6000"   # the value the harness flips' "$work/new.toml" || fail "the uncut set did not write budget = \"6000\""
changed=$(diff "$work/old.toml" "$work/new.toml" | grep -c '^[<>]' || true)
[ "$changed" = 2 ] || fail "the uncut set changed $changed lines, not the one budget line"
rm -f "$plan.bak"

killed=0 midwrite=0 finished=0 old=0 new=0
shopt -s nullglob
for i in $(seq "$kills"); do
  # Flip the budget: set always has something to write.
  if cmp -s "$plan" "$work/new.toml"; then value=5000; else value=6000; fi
  "$cli" set "$plan" plan.budget=$value 2>"$work/stderr" &
  pid=$!
  if [ $((i % 3)) = 1 ]; then
    # Anywhere in the first 300 ms: reading, editing, or writing.
    sleep "0.$(printf %03d $((RANDOM % 300)))"
  else
    # Inside the write: once this set's temporary file exists (fileio
    # names it .plan.toml[.bak].PID.*.tmp), 0-9 ms more.
    for _ in $(seq 2000); do
      tmp=("$work"/.plan.toml*."$pid".*.tmp)
      [ ${#tmp[@]} -gt 0 ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.002
    done
    sleep "0.$(printf %03d $((RANDOM % 10)))"
  fi
  tmp=("$work"/.plan.toml*."$pid".*.tmp)
  kill -9 "$pid" 2>/dev/null || true
  rc=0
  wait "$pid" 2>/dev/null || rc=$?
  pid=""
  case $rc in
    137)
      killed=$((killed + 1))
      [ ${#tmp[@]} -gt 0 ] && midwrite=$((midwrite + 1))
      ;;
    0) finished=$((finished + 1)) ;;
    *) fail "kill $i: set exited with $rc before the kill: $(cat "$work/stderr")" ;;
  esac
  # Byte for byte one of the two versions, both of which validate.
  if cmp -s "$plan" "$work/old.toml"; then
    old=$((old + 1))
  elif cmp -s "$plan" "$work/new.toml"; then
    new=$((new + 1))
  else
    fail "kill $i: the plan is neither the old nor the new version ($(wc -c <"$plan") bytes)"
  fi
  if [ -e "$plan.bak" ] && ! cmp -s "$plan.bak" "$work/old.toml" && ! cmp -s "$plan.bak" "$work/new.toml"; then
    fail "kill $i: the plan's .bak is torn"
  fi
done
"$cli" validate "$plan" >/dev/null || fail "the plan does not validate after the kills"

# The temporary files of killed writers go at the next write.
"$cli" set "$plan" plan.budget=7000 || fail "the last uncut set failed"
grep -qx 'budget = "7000"   # the value the harness flips' "$plan" || fail "the last set did not write budget = \"7000\""
left=$(find "$work" -name '*.tmp' | wc -l)
[ "$left" = 0 ] || fail "$left temporary files left behind: $(find "$work" -name '*.tmp')"

echo "crash-set: $kills kills, plan always whole ($killed killed in flight, $midwrite of them while writing; $finished had finished; $old times old, $new new; one run ${run_ms} ms; ${SECONDS} s in all)"
