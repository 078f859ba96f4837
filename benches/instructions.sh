#!/usr/bin/env bash
# Counts the instructions each benchmark case runs, under callgrind, and
# prints each against its baseline. A count does not move with the machine's
# load, so the ratios are repeatable on a shared, noisy machine.
#
# Both sides of a comparison run the same number of times (20,000, or 10
# for the 2 MiB body: see `runs` in instructions.rs). The count of the
# driver building the inputs and running nothing is taken off each, and
# what is left is given per run.
#
#   bash benches/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }

cargo build -q --release -p api-error-benches --example instructions ${BENCH_FEATURES:+--features "$BENCH_FEATURES"}
# The driver is where cargo put it: CARGO_TARGET_DIR, if set.
driver=${CARGO_TARGET_DIR:-target}/release/examples/instructions
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Each case and its baseline agree on what they parse, or nothing is counted.
"$driver" check

count() { # case [runs]
  valgrind --tool=callgrind --callgrind-out-file="$out/$1" "$driver" "$@" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

setup=$(count setup)

compare() { # name case baseline runs
  local ours theirs
  ours=$(count "$2" "$4")
  theirs=$(count "$3" "$4")
  awk -v name="$1" -v a="$((ours - setup))" -v b="$((theirs - setup))" -v ca="$2" -v cb="$3" -v runs="$4" \
    'BEGIN { printf "%-36s %6d runs  %-18s %12.1f  %-22s %12.1f  ratio %.3f\n", name, runs, ca, a / runs, cb, b / runs, a / b }'
}

echo "instructions per run of each case, without the $setup of start-up and inputs"
"$driver" list | while IFS='|' read -r what ours theirs runs; do
  compare "$what" "$ours" "$theirs" "$runs"
done
