#!/usr/bin/env bash
# Counts the instructions each benchmark case runs, under callgrind, and
# prints each against its baseline. A count does not move with the machine's
# load, so the ratios are repeatable on a shared, noisy machine.
#
#   bash benches/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }

cargo build -q --release -p api-error-benches --example instructions
driver=target/release/examples/instructions
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count() {
  valgrind --tool=callgrind --callgrind-out-file="$out/$1" "$driver" "$1" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

compare() { # name case baseline
  local ours theirs
  ours=$(count "$2")
  theirs=$(count "$3")
  awk -v name="$1" -v a="$ours" -v b="$theirs" -v ca="$2" -v cb="$3" \
    'BEGIN { printf "%-34s %-16s %12d  %-22s %12d  ratio %.3f\n", name, ca, a, cb, b, a / b }'
}

echo "instructions for 20,000 runs of each case"
"$driver" list | while IFS='|' read -r what ours theirs; do
  compare "$what" "$ours" "$theirs"
done
